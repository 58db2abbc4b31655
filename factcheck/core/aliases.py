"""Harvesting entity name variants such as 奥尔特曼(Sam Altman). First version."""

from __future__ import annotations

import re

_ZH_EN = re.compile(r"([\u4e00-\u9fff·]{2,12})[(（]([A-Z][A-Za-z.\- ]{1,60}?)[)）]")
_EN_ZH = re.compile(r"([A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*){0,4}) ?[(（]([\u4e00-\u9fff·]{2,12})[)）]")


def harvest_aliases(text: str) -> list[tuple[str, str]]:
    """(canonical English name, variant) pairs, each once, in order of appearance."""
    pairs: dict[tuple[str, str], None] = {}
    for zh, en in _ZH_EN.findall(text):
        pairs[(en.strip(), zh)] = None
    for en, zh in _EN_ZH.findall(text):
        pairs[(en.strip(), zh)] = None
    return list(pairs)
