"""Choosing a sentence the extractor passed over, to make it a claim."""

from __future__ import annotations

from sqlmodel import Session
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from factcheck.store.queries import missed_sentences
from factcheck.text.shown import visible


class AddClaimScreen(ModalScreen[tuple[int, int] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add.cancel")]

    def __init__(self, document_id: int, near: int) -> None:
        super().__init__()
        self.document_id, self.near = document_id, near

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Sentences of this article that are not claims yet — Enter adds, Escape cancels", id="add-title")
            yield OptionList(id="sentences")

    def on_mount(self) -> None:
        self.query_one(OptionList).loading = True
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        with Session(self.app.engine) as session:
            missed = missed_sentences(session, self.document_id)
        self.app.call_from_thread(self._show, missed)

    def _show(self, missed) -> None:
        options = self.query_one(OptionList)
        options.loading = False
        self.query_one("#add-title", Label).update(Content(
            f"{visible(missed.document.title or missed.document.path)}: {len(missed.sentences)} sentences are not claims — Enter adds, Escape cancels"
        ))
        options.add_options(  # Content, not str: a str prompt is read as markup
            Option(Content(visible(" ".join(s.text.split())[:300])), id=f"{s.start}:{s.end}") for s in missed.sentences
        )
        nearest = min(range(len(missed.sentences)), key=lambda i: abs(missed.sentences[i].start - self.near), default=None)
        if nearest is not None:
            options.highlighted = nearest
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        start, _, end = (event.option.id or "").partition(":")
        self.dismiss((int(start), int(end)))

    def action_cancel(self) -> None:
        self.dismiss(None)
