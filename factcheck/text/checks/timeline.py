"""Dates: a weekday beside a date (周二(5月14日), "on Tuesday, May 14"), years elapsed
("nine years later, in 2024", 9年后的2024年, 近10年 from 2014 to 2024) and an age against a
stated year of birth.

A date written without its year takes the year the extractor gave it from the document's
date; near a new year that may be the wrong one, so a weekday that fits the same day of the
year before or after (within half a year of the document's date) is consistent. Years
alone are a year apart at most in either direction (December 2015 to January 2024 is "eight
years later" as much as nine), so elapsed years are checked to ± 1 unless both dates are full.
"""

from __future__ import annotations

import re
from datetime import date

from factcheck.text.checks.findings import (
    CONSISTENT,
    INCONSISTENT,
    UNCHECKED,
    Finding,
    Involved,
    involved,
)
from factcheck.text.checks.layout import MARKS, Article, Sentence, days_of, rule
from factcheck.text.checks.precision import stated_span
from factcheck.text.extract.extraction import QuantityMatch

_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = {
    **{f"{prefix}{day}": index for prefix in ("周", "星期", "礼拜") for index, day in enumerate("一二三四五六日")},
    "周天": 6, "星期天": 6, "礼拜天": 6,
    **{name: index for index, name in enumerate(_EN_DAYS)},
    **{f"{name[:3]}.": index for index, name in enumerate(_EN_DAYS)},
    "Tues.": 1, "Thur.": 3, "Thurs.": 3,
}
_WEEKDAY = "|".join(re.escape(word) for word in sorted(WEEKDAYS, key=len, reverse=True))
_WEEKDAY_BEFORE = re.compile(rf"(?P<w>{_WEEKDAY})(?:\s*[(（]\s*|,?\s+(?:the\s+)?|)$")
_WEEKDAY_AFTER = re.compile(rf"^(?:\s*[(（]\s*|,?\s+|)(?P<w>{_WEEKDAY})(?![A-Za-z])")
_WRITTEN_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR = 365 * 86400
_DAYS_NEAR = 183
_ELAPSED_RULES = {
    "later": rule(r"(?P<y1><D>)[^。；;.!?\ue006]{0,60}?(?P<n><DUR>)\s*(?:later|on)\b[^。；;.!?\ue006]{0,20}?(?P<y2><D>)", re.I),
    "date-then-later": rule(r"(?P<y1><D>)[^。；;.!?\ue006]{0,60}?(?P<y2><D>)\s*[,，]?\s*(?P<n><DUR>)\s+later\b", re.I),
    "after": rule(r"(?P<y2><D>)\s*,?\s*(?P<n><DUR>)\s+after\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:in\s+)?(?P<y1><D>)", re.I),
    "after-in": rule(r"(?P<n><DUR>)\s+after\s+(?:[a-z]+\s+){0,3}?(?:in\s+)?(?P<y1><D>)\s*,?\s+in\s+(?P<y2><D>)", re.I),
    "ago": rule(r"(?P<n><DUR>)\s+ago\s*,?\s+(?:in\s+)?(?P<y1><D>)|in\s+(?P<y1b><D>)\s*,\s*(?P<nb><DUR>)\s+ago", re.I),
    "后": rule(r"(?P<y1><D>)[^。；;！？\ue006]{0,30}?(?P<n><DUR>)(?:后|之后|以后)(?:的|，|,)?(?:即|也就是)?(?P<y2><D>)"),
    "between": rule(r"(?:从|自|from\s+)?(?P<y1><D>)\s*(?:到|至|—|–|-|to)\s*(?P<y2><D>)(?:的|这|间|期间|,\s*)?(?P<n><DUR>)", re.I),
    "over": rule(r"(?P<n><DUR>)(?:来|以来|间|里)?\s*[，,（(]?\s*(?:从|自|from\s+)?(?P<y1><D>)\s*(?:到|至|—|–|-|to)\s*(?P<y2><D>)", re.I),
    "span": rule(r"(?P<n><DUR>)(?:来|以来|间|里)?\s*[（(]\s*(?P<yy><D>)\s*[)）]|(?P<yy2><D>)(?:的|这|间|期间)?(?P<n2><DUR>)", re.I),
    "later-today": rule(r"(?P<y1><D>)[^。；;！？.!?\ue006]{0,30}?(?P<n><DUR>)(?:后|之后|以后)的今天|(?P<y1b><D>)[^.;!?\ue006]{0,60}?(?P<nb><DUR>)\s+(?:later|on)\s*,?\s+today\b", re.I),
    "前": rule(r"(?P<n><DUR>)前(?:的)?(?P<y1><D>)"),
}
_BORN_BEFORE = re.compile(r"(?:\bborn(?:\s+(?:in|on))?|\bb\.|出生于|生于)\s*$", re.IGNORECASE)
_BORN_AFTER = re.compile(r"^\s*(?:出生|年生|生人|生)")
# another person in the sentence: the year of birth may be theirs
_KIN = re.compile(
    r"\b(?:mother|father|son|daughter|wife|husband|sister|brother|parents?|children|child|grand\w+|whose)\b"
    r"|母亲|父亲|儿子|女儿|妻子|丈夫|姐姐|妹妹|哥哥|弟弟|父母|孩子|爷爷|奶奶",
    re.IGNORECASE,
)


