"""The workbench driven through Pilot: each key path is checked in the database."""

from __future__ import annotations

from sqlmodel import Session, col, select

from factcheck.services.review import record_verdict
from factcheck.store.models import Claim, Document, Link, ReviewEvent
from factcheck.store.queries import list_claims
from factcheck.tui.app import make_app


def status_of(engine, claim_id: int) -> str:
    with Session(engine) as session:
        return session.get(Claim, claim_id).status


def events(engine, claim_id: int) -> list[ReviewEvent]:
    with Session(engine) as session:
        return list(session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == claim_id).order_by(col(ReviewEvent.id))))


async def test_verdict_key_records_a_review(demo_db, settle):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        claim_id = app.screen.table.selected_claim_id
        await pilot.press("r")
        await settle(app, pilot)
        assert str(app.screen.table.get_cell(str(claim_id), "status")) == "refuted"
    with Session(engine) as session:
        claim = session.get(Claim, claim_id)
        assert claim.status == "refuted" and claim.version == 2
    (event,) = events(engine, claim_id)
    assert (event.reviewer, event.field, event.old, event.new) == ("ann", "status", "unreviewed", "refuted")


async def test_search_enter_then_refute_the_match(demo_db, settle):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"232毫秒")
        await settle(app, pilot)
        await pilot.press("enter")
        assert app.focused is app.screen.table
        await pilot.press("r")
        await settle(app, pilot)
    with Session(engine) as session:
        (claim,) = session.exec(select(Claim).where(Claim.status == "refuted")).all()
        assert "232毫秒" in claim.text


async def test_detail_names_the_document_apart_from_the_context(demo_db, settle):
    """The title of the claim's article is labelled, so its first line (the title of an
    article without a header) is not read as the claim's context."""
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        detail = app.screen.detail
        lines = detail.render().plain.splitlines()
        with Session(engine) as session:
            title = session.get(Document, detail.view.claim.document_id).title
    assert title and lines[1].startswith("Document: " + title[:20])


async def test_filter_words_narrow_the_queue_and_bad_ones_are_flagged(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        first, second = list_claims(session, limit=2)
    record_verdict(engine, first.id, "misleading", reviewer="bob")
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"status:misleading")
        await settle(app, pilot)
        table = app.screen.table
        assert [row.claim.id for row in table.window] == [first.id] and table.total == 1
        await pilot.press(*" kind:bogus", "enter")
        await settle(app, pilot)
        bar = app.screen.query_one("#filter")
        assert bar.has_class("-invalid") and bar.has_focus
        assert any("unknown kind 'bogus'" in str(n.message) for n in app._notifications)
        await pilot.press("escape")  # back to the filter as it was before `/`
        await settle(app, pilot)
        assert table.total == len(list_claims(Session(engine)))


async def test_space_marks_and_one_key_judges_them_all_and_undo_reverts_them_together(demo_db, settle):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        ids = [row.claim.id for row in app.screen.table.window[:3]]
        await pilot.press("space", "space", "space")
        assert set(app.screen.table.marked) == set(ids)
        await pilot.press("s")
        await settle(app, pilot)
        assert [status_of(engine, i) for i in ids] == ["supported"] * 3
        assert not app.screen.table.marked
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert [status_of(engine, i) for i in ids] == ["unreviewed"] * 3
    assert all(events(engine, i)[-1].note.startswith("undo of #") for i in ids)


async def test_undo_walks_back_through_my_changes_one_per_press(demo_db, settle, stay_put):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.table
        first = table.selected_claim_id
        await pilot.press("r", "down")
        await settle(app, pilot)
        second = table.selected_claim_id
        await pilot.press("m", "p")
        await settle(app, pilot)
        assert (status_of(engine, first), status_of(engine, second)) == ("refuted", "in_progress")
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert (status_of(engine, first), status_of(engine, second)) == ("refuted", "misleading")
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert (status_of(engine, first), status_of(engine, second)) == ("refuted", "unreviewed")
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert status_of(engine, first) == "unreviewed"
        await pilot.press("ctrl+z")  # nothing left: refused, nothing written
        await settle(app, pilot)
        assert "nothing of ann's to undo" in " ".join(str(n.message) for n in app._notifications)
    assert len(events(engine, first)) == 2 and len(events(engine, second)) == 4


