"""The free-text filter: a case-insensitive substring of a claim's text or label (LIKE), the
same whichever way a page is found (walking the queue, or through the trigram index of
migration 0003), and the index kept in step with the claims as they come and go."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, text, update
from sqlmodel import Session, select

from factcheck.services.ingest import ingest_paths
from factcheck.services.review import add_claim, undo
from factcheck.store import queries
from factcheck.store.filters import AnyCaseLike, ClaimFilter, _escape_like
from factcheck.store.models import Claim, Document
from factcheck.store.queries import QUEUE_ORDER, count_claims, queue_page

SAMPLES = [  # (text, label)
    ("OpenAI 估值1000亿美金", "valuation $100B"),
    ("GPT-4o 响应音频输入的时间最短为232毫秒", "duration 232 ms"),
    ("GPT-4o answers in as little as 232 ms", "duration 232 ms"),
    ("growth of 100% in one year", "percent 100%"),
    ("file_name and 50%_off", "odd_label"),
    ('he said "five million" twice', "quoted"),
    ("stored under C:\\data\\new", "back\\slash"),
    ("it's an apostrophe", "it's"),
    ("Économie française", "economy"),
    ("MiXeD CaSe Words", "mixed"),
    ("openai in lower case", "other"),
    ("短", "qz"),
]
NEEDLES = [
    "OpenAI", "openai", "OPENAI", "232毫秒", "毫秒", "估值1000亿", "232", "232 ms", "ms", "m",
    "%", "100%", "0%_", "_", "e_n", "%_", '"five', '"', '""', "\\", "C:\\data", "\\d", "it's", "'",
    "économie", "ÉCONOMIE", "Écon", "mixed case", "短", "qz", "filler claim 7", "claim 1",
    "label 12", "no such words", "$100B", "*", "NEAR", "a OR b", "(x)", "^op", "te:",
]
PATHS = {  # how queue_page finds a filtered page
    "indexes": {"FEW": 10**9},
    "walk": {"FEW": -1, "WALKED_ROWS": 10**6, "LONGEST_WALK": 10**6},
    "walk, then indexes": {"FEW": -1, "WALKED_ROWS": 3, "LONGEST_WALK": 12},
}


@pytest.fixture
def claims(engine):
    """The samples among 120 filler claims, spread over the queue order (ids 1, 2, … in the
    order of `rows`: the database numbers them)."""
    with engine.begin() as connection:
        connection.execute(insert(Document).values(
            id=1, path="articles/a.txt", title="", role="article", language="zh", sha256="a", text="x" * 500))
        rows = [(f"filler claim {i}", f"label {i}") for i in range(120)]
        for index, sample in enumerate(SAMPLES):
            rows.insert(index * 10 + 3, sample)
        connection.execute(insert(Claim), [
            {"document_id": 1, "start": i, "end": i + 1, "text": body, "label": label,
             "checkworthiness": (i * 37 % 11) / 10, "status": "unreviewed", "version": 1,
             "created_by": "extractor"}
            for i, (body, label) in enumerate(rows, start=1)
        ])
    return engine


def like_reference(session, needle: str) -> list[int]:
    """The claims LIKE finds, scanning every row, in queue order."""
    pattern = "%" + _escape_like(needle) + "%"
    query = select(Claim.id).where(AnyCaseLike(Claim.text, pattern) | AnyCaseLike(Claim.label, pattern))
    return list(session.exec(query.order_by(*QUEUE_ORDER)))


def walk_pages(session, where: ClaimFilter, size: int) -> list[int]:
    found, key = [], None
    while page := queue_page(session, where, after=key, limit=size):
        found += [row.claim.id for row in page]
        key = page[-1].key
    return found


def walk_pages_backwards(session, where: ClaimFilter, size: int) -> list[int]:
    page = queue_page(session, where, last=True, limit=size)
    found = []
    while page:
        found = [row.claim.id for row in page] + found
        page = queue_page(session, where, before=page[0].key, limit=size)
    return found


def texts_of(session, ids: list[int]) -> set[str]:
    return {session.get(Claim, claim_id).text for claim_id in ids}


@pytest.mark.parametrize("path", PATHS)
def test_every_way_to_a_page_gives_what_like_gives(claims, monkeypatch, path):
    for name, value in PATHS[path].items():
        monkeypatch.setattr(queries, name, value)
    with Session(claims) as session:
        for needle in NEEDLES:
            expected = like_reference(session, needle)
            where = ClaimFilter(text=needle)
            assert walk_pages(session, where, 7) == expected, needle
            assert walk_pages_backwards(session, where, 5) == expected, needle
            assert count_claims(session, where) == len(expected), needle
            both = ClaimFilter(text=needle, status="unreviewed")
            assert [r.claim.id for r in queue_page(session, both, limit=4)] == expected[:4], needle


def test_what_the_text_filter_finds(claims):
    """Case-insensitive substring of text or label; wildcards and quotes are plain characters."""
    with Session(claims) as session:
        def found(needle):
            return texts_of(session, like_reference(session, needle))

        assert found("232毫秒") == {"GPT-4o 响应音频输入的时间最短为232毫秒"}
        assert found("openai") == {"OpenAI 估值1000亿美金", "openai in lower case"}
        assert found("MIXED case") == {"MiXeD CaSe Words"}
        assert found("232 MS") == {"GPT-4o answers in as little as 232 ms", "GPT-4o 响应音频输入的时间最短为232毫秒"}
        assert found("%_") == {"file_name and 50%_off"}
        assert found("0%_") == {"file_name and 50%_off"}
        assert found('"five') == {'he said "five million" twice'}
        assert found("\\d") == {"stored under C:\\data\\new"}
        assert found("it's") == {"it's an apostrophe"}
        assert found("QZ") == {"短"}  # by its label
        assert found("no such words") == set()
        for needle in NEEDLES:
            expected = like_reference(session, needle)
            assert [r.claim.id for r in queue_page(session, ClaimFilter(text=needle), limit=200)] == expected


def assert_index_in_step(engine) -> None:
    """SQLite's own check of an external-content FTS5 table against its content table."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.execute(text("INSERT INTO claim_fts(claim_fts, rank) VALUES ('integrity-check', 1)"))


