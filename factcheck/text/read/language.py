"""Which language a text is written in, as far as factcheck needs to know: Chinese or
English (or undetermined). Stored with each document at ingest, and asked again of each
piece of text a report shows, so a browser picks the right fonts and a screen reader the
right voice."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
SAMPLE = 5000  # characters looked at: enough to tell, cheap on a large document
CHINESE_SHARE = 0.3  # of the letters: Chinese text quotes English names and numbers freely


def detect_language(text: str) -> str:
    """"zh", "en", or "und" for a text without letters."""
    sample = text[:SAMPLE]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return "und"
    return "zh" if len(_CJK.findall(sample)) / letters > CHINESE_SHARE else "en"
