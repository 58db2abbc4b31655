"""Candidate retrieval: the few passages worth scoring for a claim, found through indexes
instead of a scan of every passage.

- The quantity index: Quantity rows of passages by (kind, unit, value), served by the
  ix_quantity_kind_value index of the database.
- The text index: on SQLite an FTS5 table with the trigram tokenizer (Chinese has no spaces
  to split words on; trigrams need none); on PostgreSQL pg_trgm's GIN index behind ILIKE.
  Both are created and kept in sync by migration 0002.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from sqlalchemy import text
from sqlmodel import Session

from factcheck.text.extract.scoring import Amount, tolerance_for

CROWDED = 200  # a value shared by more passages than this tells nothing on its own
TEXT_TERMS = 8  # trigrams per claim sent to the text index, the rarest first
SPREAD_TERMS = 40  # on PostgreSQL, trigrams spread over the claim
POSTINGS_KEPT = 50_000  # posting lists cached per run, a bound on memory
RARE_SHARE, RARE_FLOOR = 0.002, 50  # a trigram in more passages than this is too common to send


_FTS_QUERY = "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?"
_BY_VALUE = text(
    "SELECT passage_id FROM quantity WHERE kind = :kind AND unit = :unit "
    "AND value BETWEEN :low AND :high AND passage_id IS NOT NULL LIMIT :limit"
)
_BY_COUNT = text(
    "SELECT passage_id FROM quantity WHERE kind = 'count' "
    "AND value BETWEEN :low AND :high AND passage_id IS NOT NULL LIMIT :limit"
)
_BY_DATE = text(
    "SELECT passage_id FROM quantity WHERE kind = 'date' AND iso = :iso "
    "AND passage_id IS NOT NULL LIMIT :limit"
)


class QuantityIndex:
    """Passages stating a value, looked up once per distinct value in a run."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._found: dict[tuple, list[int]] = {}

    def candidates(self, amounts: Iterable[Amount]) -> dict[int, int]:
        """Passage id -> how many of the claim's values it states too."""
        hits: dict[int, int] = {}
        for amount in amounts:
            for passage_id in self._passages(amount):
                hits[passage_id] = hits.get(passage_id, 0) + 1
        return hits

    def _passages(self, amount: Amount) -> list[int]:
        key = (amount.kind, amount.unit, amount.value, amount.iso)
        if key not in self._found:
            self._found[key] = self._lookup(amount)
        return self._found[key]

    def _lookup(self, amount: Amount) -> list[int]:
        if amount.kind == "date":
            if not amount.iso or len(amount.iso) < 7:
                return []
            query, params = _BY_DATE, {"iso": amount.iso}
        elif amount.value is not None:
            tolerance = tolerance_for(amount)
            low, high = sorted((amount.value * (1 - tolerance), amount.value * (1 + tolerance)))
            params = {"kind": amount.kind, "unit": amount.unit, "low": low, "high": high}
            query = _BY_COUNT if amount.kind == "count" else _BY_VALUE
        else:
            return []
        found = list(
            dict.fromkeys(self.session.execute(query, {**params, "limit": CROWDED + 1}).scalars())
        )
        return [] if len(found) > CROWDED else found


def trigrams(value: str) -> list[str]:
    """Distinct three-character windows without spaces, lowercased as FTS5 folds them."""
    lowered = value.lower()
    seen: dict[str, None] = {}
    for i in range(len(lowered) - 2):
        gram = lowered[i : i + 3]
        if not any(ch.isspace() for ch in gram):
            seen[gram] = None
    return list(seen)


