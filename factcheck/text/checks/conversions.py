"""Conversions: an amount and its stated equivalent in another currency, tied in one
sentence (1000亿美金(约合人民币7100亿元), $100bn (€92bn), £10m, or about $12.5m), against the
ECB reference rate of the document's date.

The second amount is taken as derived from the first; it may differ from the first times
the day's reference rate by its own rounding (7100亿 is ± 50亿) plus RATE_ALLOWANCE, as rates
quoted by banks, central parities and the ECB differ (in May 2024 the People's Bank's
central parity was about 7.10 CNY/USD, the ECB's cross rate 7.23) and a conversion may be a
few days old. A conversion that matches the rates of a date the paragraph names (an amount
of 2019 converted at 2019's rates) is consistent too. Without a document date, or outside
the ECB's data, the finding is unchecked: no rate is guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.text.checks import rates
from factcheck.text.checks.findings import CONSISTENT, INCONSISTENT, UNCHECKED, Finding, involved
from factcheck.text.checks.layout import MARKS, Article, Sentence, days_of, rate_day, rule
from factcheck.text.checks.precision import Span, percent, stated_span, written
from factcheck.text.extract.extraction import QuantityMatch

RATE_ALLOWANCE = 0.03
# words that say the second amount is the first in another currency
_CONNECTORS = (
    "约合|折合|相当于|约等于|约为|合|即|or about|or roughly|or around|or some|or|equivalent to|"
    r"equal to|worth about|worth roughly|worth|converted to|about|around|roughly|approximately|i\.e\.,?"
)
_PAIR = rule(
    r"(?P<a><M>)(?:"
    # in brackets, maybe after a short attribution ending in a comma: (胡润研究院数据,约合…)
    rf"\s*[(（](?:[^()（）\ue000-\ue008]{{1,24}}?[,，:：]\s*)?(?:(?:{_CONNECTORS})\s*)?"
    # after a comma or nothing, only with a connector: , or about $12.5m; ，约合…
    rf"|\s*[,，]?\s*(?:(?:{_CONNECTORS})\s*)?"
    r")(?P<b><M>)",
    re.IGNORECASE,
)
# what may follow the converted amount: the bracket or the clause ends ("$5bn (€2bn of it in
# Europe)" says something else of the euros)
_AFTER_CONVERTED = re.compile(r"\s*(?:[)）\]】,，.。;；:：!?！？]|的|$)")
# a qualifier the extractor keeps on the second amount that ties it like a connector
_TYING_QUALIFIERS = frozenset(["约合", "约", "大约", "about", "around", "roughly", "approximately", "some"])


def check(article: Article) -> list[Finding]:
    found = []
    for sentence in article.sentences:
        if sentence.count(MARKS["money"]) < 2:
            continue
        skeleton = sentence.skeleton
        for match in _PAIR.finditer(skeleton.text):
            a, b = skeleton.found(match, "a"), skeleton.found(match, "b")
            if a is None or b is None or a.unit == b.unit or not a.value or not b.value:
                continue
            if a.high is not None or not _tied(match, b) or not _AFTER_CONVERTED.match(sentence.after(b, 3)):
                continue
            found.append(_finding(article, sentence, a, b))
    return found


def _tied(match: re.Match[str], b: QuantityMatch) -> bool:
    """Brackets tie two amounts; so does a connector; a bare comma does not."""
    gap = match.group(0)[1:-1].strip()
    return bool(gap) and (gap[0] in "(（" or gap.strip(",， ") != "" or (b.qualifier or "").lower() in _TYING_QUALIFIERS)


def _finding(article: Article, sentence: Sentence, a: QuantityMatch, b: QuantityMatch) -> Finding:
    implied = stated_span(b).scaled(1 / a.value)  # units of b per unit of a
    shown = _Quote(a.unit, b.unit, b.value / a.value)
    working = f"{a.text} → {b.text} implies {shown.text(b.value / a.value)}"

    def done(result: str, reason: str, extra: str = "", **figures) -> Finding:
        return Finding(
            "conversion", result, working + extra, reason, (sentence.claim,),
            (involved(a, "amount"), involved(b, "converted")),
            {"implied_rate": round(shown.rate, 6), "pair": shown.pair, **figures},
        )

    for currency in (a.unit, b.unit):
        if not rates.covers(currency):
            return done(UNCHECKED, f"the ECB publishes no reference rate for {currency}")
    day = _document_day(article)
    if day is None:
        return done(UNCHECKED, "the document has no date to take the exchange rate of (ingest --date)")
    own = rates.rate_before(a.unit, b.unit, day)
    if own is None:
        return done(UNCHECKED, f"no ECB rate for {a.unit}/{b.unit} in the week before {day}")
    reference = Span(own.low, own.high)
    apart = _apart(implied, reference)
    extra = f"; ECB reference on {own.last}: {shown.text(own.low, bare=True)}; {percent(apart * 100)} apart"
    figures = {"reference_rate": round(shown.flip(own.low), 6), "rate_date": own.last.isoformat(),
               "document_date": article.date.iso, "date_origin": article.date.origin}
    rounding = f"{b.text}'s rounding (± {written(b, _half(b))})"
    if implied.overlaps(reference.widened(RATE_ALLOWANCE)):
        return done(CONSISTENT, f"within {percent(RATE_ALLOWANCE * 100)} and {rounding}", extra, **figures)
    for other in _stated_periods(article, sentence, day, a.unit, b.unit):
        if other is not None and implied.overlaps(Span(other.low, other.high).widened(RATE_ALLOWANCE)):
            period = _period_text(other)
            return done(CONSISTENT, f"agrees with the rates of {period}, a date the paragraph states", extra,
                        **figures, matched_period=period)
    return done(INCONSISTENT, f"more than {percent(RATE_ALLOWANCE * 100)} and {rounding} allow", extra, **figures)


def _half(q: QuantityMatch) -> float:
    span = stated_span(q)
    return (span.high - span.low) / 2 if span.high != float("inf") and span.low != float("-inf") else 0.0


def _apart(implied: Span, reference: Span) -> float:
    """How far the written figure's own value is from the reference, relative to it."""
    middle = (implied.low + implied.high) / 2
    nearest = min(max(middle, reference.low), reference.high)
    return abs(middle - nearest) / nearest


