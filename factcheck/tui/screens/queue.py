"""The main screen: the filter bar, the status summary, the claim queue and the detail of the
selected claim. Review actions (verdicts, links, undo, …) live in ReviewActions."""

from __future__ import annotations

from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input
from textual.worker import Worker, WorkerState, get_current_worker

from factcheck.errors import UserError
from factcheck.services.assignments import known_reviewers
from factcheck.store.queries import ClaimFilter, article_paths, parse_filter, status_counts
from factcheck.text.shown import visible
from factcheck.tui.screens.review_actions import ReviewActions
from factcheck.tui.screens.triage import TriageActions, advance_setting
from factcheck.tui.widgets.claim_detail import ClaimDetail
from factcheck.tui.widgets.claim_table import ClaimTable
from factcheck.tui.widgets.filter_bar import FilterBar
from factcheck.tui.widgets.key_bar import KeyBar
from factcheck.tui.widgets.summary import StatusSummary

NARROW = 170  # below this width the detail pane goes under the queue


class QueueScreen(TriageActions, ReviewActions, Screen):
    BINDINGS = [
        Binding("slash", "search", "Search", id="queue.search"),
        Binding("escape", "leave_search", "Back", show=False, id="queue.leave_search"),
        Binding("shift+down", "scroll_detail(3)", "Detail down", show=False, id="detail.down"),
        Binding("shift+up", "scroll_detail(-3)", "Detail up", show=False, id="detail.up"),
        *ReviewActions.BINDINGS,
        *TriageActions.BINDINGS,
    ]

    class Counts(Message):
        def __init__(self, counts: dict[str, int], documents: list[str], reviewers: list[str]) -> None:
            super().__init__()
            self.counts, self.documents, self.reviewers = counts, documents, reviewers

    def __init__(self) -> None:
        super().__init__()
        self._seen_versions = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(id="filter")
        yield StatusSummary(id="summary")
        with Horizontal(id="body"):
            yield ClaimTable(id="claims")
            yield ClaimDetail(id="detail")
        yield KeyBar()

    @property
    def engine(self):
        return self.app.engine

    @property
    def table(self) -> ClaimTable:
        return self.query_one(ClaimTable)

    @property
    def detail(self) -> ClaimDetail:
        return self.query_one(ClaimDetail)

    @property
    def summary(self) -> StatusSummary:
        return self.query_one(StatusSummary)

    def on_mount(self) -> None:
        self.advance = advance_setting()
        self.table.focus()
        self.table.load(ClaimFilter())
        self.refresh_counts()

    @on(Resize)
    def _resized(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")

    # --- data in -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="counts")
    def refresh_counts(self) -> None:
        with Session(self.engine) as session:
            counts, documents, reviewers = status_counts(session), article_paths(session), known_reviewers(session)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Counts(counts, documents, reviewers))

    @on(Counts)
    def _counts(self, message: Counts) -> None:
        self.summary.show(counts=message.counts)
        self.reviewer_names = message.reviewers
        self.query_one(FilterBar).set_choices(message.documents, message.reviewers)

    @on(ClaimTable.Moved)
    def _moved(self, message: ClaimTable.Moved) -> None:
        self.detail.show(message.claim_id)
        self._show_position()

    @on(ClaimTable.Counted)
    def _counted(self, _message: ClaimTable.Counted) -> None:
        self._show_position()

    def _show_position(self) -> None:
        table = self.table
        at = table.cursor_position if table.window else 0
        self.summary.show(position=(at, table.total), marked=len(table.marked))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.table.loading_page = False
            error = event.worker.error
            message = str(error) if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
            self.notify(visible(message), title="Failed", severity="error", timeout=8, markup=False)

    def action_scroll_detail(self, step: int) -> None:
        self.detail.scroll_lines(step)

    # --- filter --------------------------------------------------------------------------

    def action_search(self) -> None:
        bar = self.query_one(FilterBar)
        bar.before_editing = bar.value
        bar.focus()

    def action_leave_search(self) -> None:
        bar = self.query_one(FilterBar)
        if bar.has_focus:
            bar.value = bar.before_editing  # Escape: back to the filter as it was
            self.table.focus()
        elif self.table.marked:
            self.table.clear_marks()
            self._show_position()

    @on(Input.Changed, "#filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        # While a field's value is half typed (status:ref), the queue keeps the last good
        # result rather than showing what the half word matches: nothing.
        if not self.query_one(FilterBar).incomplete(event.value):
            self.apply_filter(event.value, quiet=True)

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        bar = self.query_one(FilterBar)
        typed = bar.accept_completion()  # Enter takes the completion shown
        if self.apply_filter(typed, quiet=False):
            self.table.focus()

    def apply_filter(self, typed: str, *, quiet: bool) -> bool:
        bar = self.query_one(FilterBar)
        try:
            where = parse_filter(typed, me=self.app.reviewer)
        except UserError as error:
            bar.add_class("-invalid")
            if not quiet:
                self.notify(visible(str(error)), severity="error", markup=False)
            return False
        bar.remove_class("-invalid")
        if where != self.table.where:
            self.table.load(where)
        return True

    def set_filter(self, where: ClaimFilter) -> None:
        """Used by the command palette: shows the filter in the bar and applies it."""
        self.query_one(FilterBar).value = where.describe()
        self.table.load(where)
        self.table.focus()
