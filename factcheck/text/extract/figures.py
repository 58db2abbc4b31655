"""Figures ready to compare: what a number measures, the interval its written form stands
for, whether it is too common to identify anything, and how two of them compare.

Precision comes from the way a number is written: "$2.2 billion" is a rounded figure that
covers 2.15-2.25 billion, "2,213 million" covers 2,212.5-2,213.5 million. Trailing zeros
of a whole number are taken as rounding, to two significant digits ("1000亿" covers
950-1050亿, "$100 billion" 95-105 billion); 约/about widen the interval, 超过/more than and
不到/under turn it into a bound. Pure logic, no database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.text.extract.claims import figure_noun
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.subjects import clause_subject, direction_of, subject_of

# Numbers restated in another unit or language agree to rounding; 938 is not 943. An
# approximate one (约, nearly) may be a few percent off. (Grouping and retrieval use these.)
TOLERANCE, LOOSE_TOLERANCE = 0.002, 0.05
APPROXIMATE_SPREAD = 0.05  # 约/about: at least ±5%
BOUND_REACH = 0.25  # "more than 2 billion" still agrees with 2.4 billion, not with 5 billion

# What a qualifier does to the interval of the number after it, one record per meaning.
QUALIFIER_MEANINGS: dict[str, tuple[str, ...]] = {
    "approximate": ("约合", "大约", "约", "大概", "数", "几", "上", "左右", "about", "around",
                    "approximately", "roughly", "close to", "an estimated", "some",
                    "plus or minus"),
    "nearly": ("将近", "接近", "近", "nearly", "almost", "just under"),
    "at least": ("超过", "超", "逾", "至少", "最少", "不少于", "不低于", "多", "余", "more than",
                 "over", "at least", "just over"),
    "at most": ("最多", "不到", "不足", "少于", "低于", "不超过", "不超", "不高于", "不多于",
                "at most", "up to", "less than", "fewer than", "under"),
}
_MEANING_OF = {word: meaning for meaning, words in QUALIFIER_MEANINGS.items() for word in words}
LOOSE = frozenset(QUALIFIER_MEANINGS["approximate"] + QUALIFIER_MEANINGS["nearly"])

# Figures so common that sharing one says nothing about the subject: half, double, 2x,
# 50%, 100%, a handful, a bare year. They count only when the subject is shown the same.
GENERIC_PERCENTS = frozenset([5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, 150, 200, 300])
GENERIC_POINTS = frozenset([0.25, 0.5, 1])
SMALL_COUNT = 12
_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


@dataclass(slots=True)
class Amount:
    """A quantity with what it measures, ready to compare. The subject, noun and direction
    are read from the surrounding words only when a comparison needs them: most never do."""

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
    _meaning: tuple[str | None, int, str | None, str | None] | None = None
    _interval: Interval | None = None  # worked out once: a passage meets many claims
    _generic: bool | None = None

    @property
    def subject(self) -> str | None:
        """The subject keyword near it (speed, price, valuation, ...), see subjects.py."""
        return self._read()[0]

    @property
    def direction(self) -> int:
        """+1 increase, -1 decrease, 0 unknown."""
        return self._read()[1]

    @property
    def noun(self) -> str | None:
        """The label noun near it (budget, revenue, audio response), see claims.py."""
        return self._read()[2]

    @property
    def own_subject(self) -> str | None:
        """The subject keyword of its own clause: firm enough to tell two figures apart."""
        return self._read()[3]

    def _read(self) -> tuple[str | None, int, str | None, str | None]:
        if self._meaning is None:
            start, end = self.at
            self._meaning = (
                subject_of(self.context, start, end),
                direction_of(self.context, start, end),
                figure_noun(self.context, start, end),
                clause_subject(self.context, start, end),
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


def amounts_of(text: str, quantities: list[QuantityMatch], offset: int = 0) -> list[Amount]:
    """`quantities` with offsets into a document; `offset` is where `text` starts in it."""
    return [
        Amount(q.kind, q.value, q.unit, q.display, q.text, q.iso, q.high, q.qualifier, text,
               (q.start - offset, q.end - offset))
        for q in quantities
    ]


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float

    def holds(self, value: float) -> bool:
        return self.low <= value <= self.high

    def meets(self, other: Interval) -> bool:
        """Overlapping, not merely touching: $2.2B (2.15-2.25) is not $2.3B (2.25-2.35)."""
        return self.low < other.high and other.low < self.high


def qualifier_meaning(amount: Amount) -> str | None:
    return _MEANING_OF.get((amount.qualifier or "").lower())


def written_interval(amount: Amount) -> Interval:
    """The values the figure stands for, as written (see the module's docstring)."""
    if amount._interval is None:
        amount._interval = _interval(amount)
    return amount._interval


def _interval(amount: Amount) -> Interval:
    assert amount.value is not None
    value, high = amount.value, amount.high if amount.high is not None else amount.value
    half = _half_step(amount)
    meaning = qualifier_meaning(amount)
    if meaning == "approximate":
        half = max(2 * half, APPROXIMATE_SPREAD * abs(value))
    low_end, high_end = value - half, high + half
    if meaning == "nearly":
        return Interval(value * (1 - APPROXIMATE_SPREAD) - half, high + half)
    if meaning == "at least":
        return Interval(low_end, high * (1 + BOUND_REACH) + half)
    if meaning == "at most":
        return Interval(value * (1 - BOUND_REACH) - half, high_end)
    return Interval(low_end, high_end)


def _half_step(amount: Amount) -> float:
    """Half the step of the last digit written, in canonical units: the rounding."""
    assert amount.value is not None
    found = _NUMBER.search(amount.text)
    fallback = TOLERANCE * abs(amount.value)
    if found is None:  # written in words or Chinese numerals: as exact as they come
        return fallback
    digits = found[0].replace(",", "")
    whole, _, decimals = digits.partition(".")
    written = float(digits)
    if not written:
        return fallback
    if decimals:
        step = 10.0 ** -len(decimals)
    else:
        zeros = len(whole) - len(whole.rstrip("0"))
        step = 10.0 ** max(0, min(zeros, len(whole) - 2))
    scale = abs(amount.value) / written
    return max(step * scale / 2, fallback / 2)


def is_generic(amount: Amount) -> bool:
    """A figure too common to tell subjects apart (see GENERIC_*)."""
    if amount._generic is None:
        amount._generic = _generic(amount)
    return amount._generic


def _generic(amount: Amount) -> bool:
    value = None if amount.value is None else float(amount.value)
    if amount.kind == "date":
        return bool(amount.iso) and len(amount.iso or "") == 4  # a bare year
    if value is None:
        return True
    if amount.kind == "ratio":
        return value <= 10 and (2 * value).is_integer() or value in (1 / 3, 0.25)
    if amount.kind == "percent":
        points = GENERIC_POINTS if amount.unit == "pp" else GENERIC_PERCENTS
        return round(value, 2) in points or round(value, 2) in (33.33, 66.67, 12.5)
    if amount.kind == "count":
        year = value.is_integer() and 1900 <= value <= 2100 and amount.text.strip().isdigit()
        return value < SMALL_COUNT or year
    return False


# The later currency conversion plugs in here: (from unit, to unit) -> factor, or None.
Rate = Callable[[str, str], float | None]

# Canonical measure units (units.py) that measure the same dimension: how many of the first
# make one of the second.
UNIT_STEPS: dict[tuple[str, str], float] = {
    ("m", "km"): 1_000, ("kg", "t"): 1_000, ("m2", "km2"): 1e6, ("m2", "ha"): 1e4,
    ("ha", "km2"): 100, ("GB", "TB"): 1_000, ("TB", "PB"): 1_000, ("GB", "PB"): 1e6,
    ("L", "m3"): 1_000,
}


def unit_factor(source: str, target: str) -> float | None:
    """The factor turning a value in `source` units into `target` units, if they measure
    the same dimension."""
    if source == target:
        return 1.0
    if (source, target) in UNIT_STEPS:
        return 1 / UNIT_STEPS[source, target]
    if (target, source) in UNIT_STEPS:
        return UNIT_STEPS[target, source]
    return None


@dataclass(slots=True)
class Comparison:
    """How a figure of the claim stands against one of the source."""

    claim: Amount
    source: Amount
    agrees: bool
    reason: str
    exact: bool = False  # equal to rounding, not merely within the precision written


def compare(claim: Amount, source: Amount, rate: Rate | None = None) -> Comparison | None:
    """The two figures compared within their written precision, or None when they do not
    measure the same kind of thing (other kinds, or money in other currencies without a
    rate). Subjects are the caller's business."""
    if claim.kind == "date" or source.kind == "date":
        if claim.kind == source.kind and claim.iso and source.iso and _comparable_dates(claim.iso, source.iso):
            same = same_date(claim.iso, source.iso)
            return Comparison(claim, source, same, f"{'same date' if same else 'other date'} "
                              f"{claim.iso} vs {source.iso}", same)
        return None
    if claim.value is None or source.value is None:
        return None
    if claim.kind == source.kind and comparable_units(claim, source):
        return _by_value(claim, source, 1.0)
    if claim.kind == source.kind == "measure":
        factor = unit_factor(source.unit, claim.unit)
        return None if factor is None else _by_value(claim, source, factor)
    if claim.kind == source.kind == "money" and rate is not None:
        factor = rate(source.unit, claim.unit)
        if factor is None:
            return None
        return _by_value(claim, source, factor, _rate_shown(factor, claim.unit, source.unit))
    if {claim.kind, source.kind} <= {"ratio", "percent"}:
        ours, theirs = claim.multiplier, source.multiplier
        if ours is None or theirs is None:
            return None
        agrees = _close(ours, theirs, TOLERANCE)
        return Comparison(claim, source, agrees, f"{_factor(claim)} vs {_factor(source)}"
                          + ("" if agrees else f", differs by {abs(ours - theirs):g}x"), agrees)
    return None


def _rate_shown(factor: float, unit: str, other: str) -> str:
    """The rate the larger way round, as it is quoted: 7.227 CNY/USD rather than 0.1384 USD/CNY."""
    return f" at {factor:.4g} {unit}/{other}" if factor >= 1 else f" at {1 / factor:.4g} {other}/{unit}"


def _by_value(claim: Amount, source: Amount, factor: float, via: str = "") -> Comparison:
    ours, theirs = written_interval(claim), written_interval(source)
    theirs = Interval(theirs.low * factor, theirs.high * factor)
    agrees = ours.meets(theirs)
    value, other = claim.value or 0.0, (source.value or 0.0) * factor
    exact = agrees and _close(value, other, TOLERANCE)
    reason = f"{claim.display} vs {source.display}{via}"
    if not agrees:
        reason += ", " + difference(value, other, claim.kind)
    elif not exact:
        reason += f", within the precision written ({claim.text} ~ {source.text})"
    return Comparison(claim, source, agrees, reason, exact)


def difference(ours: float, theirs: float, kind: str) -> str:
    """'+9.1%' (the claim's value against the source's), '+2 points' for percentages."""
    if kind == "percent":
        return f"{ours - theirs:+.3g} points"
    if not theirs:
        return f"{ours - theirs:+.4g}"
    return f"{(ours - theirs) / abs(theirs):+.1%}"


def _factor(amount: Amount) -> str:
    multiplier = amount.multiplier or 0.0
    if amount.kind == "percent":
        change = "increase" if amount.direction > 0 else "decrease"
        return f"{amount.text} (a {amount.value:g}% {change} = {multiplier:g}x)"
    return f"{amount.text} ({multiplier:g}x)"


def same_amount(a: Amount, b: Amount) -> bool:
    """Equal to rounding (a tighter test than the written precision: grouping and the
    quantity index use it)."""
    if a.kind == "date" or b.kind == "date":
        return a.kind == b.kind and same_date(a.iso, b.iso)
    if a.value is None or b.value is None:
        return False
    if a.kind == b.kind and comparable_units(a, b):
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
    return LOOSE_TOLERANCE if amount.qualifier in LOOSE else TOLERANCE


def comparable_units(a: Amount, b: Amount) -> bool:
    # counts name their noun in the text's own language (条, posts): only the number matters
    return a.kind == "count" or a.unit == b.unit


def _close(x: float, y: float, tolerance: float) -> bool:
    return abs(x - y) <= tolerance * max(abs(x), abs(y), 1e-12)


def same_date(x: str | None, y: str | None) -> bool:
    if not x or not y:
        return False
    if x.startswith("--") or y.startswith("--"):  # no year: month and day must both agree
        x_day, y_day = _month_day(x), _month_day(y)
        return len(x_day) == 5 and x_day == y_day
    return x == y


def _comparable_dates(x: str, y: str) -> bool:
    """Two full days (or two month-days): dates of other precision neither agree nor clash."""
    return (len(x) == len(y) == 10) or (x.startswith("--") and len(y) >= 7) or (y.startswith("--") and len(x) >= 7)


def _month_day(iso: str) -> str:
    return iso[2:] if iso.startswith("--") else iso[5:]