def finds(engine, needle: str) -> list[int]:
    with Session(engine) as session:
        return [row.claim.id for row in queue_page(session, ClaimFilter(text=needle), limit=500)]


def test_index_follows_added_changed_and_removed_claims(claims):
    claims_before = finds(claims, "filler claim 7")
    with claims.begin() as connection:
        connection.execute(update(Claim).where(Claim.id == 1).values(label="relabelled 估值"))
        connection.execute(update(Claim).where(Claim.id == 2).values(text="rewritten sentence"))
        connection.execute(text("DELETE FROM claim WHERE id = 3"))
    assert finds(claims, "relabelled 估值") == [1]
    assert finds(claims, "rewritten sentence") == [2]
    assert 3 not in finds(claims, "filler claim")
    assert finds(claims, "filler claim 7") == [c for c in claims_before if c != 3]
    sentence = "Altman said 5100万美元 was paid."
    with claims.begin() as connection:
        connection.execute(update(Document).where(Document.id == 1).values(text=sentence))
    added = add_claim(claims, 1, 0, len(sentence), reviewer="ann")
    assert finds(claims, "5100万美元") == [added.id]
    assert_index_in_step(claims)
    undo(claims, reviewer="ann")  # removes the added claim
    assert finds(claims, "5100万美元") == []
    assert_index_in_step(claims)


def test_ingested_claims_are_found_by_their_words(engine, demo_copy):
    ingest_paths(engine, [demo_copy / "articles"])
    assert_index_in_step(engine)
    with Session(engine) as session:
        stored = list(session.exec(select(Claim)))
        assert stored
        for claim in stored[:40]:
            middle = claim.text[len(claim.text) // 3:][:6]
            assert claim.id in finds(engine, middle), middle
        assert len(finds(engine, "232毫秒")) >= 1


def test_claims_added_after_an_ingest_are_indexed_too(engine, demo_copy):
    """Ingest fills the index in one statement per document, without the insert trigger;
    the trigger must be back for every later write."""
    ingest_paths(engine, [demo_copy / "articles"])
    with Session(engine) as session:
        document = session.exec(select(Document)).first()
        text_before = document.text
    sentence = "Altman said 8765万欧元 was paid."
    with engine.begin() as connection:
        connection.execute(update(Document).where(Document.id == document.id).values(text=text_before + sentence))
    added = add_claim(engine, document.id, len(text_before), len(text_before) + len(sentence), reviewer="ann")
    assert finds(engine, "8765万欧元") == [added.id]
    assert_index_in_step(engine)


def test_a_document_that_fails_while_stored_leaves_the_index_as_it_was(engine, demo_copy, monkeypatch):
    import factcheck.services.ingest as ingest

    real = ingest.Rows.insert
    calls = []

    def insert_then_fail(self, table, columns, rows):
        calls.append(table.name)
        real(self, table, columns, rows)
        if table.name == "quantity":
            raise RuntimeError("disk full")

    monkeypatch.setattr(ingest.Rows, "insert", insert_then_fail)
    with pytest.raises(RuntimeError):
        ingest_paths(engine, [demo_copy / "articles"])
    assert calls  # the failure came while storing claims
    monkeypatch.undo()
    with Session(engine) as session:
        assert session.exec(select(Claim)).first() is None
    assert_index_in_step(engine)
    ingest_paths(engine, [demo_copy / "articles"])  # and the trigger is still there
    assert finds(engine, "232毫秒")
    assert_index_in_step(engine)
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            names = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
        assert {"claim_fts_insert", "claim_fts_delete", "claim_fts_update", "passage_fts_insert"} <= set(names)
