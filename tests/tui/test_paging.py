"""Moving through a queue far longer than the window: the cursor always rests on the claim
the database puts at that position."""

from __future__ import annotations

import pytest
from sqlalchemy import insert
from sqlmodel import Session

from factcheck.store.models import Claim, Document
from factcheck.store.queries import list_claims
from factcheck.tui.app import make_app
from factcheck.tui.widgets.claim_table import PAGE


@pytest.fixture
def long_queue(engine, db_url):
    with engine.begin() as connection:
        connection.execute(insert(Document).values(id=1, path="articles/a.txt", title="", role="article",
                                                  language="en", sha256="s", text="x" * 400))
        connection.execute(insert(Claim), [
            {"id": i, "document_id": 1, "start": i, "end": i + 1, "text": f"claim {i}", "label": "",
             "checkworthiness": (i * 7 % 4) / 4, "status": "unreviewed", "version": 1, "created_by": "extractor"}
            for i in range(1, 3 * PAGE + 11)])
    with Session(engine) as session:
        return db_url, [c.id for c in list_claims(session)]


async def test_cursor_follows_the_queue_across_windows(long_queue, settle):
    url, order = long_queue
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        table = app.screen.table
        assert len(table.window) == PAGE and table.total == len(order)
        await pilot.press(*["down"] * (PAGE - 3))
        for step in range(PAGE - 2, PAGE + 3):  # across the end of the first window
            await pilot.press("down")
            await settle(app, pilot)
            assert table.selected_claim_id == order[step], step
            assert table.cursor_position == step + 1
        await pilot.press(*["up"] * 40)  # back across the start of the second window
        await settle(app, pilot)
        assert table.selected_claim_id == order[PAGE + 2 - 40]
        assert table.cursor_position == PAGE + 3 - 40
        await pilot.press("end")
        await settle(app, pilot)
        assert table.selected_claim_id == order[-1] and table.cursor_position == len(order)
        await pilot.press("pageup")
        await settle(app, pilot)
        assert table.selected_claim_id == order[table.cursor_position - 1]
        await pilot.press("home")
        await settle(app, pilot)
        assert table.selected_claim_id == order[0]


async def test_verdict_keeps_the_cursor_where_the_reviewer_is(long_queue, settle, engine):
    """Deep in the second window, a verdict moves on to the next claim of the queue, not
    back to the top of a reloaded page."""
    url, order = long_queue
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press(*["down"] * (PAGE + 5))
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        assert app.screen.table.selected_claim_id == order[PAGE + 6]
    with Session(engine) as session:
        assert session.get(Claim, order[PAGE + 5]).status == "unverifiable"
