"""Readers of numbers that are dates or periods: years and their ranges, decades, months to
a date, days of a month, 今年/去年 and their like."""

from __future__ import annotations

import re

from factcheck.text.extract.dates import RELATIVE_YEARS, iso_date, months_period
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.quantities.display import _date, _number
from factcheck.text.extract.quantities.grammar import _PERIOD_WORDS


def _year_range(text: str, m: re.Match) -> QuantityMatch | None:
    return _years(text, *m.span(), m["first_year"], m["last_year"])


def _years(text: str, start: int, end: int, first_text: str, last_text: str) -> QuantityMatch | None:
    """2019-2023: an ISO 8601 interval of years."""
    first, last = int(first_text), int(last_text)
    if len(last_text) == 2:  # 2023-24: a fiscal year or a season, the next year's last digits
        if last != (first + 1) % 100:
            return None  # 2023-15: a code, as before
        last = first + 1
    if first >= last:
        return None  # 2023-2019 is no period; the old reading dropped it as a code
    iso = f"{first}/{last}"
    return QuantityMatch(start, end, text[start:end], "date", None, "date", f"{first}–{last}", iso=iso)


def _period(text: str, m: re.Match) -> QuantityMatch | None:
    """The 1990s (the interval 1990/1999), mid-2023 (2023, qualified 'mid')."""
    start, end = m.span()
    year = int(m["decade"] or m["period"])
    qualifier = None
    if m["period"]:
        for word in _PERIOD_WORDS:
            if text[start - len(word) : start].lower() == word:
                start -= len(word)
                qualifier = word[:-1]
                break
    if m["decade"] or m["decades"]:
        iso, display = f"{year}/{year + 9}", f"{year}s"
    else:
        iso = display = str(year)
    return QuantityMatch(start, end, text[start:end], "date", None, "date", display, None, iso, qualifier)


def _month_range(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    """1-10月, 今年1—8月, 前10个月: months of the stated year (or the reference year)."""
    if m["months_to_year"]:
        stated: int | None = int(m["months_to_year"])
    elif m["months_to_relative"]:
        stated = year + RELATIVE_YEARS[m["months_to_relative"]] if year is not None else None
    else:
        stated = year
    if m["months_counted"]:  # 前10个月: the first ten months
        return months_period(m.start(), m.end(), text, stated, 1, int(_number(m["months_counted"])))
    return months_period(m.start(), m.end(), text, stated, int(m["first_month"]), int(m["last_month"]))


def _day_range(text: str, start: int, end: int, year: int | None, month: int, day: str, last_day: str) -> QuantityMatch | None:
    """12-14 June, June 12-14, between 3 and 7 March 2025: an ISO 8601 interval of days,
    shown '2025-06-12–14' (without a year, '--06-12–14', as a single day is '--06-12')."""
    first, last = iso_date(year, month, int(day)), iso_date(year, month, int(last_day))
    if first is None or last is None or not first < last:
        return None
    return QuantityMatch(start, end, text[start:end], "date", None, "date", f"{first}–{last[-2:]}", iso=f"{first}/{last}")


def _relative_date(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    offset = RELATIVE_YEARS[m["relative_year"]]
    resolved = year + offset if year is not None else None
    month = int(_number(m["relative_month"])) if m["relative_month"] else None
    day = int(m["relative_day"]) if m["relative_day"] else None
    if resolved is None and month is None:
        return None  # 去年 with no reference date says nothing a reviewer can check
    return _date(text, m.start(), m.end(), iso_date(resolved, month, day))
