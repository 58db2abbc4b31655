"""Suggesting evidence for claims: shared quantities and fuzzy text. First version."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.core.db import session_scope
from factcheck.core.models import Claim, Link, Passage, Quantity

Progress = Callable[[str, int, int], None]
TEXT_CUTOFF = 55.0
TOP_K = 5


@dataclass
class LinkReport:
    claims: int = 0
    suggested: int = 0


def _same(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind or a.unit != b.unit:
        return False
    if a.kind == "date":
        return bool(a.iso) and a.iso == b.iso
    if a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= 0.01 * max(abs(a.value), abs(b.value), 1e-12)


def link_all(engine: Engine, *, progress: Progress | None = None) -> LinkReport:
    """Recompute suggested links for every claim in one transaction; confirmed and rejected
    links are the reviewer's and are kept."""
    report = LinkReport()
    with session_scope(engine) as session:
        passages = list(session.exec(select(Passage)))
        claims = list(session.exec(select(Claim)))
        report.claims = len(claims)
        if not passages or not claims:
            return report
        session.execute(delete(Link).where(col(Link.state) == "suggested"))
        decided = {(l.claim_id, l.passage_id) for l in session.exec(select(Link))}
        by_passage = _quantities(session, "passage_id")
        by_claim = _quantities(session, "claim_id")
        choices = [utils.default_process(p.text) for p in passages]
        queries = [utils.default_process(c.text) for c in claims]
        text_scores = process.cdist(queries, choices, scorer=fuzz.partial_ratio, workers=-1, score_cutoff=TEXT_CUTOFF)
        for i, claim in enumerate(claims):
            if progress and i % 200 == 0:
                progress("linking", i, len(claims))
            scored = []
            for j, passage in enumerate(passages):
                text_score = float(text_scores[i, j])
                shared = [q for q in by_claim[claim.id] for p in by_passage[passage.id] if _same(q, p)]
                if not shared and text_score < TEXT_CUTOFF:
                    continue
                reasons = [f"same {q.kind} {q.display}" for q in shared]
                if text_score >= TEXT_CUTOFF:
                    reasons.append(f"text {text_score:.0f}")
                score = min(1.0, 0.5 * bool(shared) + 0.1 * len(shared) + 0.4 * text_score / 100)
                relation = "supports" if shared else "mentions"
                scored.append((score, passage, relation, reasons))
            scored.sort(key=lambda item: -item[0])
            for score, passage, relation, reasons in scored[:TOP_K]:
                if (claim.id, passage.id) in decided:
                    continue
                session.add(
                    Link(
                        claim_id=claim.id,
                        passage_id=passage.id,
                        score=round(score, 4),
                        relation=relation,
                        reasons=json.dumps(reasons, ensure_ascii=False),
                        exact=passage.text,
                    )
                )
                report.suggested += 1
    return report


def _quantities(session: Session, owner: str) -> dict[int, list[Quantity]]:
    result: dict[int, list[Quantity]] = defaultdict(list)
    column = getattr(Quantity, owner)
    for quantity in session.exec(select(Quantity).where(column.is_not(None))):
        result[getattr(quantity, owner)].append(quantity)
    return result
