"""Ingesting articles and evidence: each document is one transaction, entirely in or out."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from sqlalchemy import func, insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from factcheck.core.aliases import harvest_aliases
from factcheck.core.claims import extract_claims
from factcheck.core.dates import infer_reference_date
from factcheck.core.db import session_scope
from factcheck.core.errors import UserError
from factcheck.core.extraction import QuantityMatch, ReadDocument
from factcheck.core.models import Alias, Claim, Document, Passage, Quantity, utc_now
from factcheck.core.passages import split_passages
from factcheck.core.quantities import extract_quantities
from factcheck.core.reading import MAX_BYTES, is_readable, read_bytes
from factcheck.core.sources import previous_version, replace_source

Progress = Callable[[str, int, int], None]  # (what, bytes done, bytes in all)
BLOCK_CHARS = 1_000_000


@dataclass
class IngestReport:
    added: list[Document] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    claims: int = 0
    passages: int = 0
    replaced: list[str] = field(default_factory=list)  # sources re-ingested with edits
    reanchored: int = 0  # reviewed links moved to the edited text
    orphaned: int = 0  # reviewed links that could not be, kept and flagged


def collect_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders (recursively, sorted); a missing path or an empty folder is an error."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for child in sorted(path.rglob("*")):
                if child.name.startswith(".") or child.is_dir():
                    continue
                if not child.is_file():  # never opened: a pipe would block, a loop never resolves
                    skipped.append((str(child), "not a regular file (a pipe, device or broken link)"))
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


def ingest_paths(
    engine: Engine,
    paths: Iterable[str | os.PathLike],
    *,
    role: str = "article",
    date: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read and store every document under `paths`. A file named alone must be readable;
    inside a folder, an unreadable file is skipped and reported. Progress counts bytes, so
    one large file shows its progress too."""
    paths = list(paths)
    files, skipped = collect_files(paths)
    named_alone = {Path(p) for p in paths if Path(p).is_file()}
    report = IngestReport(skipped=skipped)
    sizes = [_size(path) for path in files]
    total = sum(sizes)
    done = 0
    for path, size in zip(files, sizes, strict=True):
        if progress:
            progress(str(path), done, total)
        try:
            if size > MAX_BYTES:
                raise UserError(f"{path}: {size // 2**20} MB is over the {MAX_BYTES // 2**20} MB limit")
            data = path.read_bytes()
            read = read_bytes(data, str(path))
        except UserError as error:
            if path in named_alone:
                raise
            report.skipped.append((str(path), str(error)))
            done += size
            continue
        except OSError as error:
            if path in named_alone:
                raise UserError(f"{path}: cannot read ({error.strerror})") from None
            report.skipped.append((str(path), f"cannot read ({error.strerror})"))
            done += size
            continue
        step = _progress_within(progress, str(path), done, size, total)
        store_document(engine, str(path), data, read, role=role, date=date, report=report, step=step)
        done += size
    if progress:
        progress("", total, total)
    return report


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


def store_document(
    engine: Engine,
    path: str,
    data: bytes,
    read: ReadDocument,
    *,
    role: str,
    date: str | None,
    report: IngestReport,
    step: Callable[[float], None] | None = None,
) -> Document | None:
    """One transaction: the document with its claims or passages, or nothing."""
    sha = hashlib.sha256(data).hexdigest()
    with session_scope(engine) as session:
        if session.exec(select(Document.id).where(Document.sha256 == sha)).first() is not None:
            report.unchanged.append(path)
            return None
        if role == "source":
            previous = previous_version(session, path)
            if previous is not None:
                return _replace_source(session, previous, read, sha, date, report, step)
        document = Document(
            path=path,
            title=read.title,
            role=role,
            language=read.language,
            sha256=sha,
            text=read.text,
            url=read.url,
            published=date or read.published,
        )
        session.add(document)
        session.flush()
        if role == "article":
            report.claims += _store_claims(session, document, step)
        else:
            report.passages += _store_passages(session, document, step)
        _store_aliases(session, read.text)
        report.added.append(document)
        return document


def _replace_source(session, previous, read, sha, date, report, step) -> Document:
    """A source at the same path with new bytes: edited in place, reviewed links kept."""
    replaced = replace_source(
        session, previous, read, sha, date, lambda s, d: _store_passages(s, d, step)
    )
    report.passages += replaced.passages
    report.reanchored += replaced.reanchored
    report.orphaned += replaced.orphaned
    report.replaced.append(previous.path)
    report.added.append(previous)
    _store_aliases(session, read.text)
    return previous


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


