"""Finding and normalising quantities in Chinese and English text.

Two precompiled scans find number cores: one for digits, Chinese numerals and 今年/去年, one
for English words (number words, month names, twice, half). Each core is then read with anchored patterns
at its edges: the currency or qualifier before it, the scale and unit after it. Numbers that
belong to names rather than amounts (GPT-4o, iOS 17, USDL-24-1817, phone numbers, list
numbering) are recognised from those edges and dropped.

The package: grammar.py (the patterns and word lists), numbers.py, words.py, shares.py
and dated.py (the readers), guards.py (what is not an amount) and display.py (how a quantity
is shown); this module runs them over a text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.text.extract.dates import chinese_periods, english_periods, reference_year, that_year
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.quantities.amounts import _with_parts
from factcheck.text.extract.quantities.display import _range_display
from factcheck.text.extract.quantities.grammar import _CORE, _CORE_START, _WORDS
from factcheck.text.extract.quantities.grammar import QUANTITY_WORDS as QUANTITY_WORDS
from factcheck.text.extract.quantities.guards import (
    _between_long_numerals,
    _is_range,
    _without_overlaps,
)
from factcheck.text.extract.quantities.numbers import _read_core
from factcheck.text.extract.quantities.shares import chinese_shares
from factcheck.text.extract.quantities.words import _coins, _doublings, _read_words


def extract_quantities(
    text: str, reference_date: str | None = None, *, words: list[tuple[int, int]] | None = None
) -> list[QuantityMatch]:
    """Every quantity in `text`, ordered by position, without overlaps. `words`: the spans of
    QUANTITY_WORDS at word starts in `text`, when the caller has found them already."""
    year = reference_year(reference_date)
    found: list[QuantityMatch] = []
    for m in _core_matches(text):
        quantity = _read_core(text, m, year)
        if quantity is not None:
            found.append(_with_parts(text, quantity) if quantity.kind == "money" else quantity)
    for start, end in _WORDS.spans(text) if words is None else words:
        quantity = _read_words(text, start, end, year)
        if quantity is not None:
            found.append(_with_parts(text, quantity) if quantity.kind == "money" else quantity)
    if "penny" in text or "a cent" in text:
        found += _coins(text)
    if "季度" in text or "半年" in text:
        found += chinese_periods(text, year)
    found += english_periods(text, year)
    if "当" in text:  # one character: found faster than two in English text
        found += that_year(text)
    if "翻" in text:
        found += _doublings(text)
    if "成" in text or "折" in text or "分" in text:  # a quick test: English text has none
        found += chinese_shares(text)
    return _join_ranges(text, _without_overlaps(found))


def _core_matches(text: str) -> Iterator[re.Match]:
    """What _CORE.finditer finds, faster: a pattern that starts with a lookahead makes the
    engine run it at every position, so _CORE_START finds the places where it can match
    first, and _CORE is tried only there. Runs of Chinese numerals too long to be an amount
    are passed over whole."""
    candidate, match = _CORE_START.search, _CORE.match
    for position, end in _between_long_numerals(text):
        while (found := candidate(text, position, end)) is not None:
            start = found.start()
            m = match(text, start, end)
            if m is None:
                position = start + 1
            else:
                position = m.end()
                yield m


def _join_ranges(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """5.25%-5.50%, 500亿至550亿元: two amounts joined by a range word are one range, and a
    bare first number (500亿) takes the kind and unit of the second."""
    result: list[QuantityMatch] = []
    for q in found:
        last = result[-1] if result else None
        if last is not None and _is_range(text, last, q):
            result[-1] = QuantityMatch(
                last.start, q.end, text[last.start : q.end], q.kind, last.value, q.unit,
                _range_display(q, last.value), q.value, None, last.qualifier or q.qualifier,
            )
            continue
        result.append(q)
    return result
