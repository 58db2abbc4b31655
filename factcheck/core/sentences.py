"""Sentence segmentation for Chinese and English. First version."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[。！？；!?]+[”’」』\"]?|(?<=[a-z0-9\)\]”\"])[.](?=\s+[A-Z“\"])|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        _append(text, start, match.end(), spans)
        start = match.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
