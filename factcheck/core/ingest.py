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
from factcheck.core.models import Alias, Claim, Document, Quantity
from factcheck.core.reading import is_readable, read_bytes
from factcheck.core.sources import previous_version, replace_source, store_passages

Progress = Callable[[str, int, int], None]  # (what, done, total)


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
                if child.is_file() and not child.name.startswith("."):
                    if is_readable(child):
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
            data = path.read_bytes()
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
        if role == "source":
            previous = previous_version(session, path)
            if previous is not None:
                return _replace_source(session, previous, read, sha, date, report)
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


def _replace_source(session, previous, read, sha, date, report) -> Document:
    replaced = replace_source(session, previous, read, sha, date)
    report.passages += replaced.passages
    report.reanchored += replaced.reanchored
    report.orphaned += replaced.orphaned
    report.replaced.append(previous.path)
    report.added.append(previous)
    _store_aliases(session, read.text)
    return previous


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
    return len(store_passages(session, document))


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