async def test_note_key_saves_a_note(demo_db, settle):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        claim_id = app.screen.table.selected_claim_id
        await pilot.press("n", *"source says 40%", "enter", *"and 50% later", "ctrl+s")
        await settle(app, pilot)
        lines = app.screen.detail.render().plain.splitlines()
    (event,) = events(engine, claim_id)
    assert (event.field, event.note, event.reviewer) == ("note", "source says 40%\nand 50% later", "ann")
    at = lines.index(next(line for line in lines if line.startswith("Latest note — ann, ")))
    assert lines[at + 1:at + 3] == ["  source says 40%", "  and 50% later"]


async def _open_232(app, pilot, settle):
    await settle(app, pilot)
    await pilot.press("slash", *"232毫秒", "enter")
    await settle(app, pilot)
    return app.screen.table.selected_claim_id


async def test_confirm_and_reject_the_chosen_link(demo_db, settle):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        claim_id = await _open_232(app, pilot, settle)
        link_id = app.screen.detail.selected_link.id
        await pilot.press("c")
        await settle(app, pilot)
        with Session(engine) as session:
            assert session.get(Link, link_id).state == "confirmed"
        await pilot.press("x")
        await settle(app, pilot)
        with Session(engine) as session:
            assert session.get(Link, link_id).state == "rejected"
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        with Session(engine) as session:
            assert session.get(Link, link_id).state == "confirmed"
    assert [e.field for e in events(engine, claim_id)] == ["link", "link", "link"]


async def test_verdict_on_a_claim_someone_else_changed_is_refused_and_the_fresh_state_shown(demo_db, settle, stay_put):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        claim_id = app.screen.table.selected_claim_id
        record_verdict(engine, claim_id, "supported", reviewer="bob")
        await pilot.press("r")
        await settle(app, pilot)
        assert status_of(engine, claim_id) == "supported"
        assert str(app.screen.table.get_cell(str(claim_id), "status")) == "supported"
        assert any("changed by someone else" in str(n.message) for n in app._notifications)
        await pilot.press("r")  # now that the fresh state is shown, the verdict goes through
        await settle(app, pilot)
        assert status_of(engine, claim_id) == "refuted"


async def test_history_shows_the_audit_log(demo_db, settle, stay_put):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("r", "m")
        await settle(app, pilot)
        await pilot.press("h")
        await settle(app, pilot)
        table = app.screen.query_one("#history")
        changes = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert changes == ["unreviewed → refuted", "refuted → misleading"]
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen.__class__.__name__ == "QueueScreen"


