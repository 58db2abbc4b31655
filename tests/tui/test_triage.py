"""A reviewer's day through Pilot: triage in a row, bulk verdicts over other reviewers',
assignments and `mine`, verdicts reused across articles, the filter's completions, sources
opened, the full-screen detail. Each flow is checked in the database."""

from __future__ import annotations

from sqlmodel import Session, col, select

from factcheck.services.assignments import assign
from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import link_all
from factcheck.services.review import record_verdict
from factcheck.store.models import Claim, ReviewEvent
from factcheck.store.queries import list_claims
from factcheck.tui.app import make_app


def claim(engine, claim_id: int) -> Claim:
    with Session(engine) as session:
        return session.get(Claim, claim_id)


def messages(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_five_keys_judge_five_claims_in_a_row_skipping_the_judged(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        queue = [c.id for c in list_claims(session, limit=8)]
    record_verdict(engine, queue[2], "supported", reviewer="bob")  # already judged: skipped
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "r", "m", "v", "d")
        await settle(app, pilot)
        assert app.screen.table.selected_claim_id == queue[6]
    judged = [claim(engine, i).status for i in queue[:6]]
    assert judged == ["supported", "refuted", "supported", "misleading", "unverifiable", "not_a_claim"]
    assert claim(engine, queue[2]).version == 2  # bob's verdict untouched


async def test_in_progress_and_the_setting_keep_the_cursor_where_it_is(demo_db, settle):
    from factcheck.services.settings import save_setting

    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        first = app.screen.table.selected_claim_id
        await pilot.press("p")  # not a verdict: the reviewer is working on it
        await settle(app, pilot)
        assert app.screen.table.selected_claim_id == first
    save_setting("workbench.advance", "false")
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.screen.table.selected_claim_id == first
    assert claim(engine, first).status == "refuted"


async def test_the_next_unreviewed_claim_beyond_the_window_is_fetched(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        queue = [c.id for c in list_claims(session)]
    for claim_id in queue[1:65]:  # past the first page of the queue
        record_verdict(engine, claim_id, "supported", reviewer="bob")
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.screen.table.selected_claim_id == queue[65]
    assert claim(engine, queue[0]).status == "refuted"


async def test_filter_keeps_its_result_while_a_value_is_half_typed_and_enter_completes(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        total = len(list_claims(session))
        first = list_claims(session, limit=1)[0].id
    record_verdict(engine, first, "refuted", reviewer="bob")
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table, bar = app.screen.table, app.screen.query_one("#filter")
        await pilot.press("slash", *"status:ref")
        await settle(app, pilot)
        assert table.total == total and len(table.window) > 1  # the last good result
        assert not bar.has_class("-invalid")
        await pilot.press("enter")
        await settle(app, pilot)
        assert bar.value == "status:refuted" and table.where.status == "refuted"
        assert [row.claim.id for row in table.window] == [first]
        await pilot.press("slash", "ctrl+u", *"status:refuted,mis")
        await pilot.press("enter")
        await settle(app, pilot)
        assert bar.value == "status:refuted,misleading"
        assert table.where.status == "refuted,misleading" and table.total == 1


async def test_bulk_verdict_over_another_reviewers_asks_once_and_clears_the_marks(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        ids = [c.id for c in list_claims(session, limit=3)]
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "space", "space")
        record_verdict(engine, ids[1], "supported", reviewer="bob")
        app.screen.table.reload()  # ann sees bob's verdict
        await settle(app, pilot)
        app.screen.table.marked[ids[1]] = claim(engine, ids[1]).version
        await pilot.press("r")
        await settle(app, pilot)
        question = str(app.screen.query_one("Label").render())
        assert "1 of 3 were judged by others — overwrite with refuted?" in question
        await pilot.press("s")  # skip theirs
        await settle(app, pilot)
        assert not app.screen.table.marked
        assert "marked" not in app.screen.summary.render().plain
    assert [claim(engine, i).status for i in ids] == ["refuted", "supported", "refuted"]
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.table.mark_window()
        await pilot.press("m")
        await settle(app, pilot)
        assert "were judged by others" in str(app.screen.query_one("Label").render())
        await pilot.press("n")  # cancel: nothing written, the marks stay
        await settle(app, pilot)
        assert len(app.screen.table.marked) == len(app.screen.table.window)
    assert claim(engine, ids[1]).status == "supported"


async def test_assign_key_the_mine_filter_and_undo(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        ids = [c.id for c in list_claims(session, limit=4)]
    assign(engine, {ids[3]: None}, "ann", reviewer="bob")
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("A", *"ann", "enter")
        await settle(app, pilot)
        assert claim(engine, ids[0]).assignee == "ann"
        assert str(app.screen.table.get_cell(str(ids[0]), "assignee")) == "ann"
        assert "Assigned to: ann" in app.screen.detail.render().plain
        await pilot.press("slash", *"mine", "enter")
        await settle(app, pilot)
        assert sorted(row.claim.id for row in app.screen.table.window) == sorted([ids[0], ids[3]])
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert claim(engine, ids[0]).assignee is None
    with Session(engine) as session:
        changes = [(e.field, e.old, e.new) for e in session.exec(
            select(ReviewEvent).where(ReviewEvent.claim_id == ids[0]).order_by(col(ReviewEvent.id)))]
    assert changes == [("assignee", None, "ann"), ("assignee", "ann", None)]
    assert claim(engine, ids[0]).version == 3


async def test_assign_dialog_refuses_a_name_with_control_characters(demo_db, settle):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        claim_id = app.screen.table.selected_claim_id
        await pilot.press("A")
        app.screen.query_one("#assignee").value = "bo\x1bb"
        await pilot.press("enter")
        await settle(app, pilot)
        assert "control characters" in messages(app)
        await pilot.press("escape")
        await settle(app, pilot)
    assert claim(engine, claim_id).assignee is None and claim(engine, claim_id).version == 1


REPEAT = "转载:据报道,OpenAI的估值已达1000亿美金(胡润研究院),仅次于字节跳动和SpaceX。\n"


async def test_a_claim_checked_before_in_another_article_reuses_its_verdict(demo_db, settle, tmp_path):
    url, engine = demo_db
    with Session(engine) as session:
        earlier = session.exec(select(Claim).where(col(Claim.text).contains("估值1000亿美金"))).first()
    record_verdict(engine, earlier.id, "refuted", reviewer="bob")
    article = tmp_path / "repeat.txt"
    article.write_text(REPEAT, encoding="utf-8")
    ingest_paths(engine, [article], role="article")
    link_all(engine)
    with Session(engine) as session:
        repeated = session.exec(select(Claim).where(col(Claim.text).contains("转载"))).one()
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"previously-checked", "enter")
        await settle(app, pilot)
        table = app.screen.table
        assert [row.claim.id for row in table.window] == [repeated.id]
        assert str(table.get_cell(str(repeated.id), "mark")).strip() == "↺"
        detail = app.screen.detail.render().plain
        assert "↺ checked before: refuted by bob on " in detail and "(u gives it the same verdict)" in detail
        await pilot.press("u")
        await settle(app, pilot)
    reused = claim(engine, repeated.id)
    assert reused.status == "refuted"
    with Session(engine) as session:
        event = session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == repeated.id)).one()
    assert event.note.startswith(f"checked before as claim #{earlier.id}: refuted by bob on ")


async def test_reuse_key_on_a_claim_never_checked_elsewhere_says_so(demo_db, settle):
    url, engine = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        claim_id = app.screen.table.selected_claim_id
        await pilot.press("u")
        await settle(app, pilot)
        assert "not checked before in another article" in messages(app)
    assert claim(engine, claim_id).version == 1


async def test_a_name_finds_its_alias_in_the_other_language(demo_db, settle):
    url, engine = demo_db
    with Session(engine) as session:
        either = {c.id for c in list_claims(session) if "奥尔特曼" in c.text or "altman" in c.text.lower()}
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Altman", "enter")
        await settle(app, pilot)
        table = app.screen.table
        assert table.total == len(either) > 20
        assert {row.claim.id for row in table.window} == either


async def test_open_key_hands_the_url_to_the_system_opener_or_shows_it(demo_db, settle, monkeypatch):
    from factcheck.tui import opener

    url, engine = demo_db
    opened: list[str] = []
    monkeypatch.setattr(opener, "system_opener", lambda: ["true"])
    monkeypatch.setattr(opener.subprocess, "Popen", lambda args, **kw: opened.append(args[-1]))
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        source_url = app.screen.detail.selected_evidence.source.url
        await pilot.press("o")
        await settle(app, pilot)
        assert opened == [source_url]
        monkeypatch.setattr(opener, "system_opener", lambda: None)
        await pilot.press("o")
        await settle(app, pilot)
        assert f"{source_url}\n(no browser here" in messages(app)
    assert opened == [source_url]


async def test_full_detail_key_at_80_by_24(demo_db, settle):
    url, _ = demo_db
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        small = screen.detail.region.height
        await pilot.press("f")
        await settle(app, pilot)
        assert not screen.table.display or screen.table.region.height == 0
        bar = screen.query_one("KeyBar").region.height
        assert screen.detail.region.height == 24 - 3 - bar > small  # all but header, filter, summary
        await pilot.press("f")
        await settle(app, pilot)
        assert screen.detail.region.height == small


async def test_every_key_is_in_the_key_bar_at_120_by_40(demo_db, settle):
    url, _ = demo_db
    app = make_app(url, reviewer="ann", keymap={"claim.refuted": "R"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        bar = app.screen.query_one("KeyBar")
        shown = bar.render().plain
        assert bar.region.height <= 3 and "Help: all keys" not in shown
        ids = {b.binding.id for b in app.screen.active_bindings.values() if b.binding.id and b.binding.description}
        ids -= {"queue.leave_search", "queue.first", "queue.last"}
        keys = {app.get_key_display(b.binding) for b in app.screen.active_bindings.values() if b.binding.id in ids}
        for key in keys:
            assert key in shown.split(), key
        assert "R Refuted" in shown
