"""The grammar of a quantity, as data: the number cores (digits, Chinese numerals, English
words), the scales, units and currencies after them, the qualifiers before them, and the
word lists the readers and guards consult. Built from the unit and currency tables; every
constant of the package is defined here, before any function uses it."""

from __future__ import annotations

import re

from factcheck.text.extract.currencies import (
    CURRENCIES,
    YUAN,
    glued_codes,
    named,
    parts,
    signs,
    yuan_names,
)
from factcheck.text.extract.dates import MONTHS_CAPITALISED
from factcheck.text.extract.numerals import CN_DIGITS, CN_NUMERAL_CHARS, EN_WORDS, MAX_NUMBER_CHARS
from factcheck.text.extract.units import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    UNITS,
    WordScan,
    alternation,
)

_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_ITEM = rf"[{CN_NUMERAL_CHARS}]|[多余几](?=[{CN_NUMERAL_CHARS}])|、(?=[{''.join(CN_DIGITS)}])"
_CN_REST = rf"(?:{_CN_ITEM})*"
_CN = rf"[{CN_NUMERAL_CHARS}]{_CN_REST}"
_CN_MONTH = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
# the English month names of dates.MONTHS, a longer name before its abbreviation (Sept, Sep)
_MONTH_NAMES = "|".join(sorted(MONTHS_CAPITALISED, key=len, reverse=True))

# The units the Chinese-numeral and year branches look ahead for: every unit but the money
# words in Latin letters (dollars, Swiss francs, USD), which follow digits, never 三 or 2019-2023;
# left out, those patterns stay small to compile and quick to try.
_NUMERAL_UNITS = [w for w, (kind, *_) in UNITS.items() if not (kind == "money" and w[0].isascii() and w[0].isalpha())]
_AMOUNT_UNITS = alternation(w for w in _NUMERAL_UNITS if UNITS[w][0] in ("money", "measure", "percent"))

_GLUED_CURRENCIES = glued_codes()
_GLUED_CODES = "|".join(f"(?<={code})" for code in _GLUED_CURRENCIES)

