"""Choosing the name verdicts are recorded under; it is kept in the settings file, so the
next session and the command line use it too."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from factcheck.errors import UserError
from factcheck.services.settings import check_value


class ReviewerScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="reviewer.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Your name as reviewer (recorded with each verdict) — Enter keeps it, Escape cancels")
            yield Input(self.current, id="reviewer")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            name = str(check_value("reviewer.name", event.value, "reviewer name"))
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.dismiss(name if name != self.current else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