def _document_day(article: Article) -> date | None:
    return rate_day(article.date.iso)


def _stated_periods(article: Article, sentence: Sentence, day: date, base: str, quote: str):
    """The rates of the other dates the paragraph states (a day: the rate before it, as
    for the document; a month or a year: all of its rates up to the document's date)."""
    seen = set()
    for each in article.paragraph(sentence):
        for q in each.quantities:
            days = days_of(q.iso) if q.kind == "date" else None
            if days is None or days in seen:
                continue
            seen.add(days)
            first, last = days
            if first == last:
                yield rates.rate_before(base, quote, first + timedelta(days=1))
            elif first < day:
                yield rates.rates_between(base, quote, first, min(last, day))


def _period_text(found: rates.ReferenceRates) -> str:
    if found.one_day:
        return str(found.last)
    return f"{found.first} to {found.last}"


class _Quote:
    """A rate as a reader expects it: the larger way round (7.10 CNY/USD rather than
    0.141 USD/CNY)."""

    def __init__(self, base: str, quote: str, rate: float) -> None:
        self.inverted = rate < 1
        self.rate = 1 / rate if self.inverted else rate
        self.pair = f"{base}/{quote}" if self.inverted else f"{quote}/{base}"

    def flip(self, rate: float) -> float:
        return 1 / rate if self.inverted else rate

    def text(self, rate: float, *, bare: bool = False) -> str:
        flipped = self.flip(rate)
        shown = f"{flipped:,.4f}" if flipped < 2 else f"{flipped:,.2f}"  # 1.0858 USD/EUR, 7.23 CNY/USD
        return shown if bare else f"{shown} {self.pair}"
