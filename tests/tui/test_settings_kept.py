"""The workbench reads and writes the settings file the command line uses: the export
dialog's publisher, the theme and the reviewer's name are there at the next start."""

from __future__ import annotations

import json
import tomllib

from factcheck.services.settings import load_settings, save_setting
from factcheck.tui.app import make_app
from factcheck.tui.screens.export import ExportScreen

KEYS = {" ": "space", ".": "full_stop", ":": "colon", "/": "slash", "-": "minus"}


async def type_into(pilot, app, selector: str, text: str) -> None:
    field = app.screen.query_one(selector)
    field.value = ""
    field.focus()
    await pilot.pause()
    await pilot.press(*(KEYS.get(char, char) for char in text))


async def open_export(app, pilot, settle, fmt: str) -> None:
    await pilot.press("e")
    await settle(app, pilot)
    formats = app.screen.query_one("#formats")
    formats.highlighted = formats.get_option_index(fmt)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_claimreview_from_the_workbench_keeps_the_publisher_for_the_next_run(
    demo_db, tmp_path, settle, own_settings
):
    url, _ = demo_db
    first, second = tmp_path / "first.jsonld", tmp_path / "second.jsonld"
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")  # a verdict, so the markup has a review
        await settle(app, pilot)
        await open_export(app, pilot, settle, "claimreview")
        assert app.screen.query_one("#publisher-name").value == ""
        await type_into(pilot, app, "#publisher-name", "Example Desk")
        await type_into(pilot, app, "#publisher-url", "https://desk.example.org/checks")
        await type_into(pilot, app, "#path", str(first))
        await pilot.press("enter")
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
    assert f"wrote {first} (claimreview, 1 claim, public)" in messages
    assert any(m.startswith("1 claim from articles without a web address") for m in messages)
    (review,) = json.loads(first.read_text(encoding="utf-8"))
    assert review["author"] == {"@type": "Organization", "name": "Example Desk",
                                "url": "https://desk.example.org/checks"}
    assert "appearance" not in review["itemReviewed"]  # the demo article has no address
    stored = tomllib.loads(own_settings.read_text(encoding="utf-8"))
    assert stored["publisher"] == {"name": "Example Desk", "url": "https://desk.example.org/checks"}

    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_export(app, pilot, settle, "claimreview")
        assert app.screen.query_one("#publisher-name").value == "Example Desk"
        assert app.screen.query_one("#publisher-url").value == "https://desk.example.org/checks"
        await type_into(pilot, app, "#path", str(second))
        await pilot.press("enter")
        await settle(app, pilot)
    (review,) = json.loads(second.read_text(encoding="utf-8"))
    assert review["author"]["name"] == "Example Desk"


async def test_a_publisher_url_that_is_not_web_is_refused_in_the_dialog(demo_db, tmp_path, settle, own_settings):
    url, _ = demo_db
    target = tmp_path / "report.html"
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_export(app, pilot, settle, "html")
        await type_into(pilot, app, "#publisher-name", "Desk")
        await type_into(pilot, app, "#publisher-url", "javascript:alert(1)")
        await type_into(pilot, app, "#path", str(target))
        await pilot.press("enter")
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert isinstance(app.screen, ExportScreen)  # still open, with what was typed
    assert "publisher URL 'javascript:alert(1)': must be an http:// or https:// address" in messages
    assert not target.exists() and not own_settings.exists()


async def test_an_internal_export_asks_no_publisher(demo_db, tmp_path, settle, own_settings):
    url, _ = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_export(app, pilot, settle, "md")
        assert app.screen.query_one("#audience").value == "internal"
        assert not app.screen.query_one(".publisher").display
        assert app.screen.query_one("#path").value == "factcheck-report.md"
        app.screen.query_one("#audience").value = "public"
        await settle(app, pilot)
        assert app.screen.query_one(".publisher").display


async def test_theme_and_reviewer_name_last(demo_db, settle, own_settings):
    url, _ = demo_db
    app = make_app(url, keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.theme = "textual-light"
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"reviewer name", "enter")
        await settle(app, pilot)
        await type_into(pilot, app, "#reviewer", "Ann Lee")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.reviewer == "Ann Lee"
    settings = load_settings()
    assert settings.get("workbench.theme") == "textual-light" and settings.get("reviewer.name") == "Ann Lee"
    app = make_app(url, keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-light" and app.reviewer == "Ann Lee"
        assert "Ann Lee" in app.sub_title


async def test_a_malformed_settings_file_opens_with_defaults_and_says_so(demo_db, settle, own_settings):
    url, _ = demo_db
    save_setting("workbench.theme", "textual-light")
    own_settings.write_text(own_settings.read_text() + "[publisher\nname = 1\n", encoding="utf-8")
    before = own_settings.read_bytes()
    app = make_app(url, keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.theme = "textual-dark"  # nothing is written over a file that could not be read
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert app.screen.table.total > 0
    (said,) = [m for m in messages if "default settings" in m]
    assert str(own_settings) in said and "line 3" in said
    assert own_settings.read_bytes() == before
