"""Command palette entries (Ctrl+P) for the less frequent actions: filters, marks, export."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from factcheck.store.models import QUANTITY_KINDS, STATUSES
from factcheck.store.queries import ClaimFilter


class QueueCommands(Provider):
    def _commands(self):
        from factcheck.report.formats import FORMATS
        from factcheck.tui.screens.queue import QueueScreen

        screen = self.screen
        if not isinstance(screen, QueueScreen):
            return
        where = screen.table.where
        yield "Clear the filter", partial(screen.set_filter, ClaimFilter()), "show every claim"
        for status in STATUSES:
            yield f"Filter: status {status}", partial(screen.set_filter, _with(where, status=status)), "keeps kind, document and words"
        for kind in QUANTITY_KINDS:
            yield f"Filter: kind {kind}", partial(screen.set_filter, _with(where, kind=kind)), "claims with such a quantity"
        yield "Filter: mine", partial(screen.set_filter, _with(where, assignee=screen.app.reviewer)), "claims assigned to you"
        yield "Filter: previously checked", partial(screen.set_filter, _with(where, previously_checked=True)), "the same claim was judged in another article"
        for document in screen.query_one("FilterBar").suggester.documents:
            yield f"Filter: document {document}", partial(screen.set_filter, _with(where, document=document)), ""
        yield "Mark every claim in view", screen.action_mark_window, "then a verdict key applies to all"
        yield "Clear marks", screen.action_clear_marks, ""
        yield "Undo my last change", screen.action_undo, "walks back one change per use"
        yield "Add a claim the extractor missed", screen.action_add_claim, "from a sentence of this article"
        for fmt in FORMATS:
            yield f"Export as {fmt.name}", partial(screen.action_export, fmt.name), f"{fmt.description}; honours the filter"
        yield "Set my reviewer name", self._set_reviewer, "recorded with each verdict, kept for the next session"

    def _set_reviewer(self) -> None:
        from factcheck.tui.screens.reviewer import ReviewerScreen

        app = self.app

        def chosen(name: str | None) -> None:
            if name:
                app.set_reviewer(name)
                app.notify(f"verdicts are now recorded under {name}")

        app.push_screen(ReviewerScreen(app.reviewer), chosen)

    async def discover(self) -> Hits:
        for name, run, help_text in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)


def _with(where: ClaimFilter, **changes) -> ClaimFilter:
    return replace(where, **changes)
