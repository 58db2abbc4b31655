"""The same claim in two articles is grouped, so one verdict can serve both."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import link_all
from factcheck.store.models import Claim

ARTICLES = {
    "a.txt": "据报道,OpenAI估值1000亿美金。\n据报道,公司去年收入20亿美元。\n",
    "b.txt": "消息称,OpenAI的最新估值达到1000亿美金,位列第三。\n据报道,另一家公司收入35亿美元。\n",
    "c.txt": "OpenAI is now valued at US$100BN, the report said.\n",
}


def groups(engine) -> dict[str, int | None]:
    with Session(engine) as session:
        return {c.text: c.group_id for c in session.exec(select(Claim))}


def test_same_value_and_subject_in_other_articles_share_a_group(tmp_path: Path, engine):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(engine, [tmp_path / name for name in ARTICLES], role="article")
    report = link_all(engine)
    found = groups(engine)
    valuation = [g for text, g in found.items() if "1000亿美金" in text or "US$100BN" in text]
    assert len(valuation) == 3 and valuation[0] is not None and len(set(valuation)) == 1
    others = [g for text, g in found.items() if "收入" in text]
    assert others == [None, None]
    assert report.grouped == 3


def test_groups_are_recomputed_when_a_twin_goes_away(tmp_path: Path, engine):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLES[name], encoding="utf-8")
    ingest_paths(engine, [tmp_path / "a.txt", tmp_path / "b.txt"], role="article")
    link_all(engine)
    assert any(g is not None for g in groups(engine).values())
    with Session(engine) as session:
        for claim in session.exec(select(Claim).where(Claim.text.contains("最新估值"))):
            session.delete(claim)
        session.commit()
    link_all(engine)
    assert all(g is None for g in groups(engine).values())
