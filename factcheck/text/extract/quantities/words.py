"""Readers of quantities written in English words: number words, fractions and shares (one
in five), part of a scale (half a million), multipliers (twice, tenfold), 翻番."""

from __future__ import annotations

import re

from factcheck.text.extract.dates import MONTHS, iso_date, months_period
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.numerals import EN_SCALES, EN_WORDS, parse_chinese, parse_english
from factcheck.text.extract.quantities.amounts import _quantify
from factcheck.text.extract.quantities.dated import _day_range
from factcheck.text.extract.quantities.display import _date, _finish, _money
from factcheck.text.extract.quantities.grammar import (
    _A_COIN,
    _A_SCALE,
    _AFTER,
    _BARE_MULTIPLIERS,
    _BEFORE_A_MONTH,
    _DOUBLING,
    _FRACTION_REST,
    _FRACTIONS,
    _IN_EVERY,
    _MAX_LOOKBEHIND,
    _MONTH_REST,
    _MONTH_TO,
    _MONTHS_SET,
    _MULTIPLIER_OBJECT,
    _MULTIPLIERS,
    _NOT_COUNT_NOUNS,
    _NOUN,
    _OF,
    _OF_A_POINT,
    _OF_A_SCALE,
    _WORD_REST,
)
from factcheck.text.extract.quantities.guards import _base_of_a_rate, _prefix_currency
from factcheck.text.extract.units import CENT_WORDS


def _doublings(text: str) -> list[QuantityMatch]:
    """翻一番 (doubled) -> 2x, 翻两番 -> 4x, 翻倍 -> 2x."""
    found = []
    for m in _DOUBLING.finditer(text):
        value = 2.0 ** parse_chinese(m["n"])[0] if m["n"] else 2.0
        found.append(_finish(text, m.start(), m.end(), "ratio", value, None, "x", f"{value:g}x"))
    return found


def _coins(text: str) -> list[QuantityMatch]:
    """a penny, a cent: a hundredth of the currency that names its coin so."""
    return [
        _money(text, m.start() - 1, m.end(), 0.01, None, CENT_WORDS[m["coin"]], None) for m in _A_COIN.finditer(text)
    ]


def _read_words(text: str, start: int, end: int, year: int | None) -> QuantityMatch | None:
    word = text[start:end]
    if word in _MONTHS_SET:
        if (to := _MONTH_TO.match(text, end)) and (to["to"] != " and " or text.endswith("etween ", 0, start)):
            stated = int(to["year"]) if to["year"] else year
            return months_period(start, to.end(), text, stated, MONTHS[word.lower()], MONTHS[to["month"].lower()])
        rest = _MONTH_REST.match(text, end)
        if not rest or not (rest["day"] or rest["year"]):
            # "May" alone is as often a verb as a month; after in, since, by it is the
            # month, of the reference year as 1月 is
            if not text[max(0, start - 7) : start].endswith(_BEFORE_A_MONTH):
                return None
            stated = int(to["year"]) if to and to["year"] else year  # in March and May 2024
            return _date(text, start, end, iso_date(stated, MONTHS[word.lower()]))
        y = int(rest["year"]) if rest["year"] else year
        month = MONTHS[word.lower()]
        if rest["day2"]:  # June 12-14; a range that is none (June 14-12) is its first day
            days = _day_range(text, start, rest.end(), y, month, rest["day"], rest["day2"])
            return days or _date(text, start, rest.end("day"), iso_date(y, month, int(rest["day"])))
        iso = iso_date(y, month, int(rest["day"]) if rest["day"] else None)
        return _date(text, start, rest.end(), iso)
    if text[start - 1 : start] == "-" and text[start - 2 : start - 1].isalnum():
        return None  # 7-Eleven, Catch-22: a name
    lower = word.lower()
    if lower in _MULTIPLIERS:
        return _read_multiplier(text, start, end, lower)
    if lower in _FRACTIONS:  # a third of, a quarter of a percentage point
        if text[start - 2 : start] not in ("a ", "A ") or text[start - 3 : start - 2].isalpha():
            return None  # the third quarter
        if scale := _OF_A_SCALE.match(text, end):  # a quarter of a million cars
            return _part_of_a_scale(text, start - 2, scale, 1 / _FRACTIONS[lower])
        if not (_OF.match(text, end) or _OF_A_POINT.match(text, end) or text.endswith("by a ", 0, start)):
            return None  # a third of, fell by a fifth
        return _share(text, start - 2, end, 1, _FRACTIONS[lower])
    rest = _WORD_REST.match(text, end)
    if rest:
        end = rest.end()
    value = parse_english(text[start:end])
    if value is None:
        return None
    fraction = _FRACTION_REST.match(text, end)
    if fraction:
        return _share(text, start, fraction.end(), value, _FRACTIONS[fraction["part"]])
    every = _IN_EVERY.match(text, end)
    if every:
        found = _one_in(text, start, every, value)
        if found is not None:
            return found
    after = _AFTER.match(text, end)
    has_unit = bool(after["unit"] or after["enscale"])
    if not has_unit:
        noun = _NOUN.match(text, end)
        if value <= 1 or not noun or noun["noun"] in _NOT_COUNT_NOUNS or len(noun["noun"]) < 3:
            return None
    if _base_of_a_rate(text, start, "count"):
        return None  # every two weeks, per thousand people: the base of a rate
    before = text[max(0, start - _MAX_LOOKBEHIND) : start]
    currency = _prefix_currency(before)
    return _quantify(text, start, after, value, None, currency, before, None, text[start:end], arabic=True)