class TextIndex:
    """Passages sharing the claim's rarest trigrams and names, best first.

    On SQLite the trigram document counts come from the FTS5 vocabulary, read once per run;
    only trigrams held by few passages are sent to the index, so each query touches few rows.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self._frequency: dict[tuple[str, ...], int] = {}
        self._count: int | None = None
        self._vocabulary: dict[str, int] | None = None
        self._posting_cache: dict[str, list[int]] = {}

    @property
    def count(self) -> int:
        if self._count is None:
            query = text("SELECT count(*) FROM passage WHERE NOT retired")
            self._count = int(self.session.execute(query).scalar_one())
        return self._count

    def rarity(self, forms: tuple[str, ...]) -> float:
        """1 for a name no passage has or only one does, towards 0 as it gets common."""
        searchable = tuple(f for f in forms if len(f) >= 3)
        if not searchable or self.count < 2:
            return 0.5
        if searchable not in self._frequency:
            self._frequency[searchable] = self._how_many(list(searchable))
        found = self._frequency[searchable]
        if found <= 1:
            return 1.0
        return max(0.0, math.log(self.count / found) / math.log(self.count))

    def candidates(self, claim_text: str, names: list[str], limit: int) -> list[int]:
        grams = trigrams(claim_text)
        names = [n for n in names if len(n) >= 3]
        if self.sqlite:
            # a phrase costs as much as its commonest trigram: send each name as its rarest one
            named = [self._rarest(trigrams(name))[:1] for name in names]
            terms = list(dict.fromkeys([g for found in named for g in found] + self._rarest(grams)))
            return self._fts(terms, limit) if terms else []
        # no vocabulary to pick the rarest trigrams from: take many, spread over the claim,
        # and let the count of matches rank the passages
        terms = list(dict.fromkeys(names + _spread(grams, SPREAD_TERMS)))
        return self._ilike(terms, limit) if terms else []

    def _vocabulary_counts(self) -> dict[str, int]:
        if self._vocabulary is None:
            rows = self.session.execute(text("SELECT term, doc FROM passage_fts_terms"))
            self._vocabulary = dict(rows.all())
        return self._vocabulary

    def _rarest(self, grams: list[str]) -> list[str]:
        counts = self._vocabulary_counts()
        crowded = self._crowded()
        present = [g for g in grams if 0 < counts.get(g, 0) <= crowded]
        present.sort(key=lambda g: counts[g])
        return present[:TEXT_TERMS]

    def _crowded(self) -> int:
        return max(RARE_FLOOR, int(self.count * RARE_SHARE))

    def _how_many(self, terms: list[str]) -> int:
        if self.sqlite:
            # a name is at most as common as its rarest trigram: close enough, and no scan
            counts = self._vocabulary_counts()
            return max(min((counts.get(g, 0) for g in trigrams(t)), default=0) for t in terms)
        patterns = ["%" + _escape_like(term) + "%" for term in terms]
        query = text("SELECT count(*) FROM passage WHERE NOT retired AND text ILIKE ANY(:patterns)")
        return int(self.session.execute(query, {"patterns": patterns}).scalar_one())

    def _fts(self, terms: list[str], limit: int) -> list[int]:
        """Passages ranked by the summed rarity of the terms they hold. Each term's posting
        list is fetched once per run: terms are rare by choice, so the lists are short."""
        counts = self._vocabulary_counts()
        weights: dict[int, float] = {}
        for term in terms:
            weight = math.log(1 + self.count / max(1, counts.get(term, 1)))
            for passage_id in self._postings(term):
                weights[passage_id] = weights.get(passage_id, 0.0) + weight
        return sorted(weights, key=lambda i: (-weights[i], i))[:limit]

    def _postings(self, term: str) -> list[int]:
        found = self._posting_cache.get(term)
        if found is None:
            if len(self._posting_cache) > POSTINGS_KEPT:
                self._posting_cache.clear()
            # the raw cursor: this runs for every new term, and the statement layer costs
            # more than SQLite does here
            cursor = self.session.connection().connection.cursor()
            try:
                rows = cursor.execute(_FTS_QUERY, (_fts_expression([term]),)).fetchall()
            finally:
                cursor.close()
            found = self._posting_cache[term] = [row[0] for row in rows]
        return found

    def _ilike(self, terms: list[str], limit: int) -> list[int]:
        patterns = ["%" + _escape_like(term) + "%" for term in terms]
        matched = " + ".join(
            f"(CASE WHEN text ILIKE :p{i} THEN 1 ELSE 0 END)" for i in range(len(patterns))
        )
        params = {f"p{i}": pattern for i, pattern in enumerate(patterns)}
        rows = self.session.execute(
            text(
                f"SELECT id FROM passage WHERE NOT retired AND text ILIKE ANY(:patterns) "
                f"ORDER BY {matched} DESC, id LIMIT :limit"
            ),
            {"patterns": patterns, "limit": limit, **params},
        )
        return [row[0] for row in rows]


def _spread(items: list[str], count: int) -> list[str]:
    """`count` items evenly spaced from first to last (all of them when there are fewer)."""
    if len(items) <= count:
        return items
    last = len(items) - 1
    return [items[round(i * last / (count - 1))] for i in range(count)]


def _fts_expression(terms: list[str]) -> str:
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
