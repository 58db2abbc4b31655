"""The words that follow or precede a number and give it a kind: currencies, percent forms,
durations, measures, ratios and Chinese classifiers, each with its canonical unit."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck.text.extract.currencies import (
    cent_words,
    currency_prefixes,
    currency_symbols,
    currency_words,
)

# each defined in text/extract/currencies.py
CURRENCY_WORDS = currency_words()  # written after the number → ISO 4217 code
CURRENCY_PREFIXES = currency_prefixes()  # written before it: $5, US$100BN, USD34.6 million, RMB 5bn
CURRENCY_SYMBOLS = currency_symbols()  # code → what a displayed amount starts with
CENT_WORDS = cent_words()  # a hundredth read alone (14 cents, a penny) → its currency


@dataclass(frozen=True)
class Unit:
    """One unit and the words for it: an amount written in it is kept in `unit` (the
    canonical unit of its kind) times `factor`, and shown in `shown`. A prefixed unit keeps
    the prefix it was written with (150 MW, 25 mm); other units are shown converted (100斤 →
    50 kg, 10 miles → 16.09 km)."""

    unit: str
    factor: float
    words: tuple[str, ...]
    shown: str = ""  # empty: the unit itself

    def entry(self, kind: str) -> tuple[str, str, float, str]:
        return (kind, self.unit, self.factor, self.shown or self.unit)


DURATIONS: tuple[Unit, ...] = (  # in seconds; shown in the unit written
    Unit("s", 0.001, ("毫秒", "ms", "milliseconds", "millisecond"), shown="ms"),
    Unit("s", 1, ("秒钟", "秒", "seconds", "second", "secs", "sec")),
    Unit("s", 60, ("分钟", "minutes", "minute", "mins", "min"), shown="min"),
    Unit("s", 3600, ("个小时", "小时", "hours", "hour", "hrs"), shown="hours"),
    Unit("s", 86400, ("天", "days", "day"), shown="days"),
    Unit("s", 604800, ("个星期", "星期", "周", "weeks", "week"), shown="weeks"),
    Unit("s", 2592000, ("个月", "months", "month"), shown="months"),
    Unit("s", 31536000, ("年", "years", "year"), shown="years"),
    Unit("s", 315360000, ("decades", "decade"), shown="decades"),
)

MEASURES: tuple[Unit, ...] = (
    Unit("t", 1, ("吨", "tonnes", "tonne", "tons", "ton", "metric tons")),
    Unit("kg", 1, ("千克", "公斤", "kg", "kilograms")),
    Unit("kg", 0.001, ("克", "grams", "gram"), shown="g"),
    Unit("kg", 1e-6, ("毫克", "mg", "milligrams"), shown="mg"),
    Unit("kg", 1e-9, ("微克", "µg", "μg"), shown="µg"),
    Unit("kg", 0.453592, ("lbs", "lb")),
    Unit("kg", 0.5, ("斤",)),
    Unit("km", 1, ("公里", "千米", "km", "kilometres", "kilometers", "kilometre", "kilometer")),
    Unit("km", 1.609344, ("miles", "mile")),
    Unit("m", 1, ("米", "metres", "meters", "metre", "meter")),
    Unit("m", 0.3048, ("feet", "foot", "ft")),
    Unit("m", 0.0254, ("inches", "inch")),
    Unit("m", 0.01, ("厘米", "cm"), shown="cm"),
    Unit("m", 0.001, ("毫米", "mm"), shown="mm"),
    Unit("m", 1e-9, ("纳米", "nm"), shown="nm"),
    Unit("km/h", 1, ("km/h", "公里/小时", "千米/小时")),
    Unit("km/h", 1.609344, ("mph",)),
    Unit("km2", 1, ("平方公里", "平方千米", "square kilometres", "square kilometers", "sq km", "km2", "km²")),
    Unit("m2", 1, ("平方米", "square metres", "square meters")),
    Unit("km2", 2.589988, ("square miles",)),
    Unit("m2", 0.092903, ("square feet",)),
    Unit("m2", 666.67, ("亩",)),
    Unit("ha", 1, ("公顷", "hectares")),
    Unit("ha", 0.404686, ("acres",)),
    Unit("m3", 1, ("立方米", "cubic metres", "cubic meters")),
    Unit("L", 1, ("升", "litres", "liters")),
    Unit("L", 0.001, ("毫升",), shown="mL"),
    Unit("bbl", 1, ("barrels",)),
    Unit("kWh", 1, ("千瓦时", "千瓦·时", "kWh")),
    Unit("kWh", 1000, ("MWh", "兆瓦时"), shown="MWh"),
    Unit("kWh", 1e6, ("GWh", "吉瓦时"), shown="GWh"),
    Unit("kWh", 1000e6, ("TWh", "太瓦时"), shown="TWh"),
    Unit("kW", 1, ("千瓦", "kW", "kilowatts")),
    Unit("kW", 1000, ("兆瓦", "MW", "megawatts"), shown="MW"),
    Unit("kW", 1e6, ("吉瓦", "GW", "gigawatts"), shown="GW"),
    Unit("Hz", 1000e6, ("GHz",), shown="GHz"),
    Unit("Hz", 1e6, ("MHz",), shown="MHz"),
    Unit("tokens", 1, ("tokens", "token")),
    Unit("TB", 1, ("TB",)),
    Unit("GB", 1, ("GB",)),
    Unit("PB", 1, ("PB",)),
    Unit("°C", 1, ("°C", "摄氏度", "degrees Celsius", "℃")),
    Unit("°F", 1, ("°F", "degrees Fahrenheit", "℉")),
    Unit("TEU", 1, ("标准箱", "TEU")),
)

PERCENTS: tuple[Unit, ...] = (
    Unit("%", 1, ("%", "percent", "per cent", "pct")),
    Unit("pp", 1, ("个百分点", "百分点", "percentage points", "percentage point", "pp", "ppt")),
    Unit("pp", 0.01, ("个基点", "基点", "basis points", "bps", "bp")),
    Unit("%", 10, ("成",)),
)

_RATIOS = {"倍": 1, "x": 1, "×": 1, "times": 1, "fold": 1}
CLASSIFIERS = ["个", "条", "名", "位", "家", "次", "人次", "人", "款", "项", "件", "所", "座", "辆", "台", "部", "只", "头", "篇", "本", "张", "份", "例", "起", "场", "批", "架", "艘", "户", "股", "支", "枚", "颗", "套", "间", "层", "票", "种", "类", "笔", "岁", "国", "城", "省", "轮", "则", "封", "首", "集", "期", "单", "宗", "席", "根", "匹", "粒", "盏", "片",
               "块", "段", "道", "棵", "幅", "册", "桶", "箱", "瓶", "袋", "盒", "组", "栋", "幢"]
# words after a number that make it something other than a quantity: times of day, days of
# the month, scores
NOT_QUANTITY = ("日", "号", "点", "时", "分", "月", "a.m.", "p.m.", "am", "pm", "GMT", "UTC", "BST", "EST", "ET")

UNITS: dict[str, tuple[str, str, float, str]] = {}
for _word, _code in CURRENCY_WORDS.items():
    UNITS[_word] = ("money", _code, 1, "")
for _word, _code in CENT_WORDS.items():
    UNITS[_word] = ("money", _code, 0.01, "")
for _kind, _units in (("duration", DURATIONS), ("measure", MEASURES), ("percent", PERCENTS)):
    for _unit in _units:
        for _word in _unit.words:
            UNITS[_word] = _unit.entry(_kind)
UNITS["‰"] = ("percent", "%", 0.1, "‰")  # per mille (出生率6.77‰): the value in percent, shown as written
for _word, _factor in _RATIOS.items():
    UNITS[_word] = ("ratio", "x", _factor, "x")
for _word in CLASSIFIERS:
    UNITS.setdefault(_word, ("count", _word, 1, ""))
for _word in ("岁", "周岁"):  # an age: its own kind of count, never the noun after it
    UNITS[_word] = ("count", "age", 1, "")
for _word in NOT_QUANTITY:
    UNITS[_word] = ("skip", "", 1, "")

_ASCII_WORD = re.compile(r"[A-Za-z]")


def alternation(words, *, guard: str = "", tails: dict[str, str] | None = None) -> str:
    """A regex matching any of `words`, longest first (个百分点 wins over 个, 'per cent' over
    'per'), written as a trie so the engine rejects a position on its first character.
    English words end at a word boundary so 'ms' does not match the start of 'msg'.

    `guard`: a lookbehind that words starting with a Latin letter must pass after their first
    letter, such as WORD_START (as after a leading \\b); placed there rather than before the
    word, every branch begins with a literal, and a pattern made of this alone lets the engine
    skip to candidate characters without running the pattern at each position. `tails`: more branches, a first character
    and the regex for the rest (据 and what follows it)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word
    for first, tail in (tails or {}).items():
        trie.setdefault(first, {})[_TAIL] = tail
    if guard:
        for ch in list(trie):
            if _ASCII_WORD.match(ch):
                trie[ch] = {_GUARD: (guard, trie[ch])}
    return _trie_pattern(trie)