def _share(text: str, start: int, end: int, numerator: float, denominator: float) -> QuantityMatch | None:
    """two-thirds -> 66.67%; 'a quarter of a percentage point' -> 0.25 pp."""
    if not 0 < numerator < denominator:
        return None
    point = _OF_A_POINT.match(text, end)
    if point:
        value = numerator / denominator
        return _finish(text, start, point.end(), "percent", value, None, "pp", f"{value:g} pp")
    value = numerator / denominator * 100
    return _finish(text, start, end, "percent", value, None, "%", f"{value:.4g}%")


def _one_in(text: str, start: int, every: re.Match, numerator: float) -> QuantityMatch | None:
    """one in five, 1 in 4: a share, in percent."""
    den = every["denominator"]
    digits = den.replace(",", "")
    denominator = float(digits) if digits.isdigit() else EN_WORDS.get(den) if den not in ("a", "an") else None
    if denominator is None or not 0 < numerator < denominator:
        return None
    value = numerator / denominator * 100
    return _finish(text, start, every.end(), "percent", value, None, "%", f"{value:.4g}%")


def _part_of_a_scale(text: str, start: int, scale: re.Match, part: float) -> QuantityMatch | None:
    """half a million residents, a quarter of a billion dollars: the part of the scale, read
    on as any amount is (its currency, its counted noun)."""
    value = part * (12.0 if scale["scale"] == "dozen" else EN_SCALES[scale["scale"]])
    before = text[max(0, start - _MAX_LOOKBEHIND) : start]
    after = _AFTER.match(text, scale.end())
    return _quantify(text, start, after, value, None, None, before, None, "", arabic=True)


def _read_multiplier(text: str, start: int, end: int, word: str) -> QuantityMatch | None:
    if text[end : end + 1] == "-" and not (word == "half" and _OF_A_POINT.match(text, end)):
        return None  # double-digit, half-year
    if word == "half" and (scale := _A_SCALE.match(text, end)):
        return _part_of_a_scale(text, start, scale, 0.5)  # half a million residents
    if word in ("half", "halved"):
        preceding = text[max(0, start - 8) : start].lower()
        point = _OF_A_POINT.match(text, end)
        if point and not preceding.endswith(("and a ", "one ")):  # half a percentage point
            return _finish(text, start, point.end(), "percent", 0.5, None, "pp", "0.5 pp")
        if preceding.endswith(("first ", "second ", "a ", "and a ", "one ")) or text.startswith((" a ", " an "), end):
            return None
        return _finish(text, start, end, "percent", 50.0, None, "%", "50%")
    if word in _BARE_MULTIPLIERS and not _MULTIPLIER_OBJECT.match(text, end):
        return None  # double digits, a double murder, triple-A: an adjective, not a multiple
    value = _MULTIPLIERS[word]
    return _finish(text, start, end, "ratio", value, None, "x", f"{value:g}x")
