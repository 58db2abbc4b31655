"""The shared records: order, paging, filters and the counts the summaries show."""

from __future__ import annotations

import json

import pytest

from factcheck.report import gather
from factcheck.report.gather import iter_claim_records, status_counts, surrounding
from factcheck.store.filters import ClaimFilter


def test_small_batches_give_the_same_records_in_the_same_order(report_engine, monkeypatch):
    whole = list(iter_claim_records(report_engine, context=40))
    monkeypatch.setattr(gather, "BATCH", 2)
    paged = list(iter_claim_records(report_engine, context=40))
    assert paged == whole
    keys = [(r["document"], r["start"], r["id"]) for r in whole]
    assert len(set(keys)) == len(keys) == 5


def test_records_follow_document_order(report_engine):
    records = list(iter_claim_records(report_engine))
    for earlier, later in zip(records, records[1:], strict=False):
        if earlier["document"] == later["document"]:
            assert earlier["start"] < later["start"]


@pytest.mark.parametrize(
    "options, fragments",
    [
        (ClaimFilter(status="misleading"), ["$51 million"]),
        (ClaimFilter(document="blog.txt"), ["3x"]),
        (ClaimFilter(document="articles/blog.txt"), ["3x"]),
        (ClaimFilter(kind="money"), ["revenue rose", "$51 million", "| with"]),
        (ClaimFilter(since="2024-06-05"), ["3x", "=HYPERLINK", "| with"]),
        (ClaimFilter(since="2024-06-10"), []),
        (ClaimFilter(status="misleading,refuted"), ["$51 million", "=HYPERLINK"]),
    ],
)
def test_filters_and_counts_agree(report_engine, find_claim, options, fragments):
    ids = [r["id"] for r in iter_claim_records(report_engine, options)]
    assert sorted(ids) == sorted(find_claim(f) for f in fragments)
    counts = status_counts(report_engine, options)
    assert sum(counts.values()) == len(ids)
    assert list(counts) == ["unreviewed", "in_progress", "supported", "refuted", "misleading",
                            "unverifiable", "not_a_claim"]


def test_a_kind_picks_claims_and_keeps_all_their_quantities(report_engine, find_claim, monkeypatch):
    """`--kind money` chooses claims; each still shows every quantity it has (the percent of
    "revenue rose 50% to $2 billion" too), batch after batch."""
    monkeypatch.setattr(gather, "BATCH", 1)
    records = {r["id"]: r for r in iter_claim_records(report_engine, ClaimFilter(kind="money"))}
    revenue = records[find_claim("revenue rose")]
    assert {q["kind"] for q in revenue["quantities"]} >= {"money", "percent"}
    assert all(any(q["kind"] == "money" for q in r["quantities"]) for r in records.values())


def test_context_is_the_surrounding_text_up_to_a_line_break():
    text = "Title\nBefore words. The claim. After words.\nNext paragraph"
    start = text.index("The claim")
    found = surrounding(text, start, start + len("The claim."), 8)
    assert found == {"before": " words. ", "after": " After ", "clipped_before": True, "clipped_after": True}
    chinese = "第一句。估值1000亿美金。第三句"
    span = chinese.index("估值"), chinese.index("第三")
    assert surrounding(chinese, *span, 2)["before"] == "句。"  # no spaces: characters
    whole = surrounding(text, start, start + len("The claim."), 100)
    assert whole["before"] == "Before words. " and whole["after"] == " After words."
    assert not whole["clipped_before"] and not whole["clipped_after"]


def test_json_record_carries_the_contract_fields(export):
    (claim, *_) = json.loads(export("json", audience="internal"))["claims"]
    assert {"id", "document", "text", "start", "end", "label", "checkworthiness", "status",
            "quantities", "links", "history"} <= claim.keys()
    for event in claim["history"]:
        assert {"at", "reviewer", "from", "to", "note"} <= event.keys()
