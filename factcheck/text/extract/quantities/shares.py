"""Shares written in Chinese, in percent: N分之M with any numerals (千分之三 is 0.3%), a
discount N折 as the share of the price paid (打8折 is 80%, 85折 85%, 二点五折 25%, 对折 50%),
and the forms of 成 beyond a numeral before it (四成半 is 45%, 七点五成 75%, 半成 5%)."""

from __future__ import annotations

from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.numerals import CN_DIGITS, MAX_NUMBER_CHARS, parse_chinese
from factcheck.text.extract.quantities.display import _finish, _plain, _range
from factcheck.text.extract.quantities.grammar import (
    _AFTER,
    _DENOMINATOR_BEFORE,
    _HALF_PRICE_AFTER,
    _NOT_A_DISCOUNT,
    _NOT_A_TENTH,
    _SHARE_AFTER,
    _SHARE_BEFORE,
    _SHARE_MARKS,
    _TRADITIONAL_SCALES,
    _WORD_BEFORE_HALF,
    _WORD_BEFORE_SHARE,
)

_REACH = 12  # characters before a mark where its number is looked for


def chinese_shares(text: str) -> list[QuantityMatch]:
    found = []
    for scan in _SHARE_MARKS:
        for mark in scan.finditer(text):
            if mark[0] == "分之":
                share = _per_part(text, mark.start(), mark.end())
            else:
                share = _tenths(text, mark.start(), mark[0])
            if share is not None:
                found.append(share)
    return found


def _per_part(text: str, start: int, end: int) -> QuantityMatch | None:
    """百分之五点五, 千分之三, 万分之五, 百万分之五, 三分之一: the numerator over the
    denominator, in percent; 以上 or 左右 after it qualifies it."""
    head = _DENOMINATOR_BEFORE.search(text, max(0, start - _REACH), start)
    tail = _SHARE_AFTER.match(text, end)
    if head is None or tail is None or len(tail[0]) > MAX_NUMBER_CHARS:
        return None
    denominator, value = _share_value(head[0]), _share_value(tail[0])
    if head[0] != "百":  # 百分之一百二十 is 120%; another share is a part of its whole
        if not 0 < value < denominator:
            return None
        value = value / denominator * 100
    after = _bare_after(text, tail.end())
    stop = after.end() if after is not None else tail.end()
    return _finish(text, head.start(), stop, "percent", value, None, "%", f"{value:.4g}%", after)


def _tenths(text: str, mark: int, word: str) -> QuantityMatch | None:
    """N折 and the forms of N成 the unit table does not read (四成半, 七点五成, 半成)."""
    after = text[mark + 1 : mark + 2]
    if after in (_NOT_A_DISCOUNT if word == "折" else _NOT_A_TENTH):
        return None
    head = _SHARE_BEFORE.search(text, max(0, mark - _REACH), mark)
    if head is None:
        return None
    written, start, end = head["number"], head.start(), mark + 1
    before = text[start - 1 : start]
    if before.isascii() and before.isalnum() or before in (_WORD_BEFORE_HALF if written == "半" else _WORD_BEFORE_SHARE):
        return None  # A8折, 第三折, 一波三折, 一半成为
    if word == "折":
        value, high = _discount(text, written, before, end)
    else:
        halves = after == "半" and text[mark + 2 : mark + 3] not in _NOT_A_TENTH
        if not (halves or written == "半" or _has_point(written) or head["low"]):
            return None  # 三成, 7.5成: read with the unit table
        value, high = (0.5, None) if written == "半" else (_share_value(written), None)
        if not 0 < value <= 10:
            return None
        value = value + 0.5 if halves else value
        value, end = value * 10, end + halves
    if value is None:
        return None
    if head["low"]:  # the range's first number is in the same tenths or hundredths
        low = _discount(text, head["low"], "", end)[0] if word == "折" else _share_value(head["low"]) * 10
        if low is None or not 0 < low < value:
            return None
        value, high = low, value
    qualified = _bare_after(text, end)  # 八折左右, 半成以上
    if qualified is not None and qualified["after"]:
        end = qualified.end()
    else:
        qualified = None
    return _finish(text, start, end, "percent", value, high, "%", _range(value, high, _plain) + "%", qualified)


def _bare_after(text: str, end: int):
    """What follows a share when it is no unit or scale (a qualifier, 以上, 左右): a share
    before 元 or 亿 is part of another amount."""
    after = _AFTER.match(text, end)
    return None if after["unit"] or after["cnscale"] or after["enscale"] else after


def _discount(text: str, written: str, before: str, end: int) -> tuple[float | None, float | None]:
    """The share of the price paid: 8折 and 8.5折 in tenths, 85折 and 七五折 in hundredths,
    八九折 a range; 对折 half, when a sale says so."""
    if written == "对":
        return (50.0, None) if before == "打" or _HALF_PRICE_AFTER.match(text, end) else (None, None)
    if _has_point(written):
        value = _share_value(written)
        return (value * 10, None) if 0 < value < 10 else (None, None)
    if written[0].isdigit():
        digits = int(written)
        if 1 <= digits <= 9:
            return digits * 10.0, None
        return (float(digits), None) if len(written) == 2 and digits % 10 else (None, None)
    if not all(ch in CN_DIGITS for ch in written) or len(written) > 2:
        return None, None  # 十折, 百折不挠
    value, high = parse_chinese(written)
    if len(written) == 1 or high is not None:
        return (value * 10, high * 10 if high is not None else None) if value else (None, None)
    return (value, None) if value % 10 else (None, None)  # 七五折; 九〇 is no discount


def _has_point(written: str) -> bool:
    return any(point in written for point in "点點．.")


def _share_value(written: str) -> float:
    """A number as shares write it: digits, Chinese numerals in any form (贰, 仟, 萬), and
    decimals after 点 or a point (二点五, 0．5)."""
    written = written.translate(_TRADITIONAL_SCALES)
    whole, point, decimals = written.replace(",", "").replace("点", ".").partition(".")
    value = float(whole) if whole[:1].isdigit() else parse_chinese(whole)[0]
    if point and decimals:
        value += float("0." + "".join(str(CN_DIGITS.get(ch, ch)) for ch in decimals))
    return value
