"""The words that follow or precede a number and give it a kind: currencies, percent forms,
durations, measures, ratios and Chinese classifiers, each with its canonical unit."""

from __future__ import annotations

import functools
import re

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

# surface -> (kind, unit, factor to the canonical value, display unit)
_DURATIONS = {
    "毫秒": (0.001, "ms"), "ms": (0.001, "ms"), "milliseconds": (0.001, "ms"),
    "millisecond": (0.001, "ms"), "秒钟": (1, "s"), "秒": (1, "s"), "seconds": (1, "s"),
    "second": (1, "s"), "secs": (1, "s"), "sec": (1, "s"), "分钟": (60, "min"),
    "minutes": (60, "min"), "minute": (60, "min"), "mins": (60, "min"), "min": (60, "min"),
    "个小时": (3600, "hours"), "小时": (3600, "hours"), "hours": (3600, "hours"),
    "hour": (3600, "hours"), "hrs": (3600, "hours"), "天": (86400, "days"), "days": (86400, "days"),
    "day": (86400, "days"), "个星期": (604800, "weeks"), "星期": (604800, "weeks"),
    "周": (604800, "weeks"), "weeks": (604800, "weeks"), "week": (604800, "weeks"),
    "个月": (2592000, "months"), "months": (2592000, "months"), "month": (2592000, "months"),
    "年": (31536000, "years"), "years": (31536000, "years"), "year": (31536000, "years"),
    "decades": (315360000, "decades"), "decade": (315360000, "decades"),
}
# surface -> (factor to the canonical unit, canonical unit[, unit shown]): the value is kept
# in the canonical unit; the display keeps a prefixed unit as written (150 MW, 25 mm) and
# shows other units converted (100斤 -> 50 kg, 10 miles -> 16.09 km)
_MEASURES = {
    "吨": (1, "t"), "tonnes": (1, "t"), "tonne": (1, "t"), "tons": (1, "t"), "ton": (1, "t"),
    "metric tons": (1, "t"), "千克": (1, "kg"), "公斤": (1, "kg"), "kg": (1, "kg"),
    "kilograms": (1, "kg"), "克": (0.001, "kg", "g"), "grams": (0.001, "kg", "g"),
    "gram": (0.001, "kg", "g"), "毫克": (1e-6, "kg", "mg"), "mg": (1e-6, "kg", "mg"),
    "milligrams": (1e-6, "kg", "mg"), "微克": (1e-9, "kg", "µg"), "µg": (1e-9, "kg", "µg"),
    "μg": (1e-9, "kg", "µg"), "lbs": (0.453592, "kg"), "lb": (0.453592, "kg"), "斤": (0.5, "kg"),
    "公里": (1, "km"), "千米": (1, "km"), "km": (1, "km"), "kilometres": (1, "km"),
    "kilometers": (1, "km"), "kilometre": (1, "km"), "kilometer": (1, "km"),
    "miles": (1.609344, "km"), "mile": (1.609344, "km"), "米": (1, "m"), "metres": (1, "m"),
    "meters": (1, "m"), "metre": (1, "m"), "meter": (1, "m"), "feet": (0.3048, "m"),
    "foot": (0.3048, "m"), "ft": (0.3048, "m"), "inches": (0.0254, "m"), "inch": (0.0254, "m"),
    "厘米": (0.01, "m", "cm"), "毫米": (0.001, "m", "mm"), "cm": (0.01, "m", "cm"),
    "mm": (0.001, "m", "mm"), "纳米": (1e-9, "m", "nm"), "nm": (1e-9, "m", "nm"),
    "km/h": (1, "km/h"), "公里/小时": (1, "km/h"), "千米/小时": (1, "km/h"), "mph": (1.609344, "km/h"),
    "平方公里": (1, "km2"), "平方千米": (1, "km2"), "平方米": (1, "m2"), "square kilometres": (1, "km2"),
    "square kilometers": (1, "km2"), "sq km": (1, "km2"), "km2": (1, "km2"), "km²": (1, "km2"),
    "square miles": (2.589988, "km2"), "square metres": (1, "m2"), "square meters": (1, "m2"),
    "square feet": (0.092903, "m2"), "亩": (666.67, "m2"), "公顷": (1, "ha"), "hectares": (1, "ha"),
    "acres": (0.404686, "ha"), "立方米": (1, "m3"), "cubic metres": (1, "m3"), "cubic meters": (1, "m3"),
    "升": (1, "L"), "毫升": (0.001, "L", "mL"), "litres": (1, "L"), "liters": (1, "L"),
    "barrels": (1, "bbl"), "千瓦时": (1, "kWh"), "千瓦·时": (1, "kWh"), "kWh": (1, "kWh"),
    "MWh": (1000, "kWh", "MWh"), "兆瓦时": (1000, "kWh", "MWh"), "GWh": (1e6, "kWh", "GWh"),
    "吉瓦时": (1e6, "kWh", "GWh"), "TWh": (1e9, "kWh", "TWh"), "太瓦时": (1e9, "kWh", "TWh"),
    "千瓦": (1, "kW"), "kW": (1, "kW"), "kilowatts": (1, "kW"), "兆瓦": (1000, "kW", "MW"),
    "MW": (1000, "kW", "MW"), "megawatts": (1000, "kW", "MW"), "吉瓦": (1e6, "kW", "GW"),
    "GW": (1e6, "kW", "GW"), "gigawatts": (1e6, "kW", "GW"), "GHz": (1e9, "Hz", "GHz"),
    "MHz": (1e6, "Hz", "MHz"), "tokens": (1, "tokens"), "token": (1, "tokens"), "TB": (1, "TB"),
    "GB": (1, "GB"), "PB": (1, "PB"), "°C": (1, "°C"), "摄氏度": (1, "°C"),
    "degrees Celsius": (1, "°C"), "°F": (1, "°F"), "degrees Fahrenheit": (1, "°F"), "℃": (1, "°C"), "℉": (1, "°F"),
    "标准箱": (1, "TEU"), "TEU": (1, "TEU"),
}
_PERCENTS = {
    "%": (1, "%"), "percent": (1, "%"), "per cent": (1, "%"), "pct": (1, "%"),
    "个百分点": (1, "pp"), "百分点": (1, "pp"), "percentage points": (1, "pp"),
    "percentage point": (1, "pp"), "pp": (1, "pp"), "ppt": (1, "pp"), "个基点": (0.01, "pp"),
    "基点": (0.01, "pp"), "basis points": (0.01, "pp"), "bps": (0.01, "pp"), "bp": (0.01, "pp"),
    "成": (10, "%"),
}
_RATIOS = {"倍": 1, "x": 1, "×": 1, "times": 1, "fold": 1}
CLASSIFIERS = ["个", "条", "名", "位", "家", "次", "人次", "人", "款", "项", "件", "所", "座", "辆", "台", "部", "只", "头", "篇", "本", "张", "份", "例", "起", "场", "批", "架", "艘", "户", "股", "支", "枚", "颗", "套", "间", "层", "票", "种", "类", "笔", "岁", "国", "城", "省", "轮", "则", "封", "首", "集", "期", "单", "宗", "席", "根", "匹", "粒", "盏", "片",
               "块", "段", "道", "棵", "幅", "册", "桶", "箱", "瓶", "袋", "盒", "组", "栋", "幢"]
# words after a number that make it something other than a quantity: times of day, days of
# the month, scores
NOT_QUANTITY = ("日", "号", "点", "时", "分", "月", "a.m.", "p.m.", "am", "pm", "GMT", "UTC", "BST", "EST", "ET")

UNITS: dict[str, tuple[str, str, float, str]] = {}
for _word, _code in CURRENCY_WORDS.items():
    UNITS[_word] = ("money", _code, 1, "")
for _word, _code in cent_words().items():
    UNITS[_word] = ("money", _code, 0.01, "")
for _word, (_factor, _display) in _DURATIONS.items():
    UNITS[_word] = ("duration", "s", _factor, _display)
for _word, (_factor, _unit, *_shown) in _MEASURES.items():
    UNITS[_word] = ("measure", _unit, _factor, _shown[0] if _shown else _unit)
for _word, (_factor, _unit) in _PERCENTS.items():
    UNITS[_word] = ("percent", _unit, _factor, _unit)
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
