"""Assignments and verdicts given before, on a real database (SQLite or PostgreSQL): each
change one transaction with its audit events, undone by the undo that reverts verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from factcheck.errors import ConflictError, UserError
from factcheck.services.assignments import assign, check_assignee, known_reviewers
from factcheck.services.earlier_verdicts import checked_before, judged_by_others, reuse_verdict
from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import link_all
from factcheck.services.review import record_verdict, undo
from factcheck.services.sources import list_sources
from factcheck.store.filters import ClaimFilter, alias_variants, parse_filter, with_aliases
from factcheck.store.models import Claim, ReviewEvent
from factcheck.store.queries import count_claims, list_claims

ARTICLES = {
    "a.txt": "据报道,OpenAI估值1000亿美金。\n据报道,公司去年收入20亿美元。\n",
    "b.txt": "消息称,OpenAI的最新估值达到1000亿美金,位列第三。\n据报道,另一家公司收入35亿美元。\n",
}


@pytest.fixture
def claims(engine, tmp_path: Path) -> list[int]:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(engine, [tmp_path / name for name in ARTICLES], role="article")
    link_all(engine)
    with Session(engine) as session:
        return [c.id for c in session.exec(select(Claim).order_by(col(Claim.id)))]


def assignees(engine, ids):
    with Session(engine) as session:
        return [session.get(Claim, i).assignee for i in ids]


def test_assigning_is_versioned_logged_and_undone_as_one(engine, claims):
    a, b, *_ = claims
    assign(engine, {a: 1, b: None}, "  ann  lee ", reviewer="bob")
    assert assignees(engine, [a, b]) == ["ann lee", "ann lee"]
    with Session(engine) as session:
        assert session.get(Claim, a).version == 2
        logged = session.exec(select(ReviewEvent).where(ReviewEvent.field == "assignee")).all()
    assert [(e.claim_id, e.old, e.new, e.reviewer) for e in logged] == [(a, None, "ann lee", "bob"), (b, None, "ann lee", "bob")]
    assert "ann lee" in known_reviewers(Session(engine))
    undone = undo(engine, reviewer="bob")
    assert undone.summary == "2 claims back to their previous assignee"
    assert assignees(engine, [a, b]) == [None, None]


def test_a_stale_or_unknown_claim_stops_the_whole_assignment(engine, claims):
    a, b, *_ = claims
    record_verdict(engine, b, "refuted", reviewer="ann")
    with pytest.raises(ConflictError):
        assign(engine, {a: 1, b: 1}, "ann")
    with pytest.raises(UserError, match="no claim with id 999999"):
        assign(engine, {a: None, 999999: None}, "ann")
    assert assignees(engine, [a, b]) == [None, None]


@pytest.mark.parametrize("name, reason", [("", "empty"), ("   ", "empty"), ("bo\x1bb", "control"),
                                          ("ann\u202e", "control"), ("a\nb", "control"), ("x" * 81, "at most")])
def test_bad_names_are_refused(name, reason):
    with pytest.raises(UserError, match=reason):
        check_assignee(name)


def test_undo_of_an_assignment_someone_changed_since_is_refused(engine, claims):
    a = claims[0]
    assign(engine, {a: None}, "ann", reviewer="bob")
    assign(engine, {a: None}, "cy", reviewer="dee")
    with pytest.raises(ConflictError, match="now assigned to cy"):
        undo(engine, reviewer="bob")


def test_mine_and_assignee_filters(engine, claims):
    a, b, c, _ = claims
    assign(engine, {a: None, c: None}, "ann")
    assign(engine, {b: None}, "bob")
    with Session(engine) as session:
        assert {x.id for x in list_claims(session, parse_filter("mine", me="ann"))} == {a, c}
        assert [x.id for x in list_claims(session, parse_filter("assignee:bob"))] == [b]
        assert parse_filter("mine", me="ann").describe() == "assignee:ann"
        assert parse_filter("assignee:'ann lee'").assignee == "ann lee"


def test_a_judged_twin_makes_a_claim_checked_before_and_its_verdict_reusable(engine, claims):
    with Session(engine) as session:
        first, second = session.exec(select(Claim).where(col(Claim.text).contains("1000亿美金")).order_by(col(Claim.id))).all()
        assert first.group_id == second.group_id is not None
        assert checked_before(session, second) is None  # nothing judged yet
    record_verdict(engine, first.id, "misleading", reviewer="bob")
    with Session(engine) as session:
        earlier = checked_before(session, session.get(Claim, second.id))
        assert [c.id for c in list_claims(session, ClaimFilter(previously_checked=True))] == [second.id]
    assert (earlier.claim_id, earlier.status, earlier.reviewer, earlier.document) == (first.id, "misleading", "bob", "据报道,OpenAI估值1000亿美金。")  # the title: its first line
    assert earlier.describe().startswith("misleading by bob on ")
    reused = reuse_verdict(engine, second.id, reviewer="ann")
    assert reused.status == "misleading"
    with Session(engine) as session:
        note = session.exec(select(ReviewEvent.note).where(ReviewEvent.claim_id == second.id)).one()
        assert note == earlier.note() and f"claim #{first.id}" in note
        assert count_claims(session, ClaimFilter(previously_checked=True)) == 0  # judged now
    with pytest.raises(UserError, match="no earlier verdict"):
        reuse_verdict(engine, claims[1])


def test_judged_by_others_names_what_a_bulk_verdict_would_overwrite(engine, claims):
    a, b, c, d = claims
    record_verdict(engine, a, "refuted", reviewer="bob")
    record_verdict(engine, b, "refuted", reviewer="ann")
    record_verdict(engine, c, "supported", reviewer="ann")
    record_verdict(engine, c, "misleading", reviewer="cy")
    with Session(engine) as session:
        assert judged_by_others(session, [a, b, c, d], "ann") == sorted([a, c])


def test_several_statuses_in_one_filter(engine, claims):
    a, b, c, _ = claims
    record_verdict(engine, a, "refuted")
    record_verdict(engine, b, "misleading")
    record_verdict(engine, c, "supported")
    with Session(engine) as session:
        found = list_claims(session, parse_filter("status:refuted,misleading"))
    assert {x.id for x in found} == {a, b}
    with pytest.raises(UserError, match="unknown status 'bogus'"):
        parse_filter("status:refuted,bogus")


def test_a_side_of_an_alias_finds_the_other(engine, tmp_path: Path):
    (tmp_path / "n.txt").write_text(
        "据报道,奥尔特曼(Sam Altman)表示,公司收入20亿美元。\n奥尔特曼称,公司有1000名员工。\nAltman said revenue was $2 billion.\n",
        encoding="utf-8",
    )
    ingest_paths(engine, [tmp_path / "n.txt"], role="article")
    with Session(engine) as session:
        assert alias_variants(session, "Altman") == ("奥尔特曼",)
        assert alias_variants(session, "奥尔特曼") == ("Sam Altman",)
        assert alias_variants(session, "Alt") == ()  # a piece of a word is no side
        found = list_claims(session, with_aliases(session, ClaimFilter(text="altman")))
        plain = list_claims(session, ClaimFilter(text="altman"))
    assert len(found) == 3 and len(plain) == 2  # the second names him only as 奥尔特曼


def test_sources_are_listed_with_their_passages_and_links(engine, demo_copy):
    ingest_paths(engine, [demo_copy / "articles"])
    ingest_paths(engine, [demo_copy / "evidence"], role="source")
    link_all(engine)
    with Session(engine) as session:
        rows = list_sources(session)
    assert len(rows) == len(list((demo_copy / "evidence").iterdir()))
    assert all(r.passages > 0 for r in rows) and sum(r.links for r in rows) > 0
    latency = next(r for r in rows if r.path.endswith("gpt4o-audio-latency.md"))
    assert latency.url.startswith("https://") and latency.published == "2024-05-13"
