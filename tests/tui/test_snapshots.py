"""Layout guards: the main screen at 80×24, 120×40, 150×40 and 200×60, in the light theme,
the full-screen detail and the help screen. Behaviour is tested elsewhere; these catch a
pane that vanished, a key bar that lost keys, a number or name split across lines, a cut
text without its "…", a label column that does not widen."""

from __future__ import annotations

from factcheck.tui.app import make_app


def _settled(settle):
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)

    return run_before


def test_main_screen(snap_compare, demo_db, settle):
    app = make_app(demo_db[0], reviewer="ann", keymap={})
    assert snap_compare(app, terminal_size=(150, 40), run_before=_settled(settle))


def test_main_screen_at_80_by_24(snap_compare, demo_db, settle):
    app = make_app(demo_db[0], reviewer="ann", keymap={})
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled(settle))


def test_main_screen_at_120_by_40_every_key_in_the_key_bar(snap_compare, demo_db, settle):
    app = make_app(demo_db[0], reviewer="ann", keymap={})
    assert snap_compare(app, terminal_size=(120, 40), run_before=_settled(settle))


def test_main_screen_at_200_by_60_with_a_wide_label_column(snap_compare, demo_db, settle):
    app = make_app(demo_db[0], reviewer="ann", keymap={})
    assert snap_compare(app, terminal_size=(200, 60), run_before=_settled(settle))


def test_full_screen_detail_at_80_by_24(snap_compare, demo_db, settle):
    app = make_app(demo_db[0], reviewer="ann", keymap={})

    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("f")
        await settle(pilot.app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_main_screen_light_theme_with_marks(snap_compare, demo_db, settle):
    app = make_app(demo_db[0], reviewer="ann", keymap={})

    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await settle(pilot.app, pilot)  # marks land on rows only once the queue is shown
        await pilot.press("space", "space")
        await settle(pilot.app, pilot)

    assert snap_compare(app, terminal_size=(120, 30), run_before=run_before)


def test_help_screen(snap_compare, demo_db, settle):
    app = make_app(demo_db[0], reviewer="ann", keymap={})

    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("question_mark")
        await settle(pilot.app, pilot)

    assert snap_compare(app, terminal_size=(100, 36), run_before=run_before)
