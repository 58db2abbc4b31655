"""Suggesting evidence for claims: retrieve tens of candidate passages per claim through the
quantity index, the trigram text index and the sentence encoder's vectors, score only
those, keep the best few with their relation, its confidence and the reasons.

First the vectors missing or stale are computed (committed a batch at a time: derived
data). The links are then one transaction: the suggested links are replaced all at once,
so an interrupted run leaves the previous suggestions as they were. Confirmed and rejected
links are the reviewer's work and are never touched. Without the encoder (switched off, or
its model broken: the report says so) linking goes on by numbers, names and words.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process, utils
from sqlalchemy import delete, insert, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.errors import UserError
from factcheck.services.grouping import ClaimFacts, group_claims
from factcheck.services.retrieval import QuantityIndex, TextIndex
from factcheck.store import vectors
from factcheck.store.db import session_scope
from factcheck.store.models import Alias, Claim, Document, Link, Passage, Quantity, utc_now
from factcheck.text.checks.exchange import rate_for
from factcheck.text.encoder import Encoder, EncoderUnavailable, default_encoder
from factcheck.text.extract.anchoring import quote
from factcheck.text.extract.claims import key_quantity
from factcheck.text.extract.entities import (
    AliasBook,
    Name,
    claim_names,
    entity_forms,
    search_terms,
    shared_names,
)
from factcheck.text.extract.extraction import QUANTITY_FIELDS, QuantityMatch
from factcheck.text.extract.relations import RELATED, Side
from factcheck.text.extract.scoring import (
    TEXT_CUTOFF,
    Rate,
    ScoreParts,
    Verdict,
    amounts_of,
    score_parts,
)

Progress = Callable[[str, int, int], None]
TOP_K = 5
TEXT_CANDIDATES = 20  # per index: up to 20 by equal values and 20 by text; 10 by meaning
VECTOR_CANDIDATES = 10
VECTOR_FLOOR = RELATED - 0.05  # below this a passage's meaning is no reason to score it
DEFAULT = "default"  # link_all's encoder: the process's, unless switched off
BATCH = 500
CHUNK = 900  # ids per IN (...) list, below SQLite's parameter limit


@dataclass
class LinkReport:
    claims: int = 0
    suggested: int = 0
    grouped: int = 0  # claims that share a group with a claim of another article
    embedded: int = 0  # vectors computed in this run
    warnings: list[str] = field(default_factory=list)  # said to the user, one line each


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
    names: frozenset[str] | None = None  # every form of the names it holds, read when needed


def link_all(
    engine: Engine, *, progress: Progress | None = None, encoder: Encoder | str | None = DEFAULT
) -> LinkReport:
    """Compute the missing vectors, then recompute suggested links for every claim, in one
    transaction. `encoder`: DEFAULT for the process's (see encoder.default_encoder), None
    for numbers, names and words only."""
    report = LinkReport()
    model = None
    found = usable_encoder(encoder, report.warnings)
    if found is not None:
        report.embedded = vectors.refresh(engine, found, progress)
        model = found.name
    with session_scope(engine) as session:
        claim_ids = list(session.exec(select(Claim.id).order_by(col(Claim.id))))
        report.claims = len(claim_ids)
        linker = Linker(session, model)
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


@dataclass(slots=True)
class Explained:
    """One candidate of a claim, as `factcheck link --explain` shows it."""

    passage_id: int
    found_by: list[str]  # the indexes that found it: numbers, words, meaning
    verdict: Verdict | None  # None: nothing connects them
    parts: ScoreParts | None
    decided: str | None = None  # a reviewer's link already there: its state


def explain(engine: Engine, claim_id: int, *, encoder: Encoder | str | None = DEFAULT,
            warnings: list[str] | None = None) -> list[Explained]:
    """Every candidate of one claim with its score's parts, best first. Reads only (the
    claim's vector is computed in memory when it has none stored)."""
    found = usable_encoder(encoder, warnings if warnings is not None else [])
    with Session(engine) as session:
        if session.get(Claim, claim_id) is None:
            raise UserError(f"no claim with id {claim_id}")
        linker = Linker(session, found.name if found else None)
        (item,) = linker.prepare([claim_id], keep_decided=True)
        if found is not None and item.vector is None:
            item.vector = found.encode([item.side.text])[0]
            item.candidates = linker.candidates(item.side, item.names, linker._nearest([item]).get(claim_id))
            linker._load(set(item.candidates))
        sources = linker.candidate_sources(item.side, item.names, linker._nearest([item]).get(claim_id))
        decided = dict(session.exec(
            select(Link.passage_id, Link.state).where(Link.claim_id == claim_id, Link.state != "suggested")
        ).all())
        result = []
        for _, passage_id, scored in linker.score([item]):
            verdict, parts = scored if scored is not None else (None, None)
            by = [name for name, ids in sources.items() if passage_id in ids]
            result.append(Explained(passage_id, by, verdict, parts, decided.get(passage_id)))
    result.sort(key=lambda e: (-(e.verdict.rank if e.verdict else -1.0), e.passage_id))
    return result


