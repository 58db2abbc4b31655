"""Ingesting articles and evidence: each document is one transaction, entirely in or out."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import func, insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from factcheck.errors import UserError
from factcheck.services.findings import store_findings
from factcheck.services.sources import previous_version, replace_source
from factcheck.store.db import session_scope
from factcheck.store.models import Alias, Archive, Claim, Document, Passage, Quantity, utc_now
from factcheck.text.checks.findings import FindingRecord
from factcheck.text.extract.aliases import harvest_aliases
from factcheck.text.extract.block_extraction import (
    QUANTITY_COLUMNS,
    BlockTask,
    Pending,
    block_extractor,
    run_ahead,
)
from factcheck.text.extract.dates import reference_for
from factcheck.text.extract.extraction import ReadDocument
from factcheck.text.read.reading import MAX_BYTES, is_readable, read_bytes

Progress = Callable[[str, int, int], None]  # (what, bytes done, bytes in all)
BLOCK_CHARS = 1_000_000
PARALLEL_MIN_BYTES = 1_000_000  # below this, starting worker processes costs more than it saves
INGEST_CACHE_KIB = 64 * 1024  # SQLite's page cache while storing a document


@dataclass
class IngestReport:
    """What a run did, as it is reported: paths and counts only, never a document's text,
    so a run over many large files holds no more than the document in hand."""

    added: list[str] = field(default_factory=list)  # paths
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    claims: int = 0
    passages: int = 0
    replaced: list[str] = field(default_factory=list)  # sources re-ingested with edits
    reanchored: int = 0  # reviewed links moved to the edited text
    orphaned: int = 0  # reviewed links that could not be, kept and flagged
    notes: list[str] = field(default_factory=list)  # what reading found worth saying (a charset)
    changed: list[tuple[str, str]] = field(default_factory=list)  # (address, fetched before on)
    already_stored: list[str] = field(default_factory=list)  # feed entries not fetched again


def collect_files(
    paths: Iterable[str | os.PathLike], *, follow_links: bool = False
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders (recursively, sorted); a missing path or an empty folder is an error.
    A file named is read as named, through a link too; inside a folder, a link is followed
    only to a file inside that folder, unless `follow_links` (folders behind links are not
    entered)."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _check_listable(path)
            inside = path.resolve()
            found = []
            for child in sorted(path.rglob("*")):
                if child.is_dir() and not child.name.startswith(".") and not _listable(child):
                    skipped.append((str(child), "cannot read this folder (permission denied)"))
                if child.name.startswith(".") or child.is_dir():
                    continue
                if not child.is_file():  # never opened: a pipe would block, a loop never resolves
                    skipped.append((str(child), "not a regular file (a pipe, device or broken link)"))
                elif not follow_links and child.is_symlink() and not child.resolve().is_relative_to(inside):
                    skipped.append((str(child), "a link to a file outside the folder (--follow-links reads it)"))
                elif is_readable(child):
                    found.append(child)
                else:
                    skipped.append((str(child), "not a supported document type"))
            if not found:
                raise UserError(f"{path}: no readable documents in this folder")
            files.extend(found)
        elif path.is_file():
            if not is_readable(path):
                raise UserError(f"{path}: not a supported document type")
            files.append(path)
        elif path.exists() or path.is_symlink():
            raise UserError(f"{path}: not a regular file")
        else:
            raise UserError(f"{path}: no such file or folder")
    return files, skipped


def _check_listable(folder: Path) -> None:
    try:
        with os.scandir(folder):
            pass
    except OSError as error:
        raise UserError(f"{folder}: cannot read ({error.strerror or error})") from None


def _listable(folder: Path) -> bool:
    return os.access(folder, os.R_OK | os.X_OK)


def ingest_paths(
    engine: Engine,
    paths: Iterable[str | os.PathLike],
    *,
    role: str = "article",
    date: str | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    follow_links: bool = False,
    url: str | None = None,
) -> IngestReport:
    """Read and store every document under `paths`. A file named alone must be readable;
    inside a folder, an unreadable file is skipped and reported. Progress counts bytes, so
    one large file shows its progress too. With `jobs` > 1 and enough to read, worker
    processes extract while this process stores; the rows are the same either way. (Workers
    are spawned: they import the calling script again, which therefore needs the usual
    `if __name__ == "__main__":` guard.) `follow_links`: see collect_files. `url`: where the
    document lives (one file only), over what the file itself says."""
    paths = list(paths)
    files, skipped = collect_files(paths, follow_links=follow_links)
    named_alone = {Path(p) for p in paths if Path(p).is_file()}
    report = IngestReport(skipped=skipped)
    sizes = [_size(path) for path in files]
    total = sum(sizes)
    workers = jobs if jobs > 1 and total >= PARALLEL_MIN_BYTES else 1
    with Session(engine) as session:  # to skip the extraction of documents already stored
        stored = set(session.exec(select(Document.sha256)))
    done = 0
    with block_extractor(workers) as (submit, window):
        opened = (_located(_open(path, size, date, stored), url) for path, size in zip(files, sizes, strict=True))
        stream = run_ahead(submit, window, _with_blocks(opened, role))
        for document, _ in stream:
            if progress:
                progress(str(document.path), done, total)
            if document.error is not None:
                if document.path in named_alone:
                    raise document.error
                report.skipped.append((str(document.path), document.reason))
            elif document.read is None:
                report.unchanged.append(str(document.path))
            else:
                step = _progress_within(progress, str(document.path), done, document.size, total)
                _store_opened(engine, document, stream, role=role, report=report, step=step)
                stored.add(document.sha)
            done += document.size
    if progress:
        progress("", total, total)
    return report


def _store_opened(engine, document, stream, *, role, report, step) -> None:
    """Store a document as its blocks come out of `stream` (taken one at a time, so the
    blocks further on are extracted meanwhile)."""
    pending = (next(stream)[1] for _ in document.blocks)
    store_document(engine, document, _results(document, pending), role=role, report=report, step=step)
    for _ in pending:  # a copy stored meanwhile under another name leaves them untaken
        pass


def store_opened_here(engine: Engine, document: OpenedDocument, *, role: str, report: IngestReport) -> None:
    """Extract and store one opened document in this process (a fetched page)."""
    with block_extractor(1) as (submit, window):
        stream = run_ahead(submit, window, _with_blocks([document], role))
        next(stream)  # the document itself; its blocks follow
        _store_opened(engine, document, stream, role=role, report=report, step=None)


@dataclass(eq=False)
class OpenedDocument:
    """A file read and decoded, or why it could not be; `read` is None when its bytes are
    already stored."""

    path: Path | str  # a file, or the address a page was fetched from
    size: int
    sha: str = ""
    read: ReadDocument | None = None
    published: str | None = None  # --date, else the document's own
    reference: str | None = None  # the date relative dates are resolved against
    blocks: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[tuple[str, str]] | None = None  # harvested from the whole text
    error: UserError | None = None
    reason: str = ""  # the error, as said when the file is skipped inside a folder
    archive: Any = None  # a fetched page (fetching.Fetched): stored with the document


def _open(path: Path, size: int, date: str | None, stored: set[str]) -> OpenedDocument:
    document = OpenedDocument(path, size)
    try:
        if size > MAX_BYTES:
            raise UserError(f"{path}: {size // 2**20} MB is over the {MAX_BYTES // 2**20} MB limit")
        data = path.read_bytes()
    except UserError as error:
        document.error, document.reason = error, str(error)
        return document
    except OSError as error:
        document.error = UserError(f"{path}: cannot read ({error.strerror})")
        document.reason = f"cannot read ({error.strerror})"
        return document
    return open_bytes(document, data, date, stored)


def open_bytes(document: OpenedDocument, data: bytes, date: str | None, stored: set[str], **reading) -> OpenedDocument:
    """Read `data` into `document` (its error instead, if unreadable); `reading` goes to
    read_bytes (the kind, charset and address of a fetched page)."""
    document.sha = hashlib.sha256(data).hexdigest()
    if document.sha in stored:
        return document
    try:
        read = read_bytes(data, str(document.path), **reading)
    except UserError as error:
        document.error, document.reason = error, str(error)
        return document
    document.read = read
    document.published = document.reference = date or read.published
    document.blocks = list(text_blocks(read.text))
    if len(document.blocks) > 1:  # else the block's extraction does the whole document's work
        document.reference = reference_for(read.text, document.reference)
        document.aliases = harvest_aliases(read.text)
    return document


def _located(document: OpenedDocument, url: str | None) -> OpenedDocument:
    if url and document.read is not None:
        document.read.url = url
    return document


def set_document_url(engine: Engine, path: Path, url: str) -> bool:
    """Record where a document already stored lives (found by its bytes, as ingest finds
    it); False when it is not stored."""
    try:
        sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as error:
        raise UserError(f"{path}: cannot read ({error.strerror})") from None
    with session_scope(engine) as session:
        document = session.exec(select(Document).where(Document.sha256 == sha)).first()
        if document is None:
            return False
        document.url = url
        session.add(document)
    return True


def _with_blocks(documents: Iterable[OpenedDocument], role: str) -> Iterator[tuple[OpenedDocument | None, BlockTask | None]]:
    """Each document, then a task for each of its blocks (read lazily, so only the blocks
    being worked on are copied)."""
    for document in documents:
        yield document, None
        if document.read is None:
            continue
        text = document.read.text
        whole = len(document.blocks) == 1
        for start, end in document.blocks:
            yield None, BlockTask(role, text[start:end], start, document.reference, whole, document.published)


def _results(document: OpenedDocument, pending: Iterator[Pending]) -> Blocks:
    """Each block's span, rows and findings, as its extraction ends; the aliases of a
    document extracted in one block come with its rows."""
    for span, block in zip(document.blocks, pending, strict=True):
        rows, aliases, findings = block.result()
        if aliases is not None:
            document.aliases = aliases
        yield StoredBlock(span, rows, findings)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _progress_within(progress: Progress | None, what: str, done: int, size: int, total: int):
    """A callback taking the fraction of one document stored, for the byte-count progress."""
    if progress is None:
        return None
    return lambda fraction: progress(what, done + int(size * fraction), total)


class StoredBlock(NamedTuple):
    span: tuple[int, int]
    rows: list[tuple]
    findings: list[FindingRecord]  # on the block's claims, by their index in `rows`


Blocks = Iterator[StoredBlock]


def store_document(
    engine: Engine,
    opened: OpenedDocument,
    blocks: Blocks,
    *,
    role: str,
    report: IngestReport,
    step: Callable[[float], None] | None = None,
) -> Document | None:
    """One transaction: the document with its claims or passages, or nothing."""
    read, sha, path = opened.read, opened.sha, str(opened.path)
    assert read is not None
    with session_scope(engine) as session:
        if session.exec(select(Document.id).where(Document.sha256 == sha)).first() is not None:
            report.unchanged.append(path)
            return None
        if role == "source":
            previous = previous_version(session, path)
            if previous is not None:
                return _replace_source(session, previous, opened, blocks, report, step)
        document = Document(
            path=path,
            title=read.title,
            role=role,
            language=read.language,
            sha256=sha,
            text=read.text,
            url=read.url,
            published=opened.published,
            author=read.author,
            site_name=read.site_name,
        )
        session.add(document)
        session.flush()
        _store_archive(session, document, opened)
        report.notes.extend(read.notes)
        rows = Rows(session)
        if role == "article":
            report.claims += _store_claims(rows, document, blocks, step)
        else:
            report.passages += _store_passages(rows, document, blocks, step)
        _store_aliases(session, opened.aliases or [])
        report.added.append(path)
        return document


def _replace_source(session, previous, opened, blocks, report, step) -> Document:
    """A source at the same path with new bytes: edited in place, reviewed links kept."""
    replaced = replace_source(
        session, previous, opened.read, opened.sha, opened.published,
        lambda s, d: _store_passages(Rows(s), d, blocks, step),
    )
    report.passages += replaced.passages
    report.reanchored += replaced.reanchored
    report.orphaned += replaced.orphaned
    report.replaced.append(previous.path)
    report.added.append(previous.path)
    _store_aliases(session, opened.aliases or [])
    _store_archive(session, previous, opened)
    report.notes.extend(opened.read.notes)
    return previous


def _store_archive(session: Session, document: Document, opened: OpenedDocument) -> None:
    """A fetched page's bytes as they came, in the document's transaction."""
    fetched = opened.archive
    if fetched is None:
        return
    session.add(Archive(
        document_id=document.id, requested_url=fetched.requested_url, final_url=fetched.final_url,
        content_type=fetched.content_type, http_date=fetched.http_date,
        fetched_at=fetched.fetched_at, sha256=opened.sha, content=fetched.content,
    ))
    session.flush()


def text_blocks(text: str, size: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) blocks of about `size` characters, cut at a line break (or else at a
    sentence end), so a large document is extracted and stored a block at a time."""
    size = size or BLOCK_CHARS
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            for mark in ("\n", "。", ". "):
                cut = text.rfind(mark, start, end)
                if cut > start:
                    end = cut + len(mark)
                    break
        yield start, end
        start = end


