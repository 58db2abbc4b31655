"""Everything a reviewer sees about one claim: its paragraph, its quantities and its
evidence, with the numbers and names the claim shares with each passage located."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from factcheck.services.earlier_verdicts import EarlierVerdict, checked_before
from factcheck.services.findings import FindingView, findings_for_claim
from factcheck.services.review import UNDO_NOTE
from factcheck.store.models import Alias, Claim, Document, Link, Passage, Quantity, ReviewEvent

Span = tuple[int, int]
_LATIN_TERM = re.compile(r"[A-Za-z][A-Za-z0-9\-.]{2,}[A-Za-z0-9]")
_COMMON = {"the", "and", "for", "with", "that", "this", "from", "has", "was", "are", "its"}


@dataclass
class Evidence:
    link: Link
    passage: Passage
    source: Document
    reasons: list[str]
    highlights: list[Span]  # offsets into passage.text


@dataclass
class ClaimView:
    claim: Claim
    document: Document
    context: Span  # the paragraph around the claim, offsets into document.text
    quantities: list[Quantity]
    evidence: list[Evidence] = field(default_factory=list)
    latest_note: ReviewEvent | None = None
    earlier: EarlierVerdict | None = None  # the same claim judged in another article
    names: list[str] = field(default_factory=list)  # alias names in the paragraph, kept whole on screen
    findings: list[FindingView] = field(default_factory=list)  # the consistency checks about the claim


def paragraph_around(text: str, start: int, end: int, limit: int = 600) -> Span:
    """The paragraph holding [start, end), clipped to about `limit` characters."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    return max(left, start - limit // 2), min(right, end + limit // 2)


def claim_view(session: Session, claim_id: int) -> ClaimView | None:
    claim = session.get(Claim, claim_id)
    if claim is None:
        return None
    document = session.get(Document, claim.document_id)
    quantities = list(
        session.exec(select(Quantity).where(Quantity.claim_id == claim_id).order_by(col(Quantity.start)))
    )
    view = ClaimView(claim, document, paragraph_around(document.text, claim.start, claim.end), quantities)
    # a note on its own or with a verdict; an undo's bookkeeping note is no reviewer's note
    view.latest_note = session.exec(
        select(ReviewEvent).where(ReviewEvent.claim_id == claim_id, col(ReviewEvent.note).is_not(None))
        .where(~col(ReviewEvent.note).startswith(UNDO_NOTE))
        .order_by(col(ReviewEvent.id).desc()).limit(1)
    ).first()
    view.earlier = checked_before(session, claim)
    view.names = _names_in(session, document.text[view.context[0]:view.context[1]])
    view.findings = findings_for_claim(session, claim_id)
    rows = list(
        session.exec(
            select(Link, Passage, Document)
            .join(Passage, col(Link.passage_id) == col(Passage.id))
            .join(Document, col(Passage.document_id) == col(Document.id))
            .where(Link.claim_id == claim_id)
            .order_by(col(Link.score).desc(), col(Link.id))
        )
    )
    if not rows:
        return view
    passage_quantities = _passage_quantities(session, [passage.id for _, passage, _ in rows])
    names = _alias_names(session, claim.text)
    for link, passage, source in rows:
        found = passage_quantities.get(passage.id, [])
        highlights = shared_quantity_spans(quantities, found, passage.start)
        highlights += shared_term_spans(claim.text, passage.text, names)
        view.evidence.append(
            Evidence(link, passage, source, json.loads(link.reasons or "[]"), merge_spans(highlights))
        )
    return view


def _names_in(session: Session, text: str) -> list[str]:
    """Both sides of the aliases that occur in `text`."""
    found = []
    for name, variant in session.exec(select(Alias.name, Alias.variant)):
        found += [side for side in (name, variant) if side in text]
    return found


def _passage_quantities(session: Session, passage_ids: list[int]) -> dict[int, list[Quantity]]:
    result: dict[int, list[Quantity]] = {}
    for quantity in session.exec(select(Quantity).where(col(Quantity.passage_id).in_(passage_ids))):
        result.setdefault(quantity.passage_id, []).append(quantity)
    return result


def _alias_names(session: Session, text: str) -> list[str]:
    """Other spellings of the names in the claim (奥尔特曼 → Sam Altman), to find in English."""
    names = []
    for name, variant in session.exec(select(Alias.name, Alias.variant)):
        if variant in text:
            names.append(name)
        elif name in text:
            names.append(variant)
    return names


def same_quantity(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind or a.unit != b.unit:
        return False
    if a.kind == "date":
        return bool(a.iso) and a.iso == b.iso
    if a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= 0.01 * max(abs(a.value), abs(b.value), 1e-12)


def shared_quantity_spans(claim_quantities: list[Quantity], found: list[Quantity], offset: int) -> list[Span]:
    """Passage quantities equal to one of the claim's; `offset` turns document offsets into
    passage offsets."""
    return [
        (q.start - offset, q.end - offset)
        for q in found
        if any(same_quantity(q, mine) for mine in claim_quantities)
    ]


def shared_term_spans(claim_text: str, passage_text: str, names: list[str]) -> list[Span]:
    """Latin-script words of the claim (OpenAI, GPT-4o) and alias names found in the passage."""
    terms = {t for t in _LATIN_TERM.findall(claim_text) if t.lower() not in _COMMON}
    terms.update(names)
    spans = []
    lowered = passage_text.lower()
    for term in terms:
        needle = term.lower()
        start = lowered.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = lowered.find(needle, start + len(needle))
    return spans


def merge_spans(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
