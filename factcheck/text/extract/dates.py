"""Dates: partial ISO 8601 strings, relative years resolved against a reference date, and a
reference date inferred from the text when a document states none."""

from __future__ import annotations

import re
from datetime import date

from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.numerals import parse_chinese
from factcheck.text.extract.units import WORD_START, alternation

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MONTHS_CAPITALISED = [name.capitalize() for name in MONTHS]
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}

_FULL_CN = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})[日号]")
_FULL_ISO = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
# Each pattern starts with a literal or a character class, so the engine skips straight to
# the characters that can start a date; the checks on what comes before follow them.
_FULL_EN = re.compile(
    "(" + alternation(MONTHS_CAPITALISED, guard=WORD_START) + r")\.? (\d{1,2}),? ((?:19|20)\d{2})\b"
)
_BARE_MONTH_DAY = re.compile(r"(\d(?<![\d年]\d)\d?)月(\d{1,2})[日号]")


def iso_date(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """'2024-05-18', '2024-05', '2024', '--05-18' or '--05'; None when the parts are impossible."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None or not 1 <= day <= 31:
            return None
        try:
            date(year or 2000, month, day)  # 2000 is a leap year: --02-29 stays possible
        except ValueError:
            return None
    if year is None:
        if month is None:
            return None
        return f"--{month:02d}" + (f"-{day:02d}" if day else "")
    text = f"{year:04d}"
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text


def reference_year(reference_date: str | None) -> int | None:
    if reference_date and len(reference_date) >= 4 and reference_date[:4].isdigit():
        return int(reference_date[:4])
    return None


def reference_for(text: str, given: str | None) -> str | None:
    """The date that resolves 今年, 去年, 当年 and bare months in `text`: the one given (the
    document's publication date, or the one a user named), else the latest the text states
    (a year alone when it states no full date, see infer_reference_date).
    Every reader of a document takes its reference date from here."""
    return given or infer_reference_date(text)


def infer_reference_date(text: str) -> str | None:
    """The latest date the text itself states, for resolving 今年, 去年 and bare month-days;
    without a full date, the latest year it states with a quarter, a half or a run of months.

    News reports recent events: a bare month-day (5月18日) is read as its first occurrence on
    or after the latest full date in the text, so an article that cites 2023年12月8日 and then
    5月18日 is taken to be written on or after 2024-05-18. A statistics release that states
    only the period it covers (2024年第三季度, 2024年1—8月, Q3 2024) is taken to be of that
    year (its 今年1—8月 and 前三季度 are that year's). None when the text states neither.
    """
    latest: date | None = None
    chinese = "月" in text  # both Chinese patterns need it: English text skips their scans
    stated = [(int(y), int(m), int(d)) for y, m, d in _FULL_CN.findall(text)] if chinese else []
    stated += [
        (int(m[1]), int(m[2]), int(m[3]))
        for m in _FULL_ISO.finditer(text)
        if m.start() == 0 or not text[m.start() - 1].isdigit()
    ]
    stated += [(int(y), MONTHS[m.lower()], int(d)) for m, d, y in _FULL_EN.findall(text)]
    for year, month, day in stated:
        found = _safe_date(year, month, day)
        if found and (latest is None or found > latest):
            latest = found
    if latest is None:
        return _stated_year(text)
    newest = latest
    for month, day in _BARE_MONTH_DAY.findall(text) if chinese else ():
        found = _safe_date(latest.year, int(month), int(day))
        if found is None:
            continue
        if found < latest:
            found = _safe_date(latest.year + 1, int(month), int(day))
        if found and found > newest:
            newest = found
    return newest.isoformat()


# a year with the period a report covers: 2024年第三季度, 2024年上半年, 2024年1—8月, 2024年前三季度,
# Q3 2024, the third quarter of 2024, H1 2024 (a year alone, or with one month, is as often
# a forecast or a history: 到2030年, 1949年10月). The Chinese form is one scan from 年, the
# four characters before it the year; the English forms are rare words, found with str.find
# (quicker than the engine's search for a literal) and read on with an anchored match.
_STATED_CHINESE_YEAR = re.compile(
    r"年(?<=(?<!\d)(?:19|20)\d\d年)(?=第?[一二三四1-4]季度|前[一二三四1-4]季度|[上下]半年"
    r"|前(?:1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])个?月|(?:1[0-2]|0?[1-9])[-–—~至到](?:1[0-2]|0?[1-9])月)"
)
_STATED_ENGLISH_YEAR = {
    "Q": re.compile(r"(?<![A-Za-z])Q[1-4],? ((?:19|20)\d\d)(?![\d-])"),
    "H": re.compile(r"(?<![A-Za-z])H[12],? ((?:19|20)\d\d)(?![\d-])"),
    "uarter": re.compile(r"uarters?,? (?:of )?((?:19|20)\d\d)(?![\d-])"),
    "alf of": re.compile(r"alf of ((?:19|20)\d\d)(?![\d-])"),
}


def _stated_year(text: str) -> str | None:
    years = []
    if "年" in text:
        years += [int(text[m.start() - 4 : m.start()]) for m in _STATED_CHINESE_YEAR.finditer(text)]
    for word, form in _STATED_ENGLISH_YEAR.items():
        position = text.find(word)
        while position >= 0:
            if found := form.match(text, position):
                years.append(int(found[1]))
            position = text.find(word, position + 1)
    return str(max(years)) if years else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# 当年 (that year) is the year last named before it: 2019年营收增长，当年利润下降 is 2019; not
# 相当年轻 (quite young) nor 当年轻人 (when young people). Looked for within _THAT_YEAR_REACH
# characters before, where the year it refers to stands. The pattern starts with 当, a
# literal the engine skips to (one that starts with a lookbehind is tried at every position).
_THAT_YEAR = re.compile(
    r"当(?<![相每]当)年(?![轻纪])(?:(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?!份?[前后内里来以])"
    r"(?:(?P<day>\d{1,2})[日号])?)?"
)
_YEAR_NAMED = re.compile(r"((?:19|20)\d{2})年")
_THAT_YEAR_REACH = 2000


def that_year(text: str) -> list[QuantityMatch]:
    found = []
    for m in _THAT_YEAR.finditer(text):
        named = _YEAR_NAMED.findall(text, max(0, m.start() - _THAT_YEAR_REACH), m.start())
        if not named:
            continue  # 当年 as "back then", with no year named: nothing to check
        month = m["month"] and int(m["month"] if m["month"].isdigit() else parse_chinese(m["month"])[0])
        iso = iso_date(int(named[-1]), month or None, int(m["day"]) if m["day"] else None)
        if iso is not None:
            found.append(QuantityMatch(m.start(), m.end(), m[0], "date", None, "date", iso, iso=iso))
    return found


# Quarters and halves of a year in Chinese: 2024年第三季度, 今年一季度, 前三季度, 上半年. The scan
# finds 季度 and 半年 (rare characters: the engine skips to them) and reads what comes before.
_PERIOD_END = re.compile("季度|半年")
_PERIOD_HEAD = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})年|(?P<rel>今年|本年|去年|上年|前年|明年))?"
    r"(?P<first>第|前)?(?P<part>[一二三四1-4上下])$"
)
_PARTS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def chinese_periods(text: str, year: int | None) -> list[QuantityMatch]:
    """Quarters and halves as ISO 8601 intervals of months: 2024年第三季度 -> 2024-07/2024-09,
    shown '2024 Q3'; 前三季度 -> Q1–Q3; 上半年 -> H1. Without a stated year they take the
    reference year (as 5月18日 does); with none, they are dropped."""
    found = []
    for end_mark in _PERIOD_END.finditer(text):
        head = _PERIOD_HEAD.search(text, max(0, end_mark.start() - 9), end_mark.start())
        if head is None:
            continue
        if _FISCAL.search(text, max(0, head.start() - 8), head.start()):
            continue  # 2025财年第三季度: a fiscal quarter, whose months depend on the company
        part, quarter = head["part"], end_mark[0] == "季度"
        if quarter == (part in "上下") or (head["first"] and not quarter):
            continue  # 上季度 (last quarter), 第上半年
        if head["y"]:
            stated = int(head["y"])
        elif head["rel"]:
            stated = year + RELATIVE_YEARS[head["rel"]] if year is not None else None
        else:
            stated = year
        if stated is None:
            continue
        if quarter:
            last = _PARTS[part]
            first = 1 if head["first"] == "前" else last
            months = (3 * first - 2, 3 * last)
            shown = f"Q{last}" if first == last else f"Q{first}–Q{last}"
        else:
            months, shown = ((1, 6), "H1") if part == "上" else ((7, 12), "H2")
        start = head.start() if head.start() != head.end() else end_mark.start()
        found.append(_months(text, start, end_mark.end(), (stated, months[0]), (stated, months[1]), f"{stated} {shown}"))
    return found


# Quarters and halves of a year in English: Q3 2023, the third quarter of 2023, second-quarter
# profit, the first half of 2024, H1 2024, the first three quarters. A year is stated after
# (of 2023) or before (its 2023 fourth-quarter results); without one, only Q3 and
# second-quarter take the reference year, since "the third quarter" and "the second half"
# are as often the periods of a game. A fiscal quarter is left alone: fiscal years start in
# different months from company to company.
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "two": 2, "three": 3}
# Four scans, each from a literal the engine skips to (a class of first letters would be
# tried at every h): Q3, H1, quarter(s) and half; then the ordinal before a word, and the
# year after.
_EN_PERIOD_SCANS = (
    re.compile(r"Q[1-4](?![A-Za-z0-9])"),
    re.compile(r"H[12](?![A-Za-z0-9])"),
    re.compile(r"uarters?(?![A-Za-z0-9])"),
    re.compile(r"alf(?![A-Za-z0-9])"),
)
_EN_ORDINAL = re.compile(r"(?i:(?P<ord>first|second|third|fourth)(?:[ -](?P<many>two|three))?)(?P<sep>[ -])$")
_QUARTER_NUMBER = re.compile(r" (?P<n>[1-4])(?![\d.,%])")  # Quarter 2 2019, as tables and filings write it
_EN_YEAR_AFTER = re.compile(r",? (?:of )?(?P<y>(?:19|20)\d\d)(?![\d-])| of (?P<rel>this|last|next|the) year")
_RELATIVE_EN = {"this": 0, "the": 0, "last": -1, "next": 1}
_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d(?:'s)? $")
_FISCAL = re.compile(r"(?:(?i:fiscal|FY)\b|财年|财政年度|会计年度)[^.;。；]{0,12}$")
_FISCAL_AFTER = re.compile(r",? (?:of )?(?:the )?(?i:fiscal|FY)(?![A-Za-z])")
# a capitalised word before Q3 names a product (Audi Q3); these do not
_BEFORE_A_QUARTER = frozenset(["In", "During", "For", "By", "Since", "Through", "Its", "The", "This", "Last", "Next"])


def english_periods(text: str, year: int | None) -> list[QuantityMatch]:
    found = []
    for scan in _EN_PERIOD_SCANS:
        for m in scan.finditer(text):
            period = _english_period(text, m, year)
            if period is not None:
                found.append(period)
    # months counted: the first ten months of 2024, the 12 months to April; checked with `in`
    # first, as most texts have neither and a scan is a pass over the whole text
    if "onths " in text:
        for m in _MONTHS_END.finditer(text):
            period = _first_months(text, m, year) if m[1] == "of" else _months_to(text, m, year)
            if period is not None:
                found.append(period)
    if "ear to " in text:
        for m in _YEAR_TO_END.finditer(text):
            period = _months_to(text, m, year)
            if period is not None:
                found.append(period)
    return found


# the first ten months of 2024, the first 10 months of the year; the 12 months to April
_MONTHS_END = re.compile(r"onths (of|to) (?=[A-Z]|the |this |last |next |(?:19|20)\d\d)")
_YEAR_TO_END = re.compile("ear to (?=[A-Z])")
_FIRST_MONTHS = re.compile(
    r"(?i:the first) (?P<n>\d{1,2}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven)) [Mm]$"
)
_MONTH_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12}
# the 12 months to April 2024, the three months to June, the year to December 2023: the
# months ending with the one named (British statistics)
_MONTHS_TO_HEAD = re.compile(
    r"(?:(?P<n>\d{1,2}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)) [Mm]|(?P<year>[Tt]he y))$"
)
_MONTHS_TO_TAIL = re.compile(rf"(?P<month>{'|'.join(name.capitalize() for name in MONTHS if len(name) > 3 or name == 'may')})"
                             r"(?:,? (?P<y>(?:19|20)\d\d))?(?![\w-]|,? \d)")
MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _first_months(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    head = _FIRST_MONTHS.search(text, max(0, m.start() - 20), m.start())
    after = _EN_YEAR_AFTER.match(text, m.start() + len("onths"))  # " of 2024", " of the year"
    if head is None or after is None:
        return None
    written = head["n"].lower()
    last = int(written) if written.isdigit() else _MONTH_COUNTS[written]
    if after["y"]:
        stated = int(after["y"])
    else:
        stated = year + _RELATIVE_EN[after["rel"]] if year is not None else None
    return months_period(head.start(), after.end(), text, stated, 1, last)


def _months_to(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    head = _MONTHS_TO_HEAD.search(text, max(0, m.start() - 10), m.start())
    tail = _MONTHS_TO_TAIL.match(text, m.end())
    if head is None or tail is None:
        return None
    written = (head["n"] or "12").lower()
    count = int(written) if written.isdigit() else _MONTH_COUNTS[written]
    last_year = int(tail["y"]) if tail["y"] else year
    if last_year is None or not 2 <= count <= 12:
        return None
    last = MONTHS[tail["month"].lower()]
    first_year, first = (last_year, last - count + 1) if count <= last else (last_year - 1, last - count + 13)
    if first_year == last_year:
        return months_period(head.start(), tail.end(), text, last_year, first, last)
    shown = f"{MONTH_ABBREVIATIONS[first - 1]} {first_year}–{MONTH_ABBREVIATIONS[last - 1]} {last_year}"
    return _months(text, head.start(), tail.end(), (first_year, first), (last_year, last), shown)


def months_period(start: int, end: int, text: str, year: int | None, first: int, last: int) -> QuantityMatch | None:
    """Months of one year as an ISO 8601 interval, shown '2025 Jan–Oct' as quarters are
    shown '2025 Q1–Q3'; None without a year or when the months run backwards."""
    if year is None or not 1 <= first < last <= 12:
        return None
    shown = f"{year} {MONTH_ABBREVIATIONS[first - 1]}–{MONTH_ABBREVIATIONS[last - 1]}"
    return _months(text, start, end, (year, first), (year, last), shown)


def _months(text: str, start: int, end: int, first: tuple[int, int], last: tuple[int, int], shown: str) -> QuantityMatch:
    """A date that is a run of whole months, from (year, month) to (year, month), as an
    ISO 8601 interval: 2024-07/2024-09. Quarters, halves and month ranges all end here."""
    iso = f"{first[0]}-{first[1]:02d}/{last[0]}-{last[1]:02d}"
    return QuantityMatch(start, end, text[start:end], "date", None, "date", shown, iso=iso)


def _english_period(text: str, m: re.Match, year: int | None) -> QuantityMatch | None:
    start, end = m.span()
    code = m[0] if m[0][0] in "QH" else None  # Q3, H1
    ordinal = None
    if code is None:
        start -= 1  # the Q of quarter, the H of half
        if text[start : start + 1].lower() != ("q" if m[0][0] == "u" else "h"):
            return None  # calf, a word that ends in -uarter
        ordinal = _EN_ORDINAL.search(text, max(0, start - 20), start)
        numbered = _QUARTER_NUMBER.match(text, end) if ordinal is None and m[0] == "uarter" else None
        if numbered is not None and (text[start] == "Q" or _EN_YEAR_AFTER.match(text, numbered.end())):
            code, end = f"Q{numbered['n']}", numbered.end()  # Quarter 2 2019, quarter 3 of 2023
        elif ordinal is None:
            return None  # a quarter of, half the
        else:
            start = ordinal.start()
    if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
        return None  # AQ3, B-H1: a code
    parts = _english_parts(text[start:end].lower() if code is None else code, ordinal)
    if parts is None:
        return None
    after = _EN_YEAR_AFTER.match(text, end)
    year_after = after is not None and after["y"] is not None
    if code is not None and code[0] == "H" and not year_after:
        return None  # H1 alone: a visa, a heading
    before = text[max(0, start - 24) : start]
    if _FISCAL.search(before) or _FISCAL_AFTER.match(text, end):
        return None  # fiscal Q3, Q1 FY25, the first quarter of fiscal 2025
    if code is not None and not year_after and _after_a_name(before):
        return None  # Audi Q3
    if after is not None:
        stated = int(after["y"]) if year_after else (year + _RELATIVE_EN[after["rel"]] if year is not None else None)
        end = after.end()
    elif (earlier := _YEAR_BEFORE.search(before)) is not None:
        stated, start = int(earlier[0][:4]), start - len(earlier[0])
    elif "year" in before[-14:].lower():
        return None  # last year's third quarter: which year is not worth a guess
    elif code is not None or ordinal is not None and ordinal["sep"] == "-" and m[0] == "uarter":
        stated = year  # Q3, second-quarter profit: this year's
    else:
        return None  # "the third quarter", "the second half": as often the periods of a game
    if stated is None:
        return None
    (first, last), shown = parts
    return _months(text, start, end, (stated, first), (stated, last), f"{stated} {shown}")


def _english_parts(written: str, ordinal: re.Match | None) -> tuple[tuple[int, int], str] | None:
    """((first month, last month), 'Q3') for Q3, H1 or what the ordinal and word say; None
    for no period ("third quarters", "third half")."""
    if ordinal is None:
        number = int(written[1])
        if written[0] == "H":
            return ((1, 6), "H1") if number == 1 else ((7, 12), "H2")
        first = last = number
    else:
        number = _ORDINALS[ordinal["ord"].lower()]
        if written.endswith("half"):
            if ordinal["many"] or number > 2:
                return None
            return ((1, 6), "H1") if number == 1 else ((7, 12), "H2")
        plural = written.endswith("quarters")
        if plural != bool(ordinal["many"]) or (plural and number != 1):
            return None
        first, last = (1, _ORDINALS[ordinal["many"].lower()]) if plural else (number, number)
    shown = f"Q{last}" if first == last else f"Q{first}–Q{last}"
    return (3 * first - 2, 3 * last), shown


def _after_a_name(before: str) -> bool:
    word = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
    return word[:1].isupper() and word.isalpha() and word not in _BEFORE_A_QUARTER
