"""Finding evidence for a claim by hand: a search over the passages by meaning and words
(prefilled with the claim), then one key links the chosen passage with a relation.

The encoder is loaded in the search's worker the first time (about two seconds), so the
workbench never waits for it at start. Without it (a broken model) the search goes on by
words and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label
from textual.worker import get_current_worker

from factcheck.errors import UserError
from factcheck.services.evidence import Hit, PassageSearch, one_line
from factcheck.store.models import RELATIONS
from factcheck.text.encoder import EncoderUnavailable, load_encoder

# a key per relation, in RELATIONS order (the binding ids say which is which)
RELATION_KEYS = dict(zip(RELATIONS, ("1", "2", "3"), strict=True))


@dataclass(frozen=True, slots=True)
class LinkChoice:
    passage_id: int
    relation: str


class EvidenceSearchScreen(ModalScreen[LinkChoice | None]):
    CSS_PATH = "evidence_search.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="evidence.cancel"),
        *(Binding(key, f"choose('{relation}')", relation.capitalize(), id=f"evidence.{relation}")
          for relation, key in RELATION_KEYS.items()),
    ]

    class Found(Message):
        def __init__(self, hits: list[Hit], note: str) -> None:
            super().__init__()
            self.hits, self.note = hits, note

    def __init__(self, claim_id: int, claim_text: str) -> None:
        super().__init__()
        self.claim_id, self.claim_text = claim_id, claim_text
        self.hits: list[Hit] = []
        self._search: PassageSearch | None = None

    def compose(self) -> ComposeResult:
        keys = " · ".join(f"{key} {relation}" for relation, key in RELATION_KEYS.items())
        with Vertical(classes="dialog", id="evidence-search"):
            yield Label(f"Evidence for claim {self.claim_id}: Enter searches by meaning and words")
            yield Input(value=" ".join(self.claim_text.split()), id="evidence-query")
            yield Label("searching…", id="evidence-status", classes="hint")
            yield DataTable(id="evidence-hits", cursor_type="row", zebra_stripes=True)
            yield Label(f"↑↓ choose a passage · {keys} links it · Escape closes", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("score", "meaning", "words", "source", "passage")
        self.run_search(self.query_one(Input).value)

    @on(Input.Submitted, "#evidence-query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="evidence")
    def run_search(self, query: str) -> None:
        note = ""
        if self._search is None:
            try:
                encoder = load_encoder()
            except EncoderUnavailable as error:
                encoder, note = None, f"{error}: searching by words only"
            self._search = PassageSearch(self.app.engine, encoder)
        try:
            hits = self._search.search(query)
        except UserError as error:
            hits, note = [], str(error)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(hits, note))

    @on(Found)
    def _found(self, message: Found) -> None:
        self.hits = message.hits
        table = self.query_one(DataTable)
        table.clear()
        for hit in message.hits:
            meaning = "" if hit.similarity is None else f"{hit.similarity:.2f}"
            table.add_row(f"{hit.score:.2f}", meaning, f"{hit.wording:.0f}", one_line(hit.source.rsplit("/", 1)[-1], 24),
                          one_line(hit.text, 200), key=str(hit.passage_id))
        found = f"{len(message.hits)} passages" if message.hits else "no passages found"
        self.query_one("#evidence-status", Label).update(f"{found}{' · ' + message.note if message.note else ''}")
        if message.hits:
            table.focus()

    def action_choose(self, relation: str) -> None:
        table = self.query_one(DataTable)
        if not self.hits or table.cursor_row is None or not 0 <= table.cursor_row < len(self.hits):
            self.notify("choose a passage first", severity="warning")
            return
        self.dismiss(LinkChoice(self.hits[table.cursor_row].passage_id, relation))

    def action_cancel(self) -> None:
        self.dismiss(None)
