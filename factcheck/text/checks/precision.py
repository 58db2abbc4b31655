"""How exactly a number is written, and so what range of true values it allows.

A number written `7100亿` is rounded to its last significant digit: it stands for anything
from 7050亿 to 7150亿 (± half a unit of that digit). `4.2` is ± 0.05. An amount that ends in
two zeros or more (7100亿, 300,000, $100 billion) is taken as rounded to its last digit that
is not zero, but, unless a word says it is approximate (约, about), by no more than 2% of
itself (500亿 is ± 10亿; 约500亿 ± 50亿): a careful report says "about" when it rounds more. One final zero (120亿, 30 cars) is a digit like
any other, as are all the digits of a percentage, a multiple, a duration or an age (200%,
10 years). `近`, `nearly` put the value a little below the number (down to 80% of it). A qualifier widens the range on one side:
`超过30%`, `more than 30%` are at least 29.5%; `不到30%`, `nearly 30%` at most 30.5%. A range
(`10-20`) covers both ends. Every check compares such ranges, never bare numbers, so a
rounded figure is never called wrong for its rounding.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.text.extract.extraction import QuantityMatch

# qualifiers that make a stated value a bound rather than an estimate
AT_LEAST = frozenset(
    ["超过", "超", "逾", "至少", "最少", "不少于", "不低于", "多", "余", "以上", "+", "more than", "over",
     "at least", "just over", "as much as", "as many as"]
)
AT_MOST = frozenset(
    ["不到", "不足", "少于", "低于", "不超过", "不超", "不高于", "不多于", "最多", "以下", "less than",
     "fewer than", "under", "up to", "at most", "just under", "as little as", "as few as"]
)
# close below: "nearly 20 years" is not ten
NEARLY = frozenset(["近", "将近", "接近", "nearly", "almost", "close to"])
NEARLY_DOWN = 0.8
# words that say a figure is rounded on purpose: its rounding is taken in full
APPROXIMATE = frozenset(
    ["约", "约合", "大约", "大概", "左右", "上下", "about", "around", "approximately", "roughly", "some",
     "an estimated"]
)
# a round amount written without such a word is taken as no more than this far off
ROUND_AT_MOST = 0.02
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_TAIL_QUALIFIERS = ("以上", "以下", "左右", "上下", "出头", "+")


@dataclass(frozen=True, slots=True)
class Span:
    """The true values a statement allows: low ≤ value ≤ high (either may be infinite)."""

    low: float
    high: float

    def overlaps(self, other: Span) -> bool:
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: Span) -> float:
        """How far apart two spans are (0 when they overlap)."""
        return max(0.0, self.low - other.high, other.low - self.high)

    def scaled(self, factor: float) -> Span:
        low, high = self.low * factor, self.high * factor
        return Span(min(low, high), max(low, high))

    def mapped(self, rising) -> Span:
        """The span through a rising function (a percent read as a multiplier: 1 + p/100)."""
        return Span(rising(self.low), rising(self.high))

    def widened(self, fraction: float) -> Span:
        """Wider by `fraction` of its own ends, on each side."""
        return Span(self.low - abs(self.low) * fraction, self.high + abs(self.high) * fraction)


def half_unit(q: QuantityMatch) -> float:
    """Half a unit of the last significant digit, in the quantity's canonical units."""
    value = q.value or 0.0
    found = _NUMBER.search(q.text)
    if found is None:  # Chinese numerals and words (两倍, three-fold, 三成): from the value
        return _step_of_value(value, _zeros_count(q)) / 2
    digits = found[0].replace(",", "")
    number = float(digits)
    scale = value / number if number else 1.0
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        step = _rounded_to(int(digits), _zeros_count(q))
        if step > 1 and not _approximate(q):  # a round amount: 500亿 is ± 25亿, not ± 50亿
            return min(abs(step * scale) / 2, abs(value) * ROUND_AT_MOST)
    return abs(step * scale) / 2


def _approximate(q: QuantityMatch) -> bool:
    return (q.qualifier or "").lower() in APPROXIMATE or q.text.endswith(("左右", "上下"))


def _zeros_count(q: QuantityMatch) -> bool:
    """Whether the final zeros of a whole number are digits as written."""
    return q.kind in ("percent", "ratio", "duration") or q.unit == "age"


def _rounded_to(whole: int, zeros_count: bool) -> float:
    """The unit of a whole number's last significant digit."""
    zeros = 0
    while whole and whole % 10 == 0:
        whole //= 10
        zeros += 1
    return 1.0 if zeros_count or zeros < 2 else 10.0**zeros


def _step_of_value(value: float, zeros_count: bool) -> float:
    if value and float(value).is_integer():
        return _rounded_to(int(abs(value)), zeros_count)
    if not value:
        return 1.0
    return 10.0 ** (math.floor(math.log10(abs(value))) - 2)  # a fraction (三分之一): three digits


def bound(q: QuantityMatch) -> str | None:
    """'at least', 'at most', 'nearly' or None (an estimate or exact)."""
    qualifier = (q.qualifier or "").lower()
    tail = next((word for word in _TAIL_QUALIFIERS if q.text.endswith(word)), None)
    for word in (qualifier, tail):
        if word in AT_LEAST:
            return "at least"
        if word in AT_MOST:
            return "at most"
        if word in NEARLY:
            return "nearly"
    return None


def stated_span(q: QuantityMatch) -> Span:
    """The values `q` allows as written, in its canonical units."""
    low = q.value or 0.0
    top = q.high if q.high is not None else low
    half = half_unit(q)
    which = bound(q)
    if which == "at least":
        return Span(low - half, math.inf)
    if which == "at most":
        return Span(-math.inf, top + half)
    if which == "nearly":
        return Span(low * NEARLY_DOWN - half, top + half)
    return Span(low - half, top + half)


def exact(value: float) -> Span:
    return Span(value, value)


def number(value: float, digits: int = 3) -> str:
    """A computed number for the arithmetic sentence: `digits` significant digits, no
    exponent, no trailing zeros (7.227 -> 7.23, 0.25 -> 0.25, 12500000000 -> 12,500,000,000)."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - magnitude)
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def percent(value: float) -> str:
    """A share or change in percent, one decimal unless whole: 25%, 21.4%, -3%."""
    rounded = round(value, 1)
    return f"{rounded:g}%" if abs(rounded) < 1e6 else f"{number(value)}%"


def written(q: QuantityMatch, amount: float) -> str:
    """`amount` (canonical units) written the way `q` is: `7100亿元` with 5e9 -> `50亿元`."""
    found = _NUMBER.search(q.text)
    if found is None or not q.value:
        return number(amount)
    digits = found[0].replace(",", "")
    scale = q.value / float(digits) if float(digits) else 1.0
    return q.text[: found.start()] + number(amount / scale) + q.text[found.end() :]
