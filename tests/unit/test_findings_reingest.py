"""Findings follow the article's text when it is ingested again: an edited article is
stored as a new version whose findings are computed from its own text; the same bytes
again change nothing (no second rise of check-worthiness)."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, col, select

from factcheck.services.findings import list_findings
from factcheck.services.ingest import ingest_paths
from factcheck.store.models import Claim, Document, Finding

WRONG = (
    "Published: 2024-05-20\n\n"
    "Revenue rose from $4.2 billion to $5.1 billion, up 30%, the company said.\n\n"
    "The company is valued at $100 billion (about €92 billion).\n"
)
MENDED = WRONG.replace("up 30%", "up 21%").replace("€92 billion", "€60 billion")


def _state(engine) -> dict[str, list[tuple[str, str]]]:
    """Per document version (by id), its findings as (kind, result)."""
    with Session(engine) as session:
        documents = session.exec(select(Document.id).order_by(col(Document.id))).all()
        return {
            document_id: [(f.kind, f.result) for f in list_findings(session) if _of(session, f.id) == document_id]
            for document_id in documents
        }


def _of(session, finding_id: int) -> int:
    return session.get(Finding, finding_id).document_id


def test_an_edited_article_gets_the_findings_of_its_new_text(engine, tmp_path: Path):
    path = tmp_path / "article.md"
    path.write_text(WRONG, "utf-8")
    ingest_paths(engine, [path])
    path.write_text(MENDED, "utf-8")
    ingest_paths(engine, [path])
    old, new = _state(engine).values()
    assert sorted(old) == [("change", "inconsistent"), ("conversion", "consistent")]
    assert sorted(new) == [("change", "consistent"), ("conversion", "inconsistent")]
    with Session(engine) as session:
        latest = session.exec(select(Document).order_by(col(Document.id).desc())).first()
        findings = session.exec(select(Finding).where(Finding.document_id == latest.id)).all()
        for finding in findings:  # every offset points into the new text
            assert latest.text[finding.start:finding.end].startswith(("$4.2", "$100"))


def test_the_same_bytes_again_keep_the_findings_and_the_worth(engine, tmp_path: Path):
    path = tmp_path / "article.md"
    path.write_text(WRONG, "utf-8")
    ingest_paths(engine, [path])
    with Session(engine) as session:
        before = ([f.id for f in list_findings(session)], session.exec(select(Claim.checkworthiness)).all())
    report = ingest_paths(engine, [path])
    assert report.unchanged == [str(path)]
    with Session(engine) as session:
        after = ([f.id for f in list_findings(session)], session.exec(select(Claim.checkworthiness)).all())
    assert after == before