_YEAR = r"(?:1[89]|20)\d{2}"
_UNITS_BUT_YEAR = alternation(w for w in _NUMERAL_UNITS if w != "年")
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
    rf"(?<![\d.])(?P<months_to>(?:(?P<months_to_year>(?:19|20)\d{{2}})年|(?P<months_to_relative>今年|本年|去年|前年|明年))?"
    r"(?:(?P<first_month>1[0-2]|0?[1-9])[-–—~至到](?P<last_month>1[0-2]|0?[1-9])月(?!份?[前后内里来以])(?![\d日号])份?"
    r"|(?<![^，,。；;：:、（(\s“\"在年])前(?P<months_counted>1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])个?月份?(?![前后来以\d日号])))|"
    rf"(?P<relative_year>今年|本年|去年|前年|明年)(?:(?P<relative_month>{_CN_MONTH})月(?:(?P<relative_day>\d{{1,2}})[日号])?)?|"
    rf"(?P<iso>(?:1[89]|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}|(?:1[89]|20)\d{{2}}/\d{{1,2}}/\d{{1,2}})(?![\d-])"
    r"|(?P<phone>\d{3,4}-\d{7,8}|\d{3}(?P<phone_separator>[-. ])\d{3}(?P=phone_separator)\d{4}|\d{2,4}[ ]\d{4}[ ]\d{4})(?!\d)"
    r"|(?P<time>\d{1,2}:\d{2}(?::\d{2})?)"
    r"|(?P<chinese_date>(?P<chinese_year>(?:1[89]|20)\d{2}|\d{2}(?=年\d{1,2}月))年(?:(?P<chinese_month>\d{1,2})月(?:(?P<chinese_day>\d{1,2})[日号])?)?)"
    rf"|(?P<month_and_day>(?P<month_of_day>{_CN_MONTH})月(?!份?[前后内里来以])(?:(?P<day_of_month>\d{{1,2}})[日号])?)"
    # a day or days of a month: 5 March, the 21st of March 2024, 12-14 June, between 3 and 7 March
    rf"|(?P<day_month>(?P<first_day>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?:(?:[ ]?[-–][ ]?|[ ]to[ ]|(?<=between \d)[ ]and[ ]"
    r"|(?<=between \d\d)[ ]and[ ])(?P<last_day>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?)?"
    rf"(?: of)? (?P<month_name>{_MONTH_NAMES})(?: (?P<day_month_year>(?:19|20)\d{{2}}))?)(?![A-Za-z])"
    # years as periods: 2019-2023, 2019–2023年, between 2019 and 2020 (not before another unit: 2019-2023 tonnes),
    # the 1990s, mid-2023 and late-1990s
    rf"|(?<![A-Za-z])(?<![A-Za-z]-)(?<!\d)(?<!\d[-/.])(?P<years>(?P<first_year>{_YEAR})(?:[ ]?[-–—~至到][ ]?|[ ]to[ ]|(?<=[Bb]etween \d{{4}})[ ]and[ ])"
    rf"(?P<last_year>{_YEAR}|\d\d)年?)(?![\d-])(?![ ]?(?:{_UNITS_BUT_YEAR}|{_EN_SCALE_RE}|{_CN_SCALE_RE}))"
    rf"|(?:(?<=[Mm]id-)|(?<=[Ee]arly-)|(?<=[Ll]ate-))(?P<period>{_YEAR})(?P<decades>(?<=0)s)?(?![\dA-Za-z-])"
    rf"|(?<![A-Za-z])(?<!\d)(?P<decade>(?:1[89]|20)\d0)s(?![A-Za-z])"
    # digits glued to a name (GPT-4o, GPT4.5, A-1) or to other digits (1.2.3) are dropped
    # here rather than in Python; USD34.6 and RMB5bn keep their glued currency codes
    # (the checks that most often fail first: the codes' lookbehinds are tried only after them)
    rf"|(?<![A-Za-z]-)(?<!\d)(?<!\d[-/.])(?:(?<![A-Za-z])|{_GLUED_CODES})"
    rf"(?P<ar>{_AR})(?:[ ]?(?P<sep>-|–|—|~|至|到|to)[ ]?\$?(?P<hi>{_AR})(?![\d-]))?"
    r"|一半"
    # a Chinese numeral only before a unit, or after 人民币/港币: most 一 and 十 are words;
    # a lone 一 is an amount only before a currency, measure or percent unit (一元, 一吨):
    # before a classifier it is an article (一个, 一位) and is not matched at all; right
    # after digits it is their multiplier, never a number of its own (20-10万吨, GPT-4万)
    rf"|(?<![0-9])(?P<cn>(?<=币){_CN}|(?!一(?![{CN_NUMERAL_CHARS}多余、]|[ ]?(?:{_AMOUNT_UNITS})))"
    rf"{_CN}(?=[多余来几]?[ ]?(?:{alternation(_NUMERAL_UNITS)})))"
    r")"
)

# the first characters of units (a class is quicker to compile than the units themselves)
_UNIT_STARTS = re.escape("".join(sorted({word[0] for word in _NUMERAL_UNITS})))
# Where a _CORE match can start, checked by the engine without a return to Python: a plain
# class first (the engine skips to it in a tight loop: ASCII digits, Chinese numerals, and any
# character outside ASCII and the CJK block, for the other decimal digits), then a check that
# the branches can start there: a digit followed by what a date, a time or a phone number
# needs (at most four digits on, so that a long run of digits is not read again from each
# of its positions), or standing where an amount may start (the `ar` branch's lookbehinds, one character
# on); a Chinese numeral before 月 or 半, after 币, or before a unit (分之 is read by shares.py).
_CORE_START = re.compile(
    rf"[0-9{CN_NUMERAL_CHARS}今去前明本\x80-\u2fff\ua000-\U0010ffff]"
    r"(?:(?<=[今去前明本])(?=年)|(?<=前)(?=[\d二三四五六七八九十])"
    r"|(?<=\d)(?:(?=\d{0,3}(?:[-/:年月]| [\dJFMASOND]|\.\d))"
    r"|(?<![A-Za-z]-.)(?<!\d.)(?<!\d[-/.].)"
    r"(?:(?<![A-Za-z].)|" + "|".join(f"(?<={code}.)" for code in _GLUED_CURRENCIES) + r")"
    r"|(?<=[Mm]id-.)|(?<=[Ee]arly-.)|(?<=[Ll]ate-.))"
    rf"|(?<=[{CN_NUMERAL_CHARS}])(?:(?<=币.)|(?=[一二]?月|半)"
    rf"|(?<!一)(?={_CN_REST}[多余来几]?[ ]?[{_UNIT_STARTS}])"
    rf"|(?<=一)(?=[{CN_NUMERAL_CHARS}多余、]|[ ]?(?:{_AMOUNT_UNITS}))(?={_CN_REST}[多余来几]?[ ]?[{_UNIT_STARTS}])))"
)