def check(article: Article) -> list[Finding]:
    found: list[Finding] = []
    for sentence in article.sentences:
        marks = sentence.marks
        if MARKS["date"] not in marks:
            continue
        found += _weekdays(article, sentence)
        if MARKS["duration"] in marks:
            found += _elapsed(article, sentence)
        if MARKS["age"] in marks:
            finding = _age(article, sentence)
            if finding is not None:
                found.append(finding)
    return found


# -- weekdays -------------------------------------------------------------------------------
def _weekdays(article: Article, sentence: Sentence) -> list[Finding]:
    found = []
    for q in sentence.quantities:
        if q.kind != "date" or not q.iso or "/" in q.iso or len(q.iso.lstrip("-")) < 5 or q.iso.count("-") < 2:
            continue
        before = sentence.before(q, 14)
        named = _WEEKDAY_BEFORE.search(before)
        at = q.start - len(before) + named.start("w") if named else -1
        if named is None and (named := _WEEKDAY_AFTER.match(sentence.after(q, 14))) is not None:
            at = q.end + named.start("w")
        if named is None:
            continue
        word = Involved(named["w"], at, at + len(named["w"]), "weekday")
        found.append(_weekday_finding(article, sentence, q, word))
    return found


def _weekday_finding(article: Article, sentence: Sentence, q: QuantityMatch, named: Involved) -> Finding:
    word, weekday = named.text, WEEKDAYS[named.text]
    working = f"{word} beside {q.text}"
    roles = (involved(q, "date"), named)
    if q.iso.startswith("-"):
        return Finding("weekday", UNCHECKED, working, "the date has no year, nor has the document",
                       (sentence.claim,), roles, {"weekday": _EN_DAYS[weekday]})
    day = date.fromisoformat(q.iso)
    candidates = [day] if _WRITTEN_YEAR.search(q.text) else _years_around(day, article)
    fits = [each for each in candidates if each.weekday() == weekday]
    shown = fits[0] if fits else candidates[0]
    working += f": {shown} is a {_EN_DAYS[shown.weekday()]}"
    figures = {"date": shown.isoformat(), "weekday": _EN_DAYS[weekday]}
    if fits:
        reason = "" if shown == day else f"the year is not written; read as {shown.year}"
        return Finding("weekday", CONSISTENT, working, reason, (sentence.claim,), roles, figures)
    reason = f"not a {_EN_DAYS[weekday]}"
    return Finding("weekday", INCONSISTENT, working, reason, (sentence.claim,), roles, figures)


def _years_around(day: date, article: Article) -> list[date]:
    """The month-day in its given year, and in the years either side when those are within
    half a year of the document's date (12月30日 in a paper of 2 January)."""
    found = [day]
    reference = days_of(article.date.iso)
    for year in (day.year - 1, day.year + 1):
        try:
            other = day.replace(year=year)
        except ValueError:
            continue  # 29 February
        if reference and abs((other - reference[0]).days) <= _DAYS_NEAR:
            found.append(other)
    return found


# -- elapsed years --------------------------------------------------------------------------
def _elapsed(article: Article, sentence: Sentence) -> list[Finding]:
    found, seen = [], set()
    skeleton = sentence.skeleton
    for pattern in _ELAPSED_RULES.values():
        for match in pattern.finditer(skeleton.text):
            groups = {key: skeleton.found(match, key) for key in pattern.groupindex if match.start(key) >= 0}
            n = groups.get("n") or groups.get("nb") or groups.get("n2")
            if n is None or id(n) in seen or n.display.split()[-1] not in ("years", "decades", "year", "decade"):
                continue
            years = _ends(article, groups)
            if years is None:
                continue
            seen.add(id(n))
            found.append(_elapsed_finding(sentence, n, *years))
    return found


