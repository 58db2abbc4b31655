"""How a quantity is shown (`$100B`, `232 ms`, `3.5 pp`, `10–20 t`) and the one place a
match becomes a QuantityMatch (_build, _money, _finish)."""

from __future__ import annotations

import re

from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.numerals import parse_chinese
from factcheck.text.extract.quantities.grammar import _AR_NUMBER
from factcheck.text.extract.quantities.guards import _qualifier_before
from factcheck.text.extract.units import CURRENCY_SYMBOLS


def _range_display(q: QuantityMatch, low: float) -> str:
    if q.kind == "money":
        return f"{CURRENCY_SYMBOLS.get(q.unit, q.unit + ' ')}{_compact(low)}–{q.display}"
    if q.kind in ("percent", "ratio"):
        return f"{_plain(low)}–{q.display}"
    if q.kind == "count":
        return f"{_compact(low)}–{q.display}"
    return f"{low:g}–{q.value:g} {q.unit}"


def _magnitude(text: str, start: int, scale: re.Match | None, value: float) -> QuantityMatch:
    end = scale.end() if scale else start + len(_AR_NUMBER.match(text, start)[0])
    return _finish(text, start, end, "measure", value, None, "magnitude", f"M{value:g}")


def _index_points(text: str, start: int, end: int, value: float, after: re.Match) -> QuantityMatch:
    """An index level or move in points, shown to its last stated decimal (3,050.12)."""
    display = f"{value:,.2f}".rstrip("0").rstrip(".")
    return _finish(text, start, end, "count", value, None, "points", display, after)


def _build(text, start, end, kind, value, high, unit, factor, shown, after) -> QuantityMatch:
    value *= factor
    high = high * factor if high is not None else None
    # a unit shown as written (232 ms, 150 MW) shows the number as written; a measure shown
    # in its canonical unit (100斤 -> 50 kg) shows the converted value
    # (6.77‰ is kept in percent and shown per mille)
    as_written = kind == "duration" or (kind in ("measure", "percent") and shown != unit)
    shown_value = value / factor if as_written else value
    shown_high = high / factor if (high is not None and as_written) else high
    if kind == "percent":
        display = _range(shown_value, shown_high, _plain) + (" pp" if shown == "pp" else shown)
    elif kind == "ratio":
        display = _range(shown_value, shown_high, _plain) + "x"
    elif kind == "duration":
        if shown_value == 1 and shown.endswith("s") and len(shown) > 2:
            shown = shown[:-1]
        display = f"{_range(shown_value, shown_high, _plain)} {shown}"
    elif kind == "measure":
        render = _compact if as_written or factor == 1 else _four_digits  # 10 miles: 16.09 km
        display = f"{_range(shown_value, shown_high, render)} {shown}"
    else:
        whole = abs(value - round(value)) <= 1e-9 * abs(value)  # 8.12 million is 8119999.999999999
        display = _range(value, high, _compact if whole else _decimal)
    return _finish(text, start, end, kind, value, high, unit, display, after)


def _money(text, start, end, value, high, currency, after) -> QuantityMatch:
    symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
    display = _signed(symbol, value) + (f"–{_signed(symbol, high)}" if high is not None else "")
    return _finish(text, start, end, "money", value, high, currency, display, after)


def _signed(symbol: str, value: float) -> str:
    """-$3.2M, not $-3.2M; a price with cents keeps both digits ($74.30, $2,790.15)."""
    size = abs(value)
    amount = f"{size:,.2f}" if size < 1e6 and _has_cents(size) else _compact(size)
    return f"-{symbol}{amount}" if value < 0 else symbol + amount


def _has_cents(size: float) -> bool:
    """Whole cents, not all zero: 2790.15, not 2790.0 nor 0.042 (4.2p)."""
    cents = size * 100
    whole = round(cents)
    return whole % 100 != 0 and abs(cents - whole) < 1e-6 * cents


def _finish(text, start, end, kind, value, high, unit, display, after=None) -> QuantityMatch:
    qualifier = _qualifier_before(text, start)
    if not qualifier and after is not None:
        more, more2, word = after.group("more", "more2", "after")
        qualifier = more or more2 or word or None
    return QuantityMatch(start, end, text[start:end], kind, value, unit, display, high, None, qualifier)


def _date(text: str, start: int, end: int, iso: str | None) -> QuantityMatch | None:
    if iso is None:
        return None
    return QuantityMatch(start, end, text[start:end], "date", None, "date", iso, iso=iso)


def _number(text: str) -> float:
    if text and not text[0].isdigit():
        return parse_chinese(text)[0]
    return float(text.replace(",", ""))


def _plain(value: float) -> str:
    return f"{value:,.10g}" if value >= 10000 else f"{value:g}"


def _compact(value: float) -> str:
    """$100B, 12.5M; from 10,000 to a million K where it is exact in three digits (164K, 20K),
    else the digits as written (2,977, ¥1,520, $80,610), which read faster than 2.977K."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}"
    if abs(value) >= 1e3:
        size = abs(value)
        if size >= 1e4 and value % (1000 if size >= 1e5 else 100) == 0:  # three digits exact
            return f"{value / 1e3:.3g}K"
        return f"{value:,.6g}"
    return f"{value:.6g}"  # prices keep their cents: $183.38


def _decimal(value: float) -> str:
    """A count with decimals is a level or an average (5,916.98, 2.5): shown as written."""
    return f"{value:,.10g}"


def _four_digits(value: float) -> str:
    return _compact(float(f"{value:.4g}"))


def _range(value: float, high: float | None, render) -> str:
    return render(value) if high is None else f"{render(value)}–{render(high)}"
