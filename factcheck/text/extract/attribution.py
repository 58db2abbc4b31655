"""Who a sentence says made a claim: the person before 表示, 称, said (奥尔特曼表示, Sam Altman
said), else the source it cites (据新华社报道, according to Reuters). The extractor labels
quotes with it ("statement by 奥尔特曼"); the published report and ClaimReview name the claim's
author with it. Plain text rules, light to import."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.extract.aliases import chinese_names

# every branch starts with a literal, so the engine skips to them: said/says/told after a space
_SPEECH = re.compile(r"表示|称|强调|透露|指出|说(?<![据听小传]说)(?=[。，,：:])|s(?<= s)a(?:id|ys)\b|t(?<= t)old\b")
_SPEAKER_EN = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?) $")
_SPEAKER_LATIN = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?) ?$")
_NOT_NAMES = {"评价", "回应", "发文", "声明", "公告", "报告", "文章", "研究", "调查", "报道", "明确", "公开", "同时", "随后", "此前", "官方", "公司", "媒体", "分析", "另外", "此外", "对外"}
_NOT_IN_NAMES = set("的我你他她它们这那对此在中是有被将把和与说声堪据")


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to, and what they are (schema.org's Person or Organization)."""

    name: str
    kind: str


def speaker_of(sentence: str) -> Speaker | None:
    """The name before 表示/称/said (a person), else the source the sentence cites (据新华社报道,
    according to Reuters: an organisation), else None."""
    for verb in _SPEECH.finditer(sentence):
        name = _speaker(sentence, verb.start(), english=verb[0][0].isascii())
        if name:
            return Speaker(name, "Person")
    source = _source(sentence)
    return Speaker(source, "Organization") if source else None


# pronouns and sentence openers name no one: "He said", "The company said"
_NOT_SPEAKERS = frozenset(["He", "She", "It", "They", "We", "I", "You", "This", "That", "The", "It's", "A", "An"])


def _speaker(sentence: str, verb: int, *, english: bool) -> str | None:
    """The name just before 表示/称/said: the Chinese characters touching the verb after any
    title (猎户星空董事长傅盛 -> 傅盛), or one or two capitalised English words."""
    if english:
        found = _SPEAKER_EN.search(sentence, max(0, verb - 24), verb)
        return found[1] if found and found[1].split()[0] not in _NOT_SPEAKERS else None
    start = verb
    while start > max(0, verb - 12) and ("\u4e00" <= sentence[start - 1] <= "\u9fff" or sentence[start - 1] == "·"):
        start -= 1
    run = sentence[start:verb]
    if "在" in run:  # 毛宁在例行记者会上表示: the speaker stands before the place
        run = run[: run.index("在")]
    for adverb in ("最近", "也", "还", "再", "则"):
        if run.endswith(adverb):
            run = run[: -len(adverb)]
            break
    name = chinese_names(run)[:1]
    if name and len(name[0]) <= 6 and not _NOT_IN_NAMES.intersection(name[0]) and name[0] not in _NOT_NAMES:
        return name[0]
    latin = _SPEAKER_LATIN.search(sentence, max(0, start - 30), start)  # Daniel Kokotajlo评价称
    return latin[1] if latin else None


# who a report is attributed to: according to Reuters, 据新华社报道
_SOURCE_EN = re.compile(r"[Aa]ccording to (?:the |a |an )?((?:[A-Z][\w&.'’-]*)(?: (?:of |for |and )?[A-Z][\w&.'’-]*){0,4})")
_SOURCE_ZH = re.compile(r"据([\u4e00-\u9fffA-Za-z·]{2,12}?)(?:的)?(?:报道|消息|统计(?!局)|数据|公告|披露|透露)")
_NOT_SOURCES = frozenset(["不完全", "初步", "有关", "相关", "媒体", "了解", "悉"])


def _source(sentence: str) -> str | None:
    found = _SOURCE_EN.search(sentence) or _SOURCE_ZH.search(sentence)
    if found is None or found[1] in _NOT_SOURCES:
        return None
    return found[1].rstrip(".'’")