# the tables under the models, for bulk inserts (SQLModel does not declare them to mypy)
CLAIM_TABLE = Claim.__table__  # type: ignore[attr-defined]
PASSAGE_TABLE = Passage.__table__  # type: ignore[attr-defined]
QUANTITY_TABLE = Quantity.__table__  # type: ignore[attr-defined]
CLAIM_COLUMNS = (
    "document_id", "start", "end", "text", "label", "checkworthiness", "status", "version",
    "created_by", "created_at", "updated_at",
)


def _store_claims(rows: Rows, document: Document, blocks: Blocks, step=None) -> int:
    now = rows.timestamp(CLAIM_TABLE.c.created_at, utc_now())
    fixed = ("unreviewed", 1, "extractor", now, now)
    with rows.text_index_filled_after(CLAIM_TABLE):
        return _store_claim_blocks(rows, document, blocks, fixed, step)


def _store_claim_blocks(rows: Rows, document: Document, blocks: Blocks, fixed: tuple, step) -> int:
    document_id, count = document.id, 0
    for (_, end), claims, findings in blocks:
        if claims:
            ids = rows.insert_returning_ids(CLAIM_TABLE, CLAIM_COLUMNS, [
                (document_id, c.start, c.end, c.text, c.label, c.checkworthiness, *fixed) for c in claims
            ])
            rows.insert(QUANTITY_TABLE, ("claim_id", *QUANTITY_COLUMNS), [
                (claim_id, *quantity)
                for claim_id, claim in zip(ids, claims, strict=True)
                for quantity in claim.quantities
            ])
            store_findings(rows, document_id, ids, findings)
        count += len(claims)
        if step:
            step(end / max(len(document.text), 1))
    return count


