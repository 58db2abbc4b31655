"""Finding and normalising quantities in Chinese and English text. First version."""

from __future__ import annotations

import re

from factcheck.core.extraction import QuantityMatch

_CN_SCALE = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万亿": 1e12, "千": 1e3, "百": 1e2}
_EN_SCALE = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
_CURRENCY_WORD = {
    "美元": "USD", "美金": "USD", "人民币": "CNY", "元": "CNY", "欧元": "EUR", "港元": "HKD",
    "日元": "JPY", "英镑": "GBP", "dollars": "USD", "dollar": "USD", "euros": "EUR", "yen": "JPY",
}
_CURRENCY_SYMBOL = {"US$": "USD", "$": "USD", "¥": "CNY", "RMB": "CNY", "€": "EUR", "£": "GBP", "USD": "USD"}
_SYMBOL_OF = {"USD": "$", "CNY": "¥", "EUR": "€", "GBP": "£", "JPY": "JP¥", "HKD": "HK$"}
_DURATION = {
    "毫秒": 0.001, "ms": 0.001, "milliseconds": 0.001, "millisecond": 0.001,
    "秒": 1, "seconds": 1, "second": 1, "分钟": 60, "minutes": 60, "小时": 3600, "hours": 3600,
    "天": 86400, "days": 86400, "周": 604800, "weeks": 604800, "个月": 2592000, "months": 2592000,
    "年": 31536000, "years": 31536000,
}
_QUALIFIERS = ("约", "超过", "至少", "近", "高达", "nearly", "more than", "over", "about", "as little as", "up to")

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN_SCALE_RE = "万亿|千万|百万|万|亿"
_MONEY_CN = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?P<scale>{_CN_SCALE_RE})?\s*(?P<cur>美元|美金|人民币|欧元|港元|日元|英镑|元)"
)
_MONEY_EN = re.compile(
    rf"(?P<sym>US\$|\$|€|£|¥|RMB|USD)\s*(?P<num>{_NUMBER})\s*(?P<scale>(?:{_CN_SCALE_RE})|(?:million|billion|trillion|thousand|bn|mn|tn|[mbk])\b)?",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"(?P<num>{_NUMBER})\s*(?:%|percent\b|per cent\b)|(?P<pp>{_NUMBER})\s*个百分点")
_DURATION_RE = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?P<unit>毫秒|milliseconds?|ms\b|秒|seconds?|分钟|minutes|小时|hours|天|days|周|weeks|个月|months|年(?!\d|[前后底初中末度])|years)",
)
_DATE_CN = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?")
_RATIO = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?:x\b|倍)|(?P<cn>两|二|三|四|五|十)倍")
_COUNT_CN = re.compile(rf"(?P<num>{_NUMBER})\s*(?P<scale>{_CN_SCALE_RE})?\s*(?P<noun>条|名|位|家|个|次|人|款|项)")
_CN_DIGIT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "十": 10}


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _compact(value: float) -> str:
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}"
    return f"{value:.4g}"


def _qualifier(text: str, start: int) -> str | None:
    before = text[max(0, start - 12) : start].rstrip().lower()
    for word in _QUALIFIERS:
        if before.endswith(word):
            return word
    return None


def extract_quantities(text: str, reference_date: str | None = None) -> list[QuantityMatch]:
    """Every quantity in `text`, ordered by position, without overlaps."""
    found: list[QuantityMatch] = []
    for m in _MONEY_CN.finditer(text):
        scale = _CN_SCALE.get(m["scale"] or "", 1)
        currency = _CURRENCY_WORD[m["cur"]]
        value = _number(m["num"]) * scale
        found.append(_money(text, m, value, currency))
    for m in _MONEY_EN.finditer(text):
        scale_word = (m["scale"] or "").lower()
        scale = _CN_SCALE.get(scale_word, _EN_SCALE.get(scale_word, 1))
        currency = _CURRENCY_SYMBOL[m["sym"].upper() if m["sym"].isalpha() else m["sym"]]
        found.append(_money(text, m, _number(m["num"]) * scale, currency))
    for m in _PERCENT.finditer(text):
        if m["pp"]:
            value = _number(m["pp"])
            found.append(QuantityMatch(m.start(), m.end(), m[0], "percent", value, "pp", f"{value:g} pp"))
        else:
            value = _number(m["num"])
            found.append(QuantityMatch(m.start(), m.end(), m[0], "percent", value, "%", f"{value:g}%"))
    for m in _DURATION_RE.finditer(text):
        unit = m["unit"].rstrip("s") + ("s" if m["unit"].endswith("s") else "")
        factor = _DURATION.get(m["unit"], _DURATION.get(unit, 1))
        number = _number(m["num"])
        display = f"{number:g} ms" if factor == 0.001 else f"{number:g} {m['unit']}"
        found.append(QuantityMatch(m.start(), m.end(), m[0], "duration", number * factor, "s", display))
    for m in _DATE_CN.finditer(text):
        month = int(m["m"])
        if not 1 <= month <= 12:
            continue
        year = m["y"] or (reference_date[:4] if reference_date else None)
        iso = f"{year}-{month:02d}" if year else f"--{month:02d}"
        if m["d"]:
            iso += f"-{int(m['d']):02d}"
        found.append(QuantityMatch(m.start(), m.end(), m[0], "date", None, "date", iso, iso=iso))
    for m in _RATIO.finditer(text):
        value = float(m["num"]) if m["num"] else float(_CN_DIGIT[m["cn"]])
        found.append(QuantityMatch(m.start(), m.end(), m[0], "ratio", value, "x", f"{value:g}x"))
    for m in _COUNT_CN.finditer(text):
        value = _number(m["num"]) * _CN_SCALE.get(m["scale"] or "", 1)
        found.append(QuantityMatch(m.start(), m.end(), m[0], "count", value, m["noun"], _compact(value)))
    result: list[QuantityMatch] = []
    end = -1
    for q in sorted(found, key=lambda q: (q.start, -(q.end - q.start))):
        if q.start >= end:
            q.qualifier = _qualifier(text, q.start)
            result.append(q)
            end = q.end
    return result


def _money(text: str, m: re.Match, value: float, currency: str) -> QuantityMatch:
    symbol = _SYMBOL_OF.get(currency, currency + " ")
    return QuantityMatch(m.start(), m.end(), m[0], "money", value, currency, f"{symbol}{_compact(value)}")
