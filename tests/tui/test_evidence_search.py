"""Finding and linking evidence by hand in the workbench: `l` opens a search prefilled with
the claim, a key links the chosen passage with a relation; the queue marks a contradicted
claim and the detail shows each link's confidence."""

from __future__ import annotations

from sqlmodel import Session, col, select
from textual.widgets import DataTable, Input

from factcheck.store.models import Link, Passage, ReviewEvent
from factcheck.tui.app import make_app
from factcheck.tui.screens.evidence_search import EvidenceSearchScreen


async def _open_claim(app, pilot, settle, fragment: str) -> int:
    await settle(app, pilot)
    await pilot.press("slash", *fragment)
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    return app.screen.table.selected_claim_id


async def test_l_searches_for_the_claim_and_links_the_chosen_passage(demo_db, settle):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        claim_id = await _open_claim(app, pilot, settle, "突然宣布解雇")
        claim_text = app.screen.table.selected_row.claim.text
        await pilot.press("l")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EvidenceSearchScreen)
        assert screen.query_one(Input).value == " ".join(claim_text.split())
        assert screen.hits and "board abruptly announced" in screen.hits[0].text  # found across languages
        query = screen.query_one(Input)
        query.value = "Sutskever leaving after almost a decade"
        query.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        chosen = screen.hits[0]
        assert "almost a decade" in chosen.text and app.focused is screen.query_one(DataTable)
        await pilot.press("2")  # contradicts
        await settle(app, pilot)
        assert not isinstance(app.screen, EvidenceSearchScreen)
        assert "✗" in str(app.screen.table.get_cell(str(claim_id), "links"))
        detail = "\n".join(block.content.plain for block in app.screen.detail._blocks(app.screen.detail.view))
        assert "contradicts" in detail and "confidence 1.00" in detail and "linked by ann" in detail
        assert "confidence 0." in detail  # the suggested links' own confidence
    with Session(engine) as session:
        link = session.exec(select(Link).where(Link.claim_id == claim_id, Link.passage_id == chosen.passage_id)).one()
        event = session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == claim_id)).one()
    assert (link.state, link.relation) == ("confirmed", "contradicts")
    assert (event.field, event.reviewer, event.new) == ("link", "ann", f"{link.id}:confirmed/contradicts")


async def test_escape_closes_the_search_without_linking(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        before = len(session.exec(select(Link.id)).all())
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, EvidenceSearchScreen)
    with Session(engine) as session:
        assert len(session.exec(select(Link.id)).all()) == before
        assert not session.exec(select(ReviewEvent)).all()
        assert session.exec(select(col(Passage.id))).first() is not None
