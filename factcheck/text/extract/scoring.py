"""Scoring one claim against one candidate passage: pure logic, no database.

The relation (supports / contradicts / mentions, with its confidence) comes from
relations.judge. The score ranks a claim's candidates: equal figures first (any language
or currency form), then a figure that disagrees on the same subject (the most useful link
of all: a possible error), shared names, close meaning, similar wording, dates close to
each other or to the source's publication date. Every point comes with a short reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from factcheck.text.extract.figures import (  # noqa: F401  (the names other modules take from here)
    LOOSE,
    LOOSE_TOLERANCE,
    TOLERANCE,
    Amount,
    Rate,
    amounts_of,
    is_generic,
    same_amount,
    tolerance_for,
)
from factcheck.text.extract.relations import TEXT_CUTOFF, Evidence, Side, judge  # noqa: F401

# a value that disagrees is worth showing, but a passage agreeing on more values ranks first
EQUAL_WEIGHT, MORE_EQUAL_WEIGHT, MISMATCH_WEIGHT = 0.45, 0.2, 0.3
NAME_WEIGHT, NAME_CAP, TEXT_WEIGHT = 0.25, 0.35, 0.25  # a name's weight scales with its rarity
MEANING_WEIGHT, MEANING_FLOOR = 0.5, 0.3  # cosine above the floor adds, scaled
DATE_WEIGHT, DATE_DAYS = 0.1, 3
MIN_SCORE = 0.15
KNEE = 0.9  # scores above this are bent towards 1 (see ScoreParts.total)
GENERIC_SHARE = 0.4  # a generic figure's part of an equal figure's weight


@dataclass(slots=True)
class Verdict:
    score: float
    relation: str  # supports | contradicts | mentions
    reasons: list[str] = field(default_factory=list)
    confidence: float = 0.0  # how sure the relation is, 0-1
    rank: float = 0.0  # the score before it is capped at 1: orders a claim's strong candidates


@dataclass(slots=True)
class ScoreParts:
    """The score's parts, as `factcheck link --explain` shows them."""

    figures: float = 0.0
    names: float = 0.0
    meaning: float = 0.0
    wording: float = 0.0
    date: float = 0.0

    @property
    def raw(self) -> float:
        return self.figures + self.names + self.meaning + self.wording + self.date

    @property
    def total(self) -> float:
        """The parts' sum, bent below 1 above KNEE so that strong candidates keep their
        order instead of all reading 1.0."""
        raw = self.raw
        if raw <= KNEE:
            return round(raw, 4)
        return round(KNEE + (1 - KNEE) * (1 - math.exp(-(raw - KNEE) / (1 - KNEE) / 3)), 4)


def score_parts(
    claim: Side,
    passage: Side,
    text_score: float,
    names: list[tuple[str, float]],
    similarity: float | None = None,
    rate: Rate | None = None,
    *,
    other_names: bool = False,
) -> tuple[Verdict, ScoreParts] | None:
    """The claim against one passage, with the parts of the score, or None when nothing
    connects them. `names` are the claim's names found in the passage, each with its rarity
    (0-1); `similarity` the cosine of their vectors, None when there are none;
    `other_names`: the passage names others and none of the claim's."""
    evidence = Evidence(similarity, names, text_score, _date_reason(claim, passage), other_names)
    relation = judge(claim, passage, evidence, rate)
    if relation is None:
        return None
    parts = ScoreParts()
    strength = sum(_weight(c.claim, c.source) for c in relation.agreeing if c.claim.kind != "date")
    if strength:
        parts.figures += EQUAL_WEIGHT * min(1.0, strength) + MORE_EQUAL_WEIGHT * max(0.0, strength - 1)
    if relation.clashing:
        parts.figures += MISMATCH_WEIGHT * max(_weight(c.claim, c.source) for c in relation.clashing)
    reasons = list(relation.reasons)
    if names:
        parts.names = min(NAME_CAP, NAME_WEIGHT * evidence.rarity)
        reasons.append("names: " + ", ".join(name for name, _ in names[:4]))
    if similarity is not None and similarity > MEANING_FLOOR:
        parts.meaning = MEANING_WEIGHT * (similarity - MEANING_FLOOR)
        if evidence.close:
            reasons.append(f"meaning {similarity:.2f}")
    if evidence.worded:
        parts.wording = TEXT_WEIGHT * text_score / 100
        reasons.append(f"wording {text_score:.0f}%")
    if evidence.near_date and not any(c.claim.kind == "date" for c in relation.agreeing):
        parts.date = DATE_WEIGHT
        reasons.append(evidence.near_date)
    if parts.total < MIN_SCORE:
        return None
    verdict = Verdict(parts.total, relation.relation, reasons, relation.confidence, round(parts.raw, 4))
    return verdict, parts


def score_pair(*args, **kwargs) -> Verdict | None:
    """score_parts' verdict alone (the same arguments)."""
    found = score_parts(*args, **kwargs)
    return None if found is None else found[0]


def _weight(a: Amount, b: Amount) -> float:
    """An approximate value (roughly, 约) is weaker evidence, for or against; a generic one
    weaker still."""
    weight = 0.5 if a.qualifier in LOOSE or b.qualifier in LOOSE else 1.0
    return weight * (GENERIC_SHARE if is_generic(a) else 1.0)


def _date_reason(claim: Side, passage: Side) -> str | None:
    if not passage.published:
        return None
    for a in claim.amounts:
        if a.kind == "date" and a.iso:
            days = _days_apart(a.iso, passage.published)
            if days is not None and days <= DATE_DAYS:
                return f"date {a.iso} within {days} days of the source ({passage.published})"
    return None


def _days_apart(iso: str, published: str) -> int | None:
    try:
        other = date.fromisoformat(published[:10])
        if iso.startswith("--"):
            month, day = int(iso[2:4]), int(iso[5:7])
            mine = date(other.year, month, day)
        else:
            mine = date.fromisoformat(iso[:10])
    except ValueError:
        return None
    return abs((mine - other).days)
