"""The linker compares amounts across currencies at the rate of the claim's document's date
(the ECB reference rate of the last business day before it), within the precision each
amount is written in; a document without a date compares none. Table tests on texts written
for them, then the same through a whole linking run."""

from __future__ import annotations

import os

import pytest
from sqlmodel import Session, select

from factcheck.services.linking import claim_side
from factcheck.text.checks.exchange import DayRates, document_day, rate_for
from factcheck.text.extract.figures import amounts_of
from factcheck.text.extract.quantities import extract_quantities
from factcheck.text.extract.relations import Evidence, Side, judge

SAME, OTHER = 0.7, 0.2
MAY_2024 = "2024-05-19"  # a Sunday: the rate is Friday 17 May's, 7.23 CNY/USD


def relation(claim: str, passage: str, published: str | None, similarity: float = SAME):
    reference = published or "2024-06-01"
    mine = claim_side(claim, extract_quantities(claim, reference), 0)
    theirs = Side(passage, amounts_of(passage, extract_quantities(passage, reference)))
    return judge(mine, theirs, Evidence(similarity, []), rate_for(published, claim))


# (claim, source passage, document date, similarity, relation or None, a fragment of the reasons)
TABLE = [
    # the article's own conversion against a source's dollars: supports, the rate shown
    ("这家公司估值约合人民币7100亿元。", "The company is valued at $100 billion.", MAY_2024, SAME,
     "supports", "CNY/USD"),
    ("这家公司估值为人民币7100亿元。", "The company is valued at $100 billion.", MAY_2024, SAME,
     "supports", "within the precision written"),
    ("The deal is worth €92 billion.", "这笔交易价值1000亿美元。", MAY_2024, SAME, "supports", "USD/EUR"),
    ("该基金规模为1000亿港元。", "The fund holds about $12.8 billion.", MAY_2024, SAME, "supports", "HKD/USD"),
    # the rate far off: the amounts disagree on the same subject
    ("这家公司估值为人民币5000亿元。", "The company is valued at $100 billion.", MAY_2024, SAME,
     "contradicts", "CNY/USD"),
    ("The deal is worth €70 billion.", "这笔交易价值1000亿美元。", MAY_2024, SAME, "contradicts", "USD/EUR"),
]
# near misses: no support across currencies
MISSES = [
    # no date: no rate is guessed
    ("这家公司估值约合人民币7100亿元。", "The company is valued at $100 billion.", None, SAME),
    # a date before the ECB published the yuan
    ("这家公司估值约合人民币7100亿元。", "The company is valued at $100 billion.", "2003-05-19", SAME),
    # another subject: the same amount says nothing
    ("这家公司估值约合人民币7100亿元。", "Its rival raised $100 billion in debt.", MAY_2024, OTHER),
    # a currency the ECB does not publish
    ("该公司营收为新台币3200亿元。", "The company's revenue was $10 billion.", MAY_2024, SAME),
]


@pytest.mark.parametrize(("claim", "passage", "published", "similarity", "expected", "reason"), TABLE)
def test_amounts_in_other_currencies_at_the_document_date(claim, passage, published, similarity, expected, reason):
    found = relation(claim, passage, published, similarity)
    assert found is not None and found.relation == expected, found
    assert any(reason in text for text in found.reasons), found.reasons


@pytest.mark.parametrize(("claim", "passage", "published", "similarity"), MISSES)
def test_near_misses_give_no_support_across_currencies(claim, passage, published, similarity):
    found = relation(claim, passage, published, similarity)
    assert found is None or found.relation == "mentions", found
    assert not found or not any("/" in text and " at " in text for text in found.reasons)


def test_the_document_date_is_the_published_one_else_the_latest_full_date_of_its_text():
    assert str(document_day("2024-05-19", "2019年1月2日")) == "2024-05-19"
    assert str(document_day(None, "2024年5月14日，OpenAI发布了新模型。")) == "2024-05-14"
    assert document_day(None, "OpenAI发布了新模型。") is None
    assert document_day("2024-05", None) is None  # a month is no day to take a rate of
    assert DayRates(document_day(MAY_2024, None))("USD", "CNY") == pytest.approx(7.227, abs=0.001)


ARTICLE = "{header}\n\nOpenAI目前估值约合人民币7100亿元，是全球估值最高的初创公司之一。\n"
SOURCE = "Published: 2024-05-10\n\nOpenAI is valued at $100 billion, among the most valuable startups in the world.\n"


@pytest.mark.parametrize(("header", "supports"), [("Published: 2024-05-19", True), ("Title: no date", False)])
def test_a_linking_run_supports_a_converted_amount_only_with_a_dated_article(tmp_path, header, supports):
    from factcheck.services.ingest import ingest_paths
    from factcheck.services.linking import link_all
    from factcheck.store.db import make_engine
    from factcheck.store.models import Claim, Link

    (tmp_path / "article.txt").write_text(ARTICLE.format(header=header), encoding="utf-8")
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    engine = make_engine(f"sqlite:///{tmp_path / 'claims.db'}")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        ingest_paths(engine, ["article.txt"], role="article")
        ingest_paths(engine, ["source.txt"], role="source")
        link_all(engine, encoder=None)
    finally:
        os.chdir(here)
    with Session(engine) as session:
        claim = session.exec(select(Claim).where(Claim.text.contains("7100亿元"))).one()
        links = session.exec(select(Link).where(Link.claim_id == claim.id)).all()
    engine.dispose()
    supporting = [link for link in links if link.relation == "supports"]
    assert bool(supporting) == supports, [(link.relation, link.reasons) for link in links]
    if supports:
        assert "CNY/USD" in supporting[0].reasons
