"""Splitting evidence documents into passages, the unit a claim links to. First version."""

from __future__ import annotations

import re

from factcheck.text.extract.sentences import split_sentences

_HEADER_LINE = re.compile(r"^(#+\s|(Source|URL|Published|Date)\s*:)", re.IGNORECASE)


def split_passages(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the body: header lines (title, Source:, Published:) are not evidence."""
    return [(s, e) for s, e in split_sentences(text) if not _HEADER_LINE.match(text[s:e])]