_ALL_UNIT_STARTS = re.escape("".join(sorted({word[0] for word in UNITS})))
_AFTER = re.compile(
    rf"(?P<more>多|余|来|几)?(?P<cnscale>{_CN_SCALE_RE})?(?P<more2>多|余)?"
    # a $12-billion merger: a scale word hyphenated to the number
    rf"(?:(?:[ ]|-(?=(?:tr|b|m)illion|thousand))?(?P<enscale>{_EN_SCALE_RE}))?"
    # (the class first: a position no unit starts at is passed at once, not after a try of each branch)
    rf"(?:(?:[ ]|-)?(?=[{_ALL_UNIT_STARTS}])(?P<unit>{alternation(UNITS)}))?"
    r"(?P<after>以上|以下|左右|上下|出头|\+)?"
)
# "won" then what a verb takes: Team 2 won the final, Model 3 won an award (not ₩)
_WON_THE_VERB = re.compile(
    r"[ ](?:the|a|an|his|her|its|their|our|this|that|these|those|both|every|by|against|over|out|back)\b"
)
# currency signs written after a number (25 €, 40 $) and what makes one the next amount's (5 $10)
_SIGNS_AFTER = frozenset(form for c in CURRENCIES for form in signs(c))
_DIGIT_NEXT = re.compile(r"[ ]?\d")
_RECHECKED_UNITS = _SIGNS_AFTER | {"won", "Won", "WON"}  # units the Arabic reader may find are none
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d{1,3}(?:\.\d{3})*),$")
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
    rf"[ ](?:in|out[ ]of)[ ](?P<denominator>\d{{1,3}}(?:,\d{{3}}){{1,{(MAX_NUMBER_CHARS - 3) // 4}}}|\d{{1,3}}|[a-z]+)(?![\w-])(?!,\d)"
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
_PREFIX_REACH = max(len(form) for form in CURRENCY_PREFIXES) + 2  # searched only this far back: the space and a letter before
# words after which a number is a name or a reference, not an amount: iOS 17, Table 5
_NAME_WORDS = frozenset(
    ["v", "version", "windows", "android", "ios", "chapter", "model", "table", "figure", "fig.", "section", "article", "item", "page", "room", "route", "flight", "phase", "level", "series", "gen", "generation", "type", "class", "tier", "grade", "vol.", "issue", "appendix", "annex", "schedule", "form", "rule", "act", "proposition", "rev.", "no.", "number", "resolution", "amendment", "bill", "title", "regulation", "directive", "gate", "platform", "channel", "season", "episode", "stage", "mission",
     # series, ranked lists and indexes named with a number: Fortune 500, Interstate 95
     "fortune", "russell", "stoxx", "interstate", "highway", "formula", "apollo", "boeing",
     "iphone", "pixel", "galaxy", "playstation", "xbox"]
)
_CURRENCY_TAILS = tuple(CURRENCY_PREFIXES)
_CURRENCY_TAIL_ENDS = frozenset(form[-1] for form in CURRENCY_PREFIXES)  # a quick test before the tails
_APOSTROPHES = ("'", "’")
_LETTERS_AND_SPACE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz "
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
_IDIOM = re.compile("万万|一点一点|一系列|百家争鸣|千家万户|一五一十|三番五次|十全十美|一成不变|[两三]轮(?:汽?车|摩托)")
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

_DOUBLING = re.compile(r"翻(?:了)?(?:(?P<n>[一两二三四])番|一?倍)|翻番")

# The numeral branches read a run of numerals from each position they are tried at, and
# look for a unit after it: a run of N numerals costs N² steps. Runs up to MAX_NUMBER_CHARS
# cost little; a longer one (一一一…, 三千三千…, 一、一、…) is no amount, found in one read.
_LONG_CN_RUN = re.compile(rf"[{CN_NUMERAL_CHARS}](?:{_CN_ITEM}){{{MAX_NUMBER_CHARS},}}")

