"""Questions the queue asks before it writes: to whom claims go, and whether a bulk verdict
may overwrite other reviewers' verdicts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from factcheck.errors import UserError
from factcheck.services.assignments import check_assignee
from factcheck.text.shown import visible

UNASSIGN = ""  # what the assign dialog returns to take an assignment away


class AssignScreen(ModalScreen[str | None]):
    """Whom to assign the claims to: a name (completed from the reviewers seen so far), or
    nothing to unassign them. Returns the name, UNASSIGN, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="assign.cancel")]

    def __init__(self, what: str, current: str | None, names: list[str]) -> None:
        super().__init__()
        self.what, self.current, self.names = what, current, names

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            now = f" (now {visible(self.current)})" if self.current else ""
            yield Label(f"Assign {self.what}{now} to:")
            yield Input(value=self.current or "", placeholder="a reviewer's name; empty unassigns",
                        suggester=SuggestFromList(self.names, case_sensitive=False), id="assignee")
            known = ", ".join(visible(n) for n in self.names[:12]) or "none yet"
            yield Label(f"Enter assigns (an empty name unassigns) · Escape cancels · known: {known}", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        typed = event.value
        if not typed.strip():
            self.dismiss(UNASSIGN)
            return
        try:
            self.dismiss(check_assignee(typed))
        except UserError as error:
            self.notify(str(error), severity="error")

    def action_cancel(self) -> None:
        self.dismiss(None)


OVERWRITE, SKIP_THEIRS = "overwrite", "skip"


class OverwriteScreen(ModalScreen[str | None]):
    """"3 of 12 were judged by others — overwrite?" Returns OVERWRITE, SKIP_THEIRS or None."""

    BINDINGS = [
        Binding("y", "choose('overwrite')", "Overwrite", id="overwrite.yes"),
        Binding("s", "choose('skip')", "Skip theirs", id="overwrite.skip"),
        Binding("n,escape", "choose('')", "Cancel", id="overwrite.no"),
    ]

    def __init__(self, theirs: int, chosen: int, status: str) -> None:
        super().__init__()
        self.theirs, self.chosen, self.status = theirs, chosen, status

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"{self.theirs} of {self.chosen} were judged by others — overwrite with {self.status}?")
            yield OptionList(
                Option("y  overwrite theirs too", id=OVERWRITE),
                Option(f"s  skip theirs: judge the other {self.chosen - self.theirs}", id=SKIP_THEIRS,
                       disabled=self.chosen == self.theirs),
                Option("n  cancel (the marks stay)", id="cancel"),
                id="choices",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(event.option.id if event.option.id != "cancel" else "")

    def action_choose(self, choice: str) -> None:
        if choice == SKIP_THEIRS and self.chosen == self.theirs:
            return
        self.dismiss(choice or None)
