"""The claim queue: a window of rows over the whole queue, paged by keyset in a worker.

Only about one page of rows lives in the DataTable; moving past either end fetches the
neighbouring rows (keeping a screenful of overlap so the cursor does not jump).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.style import Style
from rich.text import Text
from sqlmodel import Session
from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.worker import get_current_worker

from factcheck.store import statuses
from factcheck.store.filters import with_aliases
from factcheck.store.models import OPEN_STATUSES, Claim
from factcheck.store.queries import (
    ClaimFilter,
    QueueKey,
    QueueRow,
    count_claims,
    queue_page,
    queue_position,
)
from factcheck.text.cells import clip
from factcheck.text.shown import visible

PAGE = 60
CLAIM_CHARS = 400  # enough to fill the widest claim column; longer text is never seen


@dataclass(frozen=True)
class Column:
    """A column of the queue: its width is a share of the table's, within bounds, so the
    label and values widen with the terminal; some show only on a wide enough table."""

    key: str
    heading: str
    least: int
    most: int
    share: float = 0.0
    from_width: int = 0


COLUMNS = (  # the claim text follows, in the room left
    Column("mark", "", 2, 2),  # ● marked, ↺ checked before in another article
    Column("status", "status", 12, 12),
    Column("label", "label", 14, 40, 0.16),
    Column("values", "values", 10, 28, 0.12),
    Column("assignee", "assignee", 8, 14, 0.07, from_width=118),
    Column("document", "document", 10, 24, 0.10, from_width=110),
    Column("links", "links", 5, 5, from_width=90),
)
LEAST_CLAIM = 10

# status → theme variable for its colour (resolved on each theme change)
CONTRADICTED, CONTRADICTED_MARK = "contradicted", "✗"  # the links column of a contradicted claim
# the values column of a claim whose article's own numbers disagree (a consistency check)
INCONSISTENT, INCONSISTENT_MARK = "inconsistent", "≠"
STATUS_COLOUR = {status.key: status.queue_colour for status in statuses.STATUSES}


class ClaimTable(DataTable):
    BINDINGS = [
        Binding("space", "toggle_mark", "Mark", show=False, id="queue.mark"),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False, id="queue.first"),
        Binding("end", "last", "Last", show=False, id="queue.last"),
    ]

    class PageLoaded(Message):
        def __init__(self, rows: list[QueueRow], offset: int, direction: str, cursor: int) -> None:
            super().__init__()
            self.rows, self.offset, self.direction, self.cursor = rows, offset, direction, cursor

    class Counted(Message):
        def __init__(self, total: int) -> None:
            super().__init__()
            self.total = total

    class Moved(Message):
        """The cursor rests on another claim (or on none)."""

        def __init__(self, claim_id: int | None) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.where = ClaimFilter()
        self.window: list[QueueRow] = []
        self.window_start = 0  # queue position of the first row in the window
        self.total: int | None = None  # matching claims, once counted
        self.marked: dict[int, int] = {}  # claim id → version seen when marked
        self.pending: dict[int, str] = {}  # claim id → status being written
        self.seeking = False  # looking for the next unreviewed claim beyond the window
        self.loading_page = False
        self.columns_shown: tuple = ()
        self.pages_shown = 0  # windows filled so far (benchmarks wait on it)
        self._styles: dict[str, Style] = {}

    def on_mount(self) -> None:
        self._resolve_styles()
        self.app.theme_changed_signal.subscribe(self, self._on_theme)

    def _layout(self) -> tuple[tuple[str, str, int], ...]:
        """(key, heading, width) of each column for the current width; the claim text takes
        what is left, so the table never scrolls sideways and long claims are not rendered
        only to be cut off."""
        width = self.size.width
        columns = [
            (c.key, c.heading, max(c.least, min(c.most, int(width * c.share))))
            for c in COLUMNS if width >= c.from_width
        ]
        fixed = sum(size + 2 for _, _, size in columns)
        return (*columns, ("claim", "claim", max(LEAST_CLAIM, width - fixed - 4)))

    def _add_columns(self) -> None:
        self.columns_shown = self._layout()
        for key, label, width in self.columns_shown:
            self.add_column(label, key=key, width=width)

    def on_resize(self) -> None:
        if self.columns_shown != self._layout():
            self._fill(self.cursor_row)

    def _on_theme(self, _theme) -> None:
        self._resolve_styles()
        self._fill(self.cursor_row)

    def _resolve_styles(self) -> None:
        variables = self.app.get_css_variables()
        self._styles = {status: _rich_style(variables.get(name or "", "")) for status, name in STATUS_COLOUR.items()}
        self._styles[CONTRADICTED] = _rich_style(variables.get("text-error", ""))
        self._styles[INCONSISTENT] = _rich_style(variables.get("text-error", ""))

    # --- loading -------------------------------------------------------------------------

    @property
    def engine(self):
        return self.app.engine

    def load(self, where: ClaimFilter, keep: QueueKey | None = None) -> None:
        """Show the queue for `where` from the top, or around `keep`."""
        self.where = where
        self.total = None
        self.fetch(where, keep, count=True)

    def reload(self) -> None:
        """Fresh rows for the same window (after a write or a conflict)."""
        row = self.selected_row
        self.fetch(self.where, row.key if row else None, count=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="queue-page")
    def fetch(self, where: ClaimFilter, around: QueueKey | None = None, direction: str = "start",
              count: bool = False) -> None:
        """direction: start (from the top, or from `around`), after, before, last. The count
        comes after the rows, so the rows show first; a newer request skips a stale count."""
        worker = get_current_worker()
        with Session(self.engine) as session:
            where = with_aliases(session, where)
            offset = cursor = 0  # for after and before, the window works them out
            if direction == "last":
                rows = queue_page(session, where, last=True, limit=PAGE)
                offset = count_claims(session, where) - len(rows)
            elif direction == "after":
                rows = queue_page(session, where, after=around, limit=PAGE)
            elif direction == "before":
                rows = queue_page(session, where, before=around, limit=PAGE)
            elif around is not None:
                lead = queue_page(session, where, before=around, limit=PAGE // 4)
                rows = lead + queue_page(session, where, after=_just_before(around), limit=PAGE - len(lead))
                offset = queue_position(session, where, rows[0].key) if rows else 0
                cursor = len(lead)
            else:
                rows = queue_page(session, where, limit=PAGE)
            if worker.is_cancelled:
                return
            self.post_message(self.PageLoaded(rows, offset, direction, cursor))
            if count and not worker.is_cancelled:
                total = len(rows) if direction == "start" and around is None and len(rows) < PAGE else count_claims(session, where)
                if not worker.is_cancelled:
                    self.post_message(self.Counted(total))

    @on(Counted)
    def _counted(self, message: Counted) -> None:
        self.total = message.total

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        self.loading_page = False
        rows, direction = message.rows, message.direction
        if not rows and direction in ("after", "before"):
            return  # nothing further that way: stay put
        previous = self.window
        self.window = rows
        target = 0
        if direction == "after":
            overlap = min(self._overlap, len(previous))
            self.window = previous[-overlap:] + rows if overlap else rows
            self.window_start += len(previous) - overlap
            target = overlap
        elif direction == "before":
            overlap = min(self._overlap, len(previous))
            self.window = rows + previous[:overlap]
            self.window_start -= len(rows)
            target = len(rows) - 1
        elif direction == "last":
            self.window_start = message.offset
            self.total = message.offset + len(rows)
            target = len(rows) - 1
        else:
            self.window_start, target = message.offset, message.cursor
        self._fill(target)

    @property
    def _overlap(self) -> int:
        return max(1, self.size.height - 2)

    def _fill(self, cursor_row: int) -> None:
        self.pages_shown += 1
        resized = self.columns_shown != self._layout()
        self.clear(columns=resized)
        if resized:
            self._add_columns()
        for row in self.window:
            self.add_row(*self._cells(row), key=str(row.claim.id))
        if self.window:
            self.move_cursor(row=min(max(cursor_row, 0), len(self.window) - 1), animate=False)
        self.post_message(self.Moved(self.selected_claim_id))

    def _page(self, direction: str) -> None:
        if self.loading_page or not self.window:
            return
        self.loading_page = True
        edge = self.window[-1] if direction == "after" else self.window[0]
        self.fetch(self.where, edge.key, direction, count=self.total is None)

    # --- cells ---------------------------------------------------------------------------

    def _cells(self, row: QueueRow) -> tuple:
        # Text, not str: a str cell is parsed as markup, and claims may contain brackets.
        # No more characters than the column has cells: the rest would be drawn, then cut;
        # a cut ends with "…". Text from strangers is shown, never obeyed.
        claim = row.claim
        widths = {key: width for key, _, width in self.columns_shown}
        status = self.pending.get(claim.id, claim.status)
        fitted = {
            "label": claim.label, "values": row.values, "assignee": claim.assignee or "",
            "document": row.document, "claim": " ".join(claim.text[:CLAIM_CHARS].split()),
        }
        cells = {
            "mark": Text(("●" if claim.id in self.marked else " ") + ("↺" if row.checked_before else "")),
            "status": Text(status, style=self._styles.get(status, Style()) + Style(italic=claim.id in self.pending)),
            "links": self._links_cell(row),
        }
        for key, text in fitted.items():
            if key in widths:
                cells[key] = Text(clip(visible(text), widths[key]), no_wrap=True)
        if row.inconsistent and "values" in widths:
            # the mark sits on the numbers that do not add up, and stays when they are clipped
            values = clip(visible(row.values), widths["values"] - 2)
            cells["values"] = Text.assemble((INCONSISTENT_MARK, self._styles.get(INCONSISTENT, "")), " ", values, no_wrap=True)
        return tuple(cells[key] for key, _, _ in self.columns_shown)

    def _links_cell(self, row: QueueRow) -> Text:
        """The number of links, marked when one of them contradicts the claim."""
        if row.contradicted:
            return Text.assemble((CONTRADICTED_MARK, self._styles.get(CONTRADICTED, "")), str(row.links), justify="right")
        return Text(str(row.links or ""), justify="right")

    def update_claim(self, claim: Claim) -> None:
        """Show a claim as written (status, assignee, label) in place: the row stays where
        the reviewer is."""
        self.pending.pop(claim.id, None)
        for row in self.window:
            if row.claim.id == claim.id:
                row.claim = claim
                if claim.status not in OPEN_STATUSES:
                    row.checked_before = False
                self._redraw(row)

    def show_pending(self, claim_ids, status: str) -> None:
        """A verdict on its way to the database, shown at once (in italics) so the next key
        already sees it; the written claim, or a reload after a refusal, replaces it."""
        for claim_id in claim_ids:
            self.pending[claim_id] = status
        for row in self.window:
            if row.claim.id in self.pending:
                self._redraw(row)

    def forget_pending(self) -> None:
        self.pending.clear()

    def _redraw(self, row: QueueRow) -> None:
        key = str(row.claim.id)
        for (column, _, _), cell in zip(self.columns_shown, self._cells(row), strict=True):
            self.update_cell(key, column, cell)

    # --- the next claim to judge ------------------------------------------------------------

    class Sought(Message):
        """Where the next unreviewed claim is (None: there is none further down)."""

        def __init__(self, key: QueueKey | None) -> None:
            super().__init__()
            self.key = key

    def next_unreviewed_row(self, after_row: int) -> int | None:
        """The first row after `after_row` in the window still unreviewed (and no verdict on
        its way), or None."""
        for index in range(after_row + 1, len(self.window)):
            claim = self.window[index].claim
            if claim.status == "unreviewed" and claim.id not in self.pending:
                return index
        return None

    def seek_unreviewed(self, after: QueueKey) -> None:
        """Move to the next unreviewed claim beyond the window, in the queue order."""
        self.seeking = True
        self._seek(self.where, after)

    @work(thread=True, exclusive=True, exit_on_error=False, group="queue-seek")
    def _seek(self, where: ClaimFilter, after: QueueKey) -> None:
        unreviewed = unreviewed_only(where)
        rows = []
        if unreviewed is not None:
            with Session(self.engine) as session:
                rows = queue_page(session, with_aliases(session, unreviewed), after=after, limit=1)
        self.post_message(self.Sought(rows[0].key if rows else None))

    @on(Sought)
    def _sought(self, message: Sought) -> None:
        self.seeking = False
        if message.key is not None:
            self.fetch(self.where, message.key)

    def version_of(self, claim_id: int) -> int | None:
        return next((r.claim.version for r in self.window if r.claim.id == claim_id), None)

    # --- keys ----------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        if self.window and self.cursor_row >= len(self.window) - 1:
            self._page("after")
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.window and self.cursor_row <= 0 and self.window_start > 0:
            self._page("before")
        else:
            super().action_cursor_up()

    def action_page_down(self) -> None:
        if self.window and self.cursor_row + self._overlap >= len(self.window):
            self._page("after")
        else:
            super().action_page_down()

    def action_page_up(self) -> None:
        if self.window and self.cursor_row - self._overlap < 0 and self.window_start > 0:
            self._page("before")
        else:
            super().action_page_up()

    def action_first(self) -> None:
        self.fetch(self.where)

    def action_last(self) -> None:
        self.fetch(self.where, None, "last")

    def action_toggle_mark(self) -> None:
        row = self.selected_row
        if row is None:
            return
        if self.marked.pop(row.claim.id, None) is None:
            self.marked[row.claim.id] = row.claim.version
        self._redraw(row)
        self.post_message(self.Moved(row.claim.id))
        self.action_cursor_down()

    def clear_marks(self) -> None:
        marked = set(self.marked)
        self.marked.clear()
        for row in self.window:
            if row.claim.id in marked:
                self._redraw(row)

    def mark_window(self) -> None:
        for row in self.window:
            self.marked.setdefault(row.claim.id, row.claim.version)
            self._redraw(row)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.Moved(self.selected_claim_id))

    # --- what is selected ----------------------------------------------------------------

    @property
    def selected_row(self) -> QueueRow | None:
        if not self.window or not 0 <= self.cursor_row < len(self.window):
            return None
        return self.window[self.cursor_row]

    @property
    def selected_claim_id(self) -> int | None:
        row = self.selected_row
        return row.claim.id if row else None

    @property
    def cursor_position(self) -> int:
        return self.window_start + max(self.cursor_row, 0) + 1


def _rich_style(value: str) -> Style:
    """A theme colour ("#RRGGBB", maybe with alpha) as a Rich style for DataTable cells."""
    if value.startswith("#") and len(value) >= 7:
        return Style(color=value[:7])
    return Style(dim=True)


def unreviewed_only(where: ClaimFilter) -> ClaimFilter | None:
    """The unreviewed claims among those of `where`; None when it asks for other statuses."""
    if where.status and "unreviewed" not in where.statuses:
        return None
    return replace(where, status="unreviewed")


def _just_before(key: QueueKey) -> QueueKey:
    """A key that sorts right before `key`, so a page "after" it starts with `key` itself."""
    return QueueKey(key.checkworthiness, key.document_id, key.start, key.claim_id - 1)