# not " to ": between two amounts with units it is usually a change ("rose 14 cents to $35.21")
_RANGE_JOINERS = frozenset(["-", "–", "—", "~", "至", "到", " - "])
# words before "$2 billion to $4 billion" that make it a move rather than a range
_CHANGE_WORDS = frozenset(
    ["from", "by", "rose", "fell", "grew", "jumped", "climbed", "dropped", "slipped", "gained", "lost",
     "increased", "decreased", "raised", "cut", "lowered", "lifted", "boosted", "trimmed", "slashed",
     "up", "down", "rising", "falling", "added", "shed", "surged", "soared", "plunged", "tumbled",
     "declined", "rises", "falls", "raising", "cutting", "lifting", "lowering", "increase", "decrease"]
)

# verbs of change before "2美元至85美元", "3亿元至50亿元": a move by the first amount to the second
# (上涨2美元至85美元), not a range; 了 may follow the verb
_CHANGE_BEFORE_ZH = re.compile(
    r"(?:上涨|下跌|增长|增加|减少|下降|上升|提高|降低|提升|攀升|回落|上调|下调|扩大|缩小|缩减|跃升|大涨|大跌|"
    r"暴涨|暴跌|猛增|骤降|涨|跌|升|降|增|减)了?$"
)

# Amounts in two parts: 4 dollars 25 cents, twelve dollars and sixty cents, 七元五毛, 20元3角5分,
# 三美元又五美分. The part's words come from the currency records (cents, tenths); a part is
# read only after an amount that ends with its currency's word, and only in that currency.
_PART_WORDS = sorted({word for c in CURRENCIES for word in (*c.cents, *c.tenths)}, key=len, reverse=True)
_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_ONES = "one|two|three|four|five|six|seven|eight|nine"
_EN_TO_99 = rf"(?:{_EN_TENS})(?:[- ](?:{_EN_ONES}))?|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|{_EN_ONES}"
_PART = re.compile(
    rf"(?:,?[ ]and[ ]|,?[ ]|又|零)?(?P<n>\d{{1,2}}|[一二三四五六七八九两十]{{1,3}}|(?:{_EN_TO_99})(?![A-Za-z-]))"
    rf"[ ]?(?P<part>{alternation(_PART_WORDS)})"
    r"(?![钟之析配别红享成数度色落逐利巾衣笔])"  # 5分钟, 角色, 毛利: words, not a part of a yuan
    r"(?:(?P<n2>\d|[一二三四五六七八九])(?P<part2>分)(?![钟之析配别红享成数]))?"
)
_PARTS_OF = {c.code: parts(c.code) for c in CURRENCIES if c.cents or c.tenths}
_PART_STARTS = frozenset(" ,又零0123456789一二三四五六七八九两十")  # what may follow an amount before its part
_CURRENCY_ENDINGS = {
    code: tuple(word for word, of in CURRENCY_WORDS.items() if of == code and not word[-1].isdigit()) for code in _PARTS_OF
}
# a penny, a cent: one hundredth alone
# (led by its space, which the engine finds fast, rather than by a lookbehind tried everywhere)
_A_COIN = re.compile(r"[ ](?<=[Aa][ ])(?<![A-Za-z][Aa][ ])(?P<coin>penny|cent)(?![A-Za-z-])")

# a bare "marks" is Deutsche marks (paid 500 marks) but for an exam's or a judge's
_EXAM_MARKS = frozenset(["marks", "Marks", "MARKS"])
_MARKED_BEFORE = re.compile(
    r"(?i:scor|secur|got|get|obtain|award|earn|gain|full|exam|test|pass|mark|grade|paper)[a-z]*[ ]"
    r"(?:[a-z]+[ ]){0,3}$"
)
_MARKED_AFTER = re.compile(r"[ ](?:out[ ]of|in[ ]the|in[ ]\w*[ ]?(?:exam|test|paper))")
_TOKENS_AFTER = re.compile(r"[ ]?[Tt]okens?(?![A-Za-z])")
_PER_HOUR = re.compile(r"(?:每小时|时速)[^\d,。;]{0,4}$")
# a verb of scoring before N分: points in a game or an exam (拿下26分, 考了95分), not minutes
_SCORED = re.compile(r"(?:得|拿下|砍下|拿到|贡献|轰下|斩获|狂砍|攻下|考了|考出|总分|满分|评分|打出)[^，。；！？,;\d]{0,4}$")

_COUNTED_AFTER_MORE = frozenset("次个家名位项种处人倍年")

