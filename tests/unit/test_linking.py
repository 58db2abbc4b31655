"""Linking small documents end to end through the database: candidates, scores, reasons,
relations, and runs that are all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import Session, select

from factcheck.services import linking
from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import Linker, link_all
from factcheck.store.models import Claim, Document, Link, Passage

SOURCES = {
    "hurun.md": "# Unicorn index\n\nSource: https://example.org/hurun\nPublished: 2024-04-09\n\n"
    "OPENAI SAW FASTEST VALUATION INCREASE, UP TO THIRD PLACE WITH US$100BN.\n",
    "chips.md": "# Chips\n\nSource: https://example.org/chips\nPublished: 2023-12-03\n\n"
    "OpenAI signed a nonbinding agreement to spend $51 million on the chips.\n\n"
    "The weather was mild that week.\n",
    "latency.md": "# Audio\n\nPublished: 2024-05-13\n\n"
    "The model can respond to audio inputs in as little as 232 milliseconds.\n",
    "api.md": "# Announcing GPT-4o in the API\n\nPublished: 2024-05-13\n\n"
    "GPT-4o is 2x faster at generating tokens than GPT-4 Turbo.\n\n"
    "GPT-4o is 50% cheaper than GPT-4 Turbo.\n",
    "review.md": "# Review\n\nPublished: 2024-03-08\n\n"
    "The law firm WilmerHale reviewed the events for the special committee.\n\n"
    "Ilya Sutskever said he was leaving the company after almost a decade.\n",
    "zh.md": "# 榜单\n\nPublished: 2024-04-09\n\n"
    "分析人士指出,公司的发展轨迹堪称奇迹,但安全文化被边缘化。\n\n另一家公司宣布了新的产品线。\n",
}
ARTICLE = (
    "伊利亚·苏茨克沃(Ilya Sutskever)宣布离职。\n"
    "据报道,这家估值1000亿美金的公司正面临压力。\n"
    "更早之前,OpenAI订购算力,总额高达5100万美元。\n"
    "新模型可以短至232毫秒响应音频输入。\n"
    "穆拉蒂表示,GPT-4o价格降低一半(50%),速度提升两倍(200%)。\n"
    "律师事务所WilmerHale表示将对事件进行审查。\n"
    "伊利亚·苏茨克沃表示,他决定离开。\n"
    "周健表示,公司的发展轨迹堪称奇迹。\n"
)


@pytest.fixture
def corpus(tmp_path: Path, engine):
    sources = tmp_path / "evidence"
    sources.mkdir()
    for name, text in SOURCES.items():
        (sources / name).write_text(text, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ingest_paths(engine, [article], role="article")
    ingest_paths(engine, [sources], role="source")
    link_all(engine)
    return engine


def links_of(engine, fragment: str) -> list[tuple[Link, str, str]]:
    """The claim's links, best first, with the passage text and source file name."""
    with Session(engine) as session:
        claim = session.exec(select(Claim).where(Claim.text.contains(fragment))).one()
        rows = session.exec(
            select(Link, Passage.text, Document.path)
            .join(Passage, Link.passage_id == Passage.id)
            .join(Document, Passage.document_id == Document.id)
            .where(Link.claim_id == claim.id)
            .order_by(Link.score.desc())
        ).all()
    return [(link, text, Path(path).name) for link, text, path in rows]


@pytest.mark.parametrize(
    ("fragment", "source", "evidence"),
    [
        ("1000亿美金", "hurun.md", "US$100BN"),
        ("5100万美元", "chips.md", "$51 million"),
        ("232毫秒", "latency.md", "232 milliseconds"),
    ],
)
def test_equal_quantity_across_languages_is_the_top_suggestion(corpus, fragment, source, evidence):
    top, text, path = links_of(corpus, fragment)[0]
    assert (path, top.relation, top.state) == (source, "supports", "suggested")
    assert evidence in text
    assert any(fragment in reason and evidence in reason for reason in json.loads(top.reasons))


def test_speed_claim_gets_the_api_announcement_with_the_mismatch(corpus):
    top, text, path = links_of(corpus, "两倍(200%)")[0]
    assert path == "api.md" and "2x faster" in text
    assert top.relation == "contradicts"
    mismatch = [r for r in json.loads(top.reasons) if r.startswith("mismatch")]
    assert mismatch and "3x" in mismatch[0] and "2x" in mismatch[0]


def test_latin_name_inside_chinese_text_finds_the_english_passage(corpus):
    top, text, _ = links_of(corpus, "WilmerHale表示")[0]
    assert "WilmerHale" in text and top.relation == "mentions"
    assert "names: WilmerHale" in json.loads(top.reasons)


