"""Evidence by hand: passages found by meaning and by words, in any language the encoder
knows, for a reviewer to link to a claim.

A query finds candidates three ways, as the linker does: the sentence encoder's nearest
passages (a Chinese query finds English passages that share no word with it), the trigram
text index (a name, a phrase) and the quantity index (a query stating "1000亿美金" finds
"US$100BN"). Each hit is then scored on all three: the cosine of the vectors, rapidfuzz's
partial ratio of the words and the share of the query's figures the passage states.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, utils
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.errors import UserError
from factcheck.services.retrieval import QuantityIndex, TextIndex
from factcheck.store.models import Document, Passage
from factcheck.store.vectors import VectorIndex
from factcheck.text.encoder import Encoder
from factcheck.text.extract.figures import amounts_of
from factcheck.text.extract.quantities import extract_quantities

SEARCH_LIMIT = 10
MEANING_SHARE = 0.7  # of a hit's score; the words give the rest
FIGURES_BONUS = 0.3  # added for a passage stating every figure of the query
MEANING_FLOOR = 0.2  # cosine below which a vector neighbour is no hit
WORDING_FLOOR = 60.0  # partial ratio below which the words are no match
MAX_QUERY = 2_000


@dataclass(slots=True)
class Hit:
    passage_id: int
    source: str  # the document's path as added
    title: str
    text: str
    score: float
    similarity: float | None  # None without vectors
    wording: float  # 0-100


class PassageSearch:
    """Searches the passages of one database. Holds the vectors once read (the workbench
    keeps one while its search is open)."""

    def __init__(self, engine: Engine, encoder: Encoder | None) -> None:
        self.engine = engine
        self.encoder = encoder
        self._index: VectorIndex | None = None

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[Hit]:
        query = " ".join(query.split())[:MAX_QUERY]
        if not query:
            raise UserError("search: nothing to look for")
        with Session(self.engine) as session:
            meaning = self._by_meaning(session, query, limit * 3)
            words = TextIndex(session).candidates(query, [], limit * 3)
            amounts = [a for a in amounts_of(query, extract_quantities(query)) if a.kind != "date"]
            figures = QuantityIndex(session).candidates(amounts)
            stating = sorted(figures, key=lambda i: (-figures[i], i))[: limit * 3]
            ids = list(dict.fromkeys([*meaning, *words, *stating]))
            meaning.update(self._similarities(query, [i for i in ids if i not in meaning]))
            rows = session.exec(
                select(Passage.id, Passage.text, Document.path, Document.title)
                .join(Document, col(Passage.document_id) == col(Document.id))
                .where(col(Passage.id).in_(ids), col(Passage.retired).is_(False))
            ).all()
        processed = utils.default_process(query)
        hits = []
        for passage_id, body, path, title in rows:
            wording = fuzz.partial_ratio(processed, utils.default_process(body)) if processed else 0.0
            similarity = meaning.get(passage_id)
            score = MEANING_SHARE * max(similarity or 0.0, 0.0) + (1 - MEANING_SHARE) * wording / 100
            if similarity is None and self.encoder is None:
                score = wording / 100
            stated = figures.get(passage_id, 0) / len(amounts) if amounts else 0.0
            if (similarity or 0.0) < MEANING_FLOOR and wording < WORDING_FLOOR and not stated:
                continue  # found by a common trigram, and neither close in meaning nor in words
            score += FIGURES_BONUS * min(1.0, stated)
            hits.append(Hit(passage_id, path, title, body, round(score, 4), similarity, round(wording, 1)))
        hits.sort(key=lambda h: (-h.score, h.passage_id))
        return hits[:limit]

    def _by_meaning(self, session: Session, query: str, k: int) -> dict[int, float]:
        if self.encoder is None:
            return {}
        if self._index is None:
            self._index = VectorIndex(session.connection(), self.encoder.name)
        if not len(self._index):
            return {}
        vector = self.encoder.encode([query])
        (found,) = self._index.nearest(vector, k, MEANING_FLOOR)
        return {n.passage_id: n.similarity for n in found}

    def _similarities(self, query: str, ids: list[int]) -> dict[int, float]:
        """The cosine of the query with passages found by words only."""
        if self.encoder is None or self._index is None or not ids:
            return {}
        queries = np.repeat(self.encoder.encode([query]), len(ids), axis=0)
        found = self._index.similarities(queries, ids)
        return {i: value for i, value in zip(ids, found, strict=True) if value is not None}


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def one_line(text: str, width: int | None = None) -> str:
    """Text from a document, safe on a terminal: whitespace folded, control characters and
    bidirectional overrides shown as code points, cut to `width`."""
    folded = " ".join(text.split())
    shown = _INVISIBLE.sub(lambda m: f"<U+{ord(m[0]):04X}>", folded)
    shown = "".join(ch if unicodedata.category(ch) != "Cc" else f"<U+{ord(ch):04X}>" for ch in shown)
    if width is not None and len(shown) > width:
        return shown[: width - 1] + "…"
    return shown