def _ends(article: Article, groups: dict) -> tuple[tuple[date, date], tuple[date, date], list[QuantityMatch]] | None:
    """The two ends' days (each the first and last day it covers) and the dates stated."""
    span = groups.get("yy") or groups.get("yy2")
    if span is not None:  # 2019-2023: one interval
        days = days_of(span.iso)
        return ((days[0], days[0]), (days[1], days[1]), [span]) if days and "/" in (span.iso or "") else None
    first = groups.get("y1") or groups.get("y1b")
    second = groups.get("y2")
    if first is None:
        return None
    one = days_of(first.iso)
    if second is None:  # "N years ago": the document's date is the other end
        two = days_of(article.date.iso)
        stated = [first]
    else:
        two = days_of(second.iso)
        stated = [first, second]
    if one is None or two is None:
        return None
    return one, two, stated


def _elapsed_finding(sentence: Sentence, n: QuantityMatch, one, two, stated) -> Finding:
    start, end = one, two
    low = (end[0] - start[1]).days / 365.25
    high = (end[1] - start[0]).days / 365.25
    exact_ends = start[0] == start[1] and end[0] == end[1]
    if not exact_ends:
        low, high = end[0].year - start[0].year - 1, end[0].year - start[0].year + 1
    years = stated_span(n).scaled(1 / _YEAR)
    counted = end[0].year - start[0].year if not exact_ends else round((end[0] - start[0]).days / 365.25, 1)
    names = " → ".join(q.text for q in stated) if len(stated) == 2 else f"{stated[0].text} → the document's date"
    working = f"{names} = {counted:g} years; stated {n.text}"
    roles = (*(involved(q, "date") for q in stated), involved(n, "elapsed"))
    figures = {"stated_years": n.value / _YEAR, "computed_years": counted}
    if years.low <= high and low <= years.high:
        reason = "within a year either way, as the dates are years" if not exact_ends else "within the rounding"
        return Finding("elapsed_years", CONSISTENT, working, reason, (sentence.claim,), roles, figures)
    return Finding("elapsed_years", INCONSISTENT, working, "more than a year apart" if not exact_ends else "beyond the rounding",
                   (sentence.claim,), roles, figures)


# -- ages -----------------------------------------------------------------------------------
def _age(article: Article, sentence: Sentence) -> Finding | None:
    ages = [q for q in sentence.quantities if q.unit == "age"]
    births = [q for q in sentence.quantities if q.kind == "date" and _is_birth(sentence, q)]
    if len(ages) != 1 or len(births) != 1 or _KIN.search(sentence.text) or ages[0].high is not None:
        return None
    age, birth = ages[0], births[0]
    born = days_of(birth.iso)
    if born is None:
        return None
    # the age may be counted to the document's date or to a date the sentence states
    # ("then 25, in 2010"); it is inconsistent only when it fits none of them
    document = days_of(article.date.iso)
    others = [days_of(q.iso) for q in sentence.quantities if q.kind == "date" and q is not birth and days_of(q.iso)]
    at = ([document] if document else []) + others
    working = f"born {birth.text}, aged {age.text}"
    roles = (involved(birth, "birth"), involved(age, "age"))
    if not at:
        return Finding("age", UNCHECKED, working, "no date to count the age to: the document has none",
                       (sentence.claim,), roles, {"age": age.value})
    fitting = [when for when in at if when[0].year - born[1].year - 1 <= age.value <= when[1].year - born[0].year]
    when = (fitting or at)[0][1].year
    working += f" in {when}: {when} − {born[0].year} = {when - born[0].year}"
    figures = {"age": age.value, "birth_year": born[0].year, "year": when}
    if fitting:
        reason = "before the year's birthday" if age.value == when - born[0].year - 1 else ""
        return Finding("age", CONSISTENT, working, reason, (sentence.claim,), roles, figures)
    return Finding("age", INCONSISTENT, working, f"an age of {age.value:g} does not fit", (sentence.claim,), roles, figures)


def _is_birth(sentence: Sentence, q: QuantityMatch) -> bool:
    return bool(_BORN_BEFORE.search(sentence.before(q, 12)) or _BORN_AFTER.match(sentence.after(q, 4)))

