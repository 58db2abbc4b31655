"""Readers of a number core written in digits or Chinese numerals: the unit, scale and
currency around it, ages, glued units (5m, 30C), and the quantity it makes."""

from __future__ import annotations

import re

from factcheck.text.extract.dates import MONTHS, iso_date
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.numerals import CN_NUMERAL_CHARS, parse_chinese
from factcheck.text.extract.quantities.amounts import _quantify
from factcheck.text.extract.quantities.dated import (
    _day_range,
    _month_range,
    _period,
    _relative_date,
    _year_range,
    _years,
)
from factcheck.text.extract.quantities.display import (
    _date,
    _finish,
    _magnitude,
    _money,
    _number,
    _plain,
    _range,
)
from factcheck.text.extract.quantities.grammar import (
    _AFTER,
    _AGE_UNITS,
    _APPROXIMATE,
    _COUNTED_AFTER_MORE,
    _DECIMAL_COMMA,
    _DIGIT_NEXT,
    _IDIOM,
    _IN_EVERY,
    _MATURITY,
    _MAX_LOOKBEHIND,
    _NOT_A_TENTH,
    _OLD,
    _PER_HOUR,
    _QUAKE,
    _QUAKE_SCALE,
    _RATE_BASE_TAILS,
    _RECHECKED_UNITS,
    _SIGNS_AFTER,
    _TENOR,
    _TENOR_UNITS,
    _TIME_UNITS,
    _VIDEO_LINES,
    _WARMTH,
    _WARMTH_AFTER,
    _WHOLE_YEAR,
    _WON_THE_VERB,
    _YEAR_DASHES,
)
from factcheck.text.extract.quantities.guards import (
    _bare_number_names_something,
    _base_of_a_rate,
    _digits_name_something,
    _in_a_set_phrase,
    _names_something,
    _negative_sign,
    _prefix_currency,
    _stated_age,
)
from factcheck.text.extract.quantities.words import _one_in
from factcheck.text.extract.units import UNITS