def usable_encoder(encoder: Encoder | str | None, warnings: list[str]) -> Encoder | None:
    """The encoder to use, or None with a warning when its model cannot be loaded."""
    if not isinstance(encoder, str):
        return encoder
    try:
        return default_encoder()
    except EncoderUnavailable as error:
        warnings.append(f"{error}; linking by numbers, names and words only")
        return None


@dataclass(slots=True)
class ClaimWork:
    """One claim of a batch, ready to score against its candidates."""

    claim_id: int
    side: Side
    names: list[Name]
    candidates: list[int]
    vector: np.ndarray | None = None
    entities: frozenset[str] = frozenset()  # entity_forms of the claim
    rate: Rate | None = None  # amounts in other currencies, at the rate of the claim's document's date


class Linker:
    """Scores claims against candidates; caches passages across batches. With `model`, the
    stored vectors of that model add candidates and the similarity of meaning."""

    def __init__(self, session: Session, model: str | None = None) -> None:
        self.session = session
        self.text_index = TextIndex(session)
        self.quantity_index = QuantityIndex(session)
        self.aliases = AliasBook.from_pairs(session.exec(select(Alias.name, Alias.variant)))
        self.passages: dict[int, PassageRow] = {}
        self.published: dict[int, str | None] = {}
        self.rates: dict[int, Rate | None] = {}  # claim's document id → its day's rates
        self.model = model
        self.vector_index = vectors.VectorIndex(session.connection(), model) if model else None

    def suggest(self, claim_ids: list[int]) -> list[Suggestion]:
        """The best few suggestions of each claim; claims are handled a batch at a time so
        that passages load in bulk and wording is scored in one parallel call."""
        work = self.prepare(claim_ids)
        found: dict[int, list[Suggestion]] = defaultdict(list)
        for item, passage_id, scored in self.score(work):
            if scored is not None:
                found[item.claim_id].append(Suggestion(item.claim_id, passage_id, scored[0]))
        result = []
        for suggestions in found.values():
            suggestions.sort(key=lambda s: (-s.verdict.rank, s.passage_id))
            result += suggestions[:TOP_K]
        return result

    def prepare(self, claim_ids: list[int], *, keep_decided: bool = False) -> list[ClaimWork]:
        """Each claim's side, names, vector and candidates (less the pairs a reviewer decided)."""
        claims = self.session.exec(
            select(Claim.id, Claim.text, Claim.start, Claim.document_id).where(col(Claim.id).in_(claim_ids))
        ).all()
        self._load_rates({document_id for *_, document_id in claims})
        quantities = _quantities(self.session, Quantity.claim_id, claim_ids)
        decided = set() if keep_decided else _decided(self.session, claim_ids)
        claim_vectors = (
            vectors.claim_vectors(self.session.connection(), self.model, claim_ids)
            if self.model else {}
        )
        work = []
        for claim_id, claim_text, start, document_id in claims:
            side = claim_side(claim_text, quantities[claim_id], start)
            names = [
                Name(n.shown, n.forms, self.text_index.rarity(n.forms))
                for n in claim_names(claim_text, self.aliases)
            ]
            entities = entity_forms(claim_text, self.aliases)
            work.append(ClaimWork(claim_id, side, names, [], claim_vectors.get(claim_id), entities,
                                  self.rates[document_id]))
        nearest = self._nearest(work)
        for item in work:
            ids = self.candidates(item.side, item.names, nearest.get(item.claim_id, []))
            item.candidates = [i for i in ids if (item.claim_id, i) not in decided]
        self._load({i for item in work for i in item.candidates})
        return work

    def score(self, work: list[ClaimWork]):
        """(claim, passage id, (verdict, parts) or None) for every candidate of the batch."""
        pairs = [(n, i) for n, item in enumerate(work) for i in item.candidates if i in self.passages]
        processed = [utils.default_process(item.side.text) for item in work]
        # one call for the whole batch, each claim against its own candidates only
        wording = process.cpdist(
            [processed[n] for n, _ in pairs],
            [self.passages[i].processed for _, i in pairs],
            scorer=fuzz.partial_ratio,
            workers=-1,
            score_cutoff=TEXT_CUTOFF,
        )
        similarity = self._similarities(work, pairs)
        for (n, passage_id), text_score, meaning in zip(pairs, wording, similarity, strict=True):
            item = work[n]
            row = self.passages[passage_id]
            shared = [(name.shown, name.rarity) for name in shared_names(item.names, row.side.text)]
            others = not shared and bool(item.entities) and bool(self._names_of(row) - item.entities)
            yield item, passage_id, score_parts(
                item.side, row.side, float(text_score), shared, meaning, item.rate, other_names=others
            )

    def _names_of(self, row: PassageRow) -> frozenset[str]:
        if row.names is None:
            row.names = entity_forms(row.side.text, self.aliases)
        return row.names

    def _nearest(self, work: list[ClaimWork]) -> dict[int, list[int]]:
        with_vectors = [item for item in work if item.vector is not None]
        if self.vector_index is None or not with_vectors or not len(self.vector_index):
            return {}
        queries = np.stack([item.vector for item in with_vectors])
        found = self.vector_index.nearest(queries, VECTOR_CANDIDATES, VECTOR_FLOOR)
        return {
            item.claim_id: [n.passage_id for n in neighbours]
            for item, neighbours in zip(with_vectors, found, strict=True)
        }

    def _similarities(self, work: list[ClaimWork], pairs: list[tuple[int, int]]) -> list[float | None]:
        if self.vector_index is None:
            return [None] * len(pairs)
        usable = [k for k, (n, _) in enumerate(pairs) if work[n].vector is not None]
        result: list[float | None] = [None] * len(pairs)
        if usable:
            queries = np.stack([work[pairs[k][0]].vector for k in usable])
            found = self.vector_index.similarities(queries, [pairs[k][1] for k in usable])
            for k, value in zip(usable, found, strict=True):
                result[k] = value
        return result

    def candidates(self, claim: Side, names: list[Name], by_meaning: list[int] | None = None) -> list[int]:
        return list(dict.fromkeys(sum(self.candidate_sources(claim, names, by_meaning).values(), [])))

    def candidate_sources(self, claim: Side, names: list[Name], by_meaning: list[int] | None = None
                          ) -> dict[str, list[int]]:
        """The candidates each index found: 'numbers', 'words', 'meaning'."""
        by_value = self.quantity_index.candidates(claim.amounts)
        ranked = sorted(by_value, key=lambda i: -by_value[i])[:TEXT_CANDIDATES]
        by_text = self.text_index.candidates(claim.text, search_terms(names), TEXT_CANDIDATES)
        return {"numbers": ranked, "words": by_text, "meaning": list(by_meaning or [])}

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
                    "confidence": s.verdict.confidence,
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
            self._load_dates({row.document_id for row in rows})
            for passage_id, document_id, start, end, passage_text in rows:
                amounts = amounts_of(passage_text, quantities[passage_id], start)
                side = Side(passage_text, amounts, self.published[document_id])
                processed = utils.default_process(passage_text)
                self.passages[passage_id] = PassageRow(
                    passage_id, document_id, start, end, side, processed
                )

    def _load_rates(self, document_ids: set[int]) -> None:
        """The rates of each claim document's date (exchange.rate_for), once per run."""
        missing = [i for i in document_ids if i not in self.rates]
        if missing:
            query = select(Document.id, Document.published, Document.text).where(col(Document.id).in_(missing))
            for document_id, published, text in self.session.exec(query):
                self.rates[document_id] = rate_for(published, text)

    def _load_dates(self, document_ids: set[int]) -> None:
        missing = [i for i in document_ids if i not in self.published]
        if missing:
            query = select(Document.id, Document.published).where(col(Document.id).in_(missing))
            self.published.update(dict(self.session.exec(query).all()))


def claim_side(text: str, quantities: list[QuantityMatch], start: int) -> Side:
    """A claim ready to judge: its figures, the key one (the label's) marked."""
    amounts = amounts_of(text, quantities, start)
    key = None
    if quantities:
        key = amounts[quantities.index(key_quantity(quantities))]
    return Side(text, amounts, key=key)


def _quantities(session: Session, owner, ids: Iterable[int]) -> dict[int, list[QuantityMatch]]:
    result: dict[int, list[QuantityMatch]] = defaultdict(list)
    ids = list(ids)
    columns = (owner, *(getattr(Quantity, name) for name in QUANTITY_FIELDS))
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
    quantities = _quantities(session, Quantity.claim_id, [row.id for row in rows])
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
