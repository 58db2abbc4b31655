"""Multiples: N times, N倍, 翻番, N-fold, doubled, against a stated percentage (提升两倍(200%),
"tripled, a 300% rise") or against two stated values (从5万辆翻番至10万辆, "$10bn, five times
the $2bn").

A multiple after a verb of increase is ambiguous: 增长两倍, "two times more" reads as 2x
(common use) or as +200%, 3x (the standard reading of 增长两倍). Such a multiple is checked
under both readings: inconsistent when neither agrees, unchecked when one does and the other
does not, with both readings shown. `翻番`, `doubled`, `是…的两倍`, `N-fold` and `N times
as much` have one reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.checks.findings import CONSISTENT, INCONSISTENT, UNCHECKED, Finding, involved
from factcheck.text.checks.layout import MARKS, Article, Sentence, rule
from factcheck.text.checks.precision import Span, number, percent, stated_span
from factcheck.text.checks.statements import change_statements
from factcheck.text.extract.extraction import QuantityMatch

# an increase verb just before a multiple (增长了两倍, 提升两倍, rose three times)
_INCREASE_BEFORE = re.compile(r"(?:增长|增加|提高|提升|上升|扩大|上涨|增|涨|多|rose|increased|grew)了?\s*$", re.IGNORECASE)
# "three times more/higher than": the English ambiguous form
_MORE_AFTER = re.compile(r"\s+(?:more|higher|larger|bigger|greater|faster|longer|stronger|as much again)\b", re.IGNORECASE)
_PERCENT_INCREASE = re.compile(r"(?:增长|增加|提高|提升|上升|上涨|增幅|涨幅|up|rise of|increase of|growth of|\+)\s*(?:了|of|by)?\s*$", re.IGNORECASE)
_INCREASE_AFTER = re.compile(r"\s*(?:increase|rise|jump|gain|growth|higher|more)\b", re.IGNORECASE)
_PERCENT_LEVEL = re.compile(r"(?:是|为|达到?)[^，。,]{0,8}的\s*$|^\s+of\b", re.IGNORECASE)
_TIED = rule(
    r"(?P<r><R>)\s*(?:[(（]\s*(?:[+＋]\s*|(?:up|增长|增加|提升|提高)\s*)?|[，,]\s*(?:(?:即|也就是|or|i\.e\.,?|that is,?)\s*)?"
    r"(?:(?:up|an? (?:increase|rise|jump|gain) of|增长|增加|提升|提高|增幅为?)\s*|an?\s+(?=\ue003\s*(?:increase|rise|jump|gain)))?)(?P<p><P>)"
    r"|(?P<p2><P>)\s*(?:[(（]\s*|[，,]\s*(?:即|也就是|or|i\.e\.,?|that is,?)\s*)(?P<r2><R>)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a multiple or a percentage: as a factor (new = factor × old)."""

    factor: Span
    says: str  # '2x', '+200% (3x)'


def check(article: Article) -> list[Finding]:
    found = []
    for statement in change_statements(article):
        if statement.change.kind == "ratio" and statement.direction >= 0:
            old, new = stated_span(statement.old), stated_span(statement.new)
            if old.low <= 0:
                continue
            actual = Span(new.low / old.high, new.high / old.low)
            shown = number(statement.new.value / statement.old.value)
            against = f"{statement.old.text} → {statement.new.text} = {shown}x"
            roles = (involved(statement.old, "from"), involved(statement.new, "to"))
            claims = tuple(sorted({statement.old_sentence.claim, statement.sentence.claim}))
            found.append(_judge(statement.sentence, statement.change, [Reading(actual, f"{shown}x")], against, roles, claims))
    for sentence in article.sentences:
        if len(sentence.quantities) >= 2 and sentence.has_kind(MARKS["ratio"]):
            found += _against_percent(sentence)
    return found


def _against_percent(sentence: Sentence) -> list[Finding]:
    found = []
    skeleton = sentence.skeleton
    for match in _TIED.finditer(skeleton.text):
        ratio = skeleton.found(match, "r") or skeleton.found(match, "r2")
        share = skeleton.found(match, "p") or skeleton.found(match, "p2")
        if ratio is None or share is None:
            continue
        increase = _is_increase(sentence, ratio)
        readings = _percent_readings(sentence, share, increase)
        said = " or ".join(r.says for r in readings)
        found.append(_judge(sentence, ratio, readings, f"{share.text} = {said}", (involved(share, "percent"),), (sentence.claim,)))
    return found


def _percent_readings(sentence: Sentence, share: QuantityMatch, ratio_is_increase: bool) -> list[Reading]:
    span = stated_span(share)
    before, after = sentence.before(share, 12), sentence.after(share, 12)
    as_increase = Reading(span.mapped(lambda p: 1 + p / 100), f"+{share.text} ({number(1 + share.value / 100)}x)")
    as_level = Reading(span.mapped(lambda p: p / 100), f"{number(share.value / 100)}x")
    if _PERCENT_INCREASE.search(before) or _INCREASE_AFTER.match(after):
        return [as_increase]
    if _PERCENT_LEVEL.search(before) or _PERCENT_LEVEL.search(after):
        return [as_level]
    return [as_increase] if ratio_is_increase else [as_level]


def _is_increase(sentence: Sentence, ratio: QuantityMatch) -> bool:
    """Whether a multiple follows a verb of increase (增长两倍) or says 'N times more'."""
    if ratio.text.startswith("翻") or ratio.text.lower().endswith(("fold", "ed", "twice", "double")):
        return False
    return bool(_INCREASE_BEFORE.search(sentence.before(ratio, 6)) or _MORE_AFTER.match(sentence.after(ratio, 16)))


def _ratio_readings(sentence: Sentence, ratio: QuantityMatch) -> list[Reading]:
    span = stated_span(ratio)
    plain = Reading(span, f"{number(ratio.value)}x")
    if not _is_increase(sentence, ratio):
        return [plain]
    return [plain, Reading(span.mapped(lambda n: n + 1), f"+{percent(ratio.value * 100)} ({number(ratio.value + 1)}x)")]


def _overlap(a: Span, b: Span) -> bool:
    """Overlap beyond a shared edge: 2x (1.5–2.5) and 3x (2.5–3.5) are different multiples."""
    return a.low < b.high and b.low < a.high


def _judge(sentence: Sentence, ratio: QuantityMatch, against: list[Reading], working: str, roles, claims) -> Finding:
    """The multiple under each of its readings against what the sentence says otherwise."""
    readings = _ratio_readings(sentence, ratio)
    agree = [r for r in readings if any(_overlap(r.factor, other.factor) for other in against)]
    if len(readings) == 1:
        result = CONSISTENT if agree else INCONSISTENT
        reason = "within the rounding" if agree else f"{ratio.text} is {readings[0].says}"
    elif not agree:
        result, reason = INCONSISTENT, f"{ratio.text} is {readings[0].says} or {readings[1].says}: neither agrees"
    elif len(agree) == len(readings):
        result, reason = CONSISTENT, "both readings agree"
    else:
        wrong = next(r for r in readings if r not in agree)
        result = UNCHECKED
        reason = f"ambiguous: {ratio.text} read as {agree[0].says} agrees, read as {wrong.says} does not"
    text = f"{ratio.text} vs {working}"
    figures = {"multiple": ratio.value, "readings": " | ".join(r.says for r in readings)}
    return Finding("multiple", result, text, reason, claims, (involved(ratio, "multiple"), *roles), figures)
