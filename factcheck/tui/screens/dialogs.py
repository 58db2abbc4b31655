"""Small modal screens: writing a note, reading a claim's history."""

from __future__ import annotations

from rich.text import Text
from sqlmodel import Session
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, TextArea

from factcheck.report.gather import iso
from factcheck.services.review import history
from factcheck.text.shown import visible


class NoteScreen(ModalScreen[str | None]):
    """A note over as many lines as it needs: Enter starts a new line, Ctrl+S saves."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
        Binding("ctrl+s", "save", "Save", id="note.save"),
    ]

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Note for claim {self.claim_id}")
            yield TextArea(id="note", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            save, cancel = (self.app.get_key_display(b) for b in self.BINDINGS[::-1])
            yield Label(f"{save} saves · {cancel} cancels · Enter starts a new line", classes="hint")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HistoryScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="history.close"),
        Binding("h", "close", "Close", show=False, id="history.toggle"),
    ]

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"History of claim {self.claim_id} — Escape closes")
            yield DataTable(id="history", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("at", "reviewer", "change", "note")
        table.loading = True
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        with Session(self.app.engine) as session:
            rows = [
                # Text, not str: a str cell is read as markup; names and notes are shown, not obeyed
                (iso(e.at), *(Text(visible(cell)) for cell in (e.reviewer, _change(e), e.note or "")))
                for e in history(session, self.claim_id)
            ]
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[tuple]) -> None:
        table = self.query_one(DataTable)
        table.loading = False
        table.add_rows(rows or [("", "", "no changes yet", "")])
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _change(event) -> str:
    if event.field == "note":
        return "note"
    if event.field == "assignee":
        return f"assigned: {event.old or 'nobody'} → {event.new or 'nobody'}"
    if event.field == "claim":
        return f"claim {event.new}"
    prefix = "link " if event.field == "link" else ""
    return f"{prefix}{event.old or ''} → {event.new or ''}"
