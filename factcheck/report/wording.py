"""How the gathered records read in every format: verdict names, values, changes, links;
and the words and dates of the public report in each of its languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from factcheck.store.statuses import Rating as Rating  # noqa: F401  (ClaimReview's, defined with the statuses)
from factcheck.store.statuses import status_named, verdicts
from factcheck.text.checks.findings import finding_sentence
from factcheck.text.read.addresses import web_url as web_url  # where it is defined

VERDICTS = tuple(status.key for status in verdicts())  # what a public report publishes
RATINGS = MappingProxyType({status.key: status.rating for status in verdicts()})


def status_name(status: str) -> str:
    return status_named(status).name


def value_text(quantity: dict) -> str:
    """The canonical value with its unit: "100,000,000,000 USD", "0.232 s", "10–20 t"; a date
    is its ISO form alone."""
    value = quantity["value"]
    if value is None:
        return ""
    shown = value if type(value) is str else format(value, NUMBER)
    high = quantity.get("high")
    if high is not None:
        shown += "–" + format(high, NUMBER)
    unit = quantity["unit"]
    return f"{shown} {unit}" if unit and quantity["kind"] != "date" else shown


NUMBER = ",.12g"  # digits grouped, no float noise


def number(value: float) -> str:
    """Digits grouped, no float noise: 1e11 → "100,000,000,000", 0.232 → "0.232"."""
    return format(value, NUMBER)


def describe_change(event: dict) -> str:
    """One history entry in words: "unreviewed → refuted", "link 4: suggested → confirmed"."""
    if event["field"] == "link":
        link_id, _, old = (event["from"] or "").partition(":")
        new = (event["to"] or "").partition(":")[2]
        return f"link {link_id}: {old} → {new}"
    if event["field"] == "note":
        return "note"
    if event["field"] == "assignee":
        return f"assigned: {event['from'] or 'nobody'} → {event['to'] or 'nobody'}"
    return f"{event['from'] or '—'} → {event['to'] or '—'}"


def finding_text(finding: dict) -> str:
    """A consistency finding as the internal reports show it: its result, its kind, then the
    arithmetic a reviewer can redo, the result and why."""
    sentence = finding_sentence(finding["arithmetic"], finding["result"], finding["reason"])
    return f"{finding['result']} · {finding['kind'].replace('_', ' ')} — {sentence}"


def reader_inconsistencies(findings: list[dict], words: Words) -> tuple[str, ...]:
    """The inconsistent findings of a claim, told to a reader: what disagrees, then the
    arithmetic that shows it. Consistent and unchecked findings are the newsroom's own."""
    return tuple(
        f"{words.inconsistent[finding['kind']]}{words.colon}{finding['arithmetic']}"
        for finding in findings if finding["result"] == "inconsistent"
    )


def notes(record: dict) -> list[dict]:
    return [event for event in record["history"] if event["note"]]


def last_verdict(record: dict) -> dict | None:
    """The history entry that set the claim's current verdict, if it has one."""
    if record["status"] not in VERDICTS:
        return None
    for event in reversed(record["history"]):
        if event["field"] == "status" and event["to"] == record["status"]:
            return event
    return None


def fetched_on(moment: str | None) -> str:
    """The day a page was fetched, from its ISO timestamp: what "as fetched on" cites."""
    return (moment or "")[:10]


# --- the public report's own words, per language ----------------------------------------

LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Words:
    """Everything a public report says in its own voice, in one language."""

    language: str
    title: str  # of a report over several articles
    title_one: str  # of a report over one article: "{title}" is the article's title
    verdicts: dict[str, str]  # status → the rating as published
    relations: dict[str, str]  # link relation → how a source bears on the claim
    months: tuple[str, ...]
    claims_checked: Callable[[int], str]
    articles: str
    published: str  # "{date}"
    in_article: str  # "{article}"
    said_by: str  # "{name}": a person who made the claim
    according_to: str  # "{name}": a source the article cites for it
    colon: str  # after a verdict, before what it judges
    explanation: str
    numbers: str  # heading of the article's own figures that do not agree
    inconsistent: dict[str, str]  # kind of check → what a reader is told disagrees
    sources: str
    reviewed: str  # "{date}"
    reviewed_by: str  # "{date}", "{name}"
    publisher: str  # "{name}"
    summary: str
    no_claims: str
    generated: str  # "{date}"
    separator: str  # between items of a line
    day: Callable[[int, int, int], str]  # year, month, day
    month: Callable[[int, int], str]
    month_day: Callable[[int, int], str]
    year: Callable[[int], str]


