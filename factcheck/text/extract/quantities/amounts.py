"""A number with what follows it (scale, unit, currency, sign) as one quantity: the
step every reader of an amount ends with."""

from __future__ import annotations

import re

from factcheck.text.extract.dates import iso_date
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.numerals import CN_SCALES, EN_SCALES, parse_chinese, parse_english
from factcheck.text.extract.quantities.display import _build, _date, _index_points, _money
from factcheck.text.extract.quantities.grammar import (
    _AFTER,
    _CN_NOUN,
    _CRORE_AFTER,
    _CURRENCY_ENDINGS,
    _EXAM_MARKS,
    _MARKED_AFTER,
    _MARKED_BEFORE,
    _PART,
    _PART_STARTS,
    _PARTS_OF,
    _SCORED,
    _SIGN_WORDS,
    _TIMES_CRORE,
    _TOKENS_AFTER,
)
from factcheck.text.extract.quantities.guards import (
    _carried_currency,
    _count_noun,
    _is_plural,
    _negative_sign,
    _prefix,
    _sign_word,
    _yen_or_yuan,
)
from factcheck.text.extract.units import UNITS


def _quantify(
    text: str,
    start: int,
    after: re.Match,
    value: float,
    high: float | None,
    currency: str | None,
    before: str,
    year: int | None,
    number_text: str,
    *,
    arabic: bool,
) -> QuantityMatch | None:
    scaled = _scale(text, after, currency)
    if scaled is None:
        return None
    scale, after = scaled
    end = after.end()
    value *= scale
    if high is not None:
        high *= scale
    unit = after["unit"]
    if currency:
        prefix = _prefix(before)
        start -= prefix.size
        if before[len(before) - prefix.size :].startswith("¥"):
            currency = _yen_or_yuan(text, start, end)
        if unit and UNITS[unit][0] == "money":
            currency = UNITS[unit][1] if currency in ("USD", "CNY") and unit not in ("元",) else currency
        elif unit:
            end = after.start("unit")
            while end > start and text[end - 1] in " -":
                end -= 1
        unit = None
    if _negative_sign(text, start):
        start -= 1
        value = -value
    elif text.endswith("零下", 0, start) and not currency:  # 零下5°C: below zero
        start -= 2
        value = -value
    elif (currency or unit) and text.endswith(_SIGN_WORDS, 0, start) and (sign := _sign_word(text, start)):
        start -= sign  # minus 5 degrees, negative 0.5%; a bare "minus 3" is arithmetic
        value = -value
    if high is not None and high <= value:
        return None  # 10-5 km, 五、二十个: a range never runs backwards; a score or a list
    if currency:
        return _money(text, start, end, value, high, currency, after)
    if unit:
        return _with_unit(text, start, end, value, high, unit, before, number_text, after, arabic=arabic)
    return _count(text, start, end, value, high, number_text, after) if arabic else None


def _scale(text: str, after: re.Match, currency: str | None) -> tuple[float, re.Match] | None:
    """The multiplier written after a number (万, million, 1.5 lakh crore) and the match of
    what follows it; None for a lone m or b that may be a unit as well as a scale."""
    scale = 1.0
    if after["cnscale"]:
        scale *= CN_SCALES[after["cnscale"]]
    if after["enscale"]:
        word = after["enscale"]
        if len(word) == 1 and word.islower() and not currency and not _is_plural(_count_noun(text, after.end())):
            return None  # 5m without a currency or a counted noun: metres or million?
        scale *= EN_SCALES[word.lower()]
        crore = _CRORE_AFTER.match(text, after.end("enscale")) if word.lower() in _TIMES_CRORE else None
        if crore and not after["unit"]:
            scale *= EN_SCALES["crore"]  # 1.5 lakh crore, 50 thousand crore: Indian amounts
            after = _AFTER.match(text, crore.end())
    return scale, after


def _with_unit(text: str, start: int, end: int, value: float, high: float | None, unit: str, before: str,
               number_text: str, after: re.Match, *, arabic: bool) -> QuantityMatch | None:
    """An amount in the unit written after it (no currency before it)."""
    kind, canonical, factor, shown = UNITS[unit]
    if unit == "点" and arabic and high is None and ("." in number_text or value > 24):
        return _index_points(text, start, end, value, after)  # 收报3050.12点: not 5点, a time
    if unit == "分" and _SCORED.search(before):
        return _build(text, start, end, "count", value, high, "points", 1, "", after)  # 拿下26分
    if kind == "skip":
        return None
    if unit == "元" and (carried := _carried_currency(text, start)):
        canonical = carried  # 新台币7596.9亿元，每股盈余12.54元: the 元 of the currency named
    if unit in _EXAM_MARKS and (_MARKED_BEFORE.search(before) or _MARKED_AFTER.match(text, end)):
        return _build(text, start, end, "count", value, high, "marks", 1, "", after)  # scored 95 marks
    if kind == "money":  # 14 cents: the factor takes it to currency units
        return _money(text, start, end, value * factor, high * factor if high is not None else None, canonical, after)
    if unit == "个" and (tokens := _TOKENS_AFTER.match(text, end)):  # 200万个token
        return _build(text, start, tokens.end(), "measure", value, high, "tokens", 1, "tokens", after)
    if kind == "count" and canonical not in ("人", "人次", "age"):  # 3人死亡: people, not 死亡
        noun = _CN_NOUN.match(text, end)
        canonical = noun[0] if noun and noun[0][0] not in "的了在是和与" else unit
    return _build(text, start, end, kind, value, high, canonical, factor, shown, after)


def _count(text: str, start: int, end: int, value: float, high: float | None, number_text: str,
           after: re.Match) -> QuantityMatch:
    """Digits with no unit: a count of what follows, an index level, or a year."""
    noun = _count_noun(text, end)
    plain = not (after["cnscale"] or after["enscale"]) and number_text.isdigit()
    if noun == "points" and not plain and not (after["cnscale"] or after["enscale"]) and high is None:
        return _index_points(text, start, end, value, after)  # closed at 8,214.5 points: a level
    year_like = plain and len(number_text) == 4 and 1800 <= value <= 2100
    if year_like and not _is_plural(_count_noun(text, end, head=False)):  # In 2023 retail sales fell
        return _date(text, start, end, iso_date(int(value)))
    return _build(text, start, end, "count", value, high, noun, 1, "", after)


def _with_parts(text: str, found: QuantityMatch) -> QuantityMatch:
    """4 dollars 25 cents, 七元五毛, 20元3角5分: an amount that ends with its currency's word
    and its part after it, as one amount in the main unit."""
    if text[found.end : found.end + 1] not in _PART_STARTS:
        return found  # the common case: 3.6亿元，
    shares = _PARTS_OF.get(found.unit)
    if shares is None or found.high is not None or found.value is None or found.value < 0 \
            or found.value % 1 or not found.text.endswith(_CURRENCY_ENDINGS[found.unit]):
        return found
    part = _PART.match(text, found.end)
    if part is None or part["part"] not in shares:
        return found
    value = _part_number(part["n"]) * shares[part["part"]]
    if part["part2"] and part["part2"] in shares:
        value += _part_number(part["n2"]) * shares[part["part2"]]
    end = part.end() if part["part2"] in shares else part.end("part")
    if not 0 < value < 1:
        return found  # 150 cents after 1 dollar is no part of it
    return _money(text, found.start, end, found.value + value, None, found.unit, None)


def _part_number(written: str) -> float:
    if written[0].isdigit():
        return float(written)
    if written[0].isascii():
        return parse_english(written) or 0.0
    return parse_chinese(written)[0]
