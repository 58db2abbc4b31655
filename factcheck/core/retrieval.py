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

from sqlalchemy import bindparam, text
from sqlmodel import Session, col, select

from factcheck.core.models import Quantity
from factcheck.core.scoring import Amount

CROWDED = 200  # a value shared by more passages than this tells nothing on its own
TEXT_TERMS = 8  # trigrams per claim sent to the text index, the rarest first
_TOLERANCE = 0.01


def quantity_candidates(session: Session, amounts: Iterable[Amount]) -> dict[int, int]:
    """Passage id -> how many of the claim's values it states too."""
    hits: dict[int, int] = {}
    for amount in amounts:
        query = select(Quantity.passage_id).where(col(Quantity.passage_id).is_not(None))
        if amount.kind == "date":
            if not amount.iso or len(amount.iso) < 7:
                continue
            query = query.where(Quantity.kind == "date", Quantity.iso == amount.iso)
        elif amount.value is not None:
            low, high = sorted((amount.value * (1 - _TOLERANCE), amount.value * (1 + _TOLERANCE)))
            query = query.where(
                Quantity.kind == amount.kind,
                col(Quantity.value).between(low, high),
            )
            if amount.kind != "count":
                query = query.where(Quantity.unit == amount.unit)
        else:
            continue
        found = set(session.exec(query.limit(CROWDED + 1)))
        if len(found) > CROWDED:
            continue
        for passage_id in found:
            hits[passage_id] = hits.get(passage_id, 0) + 1
    return hits


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
    """Passages sharing the claim's rarest trigrams and names, best first."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self._frequency: dict[tuple[str, ...], int] = {}
        self._count: int | None = None

    def rarity(self, forms: tuple[str, ...]) -> float:
        """1 for a name no passage has or only one does, towards 0 as it gets common."""
        if self._count is None:
            query = text("SELECT count(*) FROM passage WHERE NOT retired")
            self._count = int(self.session.execute(query).scalar_one())
        searchable = tuple(f for f in forms if len(f) >= 3)
        if not searchable or self._count < 2:
            return 0.5
        if searchable not in self._frequency:
            self._frequency[searchable] = self._how_many(list(searchable))
        found = self._frequency[searchable]
        return (
            1.0 if found <= 1 else max(0.0, math.log(self._count / found) / math.log(self._count))
        )

    def _how_many(self, terms: list[str]) -> int:
        if self.sqlite:
            query = text("SELECT count(*) FROM passage_fts WHERE passage_fts MATCH :expression")
            return int(
                self.session.execute(query, {"expression": _fts_expression(terms)}).scalar_one()
            )
        patterns = ["%" + _escape_like(term) + "%" for term in terms]
        query = text("SELECT count(*) FROM passage WHERE NOT retired AND text ILIKE ANY(:patterns)")
        return int(self.session.execute(query, {"patterns": patterns}).scalar_one())

    def candidates(self, claim_text: str, names: list[str], limit: int) -> list[int]:
        grams = trigrams(claim_text)
        if self.sqlite:
            terms = [n for n in names if len(n) >= 3] + self._rarest(grams)
            return self._fts(terms, limit) if terms else []
        step = max(1, len(grams) // TEXT_TERMS)
        terms = [n for n in names if len(n) >= 3] + grams[::step][:TEXT_TERMS]
        return self._ilike(terms, limit) if terms else []

    def _rarest(self, grams: list[str]) -> list[str]:
        if not grams:
            return []
        query = text("SELECT term, doc FROM passage_fts_terms WHERE term IN :terms").bindparams(
            bindparam("terms", expanding=True)
        )
        counts = dict(self.session.execute(query, {"terms": grams}).all())
        present = [g for g in grams if g in counts]
        present.sort(key=lambda g: counts[g])
        return present[:TEXT_TERMS]

    def _fts(self, terms: list[str], limit: int) -> list[int]:
        expression = _fts_expression(terms)
        rows = self.session.execute(
            text(
                "SELECT passage_fts.rowid FROM passage_fts JOIN passage ON passage.id = passage_fts.rowid "
                "WHERE passage_fts MATCH :expression AND NOT passage.retired "
                "ORDER BY passage_fts.rank LIMIT :limit"
            ),
            {"expression": expression, "limit": limit},
        )
        return [row[0] for row in rows]

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


def _fts_expression(terms: list[str]) -> str:
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
