"""Every key of the screen below, as currently bound (remapped keys show as remapped)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

ABOUT = (
    "Space marks claims; a verdict key then applies to all marked ones. "
    "Ctrl+P opens the command palette (filters, export, marks). "
    "Keys can be remapped in ~/.config/factcheck/keymap.toml by binding id."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("question_mark", "close", "Close", show=False, id="help.toggle"),
    ]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Keys — Escape closes", classes="title")
            yield DataTable(id="keys", cursor_type="row", zebra_stripes=True)
            yield Label(ABOUT, classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("key", "does", "id")
        seen = set()
        # The workbench's own keys (they have ids, so they can be remapped) come first.
        ordered = sorted(self.bindings.values(), key=lambda active: active.binding.id is None)
        for active in ordered:
            binding = active.binding
            if not binding.description or (binding.action, binding.id) in seen:
                continue
            seen.add((binding.action, binding.id))
            table.add_row(self.app.get_key_display(binding), binding.description, binding.id or "")
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
