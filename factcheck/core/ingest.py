"""Ingesting articles and evidence: each document is one transaction, entirely in or out."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from factcheck.core.aliases import harvest_aliases
from factcheck.core.claims import extract_claims
from factcheck.core.db import session_scope
from factcheck.core.errors import UserError
from factcheck.core.extraction import ReadDocument
from factcheck.core.models import Alias, Claim, Document, Passage, Quantity
from factcheck.core.passages import split_passages
from factcheck.core.quantities import extract_quantities
from factcheck.core.reading import MAX_BYTES, is_readable, read_bytes

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass
class IngestReport:
    added: list[Document] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    claims: int = 0
    passages: int = 0


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
    inside a folder, an unreadable file is skipped and reported."""
    paths = list(paths)
    files, skipped = collect_files(paths)
    named_alone = {Path(p) for p in paths if Path(p).is_file()}
    report = IngestReport(skipped=skipped)
    for index, path in enumerate(files):
        if progress:
            progress(str(path), index, len(files))
        try:
            data = _read_limited(path)
            read = read_bytes(data, str(path))
        except UserError as error:
            if path in named_alone:
                raise
            report.skipped.append((str(path), str(error)))
            continue
        except OSError as error:
            if path in named_alone:
                raise UserError(f"{path}: cannot read ({error.strerror})") from None
            report.skipped.append((str(path), f"cannot read ({error.strerror})"))
            continue
        store_document(engine, str(path), data, read, role=role, date=date, report=report)
    if progress:
        progress("", len(files), len(files))
    return report


def _read_limited(path: Path) -> bytes:
    """The file's bytes, refusing before reading anything when it is over the size limit
    (a 1 GB file, sparse or not, must not be pulled into memory)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UserError(
            f"{path}: too large to ingest ({size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)"
        )
    return path.read_bytes()


def store_document(
    engine: Engine,
    path: str,
    data: bytes,
    read: ReadDocument,
    *,
    role: str,
    date: str | None,
    report: IngestReport,
) -> Document | None:
    """One transaction: the document with its claims or passages, or nothing."""
    sha = hashlib.sha256(data).hexdigest()
    with session_scope(engine) as session:
        if session.exec(select(Document.id).where(Document.sha256 == sha)).first() is not None:
            report.unchanged.append(path)
            return None
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
            report.claims += _store_claims(session, document)
        else:
            report.passages += _store_passages(session, document)
        _store_aliases(session, read.text)
        report.added.append(document)
        return document


def _store_claims(session: Session, document: Document) -> int:
    drafts = extract_claims(document.text, document.published)
    for draft in drafts:
        claim = Claim(
            document_id=document.id,
            start=draft.start,
            end=draft.end,
            text=draft.text,
            label=draft.label,
            checkworthiness=draft.checkworthiness,
        )
        session.add(claim)
        session.flush()
        session.add_all(_quantity_rows(draft.quantities, claim_id=claim.id))
    return len(drafts)


def _store_passages(session: Session, document: Document) -> int:
    spans = split_passages(document.text)
    for start, end in spans:
        passage = Passage(document_id=document.id, start=start, end=end, text=document.text[start:end])
        session.add(passage)
        session.flush()
        found = extract_quantities(passage.text, document.published)
        session.add_all(_quantity_rows([q.shifted(start) for q in found], passage_id=passage.id))
    return len(spans)


def _quantity_rows(found, *, claim_id=None, passage_id=None) -> list[Quantity]:
    return [
        Quantity(
            claim_id=claim_id,
            passage_id=passage_id,
            start=q.start,
            end=q.end,
            text=q.text,
            kind=q.kind,
            value=q.value,
            high=q.high,
            iso=q.iso,
            unit=q.unit,
            display=q.display,
            qualifier=q.qualifier,
        )
        for q in found
    ]


def _store_aliases(session: Session, text: str) -> None:
    for name, variant in harvest_aliases(text):
        exists = session.exec(
            select(Alias.id).where(Alias.name == name, Alias.variant == variant)
        ).first()
        if exists is None:
            session.add(Alias(name=name, variant=variant))
            session.flush()
