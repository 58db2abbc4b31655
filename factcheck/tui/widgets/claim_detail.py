"""The selected claim in its paragraph, its quantities and its suggested evidence."""

from __future__ import annotations

import json

from rich.console import Group
from rich.text import Text
from sqlmodel import Session, col, select
from textual.widgets import Static

from factcheck.core.models import Claim, Document, Link, Passage, Quantity

RELATION_STYLE = {"supports": "bold green", "contradicts": "bold red", "mentions": "bold blue"}


def paragraph_around(text: str, start: int, end: int, limit: int = 600) -> tuple[int, int]:
    """The paragraph holding [start, end), clipped to about `limit` characters."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    left = max(left, start - limit // 2)
    right = min(right, end + limit // 2)
    return left, right


class ClaimDetail(Static):
    def show_claim(self, session: Session, claim_id: int | None) -> list[Link]:
        if claim_id is None:
            self.update("No claim selected.")
            return []
        claim = session.get(Claim, claim_id)
        if claim is None:
            self.update("This claim no longer exists.")
            return []
        document = session.get(Document, claim.document_id)
        quantities = list(session.exec(select(Quantity).where(Quantity.claim_id == claim_id).order_by(col(Quantity.start))))
        rows = list(
            session.exec(
                select(Link, Passage, Document)
                .join(Passage, col(Link.passage_id) == col(Passage.id))
                .join(Document, col(Passage.document_id) == col(Document.id))
                .where(Link.claim_id == claim_id)
                .order_by(col(Link.score).desc())
            )
        )
        self.update(Group(*self._lines(claim, document, quantities, rows)))
        return [link for link, _, _ in rows]

    def _lines(self, claim, document, quantities, rows):
        yield Text(f"#{claim.id}  {claim.label}  ·  {claim.status}  ·  worth {claim.checkworthiness:.2f}", style="bold")
        yield Text(f"{document.title or document.path}", style="dim")
        left, right = paragraph_around(document.text, claim.start, claim.end)
        context = Text(document.text[left:right])
        context.stylize("bold reverse", claim.start - left, claim.end - left)
        for q in quantities:
            context.stylize("underline", q.start - left, q.end - left)
        yield Text()
        yield context
        yield Text()
        if quantities:
            yield Text("Quantities", style="bold underline")
            for q in quantities:
                qualifier = f" ({q.qualifier})" if q.qualifier else ""
                yield Text(f"  {q.text} → {q.display} [{q.kind}]{qualifier}")
            yield Text()
        yield Text("Evidence", style="bold underline")
        if not rows:
            yield Text("  no suggestions yet", style="dim")
        for index, (link, passage, source) in enumerate(rows, 1):
            line = Text(f"  {index}. ")
            line.append(f" {link.relation} ", style=RELATION_STYLE.get(link.relation, ""))
            line.append(f" {link.state} · {link.score:.2f} · {source.title or source.path}")
            yield line
            yield Text(f"     {passage.text[:300]}", style="italic")
            reasons = ", ".join(json.loads(link.reasons or "[]"))
            if reasons:
                yield Text(f"     why: {reasons}", style="dim")
