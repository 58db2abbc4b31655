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
from sqlalchemy import delete, insert, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.core.anchoring import quote
from factcheck.core.db import session_scope
from factcheck.core.entities import AliasBook, Name, claim_names, search_terms, shared_names
from factcheck.core.extraction import QuantityMatch
from factcheck.core.grouping import ClaimFacts, group_claims
from factcheck.core.models import Alias, Claim, Document, Link, Passage, Quantity, utc_now
from factcheck.core.retrieval import QuantityIndex, TextIndex
from factcheck.core.scoring import TEXT_CUTOFF, Side, Verdict, amounts_of, score_pair

Progress = Callable[[str, int, int], None]
TOP_K = 5
TEXT_CANDIDATES = 20  # per index: up to 20 by equal values and 20 by text
BATCH = 500
CHUNK = 900  # ids per IN (...) list, below SQLite's parameter limit


@dataclass
class LinkReport:
    claims: int = 0
    suggested: int = 0
    grouped: int = 0  # claims that share a group with a claim of another article


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
        report.grouped = _regroup(session, linker.aliases)
        if progress:
            progress("linking", len(claim_ids), len(claim_ids))
    return report


class Linker:
    """Scores claims against candidates; caches passages across batches."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.text_index = TextIndex(session)
        self.quantity_index = QuantityIndex(session)
        self.aliases = AliasBook.from_pairs(session.exec(select(Alias.name, Alias.variant)))
        self.passages: dict[int, PassageRow] = {}
        self.published: dict[int, str | None] = {}

    def suggest(self, claim_ids: list[int]) -> list[Suggestion]:
        """The best few suggestions of each claim; claims are handled a batch at a time so
        that passages load in bulk and wording is scored in one parallel call."""
        claims = self.session.exec(
            select(Claim.id, Claim.text, Claim.start).where(col(Claim.id).in_(claim_ids))
        ).all()
        quantities = _quantities(self.session, Quantity.claim_id, claim_ids)
        decided = _decided(self.session, claim_ids)
        work = []
        for claim_id, claim_text, start in claims:
            side = Side(claim_text, amounts_of(claim_text, quantities[claim_id], start))
            names = [
                Name(n.shown, n.forms, self.text_index.rarity(n.forms))
                for n in claim_names(claim_text, self.aliases)
            ]
            ids = [i for i in self.candidates(side, names) if (claim_id, i) not in decided]
            work.append((claim_id, side, names, ids))
        self._load({i for *_, ids in work for i in ids})
        pairs = [(n, i) for n, (*_, ids) in enumerate(work) for i in ids if i in self.passages]
        processed = [utils.default_process(side.text) for _, side, _, _ in work]
        # one call for the whole batch, each claim against its own candidates only
        wording = process.cpdist(
            [processed[n] for n, _ in pairs],
            [self.passages[i].processed for _, i in pairs],
            scorer=fuzz.partial_ratio,
            workers=-1,
            score_cutoff=TEXT_CUTOFF,
        )
        found: dict[int, list[Suggestion]] = defaultdict(list)
        for (n, passage_id), text_score in zip(pairs, wording, strict=True):
            claim_id, side, names, _ = work[n]
            suggestion = self._score(claim_id, side, names, passage_id, float(text_score))
            if suggestion is not None:
                found[claim_id].append(suggestion)
        result = []
        for suggestions in found.values():
            suggestions.sort(key=lambda s: (-s.verdict.score, s.passage_id))
            result += suggestions[:TOP_K]
        return result

    def candidates(self, claim: Side, names: list[Name]) -> list[int]:
        by_value = self.quantity_index.candidates(claim.amounts)
        ranked = sorted(by_value, key=lambda i: -by_value[i])[:TEXT_CANDIDATES]
        by_text = self.text_index.candidates(claim.text, search_terms(names), TEXT_CANDIDATES)
        return list(dict.fromkeys(ranked + by_text))

    def _score(
        self, claim_id: int, claim: Side, names: list[Name], passage_id: int, text_score: float
    ) -> Suggestion | None:
        passage = self.passages[passage_id].side
        shared = [(n.shown, n.rarity) for n in shared_names(names, passage.text)]
        verdict = score_pair(claim, passage, text_score, shared)
        return None if verdict is None else Suggestion(claim_id, passage_id, verdict)

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

    def _load(self, ids: set[int]) -> None:
        missing = [i for i in ids if i not in self.passages]
        for first in range(0, len(missing), CHUNK):
            chunk = missing[first : first + CHUNK]
            query = select(
                Passage.id, Passage.document_id, Passage.start, Passage.end, Passage.text
            )
            rows = self.session.exec(
                query.where(col(Passage.id).in_(chunk), col(Passage.retired).is_(False))
            ).all()
            quantities = _quantities(self.session, Quantity.passage_id, chunk)
            self._load_dates({row[1] for row in rows})
            for passage_id, document_id, start, end, passage_text in rows:
                amounts = amounts_of(passage_text, quantities[passage_id], start)
                side = Side(passage_text, amounts, self.published[document_id])
                processed = utils.default_process(passage_text)
                self.passages[passage_id] = PassageRow(
                    passage_id, document_id, start, end, side, processed
                )

    def _load_dates(self, document_ids: set[int]) -> None:
        missing = [i for i in document_ids if i not in self.published]
        if missing:
            query = select(Document.id, Document.published).where(col(Document.id).in_(missing))
            self.published.update(dict(self.session.exec(query).all()))


def _quantities(session: Session, owner, ids: Iterable[int]) -> dict[int, list[QuantityMatch]]:
    result: dict[int, list[QuantityMatch]] = defaultdict(list)
    ids = list(ids)
    columns = (owner, Quantity.start, Quantity.end, Quantity.text, Quantity.kind, Quantity.value)
    columns += (Quantity.unit, Quantity.display, Quantity.high, Quantity.iso, Quantity.qualifier)
    for first in range(0, len(ids), CHUNK):
        query = select(*columns).where(col(owner).in_(ids[first : first + CHUNK]))
        for owner_id, *values in session.exec(query):
            result[owner_id].append(QuantityMatch(*values))
    return result


def _regroup(session: Session, aliases: AliasBook) -> int:
    """Recompute Claim.group_id: the same claim in several articles shares one."""
    rows = session.exec(
        select(Claim.id, Claim.document_id, Claim.text, Claim.start, Claim.group_id)
    ).all()
    quantities = _quantities(session, Quantity.claim_id, [row[0] for row in rows])
    facts = [
        ClaimFacts(
            claim_id,
            document_id,
            text,
            [a for a in amounts_of(text, quantities[claim_id], start) if a.kind != "date"],
        )
        for claim_id, document_id, text, start, _ in rows
    ]
    groups = group_claims(facts, aliases)
    changed = [
        {"id": claim_id, "group_id": groups.get(claim_id)}
        for claim_id, _, _, _, current in rows
        if groups.get(claim_id) != current
    ]
    if changed:
        session.execute(update(Claim), changed)  # bulk update by primary key
    return len(groups)


def _decided(session: Session, claim_ids: list[int]) -> set[tuple[int, int]]:
    query = select(Link.claim_id, Link.passage_id).where(
        col(Link.claim_id).in_(claim_ids), Link.state != "suggested"
    )
    return set(session.exec(query).all())


def _document_texts(session: Session, document_ids: set[int]) -> dict[int, str]:
    query = select(Document.id, Document.text).where(col(Document.id).in_(document_ids))
    return dict(session.exec(query).all())
