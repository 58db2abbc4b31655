"""The filter bar: free text plus `status:` `kind:` `doc:` words, completed as you type."""

from __future__ import annotations

from textual.suggester import Suggester
from textual.widgets import Input

from factcheck.core.models import QUANTITY_KINDS, STATUSES
from factcheck.core.shown import visible

HINT = "filter: words · status:refuted · kind:money · doc:name   (/ to type, Enter to list)"


class FieldSuggester(Suggester):
    """Completes the word being typed when it starts a known field value."""

    def __init__(self, documents: list[str] | None = None) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.documents = documents or []

    async def get_suggestion(self, value: str) -> str | None:
        head, _, word = value.rpartition(" ")
        name, colon, typed = word.partition(":")
        choices = {"status": STATUSES, "kind": QUANTITY_KINDS, "doc": self.documents}.get(name)
        if not colon or choices is None:
            return None
        match = next((c for c in choices if c.startswith(typed) and c != typed), None)
        if match is None:
            return None
        return f"{head} {name}:{match}" if head else f"{name}:{match}"


class FilterBar(Input):
    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=HINT, suggester=FieldSuggester(), **kwargs)
        self.before_editing = ""

    def set_documents(self, documents: list[str]) -> None:
        # as shown: a name completed into the bar, or offered in the palette, obeys nothing
        self.suggester.documents = [visible(d.replace("\\", "/").rsplit("/", 1)[-1]) for d in documents]