def _read_core(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    if m["ar"] or m["cn"]:
        found = _read_arabic(text, m, year) if m["ar"] else _read_chinese(text, m)
        if found is None:
            return None
        tail = text[max(0, found.start - 2) : found.start]
        if (tail in _RATE_BASE_TAILS or tail.endswith("每")) and _base_of_a_rate(text, found.start, found.kind):
            return None  # 41 cases per 100,000 people, 每百万tokens: the base of a rate
        if text[found.end : found.end + 1] == "多" and found.qualifier is None:
            _more_after_unit(text, found)
        elif found.unit == "km" and _PER_HOUR.search(text, max(0, found.start - 8), found.start):
            found.unit, found.display = "km/h", found.display + "/h"  # 时速350公里
        return found
    groups = m.groupdict()
    start, end = m.span()
    if groups["years"]:
        return _year_range(text, m)
    if groups["decade"] or groups["period"]:
        return _period(text, m)
    if groups["months_to"]:
        return _month_range(text, m, year)
    if groups["relative_year"]:
        return _relative_date(text, m, year)
    if groups["iso"]:
        parts = [int(p) for p in re.split(r"[-/]", groups["iso"])]
        return _date(text, start, end, iso_date(*parts))
    if groups["phone"] or groups["time"]:
        return None
    if groups["chinese_date"]:
        month = int(groups["chinese_month"]) if groups["chinese_month"] else None
        day = int(groups["chinese_day"]) if groups["chinese_day"] else None
        year_written = int(groups["chinese_year"])
        full_year = year_written + 2000 if year_written < 100 else year_written  # 24年3月
        return _date(text, start, end, iso_date(full_year, month, day))
    if groups["month_and_day"]:
        month = int(_number(groups["month_of_day"]))
        day = int(groups["day_of_month"]) if groups["day_of_month"] else None
        return _date(text, start, end, iso_date(year, month, day))
    if groups["day_month"]:
        stated_year = int(groups["day_month_year"]) if groups["day_month_year"] else year
        month = MONTHS[groups["month_name"].lower()]
        if groups["last_day"]:  # 12-14 June; a range that is none (14-12 June) is its last day
            days = _day_range(text, start, end, stated_year, month, groups["first_day"], groups["last_day"])
            return days or _date(text, m.start("last_day"), end, iso_date(stated_year, month, int(groups["last_day"])))
        return _date(text, start, end, iso_date(stated_year, month, int(groups["first_day"])))
    return _finish(text, start, end, "percent", 50.0, None, "%", "50%")  # 一半


def _more_after_unit(text: str, found: QuantityMatch) -> None:
    """两倍多, 两成多, 三年多: 多 after a unit qualifies the amount; after a count it starts
    another word (3人多处受伤)."""
    if found.kind in ("percent", "ratio", "duration") and text[found.end + 1 : found.end + 2] not in _COUNTED_AFTER_MORE:
        found.end += 1
        found.text = text[found.start : found.end]
        found.qualifier = "多"


def _read_arabic(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    start, end = m.span()
    before = text[max(0, start - _MAX_LOOKBEHIND) : start]
    currency = _prefix_currency(before)
    if currency is None and _names_something(before):
        return None
    low_text, high_text = m.group("ar", "hi")
    if _digits_name_something(text, before, end, low_text, high_text):
        return None
    following = text[end : end + 1]
    after = _AFTER.match(text, end)
    unit = after["unit"]
    if unit in _TIME_UNITS:
        if _TENOR.match(text, after.end()):
            return None  # 1年期贷款市场报价利率, 3个月期: a loan's or a bond's term, part of its name
        scaled = after["enscale"] or after["cnscale"]  # 65 million years old: a span of time, not an age
        if unit in _AGE_UNITS and not currency and not scaled and (old := _OLD.match(text, after.end())):
            return _age(text, start, old.end(), _number(low_text), high_text, unit)  # 34-year-old
        if unit in ("year", "years") and _MATURITY.match(text, after.end()) and text[end : end + 1] == "-":
            return None  # the 10-year Treasury yield: a bond's name, not a period
    elif unit in _RECHECKED_UNITS and _not_its_unit(text, after):
        after = _AFTER.match(text, end, after.start("unit"))
    if after.end() == end and not currency and high_text is None and (
        before[-10:].lower() == "magnitude " or _QUAKE.match(text, end)
    ):
        return _magnitude(text, start, _QUAKE_SCALE.match(text, end), _number(low_text))
    if after.end() == end:
        if following in ("p", "C") and not currency and not text[end + 1 : end + 2].isalnum():
            return _glued_unit(text, start, end, low_text, high_text)  # 382p, 1.5C
        if following.isascii() and following.isalpha():
            return None  # 4o, 5G, 3D, 2nd
        if following == "-" and text[end + 1 : end + 2].isalpha():
            return None  # 7-Eleven, 4-turbo: part of a name
        bare = not currency
    else:
        bare = not (currency or after["unit"] or after["enscale"] or after["cnscale"])
    if bare and (following == "," or "ge" in before) and low_text.isdigit() and len(low_text) <= 3 \
            and _stated_age(text, before, end, low_text, following):
        return _age(text, start, end, _number(low_text), high_text, "years")  # Jones, 38, said
    if bare and high_text is None and low_text.isdigit() and len(low_text) <= 3 and following == " ":
        every = _IN_EVERY.match(text, end)
        share = _one_in(text, start, every, float(low_text)) if every else None
        if share is not None:
            return share  # 1 in 4 adults
    if high_text is not None and _number(high_text) < _number(low_text) and not currency \
            and m["sep"] in _YEAR_DASHES and len(high_text) == 2 and _WHOLE_YEAR.fullmatch(low_text):
        # 2019-20 tonnes: a range never runs backwards, so this is the fiscal year or season
        # 2019-20, as it is alone, and the unit belongs to what follows
        return _years(text, start, end, low_text, high_text)
    if bare and high_text is not None and (
        len(low_text) >= 3 and len(high_text) >= 4 or _number(high_text) <= _number(low_text)
    ):
        return None  # 691-6378, 2023-24: a phone number or a code, not a range
    if bare and _bare_number_names_something(text, before, end, low_text, high_text):
        return None
    value = _number(low_text)
    high = _number(high_text) if high_text is not None else None
    if after["unit"] in _SIGNS_AFTER and high is None and len(low_text) == 2:
        start, before, value = _decimal_comma(start, before, value)
    return _quantify(text, start, after, value, high, currency, before, year, low_text, arabic=True)


def _not_its_unit(text: str, after: re.Match) -> bool:
    """Team 2 won the final: a verb, not ₩; 5 $10: the sign is the next amount's."""
    unit = after["unit"]
    if unit in ("won", "Won", "WON"):
        return not after["enscale"] and _WON_THE_VERB.match(text, after.end()) is not None
    return unit in _SIGNS_AFTER and _DIGIT_NEXT.match(text, after.end()) is not None


def _decimal_comma(start: int, before: str, cents: float) -> tuple[int, str, float]:
    """4,20 €, 1.234,56 €: where the sign follows the number, a comma before its two digits
    is a decimal point; the start, the text before and the value, moved to the whole part."""
    whole = _DECIMAL_COMMA.search(before)
    if whole is None:
        return start, before, cents
    return start - len(whole[0]), before[: -len(whole[0])], float(whole[1].replace(".", "")) + cents / 100


def _age(text: str, start: int, end: int, value: float, high_text: str | None, unit: str) -> QuantityMatch:
    """An age, in years: a count of the person's years (unit 'age'), not a duration."""
    per_year = _AGE_UNITS[unit]
    high = _number(high_text) if high_text is not None else None
    if per_year == 1:
        display = _range(value, high, _plain)
    else:  # a 6-month-old: 0.5 years, shown as said
        display = f"{_range(value, high, _plain)} {unit.rstrip('s')}s"
        value, high = value / per_year, (high / per_year if high is not None else None)
    return _finish(text, start, end, "count", value, high, "age", display)


def _glued_unit(text: str, start: int, end: int, low_text: str, high_text: str | None) -> QuantityMatch | None:
    """382p (pence) and 1.5C (degrees Celsius, as British papers write it), the unit glued
    to the number."""
    value = _number(low_text)
    high = _number(high_text) if high_text is not None else None
    if text[end] == "p":
        if low_text in _VIDEO_LINES or text[end + 1 : end + 3] == ".m":
            return None
        high = high / 100 if high is not None else None
        return _money(text, start, end + 1, value / 100, high, "GBP", None)
    if not (_WARMTH.search(text, max(0, start - 80), start) or _WARMTH_AFTER.match(text, end + 1)):
        return None  # Class 3C, Vitamin C
    if _negative_sign(text, start):
        start, value = start - 1, -value
    if high is not None and high <= value:
        return None
    return _finish(text, start, end + 1, "measure", value, high, "°C", f"{_range(value, high, _plain)} °C")


def _read_chinese(text: str, m: re.Match) -> QuantityMatch | None:
    start, end = m.span()
    numeral = m["cn"]
    after = _AFTER.match(text, end)
    unit = after["unit"]
    before = text[max(0, start - _MAX_LOOKBEHIND) : start]
    currency = _prefix_currency(before)
    if not unit and not currency:
        return None
    if unit in _TENOR_UNITS and _TENOR.match(text, after.end()):
        return None  # 三年期国债: the bond's term, part of its name
    if before.endswith("第"):
        return None
    if _IDIOM.search(text, max(0, start - 2), after.end() + 3) or _in_a_set_phrase(text, start, after.end()):
        return None
    value, high = parse_chinese(numeral)
    kind = UNITS[unit][0] if unit else "money"
    if value == 1 and high is None and numeral in ("一", "壹") and kind in ("count", "duration", "ratio"):
        return None  # 一个, 一位, 一周: an article, not an amount
    if numeral == "二" and kind == "count":
        return None  # 二次会议, 二级: counting says 两; a lone 二 before a classifier is an ordinal
    if unit == "成" and (value > 10 or text[after.end() : after.end() + 1] in _NOT_A_TENTH):
        return None
    if kind == "count" and after.end() < len(text) and text[after.end()] in CN_NUMERAL_CHARS:
        return None  # 千家万户, 一点一点: paired numerals are an idiom
    approximate = _APPROXIMATE.search(before, len(before) - 1) if before[-1:] in "数几上" else None
    if approximate and numeral[0] in "十百千万亿" and not (approximate[0] == "上" and numeral[0] == "十"):
        start -= 1  # 数十万, 几百, 上千: the order of magnitude, qualified
    found = _quantify(text, start, after, value, high, currency, before, None, numeral, arabic=False)
    if found is not None and found.qualifier is None:
        if approximate:
            found.qualifier = approximate[0]
        else:  # 十几, 三百多, 一千余
            found.qualifier = next((mark for mark in "多余几" if mark in numeral), None)
    return found
