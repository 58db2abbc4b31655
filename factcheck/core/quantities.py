"""Finding and normalising quantities in Chinese and English text.

Two precompiled scans find number cores: one for digits, Chinese numerals and 今年/去年, one
for English words (number words, month names, twice, half). Each core is then read with anchored patterns
at its edges: the currency or qualifier before it, the scale and unit after it. Numbers that
belong to names rather than amounts (GPT-4o, iOS 17, USDL-24-1817, phone numbers, list
numbering) are recognised from those edges and dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.core.currencies import YUAN, glued_codes, named, yuan_names
from factcheck.core.dates import (
    MONTHS,
    RELATIVE_YEARS,
    chinese_periods,
    english_periods,
    iso_date,
    months_period,
    reference_year,
)
from factcheck.core.extraction import QuantityMatch
from factcheck.core.numerals import (
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    CN_SCALES,
    EN_SCALES,
    EN_WORDS,
    MAX_NUMBER_CHARS,
    parse_chinese,
    parse_english,
)
from factcheck.core.units import CURRENCY_PREFIXES, CURRENCY_SYMBOLS, UNITS, WordScan, alternation

_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_ITEM = rf"[{CN_NUMERAL_CHARS}]|[多余几](?=[{CN_NUMERAL_CHARS}])|、(?=[{''.join(CN_DIGITS)}])"
_CN_REST = rf"(?:{_CN_ITEM})*"
_CN = rf"[{CN_NUMERAL_CHARS}]{_CN_REST}"
_CN_MONTH = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)

_AMOUNT_UNITS = alternation(w for w, (kind, *_) in UNITS.items() if kind in ("money", "measure", "percent"))

_GLUED_CURRENCIES = glued_codes()
_GLUED_CODES = "|".join(f"(?<={code})" for code in _GLUED_CURRENCIES)

_YEAR = r"(?:1[89]|20)\d{2}"
_UNITS_BUT_YEAR = alternation(w for w in UNITS if w != "年")
_WHOLE_YEAR = re.compile(_YEAR)
_YEAR_DASHES = frozenset("-–—")
_CN_SCALE_RE = "万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千(?![米克瓦])|百(?!分)"
_EN_SCALE_RE = (
    r"trillion|billion|million|thousand|hundred|crores?|lakhs?|bn|Bn|BN|tn|trn|mn|mln|MN|"
    r"[KMBT](?![A-Za-z])|[kmb](?![A-Za-z])"
)

# _core_matches finds where this can start; the leading lookahead says which characters.
_CORE = re.compile(
    rf"(?=[\d{CN_NUMERAL_CHARS}今去前明本])(?:"
    # months as a period: 1-10月, 今年1—8月, 2024年1至9月份, 前10个月 (statistics to date); 前
    # only where a clause or a year ends before it (上市前3个月 is three months before a listing)
    rf"(?<![\d.])(?P<mr>(?:(?P<mry>(?:19|20)\d{{2}})年|(?P<mrrel>今年|本年|去年|前年|明年))?"
    r"(?:(?P<mr1>1[0-2]|0?[1-9])[-–—~至到](?P<mr2>1[0-2]|0?[1-9])月(?!份?[前后内里来以])(?![\d日号])份?"
    r"|(?<![^，,。；;：:、（(\s“\"在年])前(?P<mrn>1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])个?月份?(?![前后来以\d日号])))|"
    rf"(?P<rel>今年|本年|去年|前年|明年)(?:(?P<rm>{_CN_MONTH})月(?:(?P<rd>\d{{1,2}})[日号])?)?|"
    rf"(?P<iso>(?:1[89]|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}|(?:1[89]|20)\d{{2}}/\d{{1,2}}/\d{{1,2}})(?![\d-])"
    r"|(?P<phone>\d{3,4}-\d{7,8}|\d{3}(?P<psep>[-. ])\d{3}(?P=psep)\d{4}|\d{2,4}[ ]\d{4}[ ]\d{4})(?!\d)"
    r"|(?P<time>\d{1,2}:\d{2}(?::\d{2})?)"
    rf"|(?P<den>百|千|万|[一二三四五六七八九十两]+|\d+)分之(?P<pct>{_AR}|{_CN})"
    r"|(?P<ymd>(?P<y>(?:1[89]|20)\d{2}|\d{2}(?=年\d{1,2}月))年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?)?)"
    rf"|(?P<md>(?P<m2>{_CN_MONTH})月(?!份?[前后内里来以])(?:(?P<d2>\d{{1,2}})[日号])?)"
    # a day or days of a month: 5 March, the 21st of March 2024, 12-14 June, between 3 and 7 March
    rf"|(?P<dmy>(?P<d3>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?:(?:[ ]?[-–][ ]?|[ ]to[ ]|(?<=between \d)[ ]and[ ]"
    r"|(?<=between \d\d)[ ]and[ ])(?P<d4>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?)?"
    rf"(?: of)? (?P<mon3>{_MONTH_NAMES})(?: (?P<y3>(?:19|20)\d{{2}}))?)(?![A-Za-z])"
    # years as periods: 2019-2023 and 2019–2023年 (not before another unit: 2019-2023 tonnes),
    # the 1990s, mid-2023 and late-1990s
    rf"|(?<![A-Za-z])(?<![A-Za-z]-)(?<!\d)(?<!\d[-/.])(?P<years>(?P<y1>{_YEAR})(?:[ ]?[-–—~至到][ ]?|[ ]to[ ])"
    rf"(?P<y2>{_YEAR}|\d\d)年?)(?![\d-])(?![ ]?(?:{_UNITS_BUT_YEAR}|{_EN_SCALE_RE}|{_CN_SCALE_RE}))"
    rf"|(?:(?<=[Mm]id-)|(?<=[Ee]arly-)|(?<=[Ll]ate-))(?P<period>{_YEAR})(?P<decades>(?<=0)s)?(?![\dA-Za-z-])"
    rf"|(?<![A-Za-z])(?<!\d)(?P<decade>(?:1[89]|20)\d0)s(?![A-Za-z])"
    # digits glued to a name (GPT-4o, GPT4.5, A-1) or to other digits (1.2.3) are dropped
    # here rather than in Python; USD34.6 and RMB5bn keep their glued currency codes
    rf"|(?:(?<![A-Za-z])|{_GLUED_CODES})(?<![A-Za-z]-)(?<!\d)(?<!\d[-/.])"
    rf"(?P<ar>{_AR})(?:[ ]?(?P<sep>-|–|—|~|至|到|to)[ ]?\$?(?P<hi>{_AR})(?![\d-]))?"
    r"|一半"
    # a Chinese numeral only before a unit, or after 人民币/港币: most 一 and 十 are words;
    # a lone 一 is an amount only before a currency, measure or percent unit (一元, 一吨):
    # before a classifier it is an article (一个, 一位) and is not matched at all; right
    # after digits it is their multiplier, never a number of its own (20-10万吨, GPT-4万)
    rf"|(?<![0-9])(?P<cn>(?<=币){_CN}|(?!一(?![{CN_NUMERAL_CHARS}多余、]|[ ]?(?:{_AMOUNT_UNITS})))"
    rf"{_CN}(?=[多余来几]?[ ]?(?:{alternation(UNITS)})))"
    r")"
)

# the first characters of units (a class is quicker to compile than the units themselves)
_UNIT_STARTS = re.escape("".join(sorted({word[0] for word in UNITS})))
# Where a _CORE match can start, checked by the engine without a return to Python: a plain
# class first (the engine skips to it in a tight loop: ASCII digits, Chinese numerals, and any
# character outside ASCII and the CJK block, for the other decimal digits), then a check that
# the branches can start there: a digit followed by what a date, a time or a phone number
# needs (at most four digits on, so that a long run of digits is not read again from each
# of its positions), or standing where an amount may start (the `ar` branch's lookbehinds, one character
# on); a Chinese numeral before 月, 分之 or 半, after 币, or before a unit.
_CORE_START = re.compile(
    rf"[0-9{CN_NUMERAL_CHARS}今去前明本\x80-\u2fff\ua000-\U0010ffff]"
    r"(?:(?<=[今去前明本])(?=年)|(?<=前)(?=[\d二三四五六七八九十])"
    r"|(?<=\d)(?:(?=\d{0,3}(?:[-/:年月]| [\dJFMASOND]|\.\d))"
    r"|(?:(?<![A-Za-z].)|" + "|".join(f"(?<={code}.)" for code in _GLUED_CURRENCIES) + r")"
    r"(?<![A-Za-z]-.)(?<!\d.)(?<!\d[-/.].)|(?<=[Mm]id-.)|(?<=[Ee]arly-.)|(?<=[Ll]ate-.))"
    rf"|(?<=[{CN_NUMERAL_CHARS}])(?:(?<=币.)|(?=[一二]?月|分之|半)"
    rf"|(?<!一)(?={_CN_REST}[多余来几]?[ ]?[{_UNIT_STARTS}])"
    rf"|(?<=一)(?=[{CN_NUMERAL_CHARS}多余、]|[ ]?(?:{_AMOUNT_UNITS}))(?={_CN_REST}[多余来几]?[ ]?[{_UNIT_STARTS}])))"
)

_AFTER = re.compile(
    rf"(?P<more>多|余|来|几)?(?P<cnscale>{_CN_SCALE_RE})?(?P<more2>多|余)?"
    rf"(?:[ ]?(?P<enscale>{_EN_SCALE_RE}))?"
    rf"(?:(?:[ ]|-)?(?P<unit>{alternation(UNITS)}))?"
    r"(?P<after>以上|以下|左右|上下|出头|\+)?"
)
# "won" then what a verb takes: Team 2 won the final, Model 3 won an award (not ₩)
_WON_THE_VERB = re.compile(
    r"[ ](?:the|a|an|his|her|its|their|our|this|that|these|those|both|every|by|against|over|out|back)\b"
)
_NOUN = re.compile(r"(?:[ ]|-)(?P<noun>[a-z][a-z’'-]*[a-z])")
_CN_NOUN = re.compile(r"[\u4e00-\u9fff]{1,2}")

_MONTH_WORDS = _MONTH_NAMES.split("|")
_MULTIPLIERS = {
    "twice": 2.0, "double": 2.0, "doubled": 2.0, "triple": 3.0, "tripled": 3.0,
    "quadruple": 4.0, "quadrupled": 4.0, "half": 0.5, "halved": 0.5,
    **{f"{word}fold": value for word, value in (
        ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0), ("seven", 7.0),
        ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("twenty", 20.0), ("hundred", 100.0),
        ("thousand", 1000.0),
    )},
}
_NUMBER_WORDS = [w for w in EN_WORDS if len(w) > 2]
# English words that start a quantity: months, number words, multipliers
QUANTITY_WORDS = (
    _MONTH_WORDS
    + _NUMBER_WORDS + [w.capitalize() for w in _NUMBER_WORDS]
    + list(_MULTIPLIERS) + [w.capitalize() for w in _MULTIPLIERS]
    + ["third", "quarter", "fifth", "tenth"]
)
_WORDS = WordScan(QUANTITY_WORDS)
# January-October, from March to May 2024, between March and May: months as a period
_MONTH_TO = re.compile(
    rf"(?P<to>[-–]|[ ]to[ ]|[ ]through[ ]|[ ]and[ ])(?P<month>{_MONTH_NAMES})(?:,?[ ](?P<year>(?:19|20)\d{{2}}))?(?![\w])"
)
_MONTH_REST = re.compile(
    r"\.?(?:[ ](?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:(?:[-–]|[ ]to[ ])(?P<day2>\d{1,2})(?:st|nd|rd|th)?(?!\d))?)?"
    r"(?:,?[ ](?P<year>(?:19|20)\d{2}))?(?![\w])"
)
_WORD_REST = re.compile(r"[- ](?:one|two|three|four|five|six|seven|eight|nine)(?![A-Za-z])")
# shares written in words: two-thirds, three quarters of, a third of, one in five, 1 in 4
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}
_FRACTION_REST = re.compile(
    r"(?:-|[ ](?=(?:thirds?|quarters?|fifths?|tenths?)[ ]of[ ]))"
    r"(?P<part>halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)(?![A-Za-z-])"
)
_OF = re.compile(r"[ ]of[ ]")
# not "35 in 2024"; no longer a denominator than a number may be
_IN_EVERY = re.compile(
    rf"[ ](?:in|out[ ]of)[ ](?P<den>\d{{1,3}}(?:,\d{{3}}){{1,{(MAX_NUMBER_CHARS - 3) // 4}}}|\d{{1,3}}|[a-z]+)(?![\w-])(?!,\d)"
)
# a quarter of a percentage point, half a point, a quarter point, a half-point cut
_OF_A_POINT = re.compile(r"(?:[ ](?:of[ ])?a[ ]|[ -])(?:percentage[ -])?point(?![A-Za-z])")

_QUALIFIERS = tuple(sorted(
    ["约合", "大约", "约", "将近", "接近", "近", "超过", "超", "逾", "至少", "最少", "最多", "高达", "多达", "长达", "短至", "不到", "不足", "不少于", "少于", "低于", "仅", "只有", "大概",
     "不超过", "不超", "不高于", "不低于", "不多于"]
    + ["about", "around", "approximately", "roughly", "nearly", "almost", "more than", "over",
       "at least", "at most", "up to", "as little as", "as much as", "as many as", "as few as",
       "less than", "fewer than", "under", "close to", "an estimated", "some", "just over",
       "just under", "only", "plus or minus"],
    key=len, reverse=True,
))
_QUALIFIER_SET = frozenset(_QUALIFIERS)
_QUALIFIER_SIZES = sorted({len(word) for word in _QUALIFIERS}, reverse=True)
_QUALIFIER_ENDS = frozenset(word[-2:] for word in _QUALIFIERS)  # 约 and 逾 are one character
_MOVED = re.compile(r"(?:ed|went|rose|shot|crept|grew|goes|rises|climbs|moves|ticks|edges|inches)[ ]$")
_CURRENCY_BETWEEN = ("人民币", "港币")
_PREFIX_CURRENCY = re.compile(rf"(?P<cur>{alternation(CURRENCY_PREFIXES)})[ ]?$")
# words after which a number is a name or a reference, not an amount: iOS 17, Table 5
_NAME_WORDS = frozenset(
    ["v", "version", "windows", "android", "ios", "chapter", "model", "table", "figure", "fig.", "section", "article", "item", "page", "room", "route", "flight", "phase", "level", "series", "gen", "generation", "type", "class", "tier", "grade", "vol.", "issue", "appendix", "annex", "schedule", "form", "rule", "act", "proposition", "rev.", "no.", "number", "resolution", "amendment", "bill", "title", "regulation", "directive", "gate", "platform", "channel", "season", "episode", "stage", "mission",
     # series, ranked lists and indexes named with a number: Fortune 500, Interstate 95
     "fortune", "russell", "stoxx", "interstate", "highway", "formula", "apollo", "boeing",
     "iphone", "pixel", "galaxy", "playstation", "xbox"]
)
_CURRENCY_TAILS = tuple(CURRENCY_PREFIXES)
_STREET = re.compile(
    r"(?:[ ][A-Z][a-z]+){1,3}[ ](?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Place|Court|Parkway)(?![a-z])"
)
# an earthquake's magnitude: 7.1级地震, 6.8级强震, a magnitude 7.1 quake, a 7.1-magnitude quake
_QUAKE = re.compile(r"级[^\d,。;]{0,3}震|-magnitude(?![a-z])")
_QUAKE_SCALE = re.compile(r"级|-magnitude")
_LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*[(（]?$")
_LIST_MARK = re.compile(r"[.、)）](?!\d)")
# 数十万, 几百, 上千 (not 人数, 指数; 上 after a particle or a verb that takes an amount, as
# 上 after a noun is a place: 层面上百年, 网上百万)
_APPROXIMATE = re.compile(r"(?<![人总次户个指基倍分岁件位款家])[数几]$|(?<=[了有达近约逾超将已至是和、,(出动织引集聚派吸])上$")
_IDIOM = re.compile("万万|一点一点|一系列|百家争鸣|千家万户|一五一十|三番五次|十全十美|[两三]轮(?:汽?车|摩托)")
_NOT_COUNT_NOUNS = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "for", "by", "with", "from", "as", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "that", "which", "who", "whom", "this", "these", "those", "than", "per", "percent", "its", "their", "his", "her", "our", "your", "my", "it", "they", "we", "he", "she", "you", "i", "after", "before", "since", "until", "during", "when", "while", "where", "also", "but", "if", "so", "not", "no", "nor", "yet", "into", "onto", "over", "under", "about", "around", "up", "down", "out", "off", "more", "less", "fewer", "most", "least", "than", "then", "there", "here", "all", "each", "every", "some", "any", "both", "either", "neither", "such", "only", "just", "even", "still", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "do", "does", "did", "am", "pm",
     # past tenses a number's subject takes rather than a noun it counts: Team 2 won
     "won", "lost", "beat", "rose", "fell",
     # words of time after a number: up from 250,000 last week
     "last", "next", "ago", "earlier", "later"]
)
_PLURALS = frozenset(["people", "children", "men", "women", "staff", "personnel", "police", "cattle", "sheep", "fish"])
_ADJECTIVES = frozenset(
    ["new", "more", "additional", "other", "major", "large", "small", "big", "senior", "key", "top", "local", "foreign", "private", "public", "total", "full", "extra", "separate", "different", "existing", "former", "current", "active", "young", "old", "full-time", "part-time", "million", "billion",
     "monthly", "daily", "weekly", "annual", "registered", "paying", "unique", "seasonal"]
)
_MAX_LOOKBEHIND = 24
_MONTHS_SET = frozenset(_MONTH_NAMES.split("|"))


def extract_quantities(
    text: str, reference_date: str | None = None, *, words: list[tuple[int, int]] | None = None
) -> list[QuantityMatch]:
    """Every quantity in `text`, ordered by position, without overlaps. `words`: the spans of
    QUANTITY_WORDS at word starts in `text`, when the caller has found them already."""
    year = reference_year(reference_date)
    found: list[QuantityMatch] = []
    for m in _core_matches(text):
        quantity = _read_core(text, m, year)
        if quantity is not None:
            found.append(quantity)
    for start, end in _WORDS.spans(text) if words is None else words:
        quantity = _read_words(text, start, end, year)
        if quantity is not None:
            found.append(quantity)
    if "季度" in text or "半年" in text:
        found += chinese_periods(text, year)
    found += english_periods(text, year)
    if "翻" in text:
        found += _doublings(text)
    return _join_ranges(text, _without_overlaps(found))


_DOUBLING = re.compile(r"翻(?:了)?(?:(?P<n>[一两二三四])番|一?倍)|翻番")


def _doublings(text: str) -> list[QuantityMatch]:
    """翻一番 (doubled) -> 2x, 翻两番 -> 4x, 翻倍 -> 2x."""
    found = []
    for m in _DOUBLING.finditer(text):
        value = 2.0 ** parse_chinese(m["n"])[0] if m["n"] else 2.0
        found.append(_finish(text, m.start(), m.end(), "ratio", value, None, "x", f"{value:g}x"))
    return found


def _core_matches(text: str) -> Iterator[re.Match]:
    """What _CORE.finditer finds, faster: a pattern that starts with a lookahead makes the
    engine run it at every position, so _CORE_START finds the places where it can match
    first, and _CORE is tried only there. Runs of Chinese numerals too long to be an amount
    are passed over whole."""
    candidate, match = _CORE_START.search, _CORE.match
    for position, end in _between_long_numerals(text):
        while (found := candidate(text, position, end)) is not None:
            start = found.start()
            m = match(text, start, end)
            if m is None:
                position = start + 1
            else:
                position = m.end()
                yield m


# The numeral branches read a run of numerals from each position they are tried at, and
# look for a unit after it: a run of N numerals costs N² steps. Runs up to MAX_NUMBER_CHARS
# cost little; a longer one (一一一…, 三千三千…, 一、一、…) is no amount, found in one read.
_LONG_CN_RUN = re.compile(rf"[{CN_NUMERAL_CHARS}](?:{_CN_ITEM}){{{MAX_NUMBER_CHARS},}}")


def _between_long_numerals(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the stretches of `text` between runs of Chinese numerals longer than
    MAX_NUMBER_CHARS; the whole text when it has none, as ordinary text does."""
    position = 0
    for run in _LONG_CN_RUN.finditer(text):
        yield position, run.start()
        position = run.end()
    yield position, len(text)