_PERIOD_WORDS = ("mid-", "early-", "late-")

_TENOR_UNITS = frozenset(["年", "个月", "月", "天", "日"])
_TENOR = re.compile("期(?![间限内满末])")  # 1年期, 7天期逆回购; not 5天期间 (during those 5 days), 3年期满
_AGE_UNITS = {"year": 1, "years": 1, "month": 12, "months": 12, "week": 52, "weeks": 52}
_TIME_UNITS = _TENOR_UNITS | frozenset(_AGE_UNITS)  # units after which a number may be a term or an age
_OLD = re.compile(r"[- ]olds?(?![A-Za-z])")
# an age stated after a name or a person (Sarah Jones, 38, told; the suspect, 34,), or
# after aged/age (aged 29 and 41, aged between 18 and 25)
_AGED = re.compile(r"(?<![A-Za-z])[Aa]ged? (?:of )?(?:between )?(?:\d{1,3}(?:, | and | or |-))*$")

# video lines, not pence: 1080p
_VIDEO_LINES = frozenset(["144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"])
# what makes a bare 1.5C a temperature: warming, weather and climate words before it, or a
# comparison after it
_WARMTH = re.compile(
    r"(?i:temperatures?|warming|warmer|hotter|colder|cooler|heat|degrees?|highs?|lows?|climate|"
    r"thermometer|celsius|frost|weather|forecast)(?![a-z])"
)
_WARMTH_AFTER = re.compile(r"[ ](?:above|below|warmer|hotter|colder|cooler|of warming|higher|lower)(?![a-z])")

# currencies whose amounts are also written in 元, as their sentence names them
_YUAN_CODES = yuan_names()
_YUAN_FAMILY = re.compile("|".join(_YUAN_CODES))
_YUAN_HINT = re.compile("|".join(sorted({name[-2:] for name in _YUAN_CODES})))  # a quick test before the search
_SENTENCE_MARKS = "。！？!?\n"

_AR_NUMBER = re.compile(_AR)

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

_A_SCALE = re.compile(r"[ ]an?[ ](?P<scale>dozen|thousand|million|billion|trillion)(?![A-Za-z])")
_OF_A_SCALE = re.compile(r"[ ]of[ ]an?[ ](?P<scale>thousand|million|billion|trillion)(?![A-Za-z])")

# double, triple, quadruple multiply only as verbs: before what they multiply (double the
# price, double in size, double to 40) or at a clause's end (sales will double.)
_BARE_MULTIPLIERS = frozenset(["double", "triple", "quadruple"])
_MULTIPLIER_OBJECT = re.compile(
    r"[ ](?:the|its|their|his|her|our|your|that|this|these|those|in|by|to|from|over|within|and|or|"
    r"again|every|each|since|after|before|a|an|next|last|this|if|when|as)(?![A-Za-z])|[.,;:!?)”\"]|\s*$"
)

_JAPAN, _CHINA = named("JPY"), named(YUAN)
_SIGN_REACH = 200  # characters either side of an amount where a country or currency is looked for

# capitalised words that stand before a count at the start of a sentence: not names
_SENTENCE_STARTS = frozenset(
    ["since", "between", "among", "within", "across", "through", "top", "nearly", "roughly",
     "almost", "around", "approximately", "exactly", "another", "yesterday", "today",
     "tomorrow", "now", "overall", "altogether", "combined", "meanwhile", "last", "next",
     "first", "including", "among", "like", "unlike", "despite"]
    + [word for word in _QUALIFIERS if " " not in word]
)

