"""The filter bar: free text plus `status:` `kind:` `doc:` `assignee:` words and the words
`mine` and `previously-checked`, completed as you type; Enter takes the completion shown."""

from __future__ import annotations

from textual.suggester import Suggester
from textual.widgets import Input

from factcheck.store.filters import FILTER_FIELDS, FILTER_WORDS
from factcheck.store.models import QUANTITY_KINDS, STATUSES
from factcheck.text.shown import visible

HINT = "filter: words · status:refuted,misleading · kind:money · doc:name · assignee:name · mine · previously-checked"


class FieldSuggester(Suggester):
    """Completes the word being typed when it starts a known field value."""

    def __init__(self, documents: list[str] | None = None) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.documents = documents or []
        self.reviewers: list[str] = []

    async def get_suggestion(self, value: str) -> str | None:
        return self.complete(value)

    def complete(self, value: str) -> str | None:
        """The value with its last word completed, or None when there is nothing to add.
        In `status:` the word after the last comma is completed (status:refuted,mis)."""
        head, _, word = value.rpartition(" ")
        name, colon, typed = word.partition(":")
        choices = self._choices(name)
        if not colon or choices is None:
            return None
        done, comma, part = typed.rpartition(",") if name == "status" else ("", "", typed)
        if part in choices:  # already a value of its own, even if a longer one starts with it
            return None
        match = next((c for c in choices if c.startswith(part) and c != part), None)
        if match is None:
            return None
        completed = f"{name}:{done}{comma}{match}"
        return f"{head} {completed}" if head else completed

    def _choices(self, name: str) -> list[str] | tuple[str, ...] | None:
        return {"status": STATUSES, "kind": QUANTITY_KINDS, "doc": self.documents, "assignee": self.reviewers}.get(name)


class FilterBar(Input):
    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=HINT, suggester=FieldSuggester(), **kwargs)
        self.before_editing = ""

    def set_choices(self, documents: list[str], reviewers: list[str]) -> None:
        # as shown: a name completed into the bar, or offered in the palette, obeys nothing
        self.suggester.documents = [visible(d.replace("\\", "/").rsplit("/", 1)[-1]) for d in documents]
        self.suggester.reviewers = [visible(name) for name in reviewers]

    def set_documents(self, documents: list[str]) -> None:
        self.set_choices(documents, self.suggester.reviewers)

    def incomplete(self, value: str) -> bool:
        """Whether the last word is still being typed into a field or a filter word: the
        start of one (`sta`, `prev`), `status:` alone, or a value that only starts a known
        one (`status:ref`)."""
        word = value.rpartition(" ")[2]
        name, colon, typed = word.partition(":")
        if not colon:
            return any(f"{field}:".startswith(word) for field in FILTER_FIELDS) or any(
                other.startswith(word) and other != word for other in FILTER_WORDS
            ) if word else False
        if name not in FILTER_FIELDS:
            return False
        return not typed or typed.endswith(",") or self.suggester.complete(value) is not None

    def accept_completion(self) -> str:
        """Take the completion shown, as the right arrow does; the value to filter by."""
        completed = self.suggester.complete(self.value)
        if completed is not None:
            self.value = completed
            self.cursor_position = len(completed)
        return self.value
