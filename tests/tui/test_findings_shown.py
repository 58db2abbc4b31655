"""The consistency checks in the workbench: a mark in the queue on a claim whose article's
own numbers disagree, and every finding of the selected claim in the detail pane."""

from __future__ import annotations

import os

from factcheck.services.ingest import ingest_paths
from factcheck.store.db import make_engine
from factcheck.tui.app import make_app

DEMO_CONVERSION = (
    "1000亿美金 → 人民币7100亿元 implies 7.10 CNY/USD; ECB reference on 2024-05-17: 7.23; 1.8% apart: consistent"
)
ARTICLE = (
    "Published: 2024-05-20\n\n"
    "该公司营收由120亿元增长到150亿元，增长20%。\n\n"
    "OpenAI推出了新的模型，用户数量达到1亿。\n"
)


async def _select(app, pilot, settle, words: str) -> None:
    await pilot.press("slash", *words)
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_the_demo_conversion_is_listed_in_the_detail_and_not_marked_in_the_queue(demo_db, settle):
    url, _ = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await _select(app, pilot, settle, "7100亿")
        table, detail = app.screen.table, app.screen.detail
        shown = " ".join(detail.render().plain.split())
        values = str(table.get_cell(str(table.selected_claim_id), "values"))
    assert "Checks (1)" in shown and "= consistent · conversion" in shown
    assert DEMO_CONVERSION in shown
    assert not values.startswith("≠")  # a consistent finding asks nothing of the reviewer


async def test_an_inconsistent_claim_is_marked_in_the_queue_and_explained(tmp_path, settle):
    article = tmp_path / "report.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    engine = make_engine(url)
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        ingest_paths(engine, ["report.txt"], role="article")
    finally:
        os.chdir(here)
        engine.dispose()
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        table = app.screen.table
        cells = {row.claim.text[:6]: str(table.get_cell(str(row.claim.id), "values")) for row in table.window}
        await _select(app, pilot, settle, "营收")
        shown = " ".join(app.screen.detail.render().plain.split())
    assert cells["该公司营收由"].startswith("≠ ")
    assert not any(value.startswith("≠") for key, value in cells.items() if key != "该公司营收由")
    assert "≠ inconsistent · change" in shown
    assert "120亿元 → 150亿元 = +25%; stated +20%: inconsistent" in shown
