"""The main screen: the claim queue, the detail of the selected claim, the verdict keys."""

from __future__ import annotations

from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from factcheck.core.errors import UserError
from factcheck.core.models import Claim
from factcheck.core.queries import ClaimFilter, link_counts, list_claims, quantities_of, status_counts
from factcheck.core.review import add_note, record_verdict, undo_last
from factcheck.tui.screens.dialogs import HistoryScreen, NoteScreen
from factcheck.tui.widgets.claim_detail import ClaimDetail
from factcheck.tui.widgets.claim_table import ClaimTable

PAGE = 1000


class QueueScreen(Screen):
    BINDINGS = [
        Binding("slash", "search", "Search", id="queue.search"),
        Binding("s", "verdict('supported')", "Supported", id="claim.supported"),
        Binding("r", "verdict('refuted')", "Refuted", id="claim.refuted"),
        Binding("m", "verdict('misleading')", "Misleading", id="claim.misleading"),
        Binding("v", "verdict('unverifiable')", "Unverifiable", id="claim.unverifiable"),
        Binding("d", "verdict('not_a_claim')", "Not a claim", id="claim.not_a_claim"),
        Binding("p", "verdict('in_progress')", "In progress", id="claim.in_progress"),
        Binding("n", "note", "Note", id="claim.note"),
        Binding("ctrl+z", "undo", "Undo", id="claim.undo"),
        Binding("h", "history", "History", id="claim.history"),
        Binding("escape", "close_search", "Close search", show=False, id="queue.close_search"),
    ]

    class Loaded(Message):
        def __init__(self, claims: list[Claim], values: dict[int, str], links: dict[int, int], counts: dict[str, int], select_first: bool) -> None:
            super().__init__()
            self.claims, self.values, self.links, self.counts = claims, values, links, counts
            self.select_first = select_first

    def __init__(self) -> None:
        super().__init__()
        self.where = ClaimFilter()
        self.versions: dict[int, int] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="search claims (Enter to return to the table)", id="search")
        yield Static("", id="summary")
        with Horizontal(id="body"):
            yield ClaimTable(id="claims")
            yield ClaimDetail(id="detail")
        yield Footer()

    @property
    def engine(self):
        return self.app.engine

    @property
    def table(self) -> ClaimTable:
        return self.query_one(ClaimTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()

    def reload(self, select_first: bool = False) -> None:
        self.load_claims(self.where, select_first)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_claims(self, where: ClaimFilter, select_first: bool) -> None:
        with Session(self.engine) as session:
            claims = list_claims(session, where, limit=PAGE)
            ids = [c.id for c in claims]
            quantities = quantities_of(session, ids)
            values = {cid: ", ".join(q.display for q in qs if q.kind != "date") or ", ".join(q.display for q in qs) for cid, qs in quantities.items()}
            links = link_counts(session, ids)
            counts = status_counts(session)
        self.post_message(self.Loaded(claims, values, links, counts, select_first))

    @on(Loaded)
    def show_loaded(self, message: Loaded) -> None:
        self.versions = {c.id: c.version for c in message.claims}
        selected = self.table.selected_claim_id
        self.table.show(message.claims, message.values, message.links)
        self._show_counts(message.counts)
        if message.select_first or selected is None:
            self.table.move_cursor(row=0)
        else:
            try:
                self.table.move_cursor(row=self.table.get_row_index(str(selected)))
            except Exception:
                self.table.move_cursor(row=0)
        self.show_detail()

    def _show_counts(self, counts: dict[str, int]) -> None:
        total = sum(counts.values())
        parts = [f"{total} claims"] + [f"{status} {count}" for status, count in sorted(counts.items())]
        self.query_one("#summary", Static).update(" · ".join(parts))

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        with Session(self.engine) as session:
            self.links = self.query_one(ClaimDetail).show_claim(session, self.table.selected_claim_id)

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.add_class("visible")
        search.focus()

    def action_close_search(self) -> None:
        search = self.query_one("#search", Input)
        search.remove_class("visible")
        self.table.focus()

    @on(Input.Changed, "#search")
    def filter_live(self, event: Input.Changed) -> None:
        self.where = ClaimFilter(status=self.where.status, kind=self.where.kind, text=event.value.strip() or None)
        self.reload(select_first=True)

    @on(Input.Submitted, "#search")
    def search_done(self) -> None:
        self.action_close_search()

    def action_verdict(self, status: str) -> None:
        claim_id = self.table.selected_claim_id
        if claim_id is None:
            return
        try:
            claim = record_verdict(self.engine, claim_id, status, reviewer=self.app.reviewer, expected_version=self.versions.get(claim_id))
        except UserError as error:
            self.notify(str(error), severity="error")
            self.reload()
            return
        self._after_change(claim)

    def _after_change(self, claim: Claim) -> None:
        self.versions[claim.id] = claim.version
        self.table.update_claim(claim)
        self.show_detail()
        with Session(self.engine) as session:
            self._show_counts(status_counts(session))

    def action_note(self) -> None:
        claim_id = self.table.selected_claim_id
        if claim_id is None:
            return

        def save(note: str | None) -> None:
            if not note:
                return
            try:
                claim = add_note(self.engine, claim_id, note, reviewer=self.app.reviewer, expected_version=self.versions.get(claim_id))
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self._after_change(claim)
            self.notify("note saved")

        self.app.push_screen(NoteScreen(), save)

    def action_undo(self) -> None:
        claim_id = self.table.selected_claim_id
        if claim_id is None:
            return
        try:
            claim = undo_last(self.engine, claim_id, reviewer=self.app.reviewer)
        except UserError as error:
            self.notify(str(error), severity="warning")
            return
        self._after_change(claim)

    def action_history(self) -> None:
        claim_id = self.table.selected_claim_id
        if claim_id is not None:
            self.app.push_screen(HistoryScreen(claim_id))