def _store_passages(rows: Rows, document: Document, blocks: Blocks, step=None) -> int:
    with rows.text_index_filled_after(PASSAGE_TABLE):
        return _store_passage_blocks(rows, document, blocks, step)


def _store_passage_blocks(rows: Rows, document: Document, blocks: Blocks, step=None) -> int:
    text, document_id = document.text, document.id
    count = 0
    for (_, end), passages, _ in blocks:
        if passages:
            ids = rows.insert_returning_ids(PASSAGE_TABLE, ("document_id", "start", "end", "text"), [
                (document_id, p.start, p.end, text[p.start : p.end]) for p in passages
            ])
            rows.insert(QUANTITY_TABLE, ("passage_id", *QUANTITY_COLUMNS), [
                (passage_id, *quantity)
                for passage_id, passage in zip(ids, passages, strict=True)
                for quantity in passage.quantities
            ])
        count += len(passages)
        if step:
            step(end / max(len(text), 1))
    return count


class Rows:
    """Bulk inserts in the session's transaction, as tuples in a given column order.

    SQLite: the rows go straight to the driver's executemany, values converted the way
    SQLAlchemy's SQLite dialect writes them (so the ORM reads them back unchanged), ids
    known without a round trip per row (see insert_returning_ids). Elsewhere through
    SQLAlchemy's insert."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.connection = session.connection()
        self.dialect = self.connection.dialect
        self.sqlite = self.dialect.name == "sqlite"
        if self.sqlite:
            # Each claim and quantity goes into several indexes at scattered places; with
            # SQLite's default 2 MB page cache most of those pages are written out and read
            # back again within one document. The cache grows only as pages are used.
            self.connection.exec_driver_sql(f"PRAGMA cache_size=-{INGEST_CACHE_KIB}")

    @contextmanager
    def text_index_filled_after(self, table) -> Iterator[None]:
        """SQLite: the rows inserted within fill the table's trigram index in one statement
        at the end, rather than through its insert trigger one row at a time (four to five
        times the cost). The trigger is dropped and created again, exactly as it was, in
        this transaction: if anything fails, the rollback restores it with the rest, and no
        one else writes meanwhile (this transaction holds the write lock)."""
        index = _TEXT_INDEXES.get(table.name) if self.sqlite else None
        trigger = index and self.connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (index[1],)
        ).scalar()
        if not trigger:
            yield
            return
        fts, _, columns = index
        before = self.connection.execute(select(func.max(table.c.id))).scalar() or 0
        self.connection.exec_driver_sql(f"DROP TRIGGER {index[1]}")
        yield
        listed = ", ".join(columns)
        self.connection.exec_driver_sql(
            f"INSERT INTO {fts} (rowid, {listed}) SELECT id, {listed} FROM {table.name} WHERE id > ?",
            (before,),
        )
        self.connection.exec_driver_sql(trigger)

    def timestamp(self, column, value):
        """A datetime as this database is given it (on SQLite, the dialect's string form)."""
        if not self.sqlite:
            return value
        process = column.type.dialect_impl(self.dialect).bind_processor(self.dialect)
        return process(value) if process else value

    def insert(self, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows:
            return
        if self.sqlite:
            self.connection.exec_driver_sql(_insert_sql(self.dialect, table, columns), rows)
        else:
            self.session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])

    def insert_returning_ids(self, table, columns: tuple[str, ...], rows: list[tuple]) -> list[int]:
        """Insert and return the new ids in the order of `rows`.

        SQLite: this transaction already wrote the document row, so it holds the database's
        write lock until commit and no one else can take ids; a row inserted without an id
        gets the largest id so far plus one, so the ids are known from the largest before
        (and checked against the largest after). Elsewhere the database hands the ids back
        (INSERT ... RETURNING, batched by SQLAlchemy)."""
        if not self.sqlite:
            result = self.session.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True),
                [dict(zip(columns, row, strict=True)) for row in rows],
            )
            return [row[0] for row in result]
        largest = select(func.max(table.c.id))
        first = (self.connection.execute(largest).scalar() or 0) + 1
        self.insert(table, columns, rows)
        last = self.connection.execute(largest).scalar()
        if last != first + len(rows) - 1:
            raise RuntimeError(f"{table.name}: ids {first}..{last} for {len(rows)} rows")
        return list(range(first, first + len(rows)))


# table → its trigram index (migrations 0002 and 0003), the index's insert trigger, the columns
_TEXT_INDEXES = {
    "claim": ("claim_fts", "claim_fts_insert", ("text", "label")),
    "passage": ("passage_fts", "passage_fts_insert", ("text",)),
}


@cache
def _insert_sql(dialect, table, columns: tuple[str, ...]) -> str:
    quote = dialect.identifier_preparer.quote
    return (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )


def _store_aliases(session: Session, pairs: list[tuple[str, str]]) -> None:
    if not pairs:
        return
    names = {name for name, _ in pairs}
    existing = set(session.exec(select(Alias.name, Alias.variant).where(Alias.name.in_(names))).all())
    for name, variant in pairs:
        if (name, variant) not in existing:
            session.add(Alias(name=name, variant=variant))
            existing.add((name, variant))
    session.flush()
