"""Text laid out in terminal cells: cut to a width with "…", and broken into lines where a
reader expects, never inside a number with its unit or a name.

Widths are terminal cells (a Chinese character takes two). Chinese text has no spaces, so
a line may break between any two Chinese characters, except before closing punctuation or
a percent sign and after opening punctuation, and never inside a span kept whole: an
amount with its unit ("5100万美元", "(50%)", "232 ms"), a name in Latin letters
("Sam Altman"), or a name the caller knows (an alias such as 奥尔特曼).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.cells import cell_len

Span = tuple[int, int]
ELLIPSIS = "…"
_NO_LINE_START = set("，。、；：！？）」』”’%％…·,.;:!?)]}")
_NO_LINE_END = set("（「『“‘([{$¥€£")
# an amount: a currency sign, digits, then a unit in Latin letters, a sign, or up to three
# Chinese characters (万, 亿美金, 毫秒, 个月); brackets around it stay with it
_AMOUNT = re.compile(
    r"[(（]?(?:US)?[$¥€£]?\d[\d,.]*(?:\s?(?:%|％|[A-Za-z]{1,12}(?![A-Za-z])|[\u4e00-\u9fff]{1,3}))?[)）]?"
)
_NAME_WORD = r"[A-Z][A-Za-z0-9.'’\-]*"
_LATIN_NAME = re.compile(rf"(?<![A-Za-z]){_NAME_WORD}(?: (?:{_NAME_WORD}|of|de|van|von|the))* {_NAME_WORD}")


def is_wide_script(char: str) -> bool:
    """A character of a script written without spaces (Chinese, Japanese, Korean) or their
    punctuation: a line may break beside it."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, punctuation, kana, ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF
    )


def clip(text: str, width: int) -> str:
    """`text` in at most `width` cells; when cut, it ends with "…", after a whole word
    where the text has spaces near the cut."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    kept, used = 0, 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > width - 1:
            kept = index
            break
    head = text[:kept]
    space = head.rfind(" ")
    # a word boundary near the cut reads better than a split word
    if not text[kept].isspace() and space > kept * 2 // 3:
        head = head[:space]
    return head.rstrip() + ELLIPSIS


def kept_whole(text: str, names: Iterable[str] = ()) -> list[Span]:
    """The spans of `text` that no line break may split: amounts with their units, names in
    Latin letters, and each occurrence of the given names."""
    spans = [m.span() for m in _AMOUNT.finditer(text)]
    spans += [m.span() for m in _LATIN_NAME.finditer(text)]
    for name in names:
        if len(name) > 1:
            start = text.find(name)
            while start != -1:
                spans.append((start, start + len(name)))
                start = text.find(name, start + len(name))
    return spans


def line_spans(text: str, width: int, keep: Iterable[Span] = ()) -> list[Span]:
    """Where each line of `text` (one paragraph, no newline) starts and ends, at most `width`
    cells each unless a span kept whole is longer than a line. Spaces at a break are dropped."""
    width = max(1, width)
    inside = _inside(len(text), keep)
    lines: list[Span] = []
    start, used, last_break, last_soft = 0, 0, -1, -1
    index = 0
    while index < len(text):
        if index > start and _may_break(text, index):
            last_soft = index  # a break, were it not inside a span kept whole
            if not inside[index]:
                last_break = index
        used += cell_len(text[index])
        if used > width and index > start:
            # a kept span longer than a line breaks where its words do, else anywhere
            end = last_break if last_break > start else last_soft if last_soft > start else index
            lines.append((start, _trimmed_end(text, start, end)))
            start = _next_start(text, end)
            used, last_break, last_soft, index = 0, -1, -1, start
            continue
        index += 1
    if start < len(text) or not lines:
        lines.append((start, _trimmed_end(text, start, len(text))))
    return lines


def _inside(length: int, keep: Iterable[Span]) -> bytearray:
    """inside[i] = 1 when a break before index i would split a kept span."""
    marks = bytearray(length + 1)
    for start, end in keep:
        for index in range(max(start + 1, 0), min(end, length)):
            marks[index] = 1
    return marks


def _may_break(text: str, index: int) -> bool:
    before, here = text[index - 1], text[index]
    if here.isspace():
        return False
    if before.isspace():
        return True
    if here in _NO_LINE_START or before in _NO_LINE_END:
        return False
    return is_wide_script(before) or is_wide_script(here)


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _next_start(text: str, index: int) -> int:
    while index < len(text) and text[index] == " ":
        index += 1
    return index
