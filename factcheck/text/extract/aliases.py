"""Harvesting entity name variants such as 奥尔特曼(Sam Altman) and Jan Leike (简·雷克).

The Chinese side of a pair is the run of Chinese characters touching the bracket, and that
run usually carries more than the name: a title (首席科学家伊利亚·苏茨克沃) or a verb
(遵循规律效应). The name is the shortest tail of the run after the last title ending, verb or
particle; a transliterated name (伊利亚·苏茨克沃) is kept whole from the dot's given name on.
"""

from __future__ import annotations

import re

_CJK = "\u4e00-\u9fff"
# Brackets are rare, so the scan looks for them first and then reads what stands before.
_EN_IN_BRACKETS = re.compile(r"[(（]([A-Z][A-Za-z.&\- ]{0,60}?[A-Za-z.])[)）]")
_ZH_IN_BRACKETS = re.compile(rf"[(（]([{_CJK}·]{{2,16}})[)）]")
_ZH_BEFORE = re.compile(rf"([{_CJK}·]{{2,24}}) ?$")
_EN_BEFORE = re.compile(
    r"((?:[A-Z][A-Za-z.&\-]*|of|and|for|the)(?: (?:[A-Z][A-Za-z.&\-]*|of|and|for|the)){0,5}) ?$"
)
# characters that end a title or are a particle: 科学家, 技术官, 董事长, 负责人, 总裁, 主席 …
_BOUNDARY_CHARS = set("的了在是和与及对向把被从做为将待于即以或让给由至到称说之家官长裁席士授者员理任监师手")
_BOUNDARY_WORDS = (
    "遵循", "发布", "推出", "宣布", "使用", "采用", "包括", "加入", "担任", "出任", "领导",
    "研究", "开发", "成立", "负责人", "创始人", "合伙人", "发言人", "人士", "前任", "现任",
)
_BOUNDARY_WORD = re.compile("|".join(_BOUNDARY_WORDS))
_MAX_PLAIN_NAME = 8  # a name without a dot longer than this is a phrase, not a name


def harvest_aliases(text: str) -> list[tuple[str, str]]:
    """(canonical English name, variant) pairs, each once, in order of appearance."""
    pairs: dict[tuple[str, str], None] = {}
    for bracket in _EN_IN_BRACKETS.finditer(text):
        before = _ZH_BEFORE.search(text, max(0, bracket.start() - 25), bracket.start())
        if before:
            for variant in chinese_names(before[1]):
                pairs[(bracket[1].strip(), variant)] = None
    for bracket in _ZH_IN_BRACKETS.finditer(text):
        before = _EN_BEFORE.search(text, max(0, bracket.start() - 80), bracket.start())
        if not before:
            continue
        run = bracket[1]
        english = re.sub(r"^(?:(?:of|and|for|the) )+", "", before[1].strip())
        if english[:1].isupper():
            for variant in chinese_names(run, whole=True):
                pairs[(english, variant)] = None
    return _without_glued_words(list(pairs))


def _without_glued_words(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop 后来奥尔特曼 when 奥尔特曼 names the same person elsewhere: the shorter variant shows
    the longer one carries a word glued before the name (a dotted given name is no such word)."""
    by_name: dict[str, list[str]] = {}
    for name, variant in pairs:
        by_name.setdefault(name, []).append(variant)

    def glued(name: str, variant: str) -> bool:
        return any(
            other != variant and variant.endswith(other) and "·" not in variant[: -len(other)]
            for other in by_name[name]
        )

    return [(name, variant) for name, variant in pairs if not glued(name, variant)]


def chinese_names(run: str, *, whole: bool = False) -> list[str]:
    """The name at the end of `run` and, for a transliterated name, its parts of two or more
    characters (伊利亚·苏茨克沃 -> 伊利亚·苏茨克沃, 伊利亚, 苏茨克沃). `whole` when the run
    stands alone in brackets, so it holds nothing but the name."""
    name = run if whole else _trailing_name(run)
    name = name.strip("·")
    if len(name) < 2:
        return []
    if "·" not in name:
        return [name] if len(name) <= _MAX_PLAIN_NAME or whole else []
    parts = [part for part in name.split("·") if len(part) >= 2]
    return [name] + [part for part in parts if part != name]


def _trailing_name(run: str) -> str:
    cut = 0
    for found in _BOUNDARY_WORD.finditer(run):
        cut = max(cut, found.end())
    dot = run.find("·", cut)
    stop = dot if dot >= 0 else len(run)
    for index in range(stop - 1, cut - 1, -1):
        if run[index] in _BOUNDARY_CHARS:
            cut = index + 1
            break
    return run[cut:]
