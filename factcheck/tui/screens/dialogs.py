"""Small modal screens: writing a note, reading a claim's history."""

from __future__ import annotations

from rich.table import Table
from sqlmodel import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from factcheck.core.review import history
from factcheck.report.gather import iso


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Note for this claim (Enter saves, Escape cancels)")
            yield Input(placeholder="why this verdict…", id="note")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

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
        table = Table("at", "reviewer", "change", "note", expand=True)
        with Session(self.app.engine) as session:
            for event in history(session, self.claim_id):
                change = f"{event.old or ''} → {event.new or ''}" if event.field != "note" else "note"
                table.add_row(iso(event.at), event.reviewer, change, event.note or "")
        with Vertical(id="dialog"):
            yield Label(f"History of claim {self.claim_id} (Escape closes)")
            yield Static(table if table.row_count else "No changes yet.")

    def action_close(self) -> None:
        self.dismiss(None)
