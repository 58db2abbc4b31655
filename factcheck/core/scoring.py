"""Scoring one claim against one candidate passage: pure logic, no database.

Signals, strongest first: equal normalised quantities (any language or currency form);
a value that disagrees on the same subject (the most useful link of all: a possible
error); shared names; similar wording; dates close to each other or to the source's
publication date. Every point of the score comes with a short reason for the reviewer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from factcheck.core.extraction import QuantityMatch
from factcheck.core.subjects import direction_of, subject_of

# a value that disagrees is worth showing, but a passage agreeing on more values ranks first
EQUAL_WEIGHT, MORE_EQUAL_WEIGHT, MISMATCH_WEIGHT = 0.45, 0.2, 0.25
NAME_WEIGHT, NAME_CAP, TEXT_WEIGHT = 0.25, 0.35, 0.25  # a name's weight scales with its rarity
DATE_WEIGHT, DATE_DAYS = 0.1, 3
NAMES_ENOUGH, DATE_NAME_BONUS = 1.0, 0.4
TEXT_CUTOFF = 60.0  # rapidfuzz score (0-100) below which wording is no signal
MIN_SCORE = 0.15
# Numbers restated in another unit or language agree to rounding; 938 is not 943. An
# approximate one (约, nearly) may be a few percent off.
TOLERANCE, LOOSE_TOLERANCE = 0.002, 0.05
_LOOSE = {"约", "近", "大约", "nearly", "about", "around", "roughly", "approximately", "almost"}


@dataclass(slots=True)
class Amount:
    """A quantity with what it measures, ready to compare. The subject and direction are
    read from the surrounding words only when a comparison needs them: most never do."""

    kind: str
    value: float | None
    unit: str
    display: str
    text: str
    iso: str | None = None
    high: float | None = None
    qualifier: str | None = None
    context: str = ""  # the text the quantity was found in
    at: tuple[int, int] = (0, 0)  # its span in `context`
    _meaning: tuple[str | None, int] | None = None

    @property
    def subject(self) -> str | None:
        return self._read()[0]

    @property
    def direction(self) -> int:
        """+1 increase, -1 decrease, 0 unknown."""
        return self._read()[1]

    def _read(self) -> tuple[str | None, int]:
        if self._meaning is None:
            start, end = self.at
            self._meaning = (
                subject_of(self.context, start, end),
                direction_of(self.context, start, end),
            )
        return self._meaning

    @property
    def multiplier(self) -> float | None:
        """A change as a factor: 'faster by 200%' is 3x, '50% cheaper' is 0.5x, '2x' is 2x."""
        if self.value is None:
            return None
        if self.kind == "ratio":
            return 1 / self.value if self.direction < 0 and self.value > 1 else self.value
        if self.kind == "percent" and self.unit == "%" and self.direction:
            return 1 + self.direction * self.value / 100
        return None


@dataclass(slots=True)
class Side:
    """A claim or a passage: its text, its amounts, its date."""

    text: str
    amounts: list[Amount]
    published: str | None = None


@dataclass(slots=True)
class Verdict:
    score: float
    relation: str  # supports | contradicts | mentions
    reasons: list[str] = field(default_factory=list)


def amounts_of(text: str, quantities: list[QuantityMatch], offset: int = 0) -> list[Amount]:
    """`quantities` with offsets into a document; `offset` is where `text` starts in it."""
    result = []
    for q in quantities:
        start, end = q.start - offset, q.end - offset
        result.append(
            Amount(
                q.kind,
                q.value,
                q.unit,
                q.display,
                q.text,
                q.iso,
                q.high,
                q.qualifier,
                text,
                (start, end),
            )
        )
    return result


def score_pair(
    claim: Side, passage: Side, text_score: float, names: list[tuple[str, float]]
) -> Verdict | None:
    """The claim against one passage, or None when nothing connects them. `names` are the
    claim's names found in the passage, each with its rarity (0-1)."""
    reasons: list[str] = []
    equal = _equal_pairs(claim.amounts, passage.amounts)
    # an approximate value (roughly, 约) is weaker evidence, for or against
    strength = sum(_certainty(a, b) for a, b in equal if a.kind != "date")
    score = 0.0
    if strength:
        score += EQUAL_WEIGHT * min(1.0, strength) + MORE_EQUAL_WEIGHT * max(0.0, strength - 1)
    reasons += [_same_reason(a, b) for a, b in equal]
    explained = {id(a) for a, _ in equal}
    found = [
        (reason, certainty)
        for a in claim.amounts
        if id(a) not in explained
        for reason, certainty in _mismatches(a, passage.amounts)
    ][:2]
    mismatches = [reason for reason, _ in found]
    if found:
        score += MISMATCH_WEIGHT * max(certainty for _, certainty in found)
        reasons += mismatches
    rarity = sum(r for _, r in names)
    if names:
        score += min(NAME_CAP, NAME_WEIGHT * rarity)
        reasons.append("names: " + ", ".join(name for name, _ in names[:4]))
    worded = text_score >= TEXT_CUTOFF
    if worded:
        score += TEXT_WEIGHT * text_score / 100
        reasons.append(f"wording {text_score:.0f}%")
    close = _date_reason(claim, passage, equal)
    if close:
        score += DATE_WEIGHT
        reasons.append(close)
    # names alone connect too much (every passage names the company): they count when rare,
    # or together with a date close to the source's
    named = rarity + (DATE_NAME_BONUS if close else 0.0) >= NAMES_ENOUGH
    if score < MIN_SCORE or not (equal or mismatches or worded or named):
        return None
    relation = "contradicts" if mismatches else "supports" if equal else "mentions"
    return Verdict(round(min(score, 1.0), 4), relation, reasons)