# Shares written in Chinese (read by shares.py): N分之M with any numerals (千分之三, 万分之五,
# 百万分之五, 千分之贰, 萬分之五), a discount N折 (打8折, 85折, 七五折, 二点五折, 打对折) and
# the forms of 成 the unit table cannot hold (四成半, 七点五成, 半成). Decimals may be written
# with 点, a full-width point or a dot. The scan stops at the mark (分之, 折, 成) only where a
# numeral, 半 or 对 stands before it, and reads the number backwards from there.
_SHARE_DIGITS = "".join(CN_DIGITS)
_SHARE_NUMBER = rf"\d+(?:[.．]\d+)?|[{CN_NUMERAL_CHARS}]+(?:[点點．.][{_SHARE_DIGITS}\d]+)?"
# one scan per mark, each from a literal the engine skips to (quicker than a class of the
# three), then what stands before it
_SHARE_MARKS = tuple(
    re.compile(rf"{mark}(?<=[\d{CN_NUMERAL_CHARS}萬億半对]{mark})") for mark in ("分之", "折", "成")
)
# 一至两成, 7-8折: a range, its first number bare
_SHARE_BEFORE = re.compile(rf"(?:(?P<low>{_SHARE_NUMBER})[至到~\-–—])?(?P<number>{_SHARE_NUMBER}|(?<=打)对|半)$")
_DENOMINATOR_BEFORE = re.compile(rf"[{CN_NUMERAL_CHARS}萬億]+$|\d+$")
_SHARE_AFTER = re.compile(_SHARE_NUMBER)
_TRADITIONAL_SCALES = str.maketrans({"萬": "万", "億": "亿", "點": "点", "．": "."})
# 折 and 成 as parts of other words: 三折叠, 折合, 折旧, 折价, 折现; 成立, 成本, 半成品
_NOT_A_DISCOUNT = frozenset("叠合算旧线返射腾磨损价扣服现戟桂八")  # 八: 七折八扣, an idiom
_NOT_A_TENTH = frozenset("立功本员交果绩熟长品型")
_WORD_BEFORE_SHARE = frozenset("第波")  # 第三折 (an act of a play), 一波三折 (an idiom)
_WORD_BEFORE_HALF = frozenset("一多大过")  # 一半成为, 多半成本: 半 of another word
# 对折 is a discount after 打 or before what a sale says (对折优惠), else a fold (对折纸张)
_HALF_PRICE_AFTER = re.compile("优惠|出售|销售|甩卖|促销|价|起|酬宾")

# Names with a number in them, not amounts. An index family before its number (沪深300,
# 标普500, Nasdaq 100, Nikkei 225; not a level: 上证3000点, Nasdaq 18,000 points), a
# number before the words of an index's name (500医药指数, the 100 index), an event named
# by its date (9·11, 5·12地震), and the set phrases of Chinese politics whose numeral stands
# before a measure word yet counts nothing (三个代表, 四个全面; not 三个代表团); those
# without one (一带一路, 两会, 十四五) are never read as amounts.
_INDEX_FAMILIES = (
    "沪深", "中证", "上证", "科创", "深证", "恒生科技", "国证", "创业板", "北证", "标普", "纳斯达克", "纳指",
    "富时", "日经", "道琼斯", "罗素", "Nasdaq", "NASDAQ", "Nikkei", "FTSE", "DAX", "CAC", "KOSPI", "ASX",
    "Sensex", "SENSEX", "Nifty", "NIFTY", "TOPIX", "Topix", "Stoxx", "STOXX", "Russell", "MSCI", "IBEX",
)
# by last character, so that a number's text before is compared with the few that may end it
_INDEX_FAMILIES_BY_END = {
    end: tuple(family for family in _INDEX_FAMILIES if family[-1] == end) for end in {f[-1] for f in _INDEX_FAMILIES}
}
_INDEX_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}指数|[ ](?:[A-Z][a-z]+[ ])?Index(?![a-z])|ETF")
_LEVEL_AFTER = re.compile(r"[ ]?(?:点|points?|pts)(?![A-Za-z])")
_EVENT_DOTS = frozenset("·・•‧")
_SET_PHRASES = re.compile(
    "三个代表(?![团处])|四个全面|两个维护|两个确立|四个意识|四个自信|两个一百年|八项规定|四个现代化|"
    "三个世界|两个务必|三个务必|五个一工程|两个凡是|三个有利于|四项基本原则"
)
_SET_PHRASE_REACH = 6  # the longest phrase's characters before its numeral, and a margin
# the number after 每, per or every names the base of a rate (每百万tokens, per 100,000
# people, every 10 years), not an amount of its own; the rate's price is one
_RATE_BASE = ("per ", "Per ", "every ", "Every ", "每")
_RATE_BASE_TAILS = frozenset(word[-2:] for word in _RATE_BASE)  # a quick test on two characters
# the words after which a month name alone is the month (in January, by March, the end of
# May); not last/next/this, which may mean another year's
_BEFORE_A_MONTH = tuple(
    f"{word} " for lower in ("in", "since", "by", "until", "till", "during", "through", "from", "before", "after", "early", "late", "of")
    for word in (lower, lower.capitalize())
) + ("mid-", "Mid-")
