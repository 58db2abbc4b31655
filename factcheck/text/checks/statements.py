"""Statements of change: "from X to Y, up Z", "rose Z to Y from X", 由X增长到Y，增长Z,
"Y是X的N倍", found as patterns over sentence skeletons (see layout).

A statement names the earlier value (old), the later one (new) and the change (a percent,
percentage points, a multiple). When a sentence states the change and the new value only
("rose 21% to $5.1bn", 同比增长25%至150亿元), the old value is looked for in the other
sentences of the paragraph: one amount of the same kind and unit, said of the same thing
(the same label noun before it), and only one. Anything less clear is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.checks.layout import Article, Sentence, days_of, mark_of, rule
from factcheck.text.extract.claims import make_label
from factcheck.text.extract.extraction import QuantityMatch

_UP_VERBS = (
    r"(?:(?:has |have |had )?(?:rose|risen|rises|rising|increased|increases|increasing|grew|grown|"
    r"grows|growing|jumped|jumps|climbed|climbs|surged|surges|soared|soars|gained|gains|advanced|"
    r"expanded|rebounded|raised|hiked)|(?:went|was|were|is|are) up)"
)
_DOWN_VERBS = (
    r"(?:(?:has |have |had )?(?:fell|fallen|falls|falling|declined|declines|declining|decreased|"
    r"decreases|dropped|drops|slipped|slid|sank|sunk|plunged|tumbled|shrank|shrunk|contracted|"
    r"lost|cut|lowered|reduced|trimmed)|(?:went|was|were|is|are) down)"
)
_UP_NOUNS = r"(?:increase|rise|jump|gain|growth|climb|surge|hike|rebound)"
_DOWN_NOUNS = r"(?:decrease|decline|drop|fall|reduction|cut|contraction|slump)"
_CN_UP = "增长|增加|上升|上涨|提高|提升|攀升|扩大|增|涨|升|多"
_CN_DOWN = "下降|减少|下跌|下滑|降低|回落|缩减|缩小|收窄|减|降|跌|少"
_CN_UP_NOUNS = "增幅|涨幅|增速"
_CN_DOWN_NOUNS = "降幅|跌幅|减幅"
# the noun a count may have after it (80,000 units), then a date after an amount (in 2023,
# a year earlier) or before it (2023年的)
_EN_NOUN = r"(?:\s+(?!(?:from|to|in|up|down|or|a|an|the|and|by|on|over|than|at|for|last)\b)[a-z]+)?"
_EN_WHEN = _EN_NOUN + (
    r"(?:\s+(?:in|at the end of|by|as of|on|for)\s+(?:the\s+)?<D>|\s+a year (?:earlier|ago|before)|\s+last year"
    r"|\s+(?:in|for|during|over)\s+the\s+(?:[a-z-]+\s+)?(?:quarter|year|period|month|week|half|season))?"
)
_CN_WHEN = r"(?:<D>(?:的|末的?)?|上年|去年|前年|同期)?"
_CHANGE = r"(?P<chg><P>|<PP>|<R>)"
_SIGN = r"(?P<sign>[+\-−])?"


def _d(name: str, up: str, down: str) -> str:
    """A direction word: group up<name> or down<name>."""
    return f"(?:(?P<up{name}>{up})|(?P<down{name}>{down}))"


# name -> pattern; the names say the sentence form. Every pattern starts with a literal or a
# marker, so the engine skips to where it can match; a verb of direction before a match
# ("rose" 21% to $5.1bn, 增长25%至150亿元) is read afterwards from the text before it (_LEADS).
_RULES = {
    "en from-to-change": (
        rf"from\s+(?P<old><Q>){_EN_WHEN}\s+to\s+(?P<new><Q>){_EN_WHEN}"
        rf"\s*[,;]?\s*[(]?\s*(?:(?:or|which is|representing|marking|an?)\s+)*"
        rf"(?:{_d('1', rf'up|higher|{_UP_NOUNS} of', rf'down|lower|{_DOWN_NOUNS} of')}\s+)?(?:by\s+)?{_SIGN}{_CHANGE}"
        rf"(?:\s+{_d('2', _UP_NOUNS + '|higher|more', _DOWN_NOUNS + '|lower|less')})?"
    ),
    "en verb-change-from-to": (
        rf"{_CHANGE}(?:\s+{_d('1', _UP_NOUNS, _DOWN_NOUNS)})?"
        rf"\s*,?\s+from\s+(?P<old><Q>){_EN_WHEN}\s+to\s+(?P<new><Q>)"
    ),
    "en verb-change-since-from-to": (
        rf"{_CHANGE}\s+(?:since|over|in)\s+(?:the\s+)?(?:past\s+|last\s+)?"
        rf"(?:<D>|<DUR>)\s*,?\s+from\s+(?P<old><Q>){_EN_WHEN}\s+to\s+(?P<new><Q>)"
    ),
    "en verb-change-to-from": (
        rf"{_CHANGE}(?:\s+{_d('1', _UP_NOUNS, _DOWN_NOUNS)})?"
        rf"\s+to\s+(?P<new><Q>){_EN_WHEN},?\s+(?:up |down )?(?:from|compared with|against)\s+(?P<old><Q>)"
    ),
    "en new-updown-from": (
        rf"(?P<new><Q>){_EN_WHEN}\s*[,;(]?\s*{_d('0', 'up', 'down')}\s+{_CHANGE}\s+"
        r"(?:from|on|over|compared with|against|versus|vs\.?)\s+(?:the\s+)?(?P<old><Q>)"
    ),
    "en new-upfrom-old-change": (
        rf"(?P<new><Q>){_EN_WHEN}\s*[,;(]?\s*{_d('0', 'up', 'down')}\s+from\s+(?P<old><Q>){_EN_WHEN}"
        rf"(?:\s+[a-z]+){{0,6}}?\s*[,;(]\s*(?:(?:or|an?)\s+)?(?:{_UP_NOUNS}|{_DOWN_NOUNS})\s+of\s+{_CHANGE}"
    ),
    "en new-than": (
        rf"(?P<new><Q>){_EN_WHEN}\s*[,;(]?\s*(?:or\s+)?{_CHANGE}\s+"
        rf"{_d('0', 'higher|more|above|greater|larger', 'lower|less|below|smaller')}\s+than\s+(?:the\s+)?(?P<old><Q>)"
    ),
    "en new-times-old": (
        r"(?P<new><Q>)\s*,?\s*(?:(?:is|was|are|were)\s+)?(?:or\s+|about\s+|roughly\s+|nearly\s+|some\s+)?(?P<chg><R>)\s+"
        r"(?:the\s+|that of\s+|as much as\s+|as many as\s+)(?P<old><Q>)"
    ),
    "en verb-change-to": r"(?P<chg><P>|<PP>)\s+to\s+(?P<new><Q>)",
    "en change-noun-to": rf"(?P<chg><P>|<PP>)\s+{_d('0', _UP_NOUNS, _DOWN_NOUNS)}\s+to\s+(?P<new><Q>)",
    "en new-updown": (
        rf"(?P<new><Q>){_EN_WHEN}\s*[,;(]\s*{_d('0', 'up', 'down')}\s+(?P<chg><P>|<PP>)"
        r"(?!\s+(?:from|on|over|compared|against|versus|vs))"
    ),
    "zh from-to-change": (
        rf"(?:由|从){_CN_WHEN}(?P<old><Q>){_d('0', _CN_UP, _CN_DOWN)}?了?(?:到|至|为){_CN_WHEN}(?P<new><Q>)"
        rf"[，,、]?[（(]?(?:同比|较上年|比上年)?{_d('1', _CN_UP, _CN_DOWN)}?了?{_d('2', _CN_UP_NOUNS, _CN_DOWN_NOUNS)}?"
        rf"(?:为|达|约为?)?{_SIGN}{_CHANGE}"
    ),
    "zh from-change-to": (
        rf"(?:由|从){_CN_WHEN}(?P<old><Q>){_d('0', _CN_UP, _CN_DOWN)}?了?{_CHANGE}(?:到|至|达到?|为){_CN_WHEN}(?P<new><Q>)"
    ),
    "zh change-from-to": (
        rf"{_CHANGE}[，,]?(?:由|从){_CN_WHEN}(?P<old><Q>)"
        rf"(?:{_CN_UP}|{_CN_DOWN})?(?:到|至){_CN_WHEN}(?P<new><Q>)"
    ),
    "zh new-than": (
        rf"(?P<new><Q>)[，,]?(?:比|较)(?:上月|上季度|上年同期|此前|年初|前一年)?{_CN_WHEN}(?:的)?"
        rf"(?P<old><Q>){_d('0', _CN_UP, _CN_DOWN)}了?{_CHANGE}"
    ),
    "zh new-change-then-old": (
        rf"(?P<new><Q>)[，,]?(?:同比|较上年|比上年|比去年|较去年)?{_d('0', _CN_UP, _CN_DOWN)}了?(?P<chg><P>|<PP>)"
        r"[，,；;]\s*(?:<D>|上年|去年|前年)?同期(?:为|是|的)?(?P<old><Q>)"
    ),
    "zh new-is-times-old": (
        rf"(?P<new><Q>)[，,]?(?:是|为|相当于|达到?){_CN_WHEN}(?:的)?(?P<old><Q>)的(?P<chg><R>)"
    ),
    "zh change-to": r"(?P<chg><P>|<PP>)(?:到|至|达到?)(?P<new><Q>)",
    "zh new-change": (
        rf"(?P<new><Q>)[，,]?(?:同比|较上年|比上年|比去年|较去年){_d('0', _CN_UP, _CN_DOWN)}了?(?P<chg><P>|<PP>)"
    ),
}
_RATIO = "\ue005"  # the marker of a multiple (layout.MARKS)
# words one of which each rule needs, looked for before the rule is run: the rules are most
# of the checks' cost, and most sentences have none of a rule's words
_CHANGE_ENDS = ("%", "percent", "per cent", "points", "pp")  # how a percent's text ends
_NOUNS_TO = tuple(f"{noun} to " for noun in re.findall(r"[a-z]+", _UP_NOUNS + _DOWN_NOUNS))
_NEEDS = {
    "en from-to-change": ("from",), "en verb-change-from-to": ("from",), "en verb-change-since-from-to": ("from",),
    "en verb-change-to-from": ("from", "compared with", "against"), "en new-updown-from": (" up ", " down ", "(up ", "(down "),
    "en new-upfrom-old-change": ("up from", "down from"), "en new-than": ("than",), "en new-times-old": (_RATIO,),
    "en verb-change-to": tuple(f"{end} to " for end in _CHANGE_ENDS), "en change-noun-to": _NOUNS_TO,
    "en new-updown": (" up ", " down ", "(up ", "(down "),
    "zh from-to-change": ("由", "从"), "zh from-change-to": ("由", "从"), "zh change-from-to": ("由", "从"),
    "zh new-than": ("比", "较"), "zh new-change-then-old": ("同期",), "zh new-is-times-old": (_RATIO,),
    "zh change-to": ("到", "至", "达"), "zh new-change": ("同比", "较上年", "比上年", "比去年", "较去年"),
}
_ALL_NEEDS = frozenset(word for needs in _NEEDS.values() for word in needs)
# Each rule twice: for the lower-cased skeleton (the usual case: a pattern that starts with a
# literal is then searched for at the speed of a string search, which a pattern that ignores
# case is not), and ignoring case for the rare text whose length lower-casing changes.
_COMPILED = [
    (name, frozenset(_NEEDS[name]), rule(pattern), rule(pattern, re.IGNORECASE)) for name, pattern in _RULES.items()
]
_LEADS = {
    "en": re.compile(rf"{_d('9', _UP_VERBS, _DOWN_VERBS)}\s+(?:by\s+)?$", re.IGNORECASE),
    "zh": re.compile(rf"{_d('9', _CN_UP, _CN_DOWN)}了?$"),
}
_LEAD_WIDTH = 24
_LATIN_WORD = re.compile(r"[A-Za-z]{2}")
# a change against the previous quarter or month cannot be paired with a value stated elsewhere
_SEQUENTIAL = re.compile(r"环比|quarter[- ]on[- ]quarter|month[- ]on[- ]month|sequential", re.IGNORECASE)


@dataclass(slots=True)
class ChangeStatement:
    sentence: Sentence
    old: QuantityMatch
    new: QuantityMatch
    change: QuantityMatch
    direction: int  # +1 a rise, -1 a fall, 0 not said in words
    form: str  # the rule's name
    old_sentence: Sentence  # where the old value is stated (another sentence when paired)


def change_statements(article: Article) -> list[ChangeStatement]:
    """Every change statement of the article, found once and shared by the checks."""
    if "changes" not in article.memo:
        article.memo["changes"] = [found for s in article.sentences if len(s.quantities) >= 2 for found in _in(article, s)]
    return article.memo["changes"]


def _in(article: Article, sentence: Sentence) -> list[ChangeStatement]:
    if not sentence.has_kind(*_CHANGE_MARKS):
        return []
    # each language's rules only where its words can be: the rules are most of the checks' cost
    languages = {"en"} if sentence.text.isascii() else {"zh", "en"} if _LATIN_WORD.search(sentence.text) else {"zh"}
    folded = sentence.text.lower() + (_RATIO if sentence.has_kind(_RATIO) else "")
    present = {word for word in _ALL_NEEDS if word in folded}
    if not present:
        return []
    rules = [(name, lower, any_case) for name, needs, lower, any_case in _COMPILED
             if name[:2] in languages and not present.isdisjoint(needs)]
    if not rules:
        return []
    skeleton = sentence.skeleton
    text = skeleton.text.lower()
    same_length = len(text) == len(skeleton.text)
    found: list[ChangeStatement] = []
    taken: set[int] = set()
    for name, lower, any_case in rules:
        pattern = lower if same_length else any_case
        for match in pattern.finditer(text if same_length else skeleton.text):
            change, new = skeleton.found(match, "chg"), skeleton.found(match, "new")
            if change is None or new is None or id(change) in taken:
                continue
            direction = _direction(match) or _lead(text if same_length else skeleton.text, match.start(), name[:2])
            if direction == 0 and change.kind != "ratio":
                continue  # "from 4.2 to 5.1, 21%": no word says it is a change
            old = skeleton.found(match, "old") if "old" in pattern.groupindex else None
            home = sentence
            if old is None:
                paired = _old_elsewhere(article, sentence, new)
                if paired is None:
                    continue
                home, old = paired
            if not same_measure(old, new, strict=home is not sentence):
                continue
            taken.add(id(change))
            found.append(ChangeStatement(sentence, old, new, change, direction, name, home))
    return found


_CHANGE_MARKS = tuple(mark_of(q) for q in (
    QuantityMatch(0, 0, "", "percent", unit="%"), QuantityMatch(0, 0, "", "percent", unit="pp"),
    QuantityMatch(0, 0, "", "ratio", unit="x"),
))


def _direction(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if any(value for name, value in groups.items() if name.startswith("up")):
        return 1
    if any(value for name, value in groups.items() if name.startswith("down")):
        return -1
    sign = groups.get("sign")
    return {"+": 1, "-": -1, "−": -1}.get(sign or "", 0)


def _lead(text: str, start: int, language: str) -> int:
    """The direction a verb just before a statement gives it: +1, -1, or 0 with none."""
    found = _LEADS[language].search(text, max(0, start - _LEAD_WIDTH), start)
    return 0 if found is None else _direction(found)


def same_measure(a: QuantityMatch, b: QuantityMatch, *, strict: bool = True) -> bool:
    """Two amounts of one measure: the same kind and unit. A count's noun may be left out
    (120 cars ... to 150); within one statement ("from X to Y") the nouns the extractor
    guessed for counts may differ (从5万辆翻番至12万辆), as the sentence ties them."""
    if a.kind != b.kind or a.value is None or b.value is None:
        return False
    if a.kind == "count":
        return not strict or a.unit == b.unit or not a.unit or not b.unit
    return a.unit == b.unit


def _old_elsewhere(article: Article, sentence: Sentence, new: QuantityMatch) -> tuple[Sentence, QuantityMatch] | None:
    """The one amount of the same measure and the same subject in another sentence of the
    paragraph, or None when there is none or more than one."""
    if _SEQUENTIAL.search(sentence.text):
        return None
    period = _period_days(sentence)
    measured = [  # the cheap tests first: most paragraphs have no amount of the same measure
        (other, q)
        for other in article.paragraph(sentence)
        if other is not sentence
        for q in other.quantities
        if q.unit != "age" and same_measure(q, new)
    ]
    if not measured:
        return None
    noun = subject_noun(sentence, new)
    if noun is None:
        return None
    candidates = [
        (other, q) for other, q in measured if _period_days(other) == period and subject_noun(other, q) == noun
    ]
    return candidates[0] if len(candidates) == 1 else None


def _period_days(sentence: Sentence) -> int | None:
    """How long a period the sentence's dates name (a year, a quarter), roughly in days; a
    value of a year is not the earlier value of a quarter's (去年营收80亿元 / 一季度营收25亿元)."""
    lengths = [(days[1] - days[0]).days for q in sentence.quantities if q.kind == "date" and (days := days_of(q.iso))]
    return round(max(lengths) / 30) if lengths else None


def subject_noun(sentence: Sentence, q: QuantityMatch) -> str | None:
    """What an amount measures, from the label noun nearest it in the words before it
    (营收, revenue, unemployment rate); None when no noun names it."""
    before = sentence.text[: q.end - sentence.start]
    label = make_label(before, [q], offset=sentence.start)
    noun = label[: -len(q.display) - 1] if q.display and label.endswith(q.display) else ""
    return noun if noun and noun != q.kind and noun not in _DIRECTION_LABELS else None


# labels make_label takes from a verb when no noun is near: they name no subject
_DIRECTION_LABELS = frozenset(["growth", "increase", "decline", "decrease", "rise", "contraction"])
