"""Re-ingesting an edited source: one document still, new passages, and every link the
reviewer decided either re-anchored or kept as an orphan, never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import link_all
from factcheck.store.models import Claim, Document, Link, Passage

SOURCE = (
    "# Chips\n\nSource: https://example.org/chips\nPublished: 2023-12-03\n\n"
    "OpenAI signed a nonbinding agreement to spend $51 million on the chips.\n\n"
    "Rain told investors that it expected revenue of $30 million next year.\n"
)
ARTICLE = "更早之前,OpenAI订购算力,总额高达5100万美元。\n据报道,Rain预计明年收入3000万美元。\n"


@pytest.fixture
def reviewed(tmp_path: Path, engine):
    """Both claims linked, and the reviewer confirmed the $51M link and rejected the $30M one."""
    source = tmp_path / "chips.md"
    source.write_text(SOURCE, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ingest_paths(engine, [article], role="article")
    ingest_paths(engine, [source], role="source")
    link_all(engine)
    with Session(engine) as session:
        for fragment, state in (("5100万美元", "confirmed"), ("3000万美元", "rejected")):
            claim = session.exec(select(Claim).where(Claim.text.contains(fragment))).one()
            link = session.exec(
                select(Link).where(Link.claim_id == claim.id).order_by(Link.score.desc())
            ).first()
            link.state = state
            session.add(link)
        session.commit()
    return engine, source


def decided(engine) -> dict[str, tuple[Link, Passage]]:
    with Session(engine) as session:
        rows = session.exec(
            select(Link, Passage)
            .join(Passage, Link.passage_id == Passage.id)
            .where(Link.state != "suggested")
        ).all()
    return {link.state: (link, passage) for link, passage in rows}


def reingest(engine, source: Path, text: str):
    source.write_text(text, encoding="utf-8")
    report = ingest_paths(engine, [source], role="source")
    link_all(engine)
    return report


def test_links_follow_their_passage_after_an_edit(reviewed):
    engine, source = reviewed
    before = decided(engine)
    edited = SOURCE.replace(
        "Published: 2023-12-03\n\n", "Published: 2023-12-03\n\nUpdated with a correction.\n\n"
    )
    edited = edited.replace("nonbinding agreement", "non-binding agreement")
    report = reingest(engine, source, edited)
    assert report.replaced == [str(source)] and report.reanchored == 2 and report.orphaned == 0
    after = decided(engine)
    with Session(engine) as session:
        documents = session.exec(select(Document).where(Document.role == "source")).all()
    assert len(documents) == 1 and "non-binding" in documents[0].text
    link, passage = after["confirmed"]
    assert link.id == before["confirmed"][0].id and not link.orphaned
    assert (
        passage.text == "OpenAI signed a non-binding agreement to spend $51 million on the chips."
    )
    assert (
        link.exact == passage.text
        and documents[0].text[passage.start : passage.end] == passage.text
    )
    rejected, passage = after["rejected"]
    assert (
        rejected.id == before["rejected"][0].id
        and "$30 million" in passage.text
        and not rejected.orphaned
    )


def test_a_link_whose_passage_is_gone_is_kept_as_an_orphan(reviewed):
    engine, source = reviewed
    before = decided(engine)
    edited = SOURCE.replace(
        "OpenAI signed a nonbinding agreement to spend $51 million on the chips.",
        "The company declined to comment on any purchase.",
    )
    report = reingest(engine, source, edited)
    assert report.orphaned == 1 and report.reanchored == 1
    link, passage = decided(engine)["confirmed"]
    assert link.id == before["confirmed"][0].id and link.orphaned and link.state == "confirmed"
    assert passage.retired and "$51 million" in passage.text
    with Session(engine) as session:
        suggested = session.exec(select(Link.passage_id).where(Link.state == "suggested")).all()
    assert passage.id not in suggested


def test_an_orphan_reanchors_when_its_text_comes_back(reviewed):
    engine, source = reviewed
    gone = "OpenAI signed a nonbinding agreement to spend $51 million on the chips."
    reingest(engine, source, SOURCE.replace(gone, "The company declined to comment."))
    assert decided(engine)["confirmed"][0].orphaned
    report = reingest(engine, source, SOURCE)
    link, passage = decided(engine)["confirmed"]
    assert report.reanchored == 2 and not link.orphaned and not passage.retired


def test_the_same_bytes_again_change_nothing(reviewed):
    engine, source = reviewed
    before = decided(engine)
    report = ingest_paths(engine, [source], role="source")
    assert report.unchanged == [str(source)] and not report.replaced
    assert {k: v[0].id for k, v in decided(engine).items()} == {
        k: v[0].id for k, v in before.items()
    }
