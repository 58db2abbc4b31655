"""The workbench driven through Pilot: keys change the database, not only the screen."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from factcheck.core.ingest import ingest_paths
from factcheck.core.models import Claim, ReviewEvent
from factcheck.tui.app import make_app


async def _ready(app, pilot):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_verdict_key_records_a_review(engine, db_url: str, demo_copy: Path):
    ingest_paths(engine, [demo_copy / "articles"])
    app = make_app(db_url, reviewer="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(app, pilot)
        claim_id = app.screen.table.selected_claim_id
        await pilot.press("r")
        await pilot.pause()
    with Session(engine) as session:
        claim = session.get(Claim, claim_id)
        assert claim.status == "refuted" and claim.version == 2
        event = session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == claim_id)).one()
        assert (event.reviewer, event.old, event.new) == ("ann", "unreviewed", "refuted")


async def test_search_then_enter_selects_the_match(engine, db_url: str, demo_copy: Path):
    ingest_paths(engine, [demo_copy / "articles"])
    app = make_app(db_url, reviewer="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(app, pilot)
        await pilot.press("slash", *"232毫秒")
        await _ready(app, pilot)
        await pilot.press("enter", "s")
        await pilot.pause()
    with Session(engine) as session:
        (claim,) = session.exec(select(Claim).where(Claim.status == "supported")).all()
        assert "232毫秒" in claim.text
