"""Findings stored on the claims: written with the article, raising an inconsistent claim's
check-worthiness once, found by the check: filter word, and computed again on demand."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, update
from sqlmodel import Session, select

from factcheck.errors import UserError
from factcheck.services.findings import findings_for_claim, list_findings, recompute_all
from factcheck.services.ingest import ingest_paths
from factcheck.store.filters import parse_filter
from factcheck.store.models import Claim, Document, Finding, FindingClaim
from factcheck.store.queries import count_claims, list_claims, queue_page
from factcheck.text.checks.findings import INCONSISTENCY_RAISE
from factcheck.text.extract.claims import extract_claims

DEMO = Path(__file__).resolve().parents[2] / "sources" / "articles"
WRONG = (
    "Published: 2024-05-20\n\n"
    "Revenue rose from $4.2 billion to $5.1 billion, up 30%, the company said.\n\n"
    "The company is valued at $100 billion (about €92 billion).\n"
)


def _article(tmp_path: Path, text: str = WRONG) -> Path:
    path = tmp_path / "article.md"
    path.write_text(text, "utf-8")
    return path


def test_the_demo_conversion_is_stored_on_its_claim(engine):
    ingest_paths(engine, [DEMO])
    with Session(engine) as session:
        claim = session.exec(select(Claim).where(Claim.text.contains("7100亿元"))).one()
        (finding,) = [f for f in findings_for_claim(session, claim.id) if f.kind == "conversion"]
    assert finding.result == "consistent"
    assert finding.arithmetic == (
        "1000亿美金 → 人民币7100亿元 implies 7.10 CNY/USD; ECB reference on 2024-05-17: 7.23; 1.8% apart"
    )
    assert finding.claims == (claim.id,)
    assert [q["text"] for q in finding.quantities] == ["1000亿美金", "人民币7100亿元"]
    assert finding.figures["date_origin"] == "inferred"


def test_an_inconsistency_raises_its_claims_check_worthiness_once(engine, tmp_path: Path):
    ingest_paths(engine, [_article(tmp_path)])
    drafted = {c.text: c.checkworthiness for c in extract_claims(WRONG, "2024-05-20")}
    with Session(engine) as session:
        claims = {c.text: c for c in session.exec(select(Claim))}
    wrong = next(text for text in claims if "up 30%" in text)
    right = next(text for text in claims if "€92" in text)
    assert claims[wrong].checkworthiness == pytest.approx(min(1.0, drafted[wrong] + INCONSISTENCY_RAISE))
    assert claims[right].checkworthiness == pytest.approx(drafted[right])


def test_the_check_filter_word_finds_claims_by_their_findings(engine, tmp_path: Path):
    ingest_paths(engine, [_article(tmp_path)])
    with Session(engine) as session:
        inconsistent = parse_filter("check:inconsistent")
        assert count_claims(session, inconsistent) == 1
        (claim,) = list_claims(session, inconsistent)
        assert "up 30%" in claim.text
        assert [row.claim.id for row in queue_page(session, inconsistent)] == [claim.id]
        assert count_claims(session, parse_filter("check:consistent")) == 1
        assert count_claims(session, parse_filter("check:unchecked revenue")) == 0
    assert parse_filter("check:inconsistent status:unreviewed").describe() == "status:unreviewed check:inconsistent"
    with pytest.raises(UserError, match="unknown check result"):
        parse_filter("check:wrong")


def test_recomputing_gives_the_same_findings_and_worth(engine, tmp_path: Path):
    ingest_paths(engine, [_article(tmp_path), DEMO])
    before = _state(engine)
    done = recompute_all(engine)
    assert done.documents == 2 and done.inconsistent == 1
    assert _state(engine) == before


def test_recomputing_fills_a_database_stored_before_the_checks(engine, tmp_path: Path):
    ingest_paths(engine, [_article(tmp_path)])
    before = _state(engine)
    with Session(engine) as session:  # as a database upgraded by the migration: no findings
        raised = dict(session.exec(select(FindingClaim.claim_id, FindingClaim.raised)).all())
        for claim_id, amount in raised.items():
            session.exec(update(Claim).where(Claim.id == claim_id).values(checkworthiness=Claim.checkworthiness - amount))
        session.exec(delete(Finding))
        session.commit()
        assert list_findings(session) == []
    recompute_all(engine)
    assert _state(engine) == before


def test_findings_are_written_in_the_articles_transaction(engine, tmp_path: Path, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr("factcheck.services.ingest.store_findings", fail)
    with pytest.raises(RuntimeError):
        ingest_paths(engine, [_article(tmp_path)])
    with Session(engine) as session:
        assert session.exec(select(Document)).all() == []
        assert session.exec(select(Claim)).all() == []


def test_findings_go_with_their_document(engine, tmp_path: Path):
    ingest_paths(engine, [_article(tmp_path)])
    with Session(engine) as session:
        session.exec(delete(Document))
        session.commit()
        assert session.exec(select(Finding)).all() == [] and session.exec(select(FindingClaim)).all() == []


def test_listing_by_result_kind_and_document(engine, tmp_path: Path):
    ingest_paths(engine, [_article(tmp_path), DEMO])
    with Session(engine) as session:
        assert [f.kind for f in list_findings(session, result="inconsistent")] == ["change"]
        assert {f.kind for f in list_findings(session, kind="conversion")} == {"conversion"}
        ours = list_findings(session, where=parse_filter("doc:article.md"))
        assert {Path(f.document).name for f in ours} == {"article.md"} and len(ours) == 2


def _state(engine) -> tuple:
    with Session(engine) as session:
        found = sorted((f.kind, f.result, f.sentence, f.claims) for f in list_findings(session))
        worth = sorted(session.exec(select(Claim.id, Claim.checkworthiness)).all())
    return found, worth