async def test_add_key_makes_a_claim_of_a_missed_sentence(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        before = len(list_claims(session))
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        chosen = app.screen.query_one("#sentences").highlighted_option.prompt
        await pilot.press("enter")
        await settle(app, pilot)
        with Session(engine) as session:
            added = session.exec(select(Claim).where(Claim.created_by == "ann")).one()
            assert " ".join(added.text.split())[:300] == str(chosen)
            assert len(list_claims(session)) == before + 1
        assert app.screen.table.total == before + 1  # the queue was read again
        assert [e.field for e in events(engine, added.id)] == ["claim"]
        await pilot.press("ctrl+z")
        await settle(app, pilot)
    with Session(engine) as session:
        assert len(list_claims(session)) == before


async def export_with_key(app, pilot, settle, fmt: str, target) -> None:
    """Press e, choose the format, type the path, and wait for the export to end."""
    await pilot.press("e")
    await settle(app, pilot)
    formats = app.screen.query_one("#formats")
    formats.highlighted = formats.get_option_index(fmt)
    await pilot.press("enter")
    app.screen.query_one("#path").value = str(target)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_export_key_writes_the_report_where_asked(demo_db, tmp_path, settle):
    url, engine = demo_db
    target = tmp_path / "out.json"
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await export_with_key(app, pilot, settle, "json", target)
        assert any(f"wrote {target} (json, " in str(n.message) for n in app._notifications)
    import json

    report = json.loads(target.read_text(encoding="utf-8"))
    assert sum(c["status"] == "refuted" for c in report["claims"]) == 1


async def test_export_follows_the_status_filter_and_claimreview_without_publisher_is_refused(
    demo_db, tmp_path, settle, monkeypatch
):
    url, engine = demo_db
    monkeypatch.delenv("FACTCHECK_PUBLISHER", raising=False)
    folder = tmp_path / "reports"
    folder.mkdir()
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("r", "slash", *"status:refuted", "enter")
        await settle(app, pilot)
        for fmt in ("html", "claimreview"):
            await export_with_key(app, pilot, settle, fmt, folder / f"out.{fmt}")
        messages = " ".join(str(n.message) for n in app._notifications)
    assert f"wrote {folder / 'out.html'} (html, 1 claim, public)" in messages
    assert "claimreview needs the publisher (it is kept for the next export)" in messages
    assert [p.name for p in folder.iterdir()] == ["out.html"]  # nothing half-written


async def test_export_never_replaces_the_database_or_a_folder(demo_db, tmp_path, settle):
    url, engine = demo_db
    database = tmp_path / "claims.db"
    before = database.read_bytes()
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for target in (database, tmp_path):
            await export_with_key(app, pilot, settle, "md", target)
        messages = [str(n.message) for n in app._notifications]
    assert f"{database}: is the database itself; name another file" in messages
    assert f"{tmp_path}: is a folder" in messages
    assert database.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


async def test_remapped_key_works_by_binding_id(demo_db, settle):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={"claim.refuted": "R"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        claim_id = app.screen.table.selected_claim_id
        await pilot.press("r")
        await settle(app, pilot)
        assert status_of(engine, claim_id) == "unreviewed"
        await pilot.press("R")
        await settle(app, pilot)
    assert status_of(engine, claim_id) == "refuted"


async def test_help_lists_the_keys_with_their_ids(demo_db, settle):
    url, _ = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        table = app.screen.query_one("#keys")
        ids = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
        assert {"claim.refuted", "claim.undo", "link.confirm", "report.export", "queue.search"} <= ids


async def test_command_palette_filters_by_status(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        claim = list_claims(session, limit=1)[0]
    record_verdict(engine, claim.id, "unverifiable", reviewer="bob")
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"status unverifiable")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        table = app.screen.table
        assert table.where.status == "unverifiable"
        assert [row.claim.id for row in table.window] == [claim.id]


async def test_narrow_terminal_stacks_the_detail_and_resize_restores(demo_db, settle):
    url, _ = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.screen.has_class("narrow")
        assert app.screen.table.region.width == 80
        await pilot.press("shift+down", "shift+down")  # the detail scrolls, the queue stays
        assert app.screen.detail.first_line == 6 and app.screen.table.cursor_position == 1
        await pilot.resize_terminal(180, 40)
        await settle(app, pilot)
        assert not app.screen.has_class("narrow")
        assert app.screen.detail.region.x > 0


async def test_a_read_only_database_is_browsed_and_exported_but_never_written(demo_db, tmp_path, settle):
    """An editor may read the team's database but not write it: the queue, the detail and
    the export work; a verdict, a note, a link or an undo says why not, before any dialog
    opens or the marks are cleared."""
    from factcheck.store.db import create_sqlite_engine

    url, _ = demo_db
    database = tmp_path / "claims.db"
    before = database.read_bytes()
    engine = create_sqlite_engine(url, read_only=True)
    app = make_app(url, reviewer="ann", keymap={}, engine=engine, read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.sub_title.endswith("· read-only")
        assert app.screen.detail.view is not None
        await pilot.press("space", "space")
        for keys in (["r"], ["n"], ["a"], ["c"], ["ctrl+z"]):
            await pilot.press(*keys)
            await settle(app, pilot)
            assert app.screen is app.screen_stack[1]  # no dialog opened
        assert len(app.screen.table.marked) == 2
        await export_with_key(app, pilot, settle, "csv", tmp_path / "report.csv")
        messages = [str(n.message) for n in app._notifications]
    engine.dispose()
    assert messages.count("read-only database: you can read and export it, not save verdicts, notes or links") == 5
    assert any(m.startswith(f"wrote {tmp_path / 'report.csv'}") for m in messages)
    assert database.read_bytes() == before