_TAIL = "\x00tail"  # keys no word holds: a raw regex tail, and the word-start check
_GUARD = "\x00guard"
WORD_START = r"(?<!\w\w)"  # after a word's first letter: the character before it is no word character


def _trie_pattern(node: dict) -> str:
    if _GUARD in node:
        guard, child = node[_GUARD]
        return guard + _trie_pattern(child)
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch and ch[0] != "\x00"]
    if _TAIL in node:
        branches.append(node[_TAIL])
    if "" in node:
        word = node[""]
        branches.append(r"(?![A-Za-z])" if _ASCII_WORD.match(word[-1]) else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


class WordScan:
    r"""Words from a list at a word start, as `\b(?:words)` finds them, but fast in English
    text. A pattern starting with \b makes the engine try every position, and one starting
    with a letter tries every letter; these try only the characters between words and look
    ahead for the word: the space, which the engine finds fastest as a single literal, and
    then any other character outside words (\W, checked after a cheaper class that holds it).
    In text with few spaces (Chinese) each first letter is tried instead. The patterns are
    compiled on first use (compiling costs milliseconds at import)."""

    def __init__(self, words) -> None:
        self._words = list(words)

    @functools.cached_property
    def _guarded(self) -> re.Pattern:  # for text with few spaces
        return re.compile(alternation(self._words, guard=WORD_START))

    @functools.cached_property
    def _between(self) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
        trie = alternation(self._words)
        return (
            re.compile(trie),
            re.compile(rf" (?=({trie}))"),
            re.compile(rf"[^ A-Za-z0-9_\u4e00-\u9fff](?<!\w)(?=({trie}))"),
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each word, in order, without overlaps."""
        if text.count(" ") * 20 < len(text):  # Chinese: Latin letters are rare, try each of them
            return [m.span() for m in self._guarded.finditer(text)]
        at_start, after_space, after_other = self._between
        first = at_start.match(text)
        candidates = [first.span()] if first else []
        candidates += [m.span(1) for m in after_space.finditer(text)]
        candidates += [m.span(1) for m in after_other.finditer(text)]
        candidates.sort()
        found = []
        end = 0
        for span in candidates:
            if span[0] >= end:
                found.append(span)
                end = span[1]
        return found
