"""What a number is about: the measured subject (speed, price, valuation, ...) and the
direction of a change, read from the words around it, in Chinese and English.

Two numbers can only disagree when they measure the same subject; without this, "50%
cheaper" would be set against "2x faster". A small bilingual keyword table is enough for
news prose; a subject nobody listed is simply unknown, and unknown subjects never clash.
"""

from __future__ import annotations

import re

SUBJECTS: dict[str, tuple[str, ...]] = {
    "valuation": ("估值", "市值", "valuation", "valued", "market cap", "market value", "worth"),
    "revenue": ("收入", "营收", "销售额", "revenue", "sales", "turnover"),
    "profit": ("利润", "净利", "盈利", "profit", "earnings", "net income"),
    "price": ("价格", "价钱", "成本", "费用", "便宜", "降价", "price", "cost", "cheaper", "fee"),
    "speed": ("速度", "提速", "更快", "faster", "speed", "slower", "as fast", "quicker"),
    "latency": ("延迟", "响应", "时延", "latency", "respond", "response time"),
    "funding": ("融资", "募资", "投资", "funding", "raised", "invested", "investment"),
    "purchase": ("订购", "采购", "购买", "订单", "purchase", "buy", "order", "spend"),
    "users": ("用户", "users", "customers", "subscribers"),
    "staff": ("员工", "雇员", "职员", "employees", "staff", "workers"),
    "rate_limit": ("速率限制", "rate limit"),
    "growth": ("增长", "增速", "growth", "grew", "growing"),
}
# qualifiers such as "up to" and "more than" say nothing about a change, so they are not here
# fmt: off
_UP = ("提升", "提高", "增长", "增加", "上涨", "上升", "增", "更快", "faster", "increase", "rise",
       "rose", "higher", "grew", "gain")
_DOWN = ("降低", "下降", "减少", "下跌", "下滑", "降", "便宜", "cheaper", "lower", "decrease",
         "decline", "fell", "cut", "drop")
# fmt: on
_CLAUSE = re.compile(r"[，,；;。！？!?、:：\n]|(?<=[a-z])\.\s")
_SUBJECT_OF = {word: subject for subject, words in SUBJECTS.items() for word in words}
_KEYWORDS = re.compile("|".join(re.escape(w) for w in sorted(_SUBJECT_OF, key=len, reverse=True)))
_UP_RE = re.compile("|".join(re.escape(w) for w in _UP))
_DOWN_RE = re.compile("|".join(re.escape(w) for w in _DOWN))


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end], bounded by commas and sentence marks."""
    low = 0
    for match in _CLAUSE.finditer(text, 0, start):
        low = match.end()
    found = _CLAUSE.search(text, end)
    high = found.start() if found else len(text)
    return low, high


def subject_of(text: str, start: int, end: int) -> str | None:
    """The subject keyword nearest the number, in its clause, else in its whole sentence."""
    low, high = clause_around(text, start, end)
    return _nearest(text, low, high, start, end) or _nearest(text, 0, len(text), start, end)


def clause_subject(text: str, start: int, end: int) -> str | None:
    """The subject keyword nearest the number within its own clause only."""
    low, high = clause_around(text, start, end)
    return _nearest(text, low, high, start, end)


def direction_of(text: str, start: int, end: int) -> int:
    """+1 for an increase, -1 for a decrease, 0 when the clause says neither."""
    low, high = clause_around(text, start, end)
    clause = text[low:high].lower()
    up = _UP_RE.search(clause) is not None
    down = _DOWN_RE.search(clause) is not None
    return 1 if up and not down else -1 if down and not up else 0


def _nearest(text: str, low: int, high: int, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for match in _KEYWORDS.finditer(text[low:high].lower()):
        position = low + match.start()
        distance = start - (position + len(match[0])) if position < start else position - end
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), _SUBJECT_OF[match[0]])
    return best[1] if best else None
