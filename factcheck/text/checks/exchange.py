"""Exchange rates for the linker: an amount in one currency stands against an amount in
another at the rate of the claim's document's date, as the conversion check takes it (the
ECB reference rate of the last business day before that date, checks.rates).

The document's date is its published date, else the latest full date its text states (as
for the checks); a document with neither gets no rate, so its claims' amounts are never
compared across currencies: a rate guessed from another year could support a wrong figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factcheck.text.checks import rates
from factcheck.text.checks.layout import rate_day
from factcheck.text.extract.dates import reference_for


def document_day(published: str | None, text: str | None) -> date | None:
    """The day a document's amounts are converted at, or None when it has no full date."""
    return rate_day(reference_for(text or "", published))


@dataclass(frozen=True, slots=True)
class DayRates:
    """figures.Rate for one day: units of `target` per unit of `source`, None when the ECB
    has no rate for either currency in the week before the day."""

    day: date

    def __call__(self, source: str, target: str) -> float | None:
        if source == target:
            return 1.0
        found = rates.rate_before(source, target, self.day)
        return None if found is None else found.low


def rate_for(published: str | None, text: str | None) -> DayRates | None:
    day = document_day(published, text)
    return None if day is None else DayRates(day)
