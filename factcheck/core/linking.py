"""Suggesting evidence for claims: retrieve tens of candidate passages per claim through the
quantity and text indexes, score only those, keep the best few with their reasons.

A run is one transaction: the suggested links are replaced all at once, so an interrupted
run leaves the previous suggestions as they were. Confirmed and rejected links are the
reviewer's work and are never touched.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
from sqlalchemy import delete, insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.core.anchoring import quote
from factcheck.core.db import session_scope
from factcheck.core.entities import AliasBook, Name, claim_names, search_terms, shared_names
from factcheck.core.extraction import QuantityMatch
from factcheck.core.models import Alias, Claim, Document, Link, Passage, Quantity, utc_now
from factcheck.core.retrieval import TextIndex, quantity_candidates
from factcheck.core.scoring import TEXT_CUTOFF, Side, Verdict, amounts_of, score_pair

Progress = Callable[[str, int, int], None]
TOP_K = 5
TEXT_CANDIDATES = 30
BATCH = 500


@dataclass
class LinkReport:
    claims: int = 0
    suggested: int = 0


@dataclass(slots=True)
class Suggestion:
    claim_id: int
    passage_id: int
    verdict: Verdict


@dataclass(slots=True)
class PassageRow:
    id: int
    document_id: int
    start: int
    end: int
    side: Side
    processed: str


def link_all(engine: Engine, *, progress: Progress | None = None) -> LinkReport:
    """Recompute suggested links for every claim, in one transaction."""
    report = LinkReport()
    with session_scope(engine) as session:
        claim_ids = list(session.exec(select(Claim.id).order_by(col(Claim.id))))
        report.claims = len(claim_ids)
        linker = Linker(session)
        suggestions: list[Suggestion] = []
        for done in range(0, len(claim_ids), BATCH):
            if progress:
                progress("linking", done, len(claim_ids))
            suggestions += linker.suggest(claim_ids[done : done + BATCH])
        session.execute(delete(Link).where(col(Link.state) == "suggested"))
        report.suggested = linker.write(suggestions)
        if progress:
            progress("linking", len(claim_ids), len(claim_ids))
    return report


class Linker:
    """Scores claims against candidates; caches passages across batches."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.text_index = TextIndex(session)
        self.aliases = AliasBook.from_pairs(session.exec(select(Alias.name, Alias.variant)))
        self.passages: dict[int, PassageRow] = {}
        self.published: dict[int, str | None] = {}

    def suggest(self, claim_ids: list[int]) -> list[Suggestion]:
        claims = list(self.session.exec(select(Claim).where(col(Claim.id).in_(claim_ids))))
        quantities = _quantities(self.session, Quantity.claim_id, claim_ids)
        decided = _decided(self.session, claim_ids)
        result = []
        for claim in claims:
            side = Side(claim.text, amounts_of(claim.text, quantities[claim.id], claim.start))
            names = claim_names(claim.text, self.aliases)
            ids = self.candidates(side, names)
            ids = [i for i in ids if (claim.id, i) not in decided]
            result += self.rank(claim.id, side, names, ids)
        return result

    def candidates(self, claim: Side, names: list[Name]) -> list[int]:
        by_value = quantity_candidates(self.session, claim.amounts)
        ranked = sorted(by_value, key=lambda i: -by_value[i])[:TEXT_CANDIDATES]
        by_text = self.text_index.candidates(claim.text, search_terms(names), TEXT_CANDIDATES)
        return list(dict.fromkeys(ranked + by_text))

    def rank(
        self, claim_id: int, claim: Side, names: list[Name], ids: list[int]
    ) -> list[Suggestion]:
        if not ids:
            return []
        rows = self._load(ids)
        scores = process.cdist(
            [utils.default_process(claim.text)],
            [row.processed for row in rows],
            scorer=fuzz.partial_ratio,
            workers=-1,
            score_cutoff=TEXT_CUTOFF,
        )[0]
        rarity = {name.forms: self.text_index.rarity(name.forms) for name in names}
        found = []
        for row, text_score in zip(rows, scores, strict=True):
            shared = [(n.shown, rarity[n.forms]) for n in shared_names(names, row.side.text)]
            verdict = score_pair(claim, row.side, float(text_score), shared)
            if verdict is not None:
                found.append(Suggestion(claim_id, row.id, verdict))
        found.sort(key=lambda s: (-s.verdict.score, s.passage_id))
        return found[:TOP_K]

    def write(self, suggestions: list[Suggestion]) -> int:
        if not suggestions:
            return 0
        texts = _document_texts(
            self.session, {self.passages[s.passage_id].document_id for s in suggestions}
        )
        now = utc_now()
        rows = []
        for s in suggestions:
            passage = self.passages[s.passage_id]
            selector = quote(texts[passage.document_id], passage.start, passage.end)
            rows.append(
                {
                    "claim_id": s.claim_id,
                    "passage_id": s.passage_id,
                    "score": s.verdict.score,
                    "relation": s.verdict.relation,
                    "state": "suggested",
                    "reasons": json.dumps(s.verdict.reasons, ensure_ascii=False),
                    "exact": selector.exact,
                    "prefix": selector.prefix,
                    "suffix": selector.suffix,
                    "orphaned": False,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        self.session.execute(insert(Link), rows)
        return len(rows)

    def _load(self, ids: list[int]) -> list[PassageRow]:
        missing = [i for i in ids if i not in self.passages]
        if missing:
            rows = list(self.session.exec(select(Passage).where(col(Passage.id).in_(missing))))
            quantities = _quantities(self.session, Quantity.passage_id, missing)
            self._load_dates({p.document_id for p in rows})
            for p in rows:
                side = Side(
                    p.text,
                    amounts_of(p.text, quantities[p.id], p.start),
                    self.published[p.document_id],
                )
                self.passages[p.id] = PassageRow(
                    p.id, p.document_id, p.start, p.end, side, utils.default_process(p.text)
                )
        return [self.passages[i] for i in ids if i in self.passages]

    def _load_dates(self, document_ids: set[int]) -> None:
        missing = [i for i in document_ids if i not in self.published]
        if missing:
            query = select(Document.id, Document.published).where(col(Document.id).in_(missing))
            self.published.update(dict(self.session.exec(query).all()))


def _quantities(session: Session, owner, ids: Iterable[int]) -> dict[int, list[QuantityMatch]]:
    result: dict[int, list[QuantityMatch]] = defaultdict(list)
    ids = list(ids)
    for start in range(0, len(ids), 900):
        query = select(Quantity).where(col(owner).in_(ids[start : start + 900]))
        for q in session.exec(query):
            result[getattr(q, owner.key)].append(
                QuantityMatch(
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    q.value,
                    q.unit,
                    q.display,
                    q.high,
                    q.iso,
                    q.qualifier,
                )
            )
    return result


def _decided(session: Session, claim_ids: list[int]) -> set[tuple[int, int]]:
    query = select(Link.claim_id, Link.passage_id).where(
        col(Link.claim_id).in_(claim_ids), Link.state != "suggested"
    )
    return set(session.exec(query).all())


def _document_texts(session: Session, document_ids: set[int]) -> dict[int, str]:
    query = select(Document.id, Document.text).where(col(Document.id).in_(document_ids))
    return dict(session.exec(query).all())