def _english_day(year: int, month: int, day: int) -> str:
    return f"{day} {ENGLISH.months[month - 1]} {year}"


ENGLISH = Words(
    language="en",
    title="Fact checks",
    title_one="Fact check: {title}",
    verdicts={status.key: status.word("en") for status in verdicts()},
    relations={"supports": "supports the claim", "contradicts": "contradicts the claim", "mentions": "bears on the claim"},
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"),
    claims_checked=lambda n: f"{n} claim{'' if n == 1 else 's'} checked",
    articles="Articles reviewed",
    published="published {date}",
    in_article="In {article}",
    said_by="said by {name}",
    according_to="according to {name}",
    colon=": ",
    explanation="Explanation",
    numbers="Numbers that do not add up",
    inconsistent={
        "conversion": "The conversion between currencies is far from the exchange rate of the day",
        "change": "The change stated does not match the two figures it lies between",
        "percentage_points": "A change in percentage points is given as a percent change",
        "multiple": "The multiple stated does not match the other figures",
        "shares": "The shares of one whole add up to more than 100%",
        "components": "The parts add up to more than their total",
        "weekday": "The weekday named does not fall on the date",
        "elapsed_years": "The number of years does not match the years stated",
        "age": "The age does not match the year of birth",
    },
    sources="Sources",
    reviewed="Reviewed {date}",
    reviewed_by="Reviewed {date} by {name}",
    publisher="Published by {name}",
    summary="Verdicts",
    no_claims="No claim in this report has a verdict yet.",
    generated="{date}",
    separator=" · ",
    day=_english_day,
    month=lambda year, month: f"{ENGLISH.months[month - 1]} {year}",
    month_day=lambda month, day: f"{day} {ENGLISH.months[month - 1]}",
    year=str,
)
CHINESE = Words(
    language="zh",
    title="事实核查",
    title_one="事实核查：{title}",
    verdicts={status.key: status.word("zh") for status in verdicts()},
    relations={"supports": "支持该说法", "contradicts": "与该说法相悖", "mentions": "与该说法相关"},
    months=tuple(f"{m}月" for m in range(1, 13)),
    claims_checked=lambda n: f"核查说法 {n} 条",
    articles="核查的文章",
    published="发布于{date}",
    in_article="出自{article}",
    said_by="{name}所说",
    according_to="据{name}",
    colon="：",
    explanation="核查说明",
    numbers="文中数字前后不符",
    inconsistent={
        "conversion": "文中的货币换算与当日汇率相差过大",
        "change": "文中所说的变化幅度与前后两个数字不符",
        "percentage_points": "文中把百分点的变化写成了百分比的变化",
        "multiple": "文中所说的倍数与其他数字不符",
        "shares": "同一总体的各部分占比相加超过100%",
        "components": "各部分相加超过了总数",
        "weekday": "文中所说的星期与日期不符",
        "elapsed_years": "文中所说的年数与所列年份不符",
        "age": "文中的年龄与出生年份不符",
    },
    sources="信息来源",
    reviewed="核查于{date}",
    reviewed_by="{name}核查于{date}",
    publisher="{name}发布",
    summary="核查结论",
    no_claims="本报告中的说法尚无核查结论。",
    generated="{date}",
    separator=" · ",
    day=lambda year, month, day: f"{year}年{month}月{day}日",
    month=lambda year, month: f"{year}年{month}月",
    month_day=lambda month, day: f"{month}月{day}日",
    year=lambda year: f"{year}年",
)
WORDS = {words.language: words for words in (ENGLISH, CHINESE)}

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?|--(\d\d)-(\d\d)")


def long_date(value: str | None, words: Words) -> str:
    """An ISO date, possibly partial, as a reader of the language writes it: "19 May 2024",
    "2024年5月19日", "May 2024", "5月18日". Anything else is returned as it is."""
    if not value:
        return ""
    found = _PARTIAL_DATE.fullmatch(value[:10] if len(value) > 10 and value[10] == "T" else value)
    if found is None:
        return value
    year, month, day, bare_month, bare_day = found.groups()
    try:
        if bare_month:
            return words.month_day(_in(bare_month, 12), _in(bare_day, 31))
        if day:
            return words.day(int(year), _in(month, 12), _in(day, 31))
        if month:
            return words.month(int(year), _in(month, 12))
    except ValueError:
        return value
    return words.year(int(year))


def _in(number: str, highest: int) -> int:
    value = int(number)
    if not 1 <= value <= highest:
        raise ValueError(number)
    return value
