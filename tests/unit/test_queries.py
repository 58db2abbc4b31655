"""The queue as the database returns it: filters, keyset pages, positions, counts."""

from __future__ import annotations

import pytest
from sqlalchemy import insert
from sqlmodel import Session

from factcheck.errors import UserError
from factcheck.store.models import Claim, Document, Quantity
from factcheck.store.queries import (
    ClaimFilter,
    QueueKey,
    count_claims,
    list_claims,
    parse_filter,
    queue_page,
    queue_position,
    status_counts,
)


@pytest.fixture
def queue(engine):
    """250 claims over two articles, with many equal check-worthiness values (ties are where
    keyset paging goes wrong)."""
    text = "。".join(f"第{i}句" for i in range(200))
    with engine.begin() as connection:
        for doc in (1, 2):
            connection.execute(insert(Document).values(id=doc, path=f"articles/a{doc}.txt", title="", role="article",
                                                      language="zh", sha256=f"s{doc}", text=text))
        rows = [{"id": i, "document_id": 1 + i % 2, "start": i, "end": i + 3, "text": f"claim {i} 100%_x",
                 "label": f"label {i}", "checkworthiness": (i * 7 % 5) / 5, "status": "unreviewed",
                 "version": 1, "created_by": "extractor"} for i in range(1, 251)]
        connection.execute(insert(Claim), rows)
        connection.execute(insert(Quantity), [{"claim_id": i, "start": i, "end": i + 1, "text": "1", "kind": "money",
                                               "value": 1.0, "unit": "USD", "display": "$1"} for i in range(1, 251, 3)])
    return engine


def walk(session, where, size):
    rows, key = [], None
    while True:
        page = queue_page(session, where, after=key, limit=size)
        if not page:
            return rows
        rows += [r.claim.id for r in page]
        key = page[-1].key


def test_keyset_pages_walk_the_whole_queue_in_order(queue):
    with Session(queue) as session:
        expected = [c.id for c in list_claims(session)]
        assert walk(session, ClaimFilter(), 17) == expected
        assert walk(session, ClaimFilter(kind="money"), 9) == [c.id for c in list_claims(session, ClaimFilter(kind="money"))]


def test_pages_backwards_and_the_last_page(queue):
    with Session(queue) as session:
        expected = [c.id for c in list_claims(session)]
        middle = queue_page(session, limit=100)[-1].key
        before = queue_page(session, before=middle, limit=30)
        assert [r.claim.id for r in before] == expected[69:99]
        assert [r.claim.id for r in queue_page(session, last=True, limit=20)] == expected[-20:]


def test_position_counts_the_claims_before_a_key(queue):
    with Session(queue) as session:
        claims = list_claims(session)
        assert queue_position(session, ClaimFilter(), QueueKey.of(claims[123])) == 123


def test_rows_carry_values_document_and_links(queue):
    with Session(queue) as session:
        row = next(r for r in queue_page(session, limit=250) if r.claim.id == 1)
        assert (row.values, row.document, row.links) == ("$1", "a2.txt", 0)


def test_parse_filter_reads_fields_and_words():
    where = parse_filter('status:refuted kind:money doc:a1.txt "232 毫秒" GPT')
    assert where == ClaimFilter(status="refuted", kind="money", document="a1.txt", text="232 毫秒 GPT")
    assert parse_filter(where.describe()) == where
    assert parse_filter("") == ClaimFilter()
    with pytest.raises(UserError, match="unknown status 'nope'"):
        parse_filter("status:nope")
    with pytest.raises(UserError, match="unknown kind"):
        parse_filter("kind:weight")


def test_text_filter_ignores_case_and_treats_wildcards_literally(queue):
    with Session(queue) as session:
        assert count_claims(session, ClaimFilter(text="LABEL 12")) == 11  # label 12, 120–129
        assert count_claims(session, ClaimFilter(text="%_x")) == 250
        assert count_claims(session, ClaimFilter(text="0%x")) == 0  # _ is not a wildcard


def test_document_filter_and_status_counts(queue):
    with Session(queue) as session:
        assert count_claims(session, ClaimFilter(document="a1.txt")) == 125
        assert status_counts(session) == {"unreviewed": 250}
        assert status_counts(session, ClaimFilter(document="a2.txt")) == {"unreviewed": 125}