def _without_overlaps(found: list[QuantityMatch]) -> list[QuantityMatch]:
    result: list[QuantityMatch] = []
    end = -1
    for q in sorted(found, key=lambda q: (q.start, -(q.end - q.start))):
        if q.start >= end:
            result.append(q)
            end = q.end
    return result


# not " to ": between two amounts with units it is usually a change ("rose 14 cents to $35.21")
_RANGE_JOINERS = frozenset(["-", "–", "—", "~", "至", "到", " - "])


def _join_ranges(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """5.25%-5.50%, 500亿至550亿元: two amounts joined by a range word are one range, and a
    bare first number (500亿) takes the kind and unit of the second."""
    result: list[QuantityMatch] = []
    for q in found:
        last = result[-1] if result else None
        if last is not None and _is_range(text, last, q):
            result[-1] = QuantityMatch(
                last.start, q.end, text[last.start : q.end], q.kind, last.value, q.unit,
                _range_display(q, last.value), q.value, None, last.qualifier or q.qualifier,
            )
            continue
        result.append(q)
    return result


def _is_range(text: str, low: QuantityMatch, high: QuantityMatch) -> bool:
    if low.high is not None or high.high is not None or not low.value or not high.value:
        return False
    joiner = text[low.end : high.start]
    if joiner not in _RANGE_JOINERS and not (joiner == " and " and _after_between(text, low.start)):
        return False
    if high.kind == "date":
        return False
    same = (low.kind, low.unit) == (high.kind, high.unit)
    bare = low.kind == "count" and not low.unit
    # "$5 to $10 million" stays two amounts: ends a thousand times apart are not one range
    return (same or bare) and low.value < high.value < 1000 * low.value


def _after_between(text: str, start: int) -> bool:
    """between $95bn and $110bn: one range."""
    return text.endswith(("between ", "Between "), 0, start) and not text[start - 9 : start - 8].isalpha()


def _range_display(q: QuantityMatch, low: float) -> str:
    if q.kind == "money":
        return f"{CURRENCY_SYMBOLS.get(q.unit, q.unit + ' ')}{_compact(low)}–{q.display}"
    if q.kind in ("percent", "ratio"):
        return f"{_plain(low)}–{q.display}"
    if q.kind == "count":
        return f"{_compact(low)}–{q.display}"
    return f"{low:g}–{q.value:g} {q.unit}"


def _read_core(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    if m["ar"] or m["cn"]:
        found = _read_arabic(text, m, year) if m["ar"] else _read_chinese(text, m)
        if found is None:
            return None
        if found.kind == "count" and text[max(0, found.start - 4) : found.start].endswith(("per ", "每")):
            return None  # 41 cases per 100,000 people, 每十万人: the base of a rate, not a count
        if text[found.end : found.end + 1] == "多" and found.qualifier is None:
            _more_after_unit(text, found)
        elif found.unit == "km" and _PER_HOUR.search(text, max(0, found.start - 8), found.start):
            found.unit, found.display = "km/h", found.display + "/h"  # 时速350公里
        return found
    groups = m.groupdict()
    start, end = m.span()
    if groups["years"]:
        return _year_range(text, m)
    if groups["decade"] or groups["period"]:
        return _period(text, m)
    if groups["mr"]:
        return _month_range(text, m, year)
    if groups["rel"]:
        return _relative_date(text, m, year)
    if groups["iso"]:
        parts = [int(p) for p in re.split(r"[-/]", groups["iso"])]
        return _date(text, start, end, iso_date(*parts))
    if groups["phone"] or groups["time"]:
        return None
    if groups["pct"] is not None:
        if len(groups["pct"]) > MAX_NUMBER_CHARS or len(groups["den"]) > MAX_NUMBER_CHARS:
            return None  # no amount is written so long
        value = _number(groups["pct"])
        if groups["den"] != "百":  # 三分之一, 千分之五: a share, in percent
            denominator = _number(groups["den"])
            if not 0 < value < denominator:
                return None
            value = value / denominator * 100
        after = _AFTER.match(text, end)
        if after["unit"] or after["cnscale"] or after["enscale"]:
            after = None
        else:
            end = after.end()  # 三分之二以上, 百分之三十左右
        return _finish(text, start, end, "percent", value, None, "%", f"{value:.4g}%", after)
    if groups["ymd"]:
        month = int(groups["m"]) if groups["m"] else None
        day = int(groups["d"]) if groups["d"] else None
        year_written = int(groups["y"])
        full_year = year_written + 2000 if year_written < 100 else year_written  # 24年3月
        return _date(text, start, end, iso_date(full_year, month, day))
    if groups["md"]:
        month = int(_number(groups["m2"]))
        day = int(groups["d2"]) if groups["d2"] else None
        return _date(text, start, end, iso_date(year, month, day))
    if groups["dmy"]:
        y3 = int(groups["y3"]) if groups["y3"] else year
        month = MONTHS[groups["mon3"].lower()]
        if groups["d4"]:  # 12-14 June; a range that is none (14-12 June) is its last day
            days = _day_range(text, start, end, y3, month, groups["d3"], groups["d4"])
            return days or _date(text, m.start("d4"), end, iso_date(y3, month, int(groups["d4"])))
        return _date(text, start, end, iso_date(y3, month, int(groups["d3"])))
    return _finish(text, start, end, "percent", 50.0, None, "%", "50%")  # 一半


_TOKENS_AFTER = re.compile(r"[ ]?[Tt]okens?(?![A-Za-z])")
_PER_HOUR = re.compile(r"(?:每小时|时速)[^\d,。;]{0,4}$")
# a verb of scoring before N分: points in a game or an exam (拿下26分, 考了95分), not minutes
_SCORED = re.compile(r"(?:得|拿下|砍下|拿到|贡献|轰下|斩获|狂砍|攻下|考了|考出|总分|满分|评分|打出)[^，。；！？,;\d]{0,4}$")


def _more_after_unit(text: str, found: QuantityMatch) -> None:
    """两倍多, 两成多, 三年多: 多 after a unit qualifies the amount; after a count it starts
    another word (3人多处受伤)."""
    if found.kind in ("percent", "ratio", "duration") and text[found.end + 1 : found.end + 2] not in _COUNTED_AFTER_MORE:
        found.end += 1
        found.text = text[found.start : found.end]
        found.qualifier = "多"


_COUNTED_AFTER_MORE = frozenset("次个家名位项种处人倍年")


def _year_range(text: str, m: re.Match) -> QuantityMatch | None:
    return _years(text, *m.span(), m["y1"], m["y2"])


def _years(text: str, start: int, end: int, first_text: str, last_text: str) -> QuantityMatch | None:
    """2019-2023: an ISO 8601 interval of years."""
    first, last = int(first_text), int(last_text)
    if len(last_text) == 2:  # 2023-24: a fiscal year or a season, the next year's last digits
        if last != (first + 1) % 100:
            return None  # 2023-15: a code, as before
        last = first + 1
    if first >= last:
        return None  # 2023-2019 is no period; the old reading dropped it as a code
    iso = f"{first}/{last}"
    return QuantityMatch(start, end, text[start:end], "date", None, "date", f"{first}–{last}", iso=iso)


_PERIOD_WORDS = ("mid-", "early-", "late-")


def _period(text: str, m: re.Match) -> QuantityMatch | None:
    """The 1990s (the interval 1990/1999), mid-2023 (2023, qualified 'mid')."""
    start, end = m.span()
    year = int(m["decade"] or m["period"])
    qualifier = None
    if m["period"]:
        for word in _PERIOD_WORDS:
            if text[start - len(word) : start].lower() == word:
                start -= len(word)
                qualifier = word[:-1]
                break
    if m["decade"] or m["decades"]:
        iso, display = f"{year}/{year + 9}", f"{year}s"
    else:
        iso = display = str(year)
    return QuantityMatch(start, end, text[start:end], "date", None, "date", display, None, iso, qualifier)


def _read_arabic(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    start, end = m.span()
    before = text[max(0, start - _MAX_LOOKBEHIND) : start]
    currency = _prefix_currency(before)
    if currency is None and _names_something(before):
        return None
    low_text, high_text = m.group("ar", "hi")
    if len(low_text) > MAX_NUMBER_CHARS or high_text and len(high_text) > MAX_NUMBER_CHARS:
        return None  # 1111…, a hash's digits: no amount is written so long
    following = text[end : end + 1]
    if following in (".", "/") and text[end + 1 : end + 2].isdigit():
        return None  # 1.2.3, 5/22/2024, 1/3: a version, an address, a date or a fraction
    last = before[-1:]
    if last == "(" and text[end : end + 2] == ") " and text[end + 2 : end + 3].isdigit():
        return None  # (202) 691-6378: an area code
    if following in _SCORE_MARKS and text[end + 1 : end + 2].isdigit() or last in _SCORE_MARKS and before[-2:-1].isdigit():
        return None  # 3:1, 3比1: a score or a ratio of parts, not two counts
    if last == "+" and following in (" ", "-", "(") and text[end + 1 : end + 2].isdigit():
        return None  # +1 202-691-5902: a country code
    if following in ("-", ".", " ") and text[end + 1 : end + 2].isdigit() and len(low_text) <= 3 \
            and _PHONE_AFTER.match(text, end + 1):
        return None  # 1-800-555-0199: the trunk prefix of a phone number
    if last == "双" and low_text in ("11", "12"):
        return None  # 双11, 双12: shopping festivals
    if before.endswith(_CN_INDEX_NAMES):
        return None  # 沪深300, 中证500, 科创50: an index's name
    after = _AFTER.match(text, end)
    unit = after["unit"]
    if unit in _TIME_UNITS:
        if _TENOR.match(text, after.end()):
            return None  # 1年期贷款市场报价利率, 3个月期: a loan's or a bond's term, part of its name
        if unit in _AGE_UNITS and not currency and (old := _OLD.match(text, after.end())):
            return _age(text, start, old.end(), _number(low_text), high_text, unit)  # 34-year-old
        if unit in ("year", "years") and _MATURITY.match(text, after.end()) and text[end : end + 1] == "-":
            return None  # the 10-year Treasury yield: a bond's name, not a period
    elif unit == "won" and not after["enscale"] and _WON_THE_VERB.match(text, after.end()):
        after = _AFTER.match(text, end, after.start("unit"))  # Team 2 won the final: a verb
    if after.end() == end and not currency and high_text is None and (
        before[-10:].lower() == "magnitude " or _QUAKE.match(text, end)
    ):
        return _magnitude(text, start, _QUAKE_SCALE.match(text, end), _number(low_text))
    if after.end() == end:
        if following in ("p", "C") and not currency and not text[end + 1 : end + 2].isalnum():
            return _glued_unit(text, start, end, low_text, high_text)  # 382p, 1.5C
        if following.isascii() and following.isalpha():
            return None  # 4o, 5G, 3D, 2nd
        if following == "-" and text[end + 1 : end + 2].isalpha():
            return None  # 7-Eleven, 4-turbo: part of a name
        bare = not currency
    else:
        bare = not (currency or after["unit"] or after["enscale"] or after["cnscale"])
    if bare and (following == "," or "ge" in before) and low_text.isdigit() and len(low_text) <= 3 \
            and _stated_age(text, before, end, low_text, following):
        return _age(text, start, end, _number(low_text), high_text, "years")  # Jones, 38, said
    if bare and high_text is None and low_text.isdigit() and len(low_text) <= 3 and following == " ":
        every = _IN_EVERY.match(text, end)
        share = _one_in(text, start, every, float(low_text)) if every else None
        if share is not None:
            return share  # 1 in 4 adults
    if high_text is not None and _number(high_text) < _number(low_text) and not currency \
            and m["sep"] in _YEAR_DASHES and len(high_text) == 2 and _WHOLE_YEAR.fullmatch(low_text):
        # 2019-20 tonnes: a range never runs backwards, so this is the fiscal year or season
        # 2019-20, as it is alone, and the unit belongs to what follows
        return _years(text, start, end, low_text, high_text)
    if bare and high_text is not None and (
        len(low_text) >= 3 and len(high_text) >= 4 or _number(high_text) <= _number(low_text)
    ):
        return None  # 691-6378, 2023-24: a phone number or a code, not a range
    if bare and _LIST_MARK.match(text, end) and _LIST_ITEM.search(before):
        return None  # list numbering: "1." or "2、" at the start of a line
    if bare and high_text is None and following == " " and text[end + 1 : end + 2].isupper() and _STREET.match(text, end):
        return None  # 1200 Main Street: an address
    if bare and high_text is None and _between_capitals(text, before, end, low_text):
        return None  # Claude 3 Opus, iPhone 15 Pro: a product name
    if bare and high_text is None and _version_of_a_name(text, before, end, low_text):
        return None  # Claude 3, Gemini 1.5, Llama 2: a version, not a count
    value = _number(low_text)
    high = _number(high_text) if high_text is not None else None
    return _quantify(text, start, after, value, high, currency, before, year, low_text, arabic=True)


_CN_INDEX_NAMES = ("沪深", "中证", "上证", "科创", "深证", "恒生科技", "国证")
_TENOR_UNITS = frozenset(["年", "个月", "月", "天", "日"])
_TENOR = re.compile("期(?![间限内满末])")  # 1年期, 7天期逆回购; not 5天期间 (during those 5 days), 3年期满
_AGE_UNITS = {"year": 1, "years": 1, "month": 12, "months": 12, "week": 52, "weeks": 52}
_TIME_UNITS = _TENOR_UNITS | frozenset(_AGE_UNITS)  # units after which a number may be a term or an age
_OLD = re.compile(r"[- ]olds?(?![A-Za-z])")
# an age stated after a name or a person (Sarah Jones, 38, told; the suspect, 34,), or
# after aged/age (aged 29 and 41, aged between 18 and 25)
_AGED = re.compile(r"(?<![A-Za-z])[Aa]ged? (?:of )?(?:between )?(?:\d{1,3}(?:, | and | or |-))*$")


def _stated_age(text: str, before: str, end: int, number: str, following: str) -> bool:
    if following == "," and before[-2:] == ", " and before[-3:-2].isalpha():
        stated = text[end + 1 : end + 2] == " "  # not a list of numbers: 1,2,3
    else:
        stated = "ge" in before and _AGED.search(before) is not None
    return stated and int(number) < 120


def _age(text: str, start: int, end: int, value: float, high_text: str | None, unit: str) -> QuantityMatch:
    """An age, in years: a count of the person's years (unit 'age'), not a duration."""
    per_year = _AGE_UNITS[unit]
    high = _number(high_text) if high_text is not None else None
    if per_year == 1:
        display = _range(value, high, _plain)
    else:  # a 6-month-old: 0.5 years, shown as said
        display = f"{_range(value, high, _plain)} {unit.rstrip('s')}s"
        value, high = value / per_year, (high / per_year if high is not None else None)
    return _finish(text, start, end, "count", value, high, "age", display)


# video lines, not pence: 1080p
_VIDEO_LINES = frozenset(["144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"])
# what makes a bare 1.5C a temperature: warming, weather and climate words before it, or a
# comparison after it
_WARMTH = re.compile(
    r"(?i:temperatures?|warming|warmer|hotter|colder|cooler|heat|degrees?|highs?|lows?|climate|"
    r"thermometer|celsius|frost|weather|forecast)(?![a-z])"
)
_WARMTH_AFTER = re.compile(r"[ ](?:above|below|warmer|hotter|colder|cooler|of warming|higher|lower)(?![a-z])")


def _glued_unit(text: str, start: int, end: int, low_text: str, high_text: str | None) -> QuantityMatch | None:
    """382p (pence) and 1.5C (degrees Celsius, as British papers write it), the unit glued
    to the number."""
    value = _number(low_text)
    high = _number(high_text) if high_text is not None else None
    if text[end] == "p":
        if low_text in _VIDEO_LINES or text[end + 1 : end + 3] == ".m":
            return None
        high = high / 100 if high is not None else None
        return _money(text, start, end + 1, value / 100, high, "GBP", None)
    if not (_WARMTH.search(text, max(0, start - 80), start) or _WARMTH_AFTER.match(text, end + 1)):
        return None  # Class 3C, Vitamin C
    if _negative_sign(text, start):
        start, value = start - 1, -value
    if high is not None and high <= value:
        return None
    return _finish(text, start, end + 1, "measure", value, high, "°C", f"{_range(value, high, _plain)} °C")


def _read_chinese(text: str, m: re.Match) -> QuantityMatch | None:
    start, end = m.span()
    numeral = m["cn"]
    after = _AFTER.match(text, end)
    unit = after["unit"]
    before = text[max(0, start - _MAX_LOOKBEHIND) : start]
    currency = _prefix_currency(before)
    if not unit and not currency:
        return None
    if unit in _TENOR_UNITS and _TENOR.match(text, after.end()):
        return None  # 三年期国债: the bond's term, part of its name
    if before.endswith("第"):
        return None
    if _IDIOM.search(text, max(0, start - 2), after.end() + 3):
        return None
    value, high = parse_chinese(numeral)
    kind = UNITS[unit][0] if unit else "money"
    if value == 1 and high is None and numeral in ("一", "壹") and kind in ("count", "duration", "ratio"):
        return None  # 一个, 一位, 一周: an article, not an amount
    if numeral == "二" and kind == "count":
        return None  # 二次会议, 二级: counting says 两; a lone 二 before a classifier is an ordinal
    if unit == "成" and (value > 10 or text[after.end() : after.end() + 1] in "立功本员交果绩熟长"):
        return None
    if kind == "count" and after.end() < len(text) and text[after.end()] in CN_NUMERAL_CHARS:
        return None  # 千家万户, 一点一点: paired numerals are an idiom
    approximate = _APPROXIMATE.search(before, len(before) - 1) if before[-1:] in "数几上" else None
    if approximate and numeral[0] in "十百千万亿" and not (approximate[0] == "上" and numeral[0] == "十"):
        start -= 1  # 数十万, 几百, 上千: the order of magnitude, qualified
    found = _quantify(text, start, after, value, high, currency, before, None, numeral, arabic=False)
    if found is not None and found.qualifier is None:
        if approximate:
            found.qualifier = approximate[0]
        else:  # 十几, 三百多, 一千余
            found.qualifier = next((mark for mark in "多余几" if mark in numeral), None)
    return found


def _quantify(
    text: str,
    start: int,
    after: re.Match,
    value: float,
    high: float | None,
    currency: str | None,
    before: str,
    year: int | None,
    number_text: str,
    *,
    arabic: bool,
) -> QuantityMatch | None:
    end = after.end()
    scale = 1.0
    if after["cnscale"]:
        scale *= CN_SCALES[after["cnscale"]]
    if after["enscale"]:
        word = after["enscale"]
        if len(word) == 1 and word.islower() and not currency and not _is_plural(_count_noun(text, end)):
            return None  # 5m without a currency or a counted noun: metres or million?
        scale *= EN_SCALES[word.lower()]
        crore = _CRORE_AFTER.match(text, after.end("enscale")) if word.lower() in _TIMES_CRORE else None
        if crore and not after["unit"]:
            scale *= EN_SCALES["crore"]  # 1.5 lakh crore, 50 thousand crore: Indian amounts
            after = _AFTER.match(text, crore.end())
            end = after.end()
    value *= scale
    if high is not None:
        high *= scale
    unit = after["unit"]
    if currency:
        prefix = _PREFIX_CURRENCY.search(before)
        start -= len(prefix[0])
        if prefix["cur"] == "¥":
            currency = _yen_or_yuan(text, start, end)
        if unit and UNITS[unit][0] == "money":
            currency = UNITS[unit][1] if currency in ("USD", "CNY") and unit not in ("元",) else currency
        elif unit:
            end = after.start("unit")
            while end > start and text[end - 1] in " -":
                end -= 1
        unit = None
    if _negative_sign(text, start):
        start -= 1
        value = -value
    elif text.endswith("零下", 0, start) and not currency:  # 零下5°C: below zero
        start -= 2
        value = -value
    elif (currency or unit) and text.endswith(_SIGN_WORDS, 0, start) and (sign := _sign_word(text, start)):
        start -= sign  # minus 5 degrees, negative 0.5%; a bare "minus 3" is arithmetic
        value = -value
    if high is not None and high <= value:
        return None  # 10-5 km, 五、二十个: a range never runs backwards; a score or a list
    if currency:
        return _money(text, start, end, value, high, currency, after)
    if unit:
        kind, canonical, factor, shown = UNITS[unit]
        if unit == "点" and arabic and high is None and ("." in number_text or value > 24):
            return _index_points(text, start, end, value, after)  # 收报3050.12点: not 5点, a time
        if unit == "分" and _SCORED.search(before):
            return _build(text, start, end, "count", value, high, "points", 1, "", after)  # 拿下26分
        if kind == "skip":
            return None
        if unit == "元" and (carried := _carried_currency(text, start)):
            canonical = carried  # 新台币7596.9亿元，每股盈余12.54元: the 元 of the currency named
        if kind == "money":  # 14 cents: the factor takes it to currency units
            return _money(text, start, end, value * factor, high * factor if high is not None else None, canonical, after)
        if unit == "个" and (tokens := _TOKENS_AFTER.match(text, end)):  # 200万个token
            return _build(text, start, tokens.end(), "measure", value, high, "tokens", 1, "tokens", after)
        if kind == "count" and canonical not in ("人", "人次", "age"):  # 3人死亡: people, not 死亡
            noun = _CN_NOUN.match(text, end)
            canonical = noun[0] if noun and noun[0][0] not in "的了在是和与" else unit
        return _build(text, start, end, kind, value, high, canonical, factor, shown, after)
    if not arabic:
        return None
    noun = _count_noun(text, end)
    plain = not (after["cnscale"] or after["enscale"]) and number_text.isdigit()
    if noun == "points" and not plain and not (after["cnscale"] or after["enscale"]) and high is None:
        return _index_points(text, start, end, value, after)  # closed at 8,214.5 points: a level
    year_like = plain and len(number_text) == 4 and 1800 <= value <= 2100
    if year_like and not _is_plural(_count_noun(text, end, head=False)):  # In 2023 retail sales fell
        return _date(text, start, end, iso_date(int(value)))
    return _build(text, start, end, "count", value, high, noun, 1, "", after)


# currencies whose amounts are also written in 元, as their sentence names them
_YUAN_CODES = yuan_names()
_YUAN_FAMILY = re.compile("|".join(_YUAN_CODES))
_YUAN_HINTS = frozenset(name[-2:] for name in _YUAN_CODES)  # a quick test before the search
_SENTENCE_MARKS = "。！？!?\n"


def _carried_currency(text: str, start: int) -> str | None:
    """The currency a bare 元 is in: the last of the 元 currencies named earlier in its
    sentence (within 100 characters); None for the yuan."""
    before = text[max(0, start - 100) : start]
    if not any(hint in before for hint in _YUAN_HINTS):
        return None  # the common case
    named = _YUAN_FAMILY.findall(before, max(before.rfind(mark) for mark in _SENTENCE_MARKS) + 1)
    return _YUAN_CODES.get(named[-1]) if named else None


def _magnitude(text: str, start: int, scale: re.Match | None, value: float) -> QuantityMatch:
    end = scale.end() if scale else start + len(_AR_NUMBER.match(text, start)[0])
    return _finish(text, start, end, "measure", value, None, "magnitude", f"M{value:g}")


_AR_NUMBER = re.compile(_AR)


def _index_points(text: str, start: int, end: int, value: float, after: re.Match) -> QuantityMatch:
    """An index level or move in points, shown to its last stated decimal (3,050.12)."""
    display = f"{value:,.2f}".rstrip("0").rstrip(".")
    return _finish(text, start, end, "count", value, None, "points", display, after)


def _build(text, start, end, kind, value, high, unit, factor, shown, after) -> QuantityMatch:
    value *= factor
    high = high * factor if high is not None else None
    # a unit shown as written (232 ms, 150 MW) shows the number as written; a measure shown
    # in its canonical unit (100斤 -> 50 kg) shows the converted value
    # (6.77‰ is kept in percent and shown per mille)
    as_written = kind == "duration" or (kind in ("measure", "percent") and shown != unit)
    shown_value = value / factor if as_written else value
    shown_high = high / factor if (high is not None and as_written) else high
    if kind == "percent":
        display = _range(shown_value, shown_high, _plain) + (" pp" if shown == "pp" else shown)
    elif kind == "ratio":
        display = _range(shown_value, shown_high, _plain) + "x"
    elif kind == "duration":
        if shown_value == 1 and shown.endswith("s") and len(shown) > 2:
            shown = shown[:-1]
        display = f"{_range(shown_value, shown_high, _plain)} {shown}"
    elif kind == "measure":
        render = _compact if as_written or factor == 1 else _four_digits  # 10 miles: 16.09 km
        display = f"{_range(shown_value, shown_high, render)} {shown}"
    else:
        whole = abs(value - round(value)) <= 1e-9 * abs(value)  # 8.12 million is 8119999.999999999
        display = _range(value, high, _compact if whole else _decimal)
    return _finish(text, start, end, kind, value, high, unit, display, after)


def _money(text, start, end, value, high, currency, after) -> QuantityMatch:
    symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
    display = _signed(symbol, value) + (f"–{_signed(symbol, high)}" if high is not None else "")
    return _finish(text, start, end, "money", value, high, currency, display, after)


def _signed(symbol: str, value: float) -> str:
    """-$3.2M, not $-3.2M; a price with cents keeps both digits ($74.30, $2,790.15)."""
    size = abs(value)
    amount = f"{size:,.2f}" if size < 1e6 and _has_cents(size) else _compact(size)
    return f"-{symbol}{amount}" if value < 0 else symbol + amount


def _has_cents(size: float) -> bool:
    """Whole cents, not all zero: 2790.15, not 2790.0 nor 0.042 (4.2p)."""
    cents = size * 100
    whole = round(cents)
    return whole % 100 != 0 and abs(cents - whole) < 1e-6 * cents


# Before a minus sign, these end a word the dash joins to the number (A-1, Covid-19, 3-5),
# or a Chinese unit the dash joins two amounts after (5月-7月, 2019年-2023年).
_JOINED_BY_DASH = frozenset(".-%)年月日时分秒号期届元亿万千百十个点度")


_SCORE_MARKS = frozenset([":", "比", "∶"])
_PHONE_AFTER = re.compile(r"\d{3}([-. ])\d{3}\1\d{4}(?!\d)")
_TIMES_CRORE = frozenset(["lakh", "lakhs", "thousand", "hundred"])
_CRORE_AFTER = re.compile(r" crores?(?![A-Za-z])")
# what a maturity names: the 10-year Treasury, 2-year notes
_MATURITY = re.compile(
    r" (?:U\.S\. |German |Japanese |government |benchmark )?"
    r"(?:Treasur(?:y|ies)|bonds?|notes?|gilts?|[Bb]unds?|yields?|JGBs?|debt)(?![A-Za-z])"
)
_SIGN_WORDS = ("minus ", "negative ", "Minus ", "Negative ", "MINUS ", "NEGATIVE ")


def _sign_word(text: str, start: int) -> int:
    """The length of the sign word that ends at `start` as a word of its own; 0 for none
    ("dominus 5")."""
    for word in _SIGN_WORDS:
        if text.endswith(word, 0, start):
            before = start - len(word)
            if text.endswith(("plus or ", "Plus or "), 0, before):
                return 0  # plus or minus 2.2 points: a margin, not a negative
            return len(word) if before == 0 or not text[before - 1].isalpha() else 0
    return 0


def _negative_sign(text: str, start: int) -> bool:
    """A minus sign right before the number: -2.1%, 为-3.2亿元, 气温-5°C; not the dash of a
    word or a range."""
    if text[start - 1 : start] not in ("-", "−"):
        return False
    if start < 2:
        return True
    before = text[start - 2]
    if before in _JOINED_BY_DASH:
        return False
    return not before.isalnum() or "\u4e00" <= before <= "\u9fff"  # 为-3.2亿元, not A-1


def _finish(text, start, end, kind, value, high, unit, display, after=None) -> QuantityMatch:
    qualifier = _qualifier_before(text, start)
    if not qualifier and after is not None:
        more, more2, word = after.group("more", "more2", "after")
        qualifier = more or more2 or word or None
    return QuantityMatch(start, end, text[start:end], kind, value, unit, display, high, None, qualifier)


def _date(text: str, start: int, end: int, iso: str | None) -> QuantityMatch | None:
    if iso is None:
        return None
    return QuantityMatch(start, end, text[start:end], "date", None, "date", iso, iso=iso)


def _month_range(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    """1-10月, 今年1—8月, 前10个月: months of the stated year (or the reference year)."""
    if m["mry"]:
        stated: int | None = int(m["mry"])
    elif m["mrrel"]:
        stated = year + RELATIVE_YEARS[m["mrrel"]] if year is not None else None
    else:
        stated = year
    if m["mrn"]:  # 前10个月: the first ten months
        return months_period(m.start(), m.end(), text, stated, 1, int(_number(m["mrn"])))
    return months_period(m.start(), m.end(), text, stated, int(m["mr1"]), int(m["mr2"]))


def _day_range(text: str, start: int, end: int, year: int | None, month: int, day: str, last_day: str) -> QuantityMatch | None:
    """12-14 June, June 12-14, between 3 and 7 March 2025: an ISO 8601 interval of days,
    shown '2025-06-12–14' (without a year, '--06-12–14', as a single day is '--06-12')."""
    first, last = iso_date(year, month, int(day)), iso_date(year, month, int(last_day))
    if first is None or last is None or not first < last:
        return None
    return QuantityMatch(start, end, text[start:end], "date", None, "date", f"{first}–{last[-2:]}", iso=f"{first}/{last}")


def _relative_date(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    offset = RELATIVE_YEARS[m["rel"]]
    resolved = year + offset if year is not None else None
    month = int(_number(m["rm"])) if m["rm"] else None
    day = int(m["rd"]) if m["rd"] else None
    if resolved is None and month is None:
        return None  # 去年 with no reference date says nothing a reviewer can check
    return _date(text, m.start(), m.end(), iso_date(resolved, month, day))


def _read_words(text: str, start: int, end: int, year: int | None) -> QuantityMatch | None:
    word = text[start:end]
    if word in _MONTHS_SET:
        if (to := _MONTH_TO.match(text, end)) and (to["to"] != " and " or text.endswith("etween ", 0, start)):
            stated = int(to["year"]) if to["year"] else year
            return months_period(start, to.end(), text, stated, MONTHS[word.lower()], MONTHS[to["month"].lower()])
        rest = _MONTH_REST.match(text, end)
        if not rest or not (rest["day"] or rest["year"]):
            return None  # "May" alone is as often a verb as a month
        y = int(rest["year"]) if rest["year"] else year
        month = MONTHS[word.lower()]
        if rest["day2"]:  # June 12-14; a range that is none (June 14-12) is its first day
            days = _day_range(text, start, rest.end(), y, month, rest["day"], rest["day2"])
            return days or _date(text, start, rest.end("day"), iso_date(y, month, int(rest["day"])))
        iso = iso_date(y, month, int(rest["day"]) if rest["day"] else None)
        return _date(text, start, rest.end(), iso)
    if text[start - 1 : start] == "-" and text[start - 2 : start - 1].isalnum():
        return None  # 7-Eleven, Catch-22: a name
    lower = word.lower()
    if lower in _MULTIPLIERS:
        return _read_multiplier(text, start, end, lower)
    if lower in _FRACTIONS:  # a third of, a quarter of a percentage point
        if text[start - 2 : start] not in ("a ", "A ") or text[start - 3 : start - 2].isalpha():
            return None  # the third quarter
        if scale := _OF_A_SCALE.match(text, end):  # a quarter of a million cars
            return _part_of_a_scale(text, start - 2, scale, 1 / _FRACTIONS[lower])
        if not (_OF.match(text, end) or _OF_A_POINT.match(text, end) or text.endswith("by a ", 0, start)):
            return None  # a third of, fell by a fifth
        return _share(text, start - 2, end, 1, _FRACTIONS[lower])
    rest = _WORD_REST.match(text, end)
    if rest:
        end = rest.end()
    value = parse_english(text[start:end])
    if value is None:
        return None
    fraction = _FRACTION_REST.match(text, end)
    if fraction:
        return _share(text, start, fraction.end(), value, _FRACTIONS[fraction["part"]])
    every = _IN_EVERY.match(text, end)
    if every:
        found = _one_in(text, start, every, value)
        if found is not None:
            return found
    after = _AFTER.match(text, end)
    has_unit = bool(after["unit"] or after["enscale"])
    if not has_unit:
        noun = _NOUN.match(text, end)
        if value <= 1 or not noun or noun["noun"] in _NOT_COUNT_NOUNS or len(noun["noun"]) < 3:
            return None
    before = text[max(0, start - _MAX_LOOKBEHIND) : start]
    currency = _prefix_currency(before)
    return _quantify(text, start, after, value, None, currency, before, None, text[start:end], arabic=True)


def _share(text: str, start: int, end: int, numerator: float, denominator: float) -> QuantityMatch | None:
    """two-thirds -> 66.67%; 'a quarter of a percentage point' -> 0.25 pp."""
    if not 0 < numerator < denominator:
        return None
    point = _OF_A_POINT.match(text, end)
    if point:
        value = numerator / denominator
        return _finish(text, start, point.end(), "percent", value, None, "pp", f"{value:g} pp")
    value = numerator / denominator * 100
    return _finish(text, start, end, "percent", value, None, "%", f"{value:.4g}%")


def _one_in(text: str, start: int, every: re.Match, numerator: float) -> QuantityMatch | None:
    """one in five, 1 in 4: a share, in percent."""
    den = every["den"]
    digits = den.replace(",", "")
    denominator = float(digits) if digits.isdigit() else EN_WORDS.get(den) if den not in ("a", "an") else None
    if denominator is None or not 0 < numerator < denominator:
        return None
    value = numerator / denominator * 100
    return _finish(text, start, every.end(), "percent", value, None, "%", f"{value:.4g}%")


_A_SCALE = re.compile(r"[ ]an?[ ](?P<scale>dozen|thousand|million|billion|trillion)(?![A-Za-z])")
_OF_A_SCALE = re.compile(r"[ ]of[ ]an?[ ](?P<scale>thousand|million|billion|trillion)(?![A-Za-z])")


def _part_of_a_scale(text: str, start: int, scale: re.Match, part: float) -> QuantityMatch | None:
    """half a million residents, a quarter of a billion dollars: the part of the scale, read
    on as any amount is (its currency, its counted noun)."""
    value = part * (12.0 if scale["scale"] == "dozen" else EN_SCALES[scale["scale"]])
    before = text[max(0, start - _MAX_LOOKBEHIND) : start]
    after = _AFTER.match(text, scale.end())
    return _quantify(text, start, after, value, None, None, before, None, "", arabic=True)


def _read_multiplier(text: str, start: int, end: int, word: str) -> QuantityMatch | None:
    if text[end : end + 1] == "-" and not (word == "half" and _OF_A_POINT.match(text, end)):
        return None  # double-digit, half-year
    if word == "half" and (scale := _A_SCALE.match(text, end)):
        return _part_of_a_scale(text, start, scale, 0.5)  # half a million residents
    if word in ("half", "halved"):
        preceding = text[max(0, start - 8) : start].lower()
        point = _OF_A_POINT.match(text, end)
        if point and not preceding.endswith(("and a ", "one ")):  # half a percentage point
            return _finish(text, start, point.end(), "percent", 0.5, None, "pp", "0.5 pp")
        if preceding.endswith(("first ", "second ", "a ", "and a ", "one ")) or text.startswith((" a ", " an "), end):
            return None
        return _finish(text, start, end, "percent", 50.0, None, "%", "50%")
    if word in _BARE_MULTIPLIERS and not _MULTIPLIER_OBJECT.match(text, end):
        return None  # double digits, a double murder, triple-A: an adjective, not a multiple
    value = _MULTIPLIERS[word]
    return _finish(text, start, end, "ratio", value, None, "x", f"{value:g}x")


# double, triple, quadruple multiply only as verbs: before what they multiply (double the
# price, double in size, double to 40) or at a clause's end (sales will double.)
_BARE_MULTIPLIERS = frozenset(["double", "triple", "quadruple"])
_MULTIPLIER_OBJECT = re.compile(
    r"[ ](?:the|its|their|his|her|our|your|that|this|these|those|in|by|to|from|over|within|and|or|"
    r"again|every|each|since|after|before|a|an|next|last|this|if|when|as)(?![A-Za-z])|[.,;:!?)”\"]|\s*$"
)


_JAPAN, _CHINA = named("JPY"), named(YUAN)
_SIGN_REACH = 200  # characters either side of an amount where a country or currency is looked for


def _yen_or_yuan(text: str, start: int, end: int) -> str:
    """¥ is the sign of both the yuan and the yen: the yen when Japan or the yen is named
    nearer the amount than China or the yuan, within _SIGN_REACH characters; else the yuan,
    the commoner reading in the Chinese and English news this tool reads."""
    low = max(0, start - _SIGN_REACH)
    window = text[low : end + _SIGN_REACH]
    japan = _distance(_JAPAN, window, start - low, end - low)
    if japan is None:
        return YUAN
    china = _distance(_CHINA, window, start - low, end - low)
    return "JPY" if china is None or japan < china else YUAN


def _distance(pattern: re.Pattern, window: str, start: int, end: int) -> int | None:
    distances = [start - m.end() if m.end() <= start else abs(m.start() - end) for m in pattern.finditer(window)]
    return min(distances) if distances else None


def _qualifier_before(text: str, start: int) -> str | None:
    tail = text[max(0, start - 18) : start].rstrip(" ")
    if tail.endswith(_CURRENCY_BETWEEN):
        tail = tail[: -3 if tail.endswith("人民币") else -2].rstrip(" ")
    elif tail[-2:].lower()[-2:] not in _QUALIFIER_ENDS and tail[-1:] not in _QUALIFIER_ENDS:
        if tail[-1:] not in "为达有" or tail[-2:-1] not in _QUALIFIER_ENDS:
            return None  # the common case: no qualifier ends the way the text before does
        tail = tail[:-1]  # 约为, 近达, 约有
    tail = tail.lower()
    for size in _QUALIFIER_SIZES:  # longest first, as the tuple is sorted
        word = tail[-size:]
        if len(word) == size and word in _QUALIFIER_SET:
            cut = len(tail) - size
            if word.isascii() and cut > 0 and tail[cut - 1].isalpha():
                return None  # "turnover 5" is not "over 5"
            if word == "up to" and _MOVED.search(tail, 0, cut):
                return None  # "edged up to 4.3%": a move, not a ceiling
            return word
    return None


def _last_word(head: str) -> str:
    """What follows the last space or line break: the word before a number, also at the
    start of a line."""
    return head[max(head.rfind(" "), head.rfind("\n"), head.rfind("\t")) + 1 :]


def _between_capitals(text: str, before: str, end: int, number: str) -> bool:
    if len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100:
        return False  # In 2023 Apple ...: a year
    after = text[end : end + 2]
    if len(after) < 2 or after[0] != " " or not after[1].isupper():
        return False
    if "," in number:
        return False  # Around 40,000 Ukrainian soldiers: names carry no thousands
    head = before[:-1] if before.endswith(" ") else ""
    word = _last_word(head)
    return word[:1].isupper() and word.isalpha() and word.lower() not in _SENTENCE_STARTS


# capitalised words that stand before a count at the start of a sentence: not names
_SENTENCE_STARTS = frozenset(
    ["since", "between", "among", "within", "across", "through", "top", "nearly", "roughly",
     "almost", "around", "approximately", "exactly", "another", "yesterday", "today",
     "tomorrow", "now", "overall", "altogether", "combined", "meanwhile", "last", "next",
     "first", "including", "among", "like", "unlike", "despite"]
    + [word for word in _QUALIFIERS if " " not in word]
)


def _version_of_a_name(text: str, before: str, end: int, number: str) -> bool:
    """A capitalised name, then a number that counts nothing (no noun after it): the
    number is part of the name (Claude 3, Gemini 1.5, Llama 2), as in Apple's iPhone 15 Pro
    and unlike 'Apple sold 3 phones'. A year is a date, not a version."""
    if len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100:
        return False
    if before[-1:] != " ":
        return False
    head = before[:-1]
    word = _last_word(head)
    cut = len(word)
    while cut > 0 and word[cut - 1].isascii():  # Chinese text has no spaces: 推出Claude 3
        cut -= 1
    word = word[cut:]
    if len(word) < 2 or not (word.isascii() and word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False
    folded = word.lower()
    if folded in _NOT_COUNT_NOUNS or folded in _SENTENCE_STARTS:
        return False
    return not _count_noun(text, end)


def _count_noun(text: str, end: int, *, head: bool = True) -> str:
    """The word a number counts: '300 people', '5 new stores' (an adjective is passed over),
    '1,502 likely voters' (with `head`, a word that is not plural before a plural one)."""
    found = _NOUN.match(text, end)
    if found is None or found["noun"] in _NOT_COUNT_NOUNS or found["noun"].endswith("ed"):
        return ""  # "500 gained": a verb follows, not a counted noun
    noun = found["noun"]
    for _ in range(2):  # 5 new stores; 2.1 billion monthly active users
        if noun not in _ADJECTIVES:
            break
        following = _NOUN.match(text, found.end())
        if following is None or following["noun"] in _NOT_COUNT_NOUNS:
            break
        noun, found = following["noun"], following
    if head and not _is_plural(noun):
        following = _NOUN.match(text, found.end())
        word = following["noun"] if following else ""
        if _is_plural(word) and word not in _NOT_COUNT_NOUNS and not word.endswith("ed"):
            return word  # 1,200 new affordable homes, 3 phone makers
    return noun


def _is_plural(noun: str) -> bool:
    return noun.endswith("s") or noun in _PLURALS


def _prefix_currency(before: str) -> str | None:
    if not before.rstrip(" ").endswith(_CURRENCY_TAILS):
        return None
    found = _PREFIX_CURRENCY.search(before)
    if found is None or (found["cur"][0].isascii() and found["cur"][0].isalpha() and before[found.start() - 1 : found.start()].isalpha()):
        return None  # "Rs 5", "CHF 3", not "Mrs 5" or "BRs 3"
    return CURRENCY_PREFIXES[found["cur"]]


def _names_something(before: str) -> bool:
    """GPT-4o, GPT4.5, USDL-24-1817, A-1, GPT- 1, Q3, FY2024, #1, 第一, iOS 17, Table 5."""
    last = before[-1:]
    if not last:
        return False
    if last == " ":  # the common case first: after a lower-case word, only the name words
        head = before[:-1]
        word = _last_word(head)
        if word.isalpha() and word.islower() and word.isascii():
            return word in _NAME_WORDS
    if last.isascii() and last.isalpha() or last in "#№第=":
        return True  # GPT4, #1, 第一, a=1
    if last == "(" and before[-2:-1].isascii() and before[-2:-1].isalpha():
        return True  # alert(1): code, not prose
    if last in "-_/." and len(before) > 1 and before[-2].isascii() and before[-2].isalnum():
        return True
    if last != " ":
        return False
    head = before[:-1]
    word = _last_word(head)
    if not word.isascii():  # Chinese text has no spaces: keep the Latin tail (GPT- 1)
        cut = len(word)
        while cut > 0 and word[cut - 1].isascii():
            cut -= 1
        word = word[cut:]
    if not word:
        return False
    if word.endswith("-") and word[:-1].isalnum():
        return True  # GPT- 1
    if word.lower() in _NAME_WORDS:
        return True
    letters = word.strip(".,;:()")
    if "&" in letters:
        return True  # S&P 500
    if not letters.isalpha():
        return False
    return (len(letters) >= 2 and letters.isupper()) or any(c.isupper() for c in letters[1:])


def _number(text: str) -> float:
    if text and not text[0].isdigit():
        return parse_chinese(text)[0]
    return float(text.replace(",", ""))


def _plain(value: float) -> str:
    return f"{value:,.10g}" if value >= 10000 else f"{value:g}"


def _compact(value: float) -> str:
    """$100B, 12.5M; from 10,000 to a million K where it is exact in three digits (164K, 20K),
    else the digits as written (2,977, ¥1,520, $80,610), which read faster than 2.977K."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}"
    if abs(value) >= 1e3:
        size = abs(value)
        if size >= 1e4 and value % (1000 if size >= 1e5 else 100) == 0:  # three digits exact
            return f"{value / 1e3:.3g}K"
        return f"{value:,.6g}"
    return f"{value:.6g}"  # prices keep their cents: $183.38


def _decimal(value: float) -> str:
    """A count with decimals is a level or an average (5,916.98, 2.5): shown as written."""
    return f"{value:,.10g}"


def _four_digits(value: float) -> str:
    return _compact(float(f"{value:.4g}"))


def _range(value: float, high: float | None, render) -> str:
    return render(value) if high is None else f"{render(value)}–{render(high)}"
