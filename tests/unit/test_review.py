"""Verdicts, bulk verdicts, notes, links, added claims and the walk-back undo, on a real
database: each is one transaction with its audit events."""

from __future__ import annotations

import pytest
from sqlmodel import Session, col, select

from factcheck.errors import ConflictError, UserError
from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import link_all
from factcheck.services.review import (
    add_claim,
    add_note,
    record_verdict,
    record_verdicts,
    set_link_state,
    undo,
    undo_last,
)
from factcheck.store.models import Claim, Link, Quantity, ReviewEvent
from factcheck.store.queries import list_claims, missed_sentences


@pytest.fixture
def demo(engine, demo_copy):
    ingest_paths(engine, [demo_copy / "articles"])
    ingest_paths(engine, [demo_copy / "evidence"], role="source")
    link_all(engine)
    with Session(engine) as session:
        return [c.id for c in list_claims(session, limit=4)]


def statuses(engine, ids):
    with Session(engine) as session:
        return [session.get(Claim, i).status for i in ids]


def test_bulk_verdict_is_all_or_nothing(engine, demo):
    a, b, c, _ = demo
    record_verdict(engine, b, "supported", reviewer="bob")  # b moves to version 2
    with pytest.raises(ConflictError, match=f"claim {b}"):
        record_verdicts(engine, {a: 1, b: 1, c: 1}, "refuted", reviewer="ann")
    assert statuses(engine, [a, b, c]) == ["unreviewed", "supported", "unreviewed"]
    claims = record_verdicts(engine, {a: 1, b: 2, c: None}, "refuted", reviewer="ann")
    assert [cl.status for cl in claims] == ["refuted"] * 3 and [cl.version for cl in claims] == [2, 3, 2]


def test_undo_walks_back_one_change_per_call_and_only_mine(engine, demo):
    a, b, c, _ = demo
    record_verdict(engine, a, "refuted", reviewer="ann")
    record_verdicts(engine, {b: None, c: None}, "supported", reviewer="ann")
    record_verdict(engine, a, "misleading", reviewer="ann")
    record_verdict(engine, b, "in_progress", reviewer="bob")

    assert undo(engine, reviewer="ann").claim_ids == [a]
    assert statuses(engine, [a, b, c]) == ["refuted", "in_progress", "supported"]
    with pytest.raises(ConflictError, match=f"claim {b} is now in_progress"):
        undo(engine, reviewer="ann")  # bob changed b after ann's bulk verdict
    assert statuses(engine, [a, b, c]) == ["refuted", "in_progress", "supported"]  # nothing half-undone
    undo(engine, reviewer="bob")
    assert undo(engine, reviewer="ann").claim_ids == sorted([b, c])
    assert statuses(engine, [a, b, c]) == ["refuted", "unreviewed", "unreviewed"]
    undo(engine, reviewer="ann")
    assert statuses(engine, [a]) == ["unreviewed"]
    with pytest.raises(UserError, match="nothing of ann's to undo"):
        undo(engine, reviewer="ann")


def test_undo_keeps_the_log_append_only(engine, demo):
    a = demo[0]
    record_verdict(engine, a, "refuted", reviewer="ann")
    claim = undo_last(engine, a, reviewer="ann")
    assert claim.status == "unreviewed" and claim.version == 3
    with Session(engine) as session:
        log = list(session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == a).order_by(col(ReviewEvent.id))))
    assert [(e.old, e.new) for e in log] == [("unreviewed", "refuted"), ("refuted", "unreviewed")]
    assert log[1].note == f"undo of #{log[0].id}"


def test_notes_do_not_count_as_undoable_changes(engine, demo):
    a = demo[0]
    record_verdict(engine, a, "refuted", reviewer="ann")
    add_note(engine, a, "the source says 320 ms on average", reviewer="ann")
    undo(engine, reviewer="ann")
    assert statuses(engine, [a]) == ["unreviewed"]


def test_link_decisions_are_versioned_and_undone(engine, demo):
    with Session(engine) as session:
        link = session.exec(select(Link)).first()
        claim_version = session.get(Claim, link.claim_id).version
    assert set_link_state(engine, link.id, "confirmed", reviewer="ann", expected_version=claim_version).state == "confirmed"
    with pytest.raises(ConflictError):
        set_link_state(engine, link.id, "rejected", reviewer="ann", expected_version=claim_version)
    undo(engine, reviewer="ann")
    with Session(engine) as session:
        assert session.get(Link, link.id).state == "suggested"


def test_add_claim_from_a_missed_sentence_and_undo_removes_it(engine, demo):
    with Session(engine) as session:
        document_id = session.get(Claim, demo[0]).document_id
        missed = missed_sentences(session, document_id)
    sentence = missed.sentences[0]
    claim = add_claim(engine, document_id, sentence.start, sentence.end, reviewer="ann")
    assert (claim.text, claim.created_by, claim.status) == (sentence.text, "ann", "unreviewed")
    with pytest.raises(UserError, match="already a claim"):
        add_claim(engine, document_id, sentence.start, sentence.end, reviewer="ann")
    with Session(engine) as session:
        assert sentence.start not in [s.start for s in missed_sentences(session, document_id).sentences]
    undo(engine, reviewer="ann")
    with Session(engine) as session:
        assert session.get(Claim, claim.id) is None


def test_added_claim_gets_its_quantities(engine, demo):
    with Session(engine) as session:
        source = session.get(Claim, demo[0])
        document_id, start, end = source.document_id, source.start, source.end
        session.delete(source)  # the extractor "missed" it
        session.commit()
    claim = add_claim(engine, document_id, start, end, reviewer="ann")
    with Session(engine) as session:
        found = session.exec(select(Quantity).where(Quantity.claim_id == claim.id)).all()
    assert found and all(start <= q.start < q.end <= end for q in found)


def test_added_claim_outside_the_article_is_refused(engine, demo):
    with Session(engine) as session:
        document_id = session.get(Claim, demo[0]).document_id
    with pytest.raises(UserError, match="outside"):
        add_claim(engine, document_id, 10, 10**9, reviewer="ann")
