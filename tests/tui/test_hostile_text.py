"""Nothing a stranger wrote takes over the workbench. An article whose file name, text,
verdict note and reviewer carry escape sequences (clear the screen, set the window title,
reset the terminal, fill it with E), C1 controls and bidi overrides: every widget that
shows them (queue, detail, header, history, palette) shows the escapes as text, and the
screen keeps its layout (a snapshot)."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, select
from textual.widgets import DataTable

from factcheck.services.ingest import ingest_paths
from factcheck.services.review import record_verdict
from factcheck.store.models import Claim, ReviewEvent
from factcheck.text.shown import CONTROLS
from factcheck.tui.app import make_app

RAW = re.compile("[" + re.escape("".join(c for c in CONTROLS if c not in "\n\t")) + "]")
ARTICLE = (
    "Revenue rose 5% to $3 billion \x1b[2JWIPED \x1b]0;TITLE\x07OSC \x1bc\x1b#8FILLED "
    "\x9b2JC1 \u202eDESREVER\u202c, the company said.\n"
)
NOTE = "checked \x1b]0;NOTE TITLE\x07 the filing \u202eelif"
REVIEWER = "eve\x1b[2J\u202e"
FILE_NAME = "evil\x1b]0;FILE\x07\u202e.txt"


@pytest.fixture
def hostile_db(demo_db, tmp_path: Path, monkeypatch):
    url, engine = demo_db
    monkeypatch.chdir(tmp_path)  # the path is stored as typed: the same on every machine
    Path(FILE_NAME).write_text(ARTICLE, encoding="utf-8")
    ingest_paths(engine, [FILE_NAME], role="article")
    with Session(engine) as session:
        (claim,) = session.exec(select(Claim).where(Claim.text.contains("WIPED"))).all()
    record_verdict(engine, claim.id, "misleading", note=NOTE, reviewer=REVIEWER)
    with Session(engine) as session:  # a fixed time: the detail shows when the note was written
        for event in session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == claim.id)):
            event.at = datetime(2024, 6, 1, 9, 30, tzinfo=UTC)
            session.add(event)
        session.commit()
    return url


async def _show_the_hostile_claim(app, pilot, settle) -> None:
    await settle(app, pilot)
    await pilot.press("slash", *"WIPED", "enter")
    await settle(app, pilot)


def _screen(app) -> str:
    """The screen as text, from the screenshot the terminal's segments make."""
    svg = app.export_screenshot()
    assert not RAW.search(svg)
    return html.unescape(re.sub(r"<[^>]*>", "", svg)).replace("\xa0", " ")


async def test_no_raw_control_reaches_the_screen(hostile_db, settle):
    app = make_app(hostile_db, reviewer=REVIEWER, keymap={})
    async with app.run_test(size=(150, 40)) as pilot:
        await _show_the_hostile_claim(app, pilot, settle)
        screen = _screen(app)
        assert not RAW.search(screen)
        assert "WIPED" in screen and "FILLED" in screen and "x1b" in screen
        table, detail = app.screen.table, app.screen.detail
        row = [str(cell) for cell in table.get_row_at(0)]
        assert not RAW.search("".join(row)) and any("evil\\x1b]0;FIL" in cell for cell in row)
        shown = detail.render().plain
        assert "\\x1b[2JWIPED" in shown and "\\u202eDESREVER" in shown and not RAW.search(shown)
        assert "eve\\x1b[2J\\u202e" in app.sub_title
        await pilot.press("h")  # the history: the note and the reviewer
        await settle(app, pilot)
        _screen(app)
        cells = [str(cell) for cell in app.screen.query_one(DataTable).get_row_at(0)]
        assert "eve\\x1b[2J\\u202e" in cells and any("\\x1b]0;NOTE TITLE\\x07" in cell for cell in cells)
        await pilot.press("escape", "ctrl+p", *"document")  # the palette offers documents by name
        await settle(app, pilot)
        palette = _screen(app)
        assert not RAW.search(palette) and "x1b" in palette


async def test_the_highlights_stay_on_the_claim_and_its_numbers(hostile_db, settle):
    """Escapes make the text longer on screen: the claim's reverse video and the underlined
    quantities still cover what they did in the stored text."""
    app = make_app(hostile_db, reviewer="ann", keymap={})
    async with app.run_test(size=(150, 40)) as pilot:
        await _show_the_hostile_claim(app, pilot, settle)
        detail = app.screen.detail
        context = next(
            block.content for block in detail._blocks(detail.view) if block.content.plain.startswith("Revenue")
        )
        underlined = [context.plain[span.start:span.end] for span in context.spans if "underline" in str(span.style)]
        assert "$3 billion" in underlined and "5%" in underlined
        reversed_text = next(context.plain[s.start:s.end] for s in context.spans if "reverse" in str(s.style))
        assert reversed_text.startswith("Revenue") and reversed_text.endswith("said.")


def test_the_screen_keeps_its_layout(snap_compare, hostile_db, settle):
    app = make_app(hostile_db, reviewer=REVIEWER, keymap={})

    async def run_before(pilot) -> None:
        await _show_the_hostile_claim(pilot.app, pilot, settle)

    assert snap_compare(app, terminal_size=(120, 30), run_before=run_before)