def test_alias_links_the_chinese_name_to_the_english_one(corpus):
    links = links_of(corpus, "他决定离开")
    assert links, "the harvested alias should connect 伊利亚·苏茨克沃 to Ilya Sutskever"
    top, text, _ = links[0]
    assert "Ilya Sutskever" in text
    assert any("Ilya Sutskever" in reason for reason in json.loads(top.reasons))


def test_fuzzy_wording_links_chinese_to_chinese(corpus):
    top, text, path = links_of(corpus, "周健表示")[0]
    assert path == "zh.md" and "堪称奇迹" in text
    assert any(reason.startswith("wording") for reason in json.loads(top.reasons))


def test_unrelated_passages_are_never_suggested(corpus):
    with Session(corpus) as session:
        texts = session.exec(select(Passage.text).join(Link, Link.passage_id == Passage.id)).all()
    assert not any("weather" in t or "新的产品线" in t for t in texts)


def test_links_carry_a_text_quote_selector(corpus):
    top, text, _ = links_of(corpus, "5100万美元")[0]
    assert top.exact == text
    assert top.prefix.endswith("\n\n") and 0 < len(top.prefix) <= 32
    assert top.suffix.startswith("\n\nThe weather") and len(top.suffix) == 32


def test_only_candidates_are_scored(corpus):
    with Session(corpus) as session:
        everything = len(session.exec(select(Passage.id)).all())
        linker = Linker(session)
        claim = session.exec(select(Claim).where(Claim.text.contains("232毫秒"))).one()
        found = linker.suggest([claim.id])
        side_ids = linker.candidates(linking.Side(claim.text, []), [])
    assert [s.passage_id for s in found]
    assert len(side_ids) < everything


def test_decided_links_survive_a_new_run_and_are_not_suggested_twice(corpus):
    top, _, _ = links_of(corpus, "5100万美元")[0]
    with Session(corpus) as session:
        link = session.get(Link, top.id)
        link.state = "rejected"
        session.add(link)
        session.commit()
    link_all(corpus)
    links = links_of(corpus, "5100万美元")
    assert [(k.id, k.state) for k, _, _ in links if k.passage_id == top.passage_id] == [
        (top.id, "rejected")
    ]


def test_an_interrupted_run_leaves_the_previous_suggestions(corpus, monkeypatch):
    with Session(corpus) as session:
        before = sorted((k.claim_id, k.passage_id, k.score) for k in session.exec(select(Link)))
    monkeypatch.setattr(linking, "BATCH", 1)
    calls = []

    def interrupt(what: str, done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        link_all(corpus, progress=interrupt)
    with Session(corpus) as session:
        after = sorted((k.claim_id, k.passage_id, k.score) for k in session.exec(select(Link)))
    assert before and after == before


def test_progress_reports_every_batch(corpus, monkeypatch):
    monkeypatch.setattr(linking, "BATCH", 2)
    seen = []
    report = link_all(corpus, progress=lambda what, done, total: seen.append((done, total)))
    assert seen[0] == (0, report.claims) and seen[-1] == (report.claims, report.claims)
    assert len(seen) >= report.claims // 2


@pytest.mark.sqlite_only
def test_upgrading_an_old_database_indexes_its_passages(tmp_path: Path):
    from alembic import command
    from sqlalchemy import text

    from factcheck.store.db import _alembic_config, make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = _alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO document (id, path, title, role, language, sha256, text, added_at) "
                "VALUES (1, 's.md', 's', 'source', 'en', 'x', 'WilmerHale reviewed it.', '2024-01-01')"
            )
        )
        connection.execute(
            text(
                'INSERT INTO passage (id, document_id, start, "end", text) '
                "VALUES (1, 1, 0, 23, 'WilmerHale reviewed it.')"
            )
        )
    engine.dispose()
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.connect() as connection:
        found = (
            connection.execute(
                text("SELECT rowid FROM passage_fts WHERE passage_fts MATCH '\"merhal\"'")
            )
            .scalars()
            .all()
        )
        retired = connection.execute(text("SELECT retired FROM passage")).scalar_one()
    assert found == [1] and not retired


def test_demo_corpus_claims_get_their_evidence(engine, demo_copy: Path):
    ingest_paths(engine, [demo_copy / "articles"], role="article")
    ingest_paths(engine, [demo_copy / "evidence"], role="source")
    link_all(engine)
    expected = {
        "1000亿美金": ("hurun-global-unicorn-index-2024.md", "supports"),
        "5100万美元": ("wired-rain-ai-chips.md", "supports"),
        "232毫秒": ("gpt4o-audio-latency.md", "supports"),
        "两倍(200%)": ("openai-gpt4o-api.md", "contradicts"),
    }
    for fragment, (source, relation) in expected.items():
        links = links_of(engine, fragment)
        top3 = [(path, link.relation) for link, _, path in links[:3]]
        assert (source, relation) in top3, fragment
        assert links[0][0].relation == relation, fragment  # the best evidence says the same