def same_amount(a: Amount, b: Amount) -> bool:
    if a.kind == "date" or b.kind == "date":
        return a.kind == b.kind and _same_date(a.iso, b.iso)
    if a.value is None or b.value is None:
        return False
    if a.kind == b.kind and _comparable_units(a, b):
        tolerance = max(tolerance_for(a), tolerance_for(b))
        if a.high is not None and a.value <= b.value <= a.high:
            return True
        if b.high is not None and b.value <= a.value <= b.high:
            return True
        return _close(a.value, b.value, tolerance)
    if {a.kind, b.kind} == {"ratio", "percent"} and a.subject and a.subject == b.subject:
        ma, mb = a.multiplier, b.multiplier
        return ma is not None and mb is not None and _close(ma, mb, TOLERANCE)
    return False


def tolerance_for(amount: Amount) -> float:
    return LOOSE_TOLERANCE if amount.qualifier in _LOOSE else TOLERANCE


def _equal_pairs(claim: list[Amount], passage: list[Amount]) -> list[tuple[Amount, Amount]]:
    """Each claim value with an equal source value; a source value answers one claim value."""
    pairs, used = [], set()
    for a in claim:
        match = next((b for b in passage if id(b) not in used and same_amount(a, b)), None)
        if match is not None:
            pairs.append((a, match))
            used.add(id(match))
    return pairs


def _certainty(a: Amount, b: Amount) -> float:
    return 0.5 if a.qualifier in _LOOSE or b.qualifier in _LOOSE else 1.0


def _mismatches(a: Amount, passage: list[Amount]) -> list[tuple[str, float]]:
    """Values on the same subject that disagree with `a`, each with both values shown."""
    if a.subject is None or a.value is None:
        return []
    found = []
    for b in passage:
        if b.subject != a.subject or b.value is None or same_amount(a, b):
            continue
        if a.kind == b.kind and _comparable_units(a, b) and a.kind != "date":
            reason = (
                f"mismatch on {a.subject}: claim {a.text} ({a.display}) vs source {b.text} "
                f"({b.display}): {_difference(a, b)}"
            )
        elif {a.kind, b.kind} <= {"ratio", "percent"} and a.multiplier and b.multiplier:
            reason = (
                f"mismatch on {a.subject}: claim {a.text} ({_factor(a)}) vs source {b.text} "
                f"({_factor(b)}): differs by {abs(a.multiplier - b.multiplier):g}x"
            )
        else:
            continue
        if b.qualifier in _LOOSE:
            reason += f" (source says {b.qualifier})"
        found.append((reason, _certainty(a, b)))
    return found


def _factor(a: Amount) -> str:
    multiplier = a.multiplier or 0.0
    if a.kind == "percent":
        change = "increase" if a.direction > 0 else "decrease"
        return f"a {a.value:g}% {change} = {multiplier:g}x"
    return f"{multiplier:g}x"


def _difference(a: Amount, b: Amount) -> str:
    assert a.value is not None and b.value is not None
    gap = a.value - b.value
    if a.kind == "percent":
        return f"differs by {abs(gap):g} points"
    base = max(abs(a.value), abs(b.value))
    share = f", {abs(gap) / base:.0%}" if base else ""
    if a.kind == "ratio":
        return f"differs by {abs(gap):g}x"
    return f"differs by {abs(gap):.4g} {a.unit}{share}"


def _same_reason(a: Amount, b: Amount) -> str:
    if a.kind == "date":
        return f"same date {a.iso}: {a.text} ~ {b.text}"
    if a.kind != b.kind:
        return f"same {a.subject}: {a.text} ({_factor(a)}) ~ {b.text} ({_factor(b)})"
    return f"same {a.kind} {a.display}: {a.text} ~ {b.text}"


def _date_reason(claim: Side, passage: Side, equal: list[tuple[Amount, Amount]]) -> str | None:
    if any(a.kind == "date" for a, _ in equal) or not passage.published:
        return None
    for a in claim.amounts:
        if a.kind == "date" and a.iso:
            days = _days_apart(a.iso, passage.published)
            if days is not None and days <= DATE_DAYS:
                return f"date {a.iso} within {days} days of the source ({passage.published})"
    return None


def _comparable_units(a: Amount, b: Amount) -> bool:
    # counts name their noun in the text's own language (条, posts): only the number matters
    return a.kind == "count" or a.unit == b.unit


def _close(x: float, y: float, tolerance: float) -> bool:
    return abs(x - y) <= tolerance * max(abs(x), abs(y), 1e-12)


def _same_date(x: str | None, y: str | None) -> bool:
    if not x or not y:
        return False
    if x.startswith("--") or y.startswith("--"):  # no year: month and day must both agree
        x_day, y_day = _month_day(x), _month_day(y)
        return len(x_day) == 5 and x_day == y_day
    return x == y


def _month_day(iso: str) -> str:
    return iso[2:] if iso.startswith("--") else iso[5:]


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
