"""The selected claim in its paragraph, its quantities and its evidence, loaded in a worker.

The pane keeps its size and scrolls its own lines (shift+up / shift+down): a new claim
then repaints only this pane, where a growing or shrinking widget would lay out the whole
screen again on every step through the queue. Colours are theme variables, resolved when
drawn, so light and dark themes both read well.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session
from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from factcheck.report.gather import iso
from factcheck.services.claim_view import ClaimView, Evidence, claim_view
from factcheck.store.models import Link
from factcheck.text.cells import ELLIPSIS, clip, kept_whole, line_spans
from factcheck.text.shown import visible, visible_lines, visible_mapped

RELATION_STYLE = {
    "supports": "bold $text-success on $success-muted",
    "contradicts": "bold $text-error on $error-muted",
    "mentions": "bold $text-primary on $primary-muted",
}
STATE_STYLE = {"confirmed": "$text-success", "rejected": "$text-error strike", "suggested": "$foreground-muted"}
MATCH_STYLE = "bold underline $text-warning"
PASSAGE_CELLS = 800  # of a passage, about ten lines of a wide pane; the rest is cut with "…"


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
    def selected_evidence(self) -> Evidence | None:
        if self.view is None or not self.view.evidence:
            return None
        return self.view.evidence[min(self.link_index, len(self.view.evidence) - 1)]

    @property
    def selected_link(self) -> Link | None:
        evidence = self.selected_evidence
        return evidence.link if evidence else None

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
        names = self.view.names
        lines = [wrapped for block in self._blocks(self.view) for wrapped in wrap_block(block, width, names)]
        self.first_line = min(self.first_line, max(0, len(lines) - height))
        shown = lines[self.first_line:self.first_line + height]
        if self.first_line + height < len(lines):  # say there is more, and how to see it
            more = f"↓ {len(lines) - self.first_line - height + 1} more lines ({self._key('scroll_detail(3)')})"
            shown[-1] = Content.styled(clip(more, width), "$text-accent")
        return Content("\n").join(shown)

    def _key(self, action: str) -> str:
        """The key bound to an action of the screen, as remapped."""
        for active in self.screen.active_bindings.values():
            if active.binding.action == action:
                return self.app.get_key_display(active.binding)
        return "?"

    def _blocks(self, view: ClaimView):
        claim, document = view.claim, view.document
        yield Block(Content.assemble(
            (f"#{claim.id}", "bold"), f"  {visible(claim.label)}  ·  ", (claim.status, "bold"),
            f"  ·  worth {claim.checkworthiness:.2f}  ·  v{claim.version}",
            f"  ·  added by {visible(claim.created_by)}" if claim.created_by != "extractor" else "",
        ))
        # Labelled, so an article's title (its first line when it has no header) is not
        # taken for part of the claim's context.
        yield Block(Content.assemble(
            ("Document: ", "bold $foreground-muted"), (visible(document.title or document.path), "$foreground-muted"),
        ))
        if claim.assignee:
            yield Block(Content.assemble(("Assigned to: ", "bold $foreground-muted"), (visible(claim.assignee), "bold")))
        if view.earlier is not None:
            yield Block(Content.assemble(
                ("↺ checked before: ", "bold $text-warning"), visible(view.earlier.describe()),
                (f"  ({self._key('reuse_verdict')} gives it the same verdict)", "$foreground-muted"),
            ))
        yield Block(Content(""))
        yield Block(self._paragraph(view))
        yield Block(Content(""))
        if view.latest_note is not None:
            note = view.latest_note
            yield Block(Content.assemble(("Latest note", "bold underline"), (f" — {visible(note.reviewer)}, {shown_moment(note.at)}", "$foreground-muted")))
            yield Block(Content(visible_lines(note.note or "")), indent=2)
            yield Block(Content(""))
        yield from finding_blocks(view.findings)
        if view.quantities:
            yield Block(Content.styled("Quantities", "bold underline"))
            for q in view.quantities:
                qualifier = f" ({q.qualifier})" if q.qualifier else ""
                yield Block(Content(visible(f"{q.text} → {q.display} [{q.kind}]{qualifier}")), indent=2)
            yield Block(Content(""))
        actions = ("next_link(-1)", "next_link(1)", "link('confirmed')", "link('rejected')", "open_evidence", "find_evidence")
        keys = [self._key(action) for action in actions]
        choose = f"{keys[0]} {keys[1]} choose · {keys[2]} confirm · {keys[3]} reject · {keys[4]} open · {keys[5]} find and link"
        yield Block(Content.styled(f"Evidence ({len(view.evidence)})  {choose}", "bold underline"))
        if not view.evidence:
            yield Block(Content.styled("no suggestions yet", "$foreground-muted"), indent=2)
        for index, evidence in enumerate(view.evidence):
            yield from self._evidence_blocks(index, evidence)

    def _paragraph(self, view: ClaimView) -> Content:
        """The paragraph around the claim, the claim in reverse and its amounts underlined;
        "…" where the paragraph goes on beyond what is shown."""
        claim, text = view.claim, view.document.text
        left, right = view.context
        shown, at = visible_mapped(text[left:right], keep="\n\t")
        context = Content(shown).stylize("bold reverse", at(claim.start - left), at(claim.end - left))
        for q in view.quantities:
            context = context.stylize("underline", at(q.start - left), at(q.end - left))
        before = ELLIPSIS if left > 0 and text[left - 1] != "\n" else ""
        after = ELLIPSIS if right < len(text) and text[right] != "\n" else ""
        return Content(before) + context + Content(after)

    def _evidence_blocks(self, index: int, evidence: Evidence):
        link, source = evidence.link, evidence.source
        chosen = index == min(self.link_index, len(self.view.evidence) - 1)
        yield Block(Content.assemble(
            ("▶ " if chosen else "  ", "bold $accent"),
            f"{index + 1}. ",
            (f" {link.relation} ", RELATION_STYLE.get(link.relation, "bold")),
            " ",
            (link.state, STATE_STYLE.get(link.state, "")),
            f" · {link.score:.2f}",
            f" · confidence {link.confidence:.2f} · " if link.confidence is not None else " · ",
            (visible(source.title or source.path), "bold"),
        ))
        where = " · ".join(visible(part) for part in (source.published, source.url) if part)
        if where:
            yield Block(Content.styled(where, "$foreground-muted"), indent=5)
        if link.orphaned:
            yield Block(Content.styled("⚠ orphaned: the source text changed and this passage was not found again", "bold $text-error"), indent=5)
        text, at = visible_mapped(evidence.passage.text, keep="\n\t")
        shown = clip(text, PASSAGE_CELLS)
        passage = Content(shown[:-1] if shown != text else shown)
        for start, end in evidence.highlights:
            start, end = at(start), at(end)
            if start < len(passage.plain):
                passage = passage.stylize(MATCH_STYLE, start, min(end, len(passage.plain)))
        if shown != text:
            passage = passage + Content(ELLIPSIS)
        yield Block(passage.stylize("italic"), indent=5)
        if evidence.reasons:
            yield Block(Content.styled(f"why: {visible_lines(', '.join(evidence.reasons))}", "$foreground-muted"), indent=5)


RESULT_STYLE = {"inconsistent": "bold $text-error", "consistent": "$text-success", "unchecked": "$foreground-muted"}
RESULT_MARK = {"inconsistent": "≠", "consistent": "=", "unchecked": "?"}


def finding_blocks(findings):
    """Each consistency check about the claim: its result and kind, then its arithmetic and
    why, which the reviewer can redo in their head. The arithmetic quotes the article."""
    if not findings:
        return
    yield Block(Content.styled(f"Checks ({len(findings)})", "bold underline"))
    for finding in findings:
        yield Block(Content.assemble(
            (f"{RESULT_MARK.get(finding.result, '?')} {finding.result}", RESULT_STYLE.get(finding.result, "bold")),
            (f" · {finding.kind.replace('_', ' ')}", "$foreground-muted"),
        ), indent=2)
        yield Block(Content(visible(finding.sentence)), indent=4)
    yield Block(Content(""))


@dataclass(frozen=True)
class Block:
    """A paragraph of the pane, wrapped to the pane's width less its indent."""

    content: Content
    indent: int = 0


def wrap_block(block: Block, width: int, names: list[str]) -> list[Content]:
    """The block's lines: each of its own lines broken where a reader expects (never inside
    an amount or a name: see text.cells), each indented."""
    room = max(1, width - block.indent)
    pad = Content(" " * block.indent)
    found: list[Content] = []
    for paragraph in block.content.split("\n"):
        plain = paragraph.plain
        if not plain:
            found.append(Content(""))
            continue
        for start, end in line_spans(plain, room, kept_whole(plain, names)):
            found.append(pad + paragraph[start:end] if block.indent else paragraph[start:end])
    return found


def shown_moment(moment) -> str:
    """A log time as a reviewer reads it: date and minutes, UTC."""
    return iso(moment).replace("T", " ")[:16] + " UTC" if moment else ""