def _store_claims(session: Session, document: Document, step=None) -> int:
    text = document.text
    reference = document.published or infer_reference_date(text)
    now = utc_now()
    count = 0
    for start, end in text_blocks(text):
        drafts = [d.shifted(start) for d in extract_claims(text[start:end], reference)]
        if drafts:
            ids = _insert_returning_ids(session, Claim.__table__, [
                {
                    "document_id": document.id, "start": d.start, "end": d.end, "text": d.text,
                    "label": d.label, "checkworthiness": d.checkworthiness, "status": "unreviewed",
                    "version": 1, "created_by": "extractor", "created_at": now, "updated_at": now,
                }
                for d in drafts
            ])
            rows = [
                _quantity_row(q, claim_id=claim_id)
                for claim_id, draft in zip(ids, drafts, strict=True)
                for q in draft.quantities
            ]
            if rows:
                _bulk_insert(session, Quantity.__table__, rows)
        count += len(drafts)
        if step:
            step(end / max(len(text), 1))
    return count


def _store_passages(session: Session, document: Document, step=None) -> int:
    text = document.text
    reference = document.published or infer_reference_date(text)
    count = 0
    for start, end in text_blocks(text):
        block = text[start:end]
        spans = [(s + start, e + start) for s, e in split_passages(block)]
        if spans:
            ids = _insert_returning_ids(session, Passage.__table__, [
                {"document_id": document.id, "start": s, "end": e, "text": text[s:e]} for s, e in spans
            ])
            found = [q.shifted(start) for q in extract_quantities(block, reference)]
            rows = []
            index = 0
            for passage_id, (s, e) in zip(ids, spans, strict=True):
                while index < len(found) and found[index].start < e:
                    if found[index].start >= s and found[index].end <= e:
                        rows.append(_quantity_row(found[index], passage_id=passage_id))
                    index += 1
            if rows:
                _bulk_insert(session, Quantity.__table__, rows)
        count += len(spans)
        if step:
            step(end / max(len(text), 1))
    return count


def _insert_returning_ids(session: Session, table, rows: list[dict]) -> list[int]:
    """Insert many rows and return their new ids in the order of `rows`.

    SQLite: this transaction already wrote the document row, so it holds the database's
    write lock until commit and no one else can take ids; numbering the rows here lets the
    driver's executemany insert them without a round trip per row. Elsewhere the database
    hands the ids back (INSERT ... RETURNING, batched by SQLAlchemy)."""
    if session.get_bind().dialect.name == "sqlite":
        first = (session.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        ids = list(range(first, first + len(rows)))
        for row, row_id in zip(rows, ids, strict=True):
            row["id"] = row_id
        _bulk_insert(session, table, rows)
        return ids
    result = session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    )
    return [row[0] for row in result]


def _bulk_insert(session: Session, table, rows: list[dict]) -> None:
    """Many rows in one executemany. On SQLite the rows go straight to the driver: values
    are plain numbers and strings, and datetimes are written in the form SQLAlchemy's
    SQLite dialect writes them, so the ORM reads them back unchanged."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    processors = [table.c[name].type.bind_processor(connection.dialect) for name in columns]
    quote = connection.dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    for name, process in zip(columns, processors, strict=True):
        if process:  # datetimes: the same few values in every row, so convert each once
            converted = {value: process(value) for value in {row[name] for row in rows}}
            for row in rows:
                row[name] = converted[row[name]]
    row_values = itemgetter(*columns) if len(columns) > 1 else (lambda row: (row[columns[0]],))
    connection.exec_driver_sql(sql, [row_values(row) for row in rows])


def _quantity_row(q: QuantityMatch, *, claim_id=None, passage_id=None) -> dict:
    return {
        "claim_id": claim_id, "passage_id": passage_id, "start": q.start, "end": q.end,
        "text": q.text, "kind": q.kind, "value": q.value, "high": q.high, "iso": q.iso,
        "unit": q.unit, "display": q.display, "qualifier": q.qualifier,
    }


def _store_aliases(session: Session, text: str) -> None:
    pairs = harvest_aliases(text)
    if not pairs:
        return
    names = {name for name, _ in pairs}
    existing = set(session.exec(select(Alias.name, Alias.variant).where(Alias.name.in_(names))).all())
    for name, variant in pairs:
        if (name, variant) not in existing:
            session.add(Alias(name=name, variant=variant))
            existing.add((name, variant))
    session.flush()
