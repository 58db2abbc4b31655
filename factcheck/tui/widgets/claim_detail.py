"""The selected claim in its paragraph, its quantities and its evidence, loaded in a worker.

The pane keeps its size and scrolls its own lines (shift+up / shift+down): a new claim
then repaints only this pane, where a growing or shrinking widget would lay out the whole
screen again on every step through the queue. Colours are theme variables, resolved when
drawn, so light and dark themes both read well.
"""

from __future__ import annotations

from sqlmodel import Session
from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from factcheck.core.claim_view import ClaimView, Evidence, claim_view
from factcheck.core.models import Link

RELATION_STYLE = {
    "supports": "bold $text-success on $success-muted",
    "contradicts": "bold $text-error on $error-muted",
    "mentions": "bold $text-primary on $primary-muted",
}
STATE_STYLE = {"confirmed": "$text-success", "rejected": "$text-error strike", "suggested": "$foreground-muted"}
MATCH_STYLE = "bold underline $text-warning"


class ClaimDetail(Widget, can_focus=False):
    class Shown(Message):
        def __init__(self, view: ClaimView | None, claim_id: int | None) -> None:
            super().__init__()
            self.view, self.claim_id = view, claim_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view: ClaimView | None = None
        self.link_index = 0
        self.first_line = 0  # how far the reviewer has scrolled the pane
        self.message = "No claim selected."

    def show(self, claim_id: int | None) -> None:
        if claim_id is None:
            self.view, self.message = None, "No claim matches."
            self.refresh()
            return
        self.load(claim_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="detail")
    def load(self, claim_id: int) -> None:
        with Session(self.app.engine) as session:
            view = claim_view(session, claim_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Shown(view, claim_id))

    @on(Shown)
    def _shown(self, message: Shown) -> None:
        same_claim = self.view is not None and message.view is not None and self.view.claim.id == message.view.claim.id
        self.view = message.view
        if message.view is None:
            self.message = "This claim no longer exists."
        if not same_claim:
            self.link_index = self.first_line = 0
        self.refresh()

    @property
    def selected_link(self) -> Link | None:
        if self.view is None or not self.view.evidence:
            return None
        return self.view.evidence[min(self.link_index, len(self.view.evidence) - 1)].link

    def move_link(self, step: int) -> None:
        if self.view and self.view.evidence:
            self.link_index = (self.link_index + step) % len(self.view.evidence)
            self.refresh()

    def scroll_lines(self, step: int) -> None:
        self.first_line = max(0, self.first_line + step)
        self.refresh()

    def render(self) -> Content:
        if self.view is None:
            return Content(self.message)
        width, height = max(1, self.content_region.width), max(1, self.content_region.height)
        lines = [wrapped for line in self._lines(self.view) for wrapped in (line.wrap(width) or [Content("")])]
        self.first_line = min(self.first_line, max(0, len(lines) - height))
        shown = lines[self.first_line:self.first_line + height]
        if self.first_line + height < len(lines):  # say there is more, and how to see it
            shown[-1] = Content.styled(f"↓ {len(lines) - self.first_line - height + 1} more lines (shift+down)", "$text-accent")
        return Content("\n").join(shown)

    def _lines(self, view: ClaimView):
        claim, document = view.claim, view.document
        yield Content.assemble(
            (f"#{claim.id}", "bold"), f"  {claim.label}  ·  ", (claim.status, "bold"),
            f"  ·  worth {claim.checkworthiness:.2f}  ·  v{claim.version}",
            f"  ·  added by {claim.created_by}" if claim.created_by != "extractor" else "",
        )
        # Labelled, so an article's title (its first line when it has no header) is not
        # taken for part of the claim's context.
        yield Content.assemble(("Document: ", "bold $foreground-muted"), (document.title or document.path, "$foreground-muted"))
        yield Content("")
        left, right = view.context
        context = Content(document.text[left:right]).stylize("bold reverse", claim.start - left, claim.end - left)
        for q in view.quantities:
            context = context.stylize("underline", q.start - left, q.end - left)
        yield context
        yield Content("")
        if view.quantities:
            yield Content.styled("Quantities", "bold underline")
            for q in view.quantities:
                qualifier = f" ({q.qualifier})" if q.qualifier else ""
                yield Content(f"  {q.text} → {q.display} [{q.kind}]{qualifier}")
            yield Content("")
        yield Content.styled(f"Evidence ({len(view.evidence)})  [ ] choose · c confirm · x reject · l find and link", "bold underline")
        if not view.evidence:
            yield Content.styled("  no suggestions yet", "$foreground-muted")
        for index, evidence in enumerate(view.evidence):
            yield from self._evidence_lines(index, evidence)

    def _evidence_lines(self, index: int, evidence: Evidence):
        link, source = evidence.link, evidence.source
        chosen = index == min(self.link_index, len(self.view.evidence) - 1)
        head = Content.assemble(
            ("▶ " if chosen else "  ", "bold $accent"),
            f"{index + 1}. ",
            (f" {link.relation} ", RELATION_STYLE.get(link.relation, "bold")),
            " ",
            (link.state, STATE_STYLE.get(link.state, "")),
            f" · {link.score:.2f}",
            f" · confidence {link.confidence:.2f} · " if link.confidence is not None else " · ",
            (source.title or source.path, "bold"),
        )
        yield head
        where = " · ".join(part for part in (source.published, source.url) if part)
        if where:
            yield Content.styled(f"     {where}", "$foreground-muted")
        if link.orphaned:
            yield Content.styled("     ⚠ orphaned: the source text changed and this passage was not found again", "bold $text-error")
        passage = Content(evidence.passage.text[:400])
        for start, end in evidence.highlights:
            passage = passage.stylize(MATCH_STYLE, start, end)
        yield Content("     ") + passage.stylize("italic")
        if evidence.reasons:
            yield Content.styled(f"     why: {', '.join(evidence.reasons)}", "$foreground-muted")
