"""Parts and wholes: shares of one whole that add up to more than 100% (支持者占45%，反对者占
38%，另有20%表示不确定), and parts introduced by 其中 / of which / including that exceed
their total.

Percentages in one sentence are shares of one whole only when the sentence says so: 占,
"accounted for", "made up" (of the same whole, if it is named), or a poll's answers that
exclude each other (support / oppose, the rest, 另有). Answers that may overlap ("45% use
WeChat, 70% use Weibo") and shares of different wholes ("52% of men and 60% of women") are
left alone. Parts of a count may overlap (其中20人为儿童，15人为女性), so a sum over the
total there is unchecked; a single part over its total is always inconsistent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.checks.findings import CONSISTENT, INCONSISTENT, UNCHECKED, Finding, involved
from factcheck.text.checks.layout import MARKS, Article, Sentence, rule
from factcheck.text.checks.precision import bound, percent, stated_span, written
from factcheck.text.checks.statements import same_measure
from factcheck.text.extract.extraction import QuantityMatch

# -- shares ---------------------------------------------------------------------------------
_CHANGE_BEFORE = re.compile(
    r"(?:增长|增加|上升|上涨|提高|提升|下降|减少|下跌|下滑|降低|回落|同比|环比|增速|增幅|降幅|涨幅|"
    r"(?<!made )(?<!make )(?<!makes )\bup|\bdown|rose|fell|grew|jumped|climbed|dropped|declined|increased|decreased|\bby|\bto|\bat)\s*了?\s*$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(r"^\s*(?:increase|rise|drop|fall|decline|growth|higher|lower|more|less|的增长|的增速)", re.IGNORECASE)
_ZHAN = re.compile(r"占(?P<whole>[\u4e00-\u9fffA-Za-z]{0,6}?)(?:的)?(?:比重|比例|份额)?(?:为|达到?|约|了|到)?\s*$|(?:占比|比重|份额)(?:为|达|约)?\s*$")
_SHARE_VERB = re.compile(
    r"(?:accounted for|accounts? for|made up|makes? up|represented|represents?|comprised?|comprises)\s*$", re.IGNORECASE
)
_COMPLEMENT = re.compile(
    r"(?:另有|还有|其余|剩余的?|剩下的?|其他)(?:的)?\s*$|(?:the (?:remaining|rest|other)|another|while the remaining)[,\s]*$",
    re.IGNORECASE,
)
_OF_WHOLE = re.compile(r"^\s+of\s+(?:the\s+|all\s+|those\s+)?(?P<whole>[a-z]+(?:\s[a-z]+)?)", re.IGNORECASE)
_ZH_WHOLE = re.compile(r"^的(?P<whole>受访者|受访|网民|用户|居民|家庭|企业|人|学生|员工|选民|消费者|样本|投资者|市民|民众|青年)")
# answers to one question that exclude each other: each set holds the two sides
_ANSWERS = re.compile(
    r"^\s*(?:的[\u4e00-\u9fff]{0,4}?|of\s+(?:the\s+|all\s+)?[a-z]+(?:\s[a-z]+)?\s+(?:said\s+they\s+)?)?(?P<answer>不支持|支持|反对|不赞成|赞成|不同意|同意|不满意|满意|不确定|"
    r"said yes|said no|supported?|opposed?|favou?red|favou?r|backed|approved?|disapproved?|agreed|disagreed|"
    r"were undecided|undecided|had no opinion|did not know|don't know|not sure)",
    re.IGNORECASE,
)
_FOR = frozenset(["支持", "赞成", "同意", "满意", "said yes", "support", "supported", "favor", "favored", "favour",
                  "favoured", "backed", "approve", "approved", "agreed"])
_AGAINST = frozenset(["不支持", "反对", "不赞成", "不同意", "不满意", "said no", "oppose", "opposed", "disapprove",
                      "disapproved", "disagreed"])
_UNSURE = frozenset(["不确定", "were undecided", "undecided", "had no opinion", "did not know", "don't know", "not sure"])
# a poll's elliptical last answer: "... and men 49%", "，女性49%"
_ELLIPSIS = re.compile(r"(?:,|，|、|\band|\bwhile)\s*(?:[A-Za-z]+\s+){1,2}$|[，、][\u4e00-\u9fff]{1,4}$")


@dataclass(frozen=True, slots=True)
class Share:
    q: QuantityMatch
    frame: str  # zhan | verb | complement | answer | of | ellipsis
    whole: str  # the whole named, or ""
    answer: str = ""


def _share(sentence: Sentence, q: QuantityMatch) -> Share | None:
    if q.unit != "%" or q.high is not None:
        return None
    before, after = sentence.before(q, 14), sentence.after(q, 30)
    if _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after):
        return None
    of = _OF_WHOLE.match(after) or _ZH_WHOLE.match(after)
    whole = _whole_word(of["whole"]) if of else ""
    answer = _ANSWERS.match(after)
    if zhan := _ZHAN.search(before):
        return Share(q, "zhan", (zhan["whole"] or "") if zhan.groupdict().get("whole") else whole)
    if _SHARE_VERB.search(before):
        return Share(q, "verb", whole)
    if _COMPLEMENT.search(before):
        return Share(q, "complement", whole)
    if answer:
        return Share(q, "answer", whole, answer["answer"].lower())
    if of:
        return Share(q, "of", whole)
    if _ELLIPSIS.search(before) and not after.strip(" ，,。.;；")[:1].isalnum():
        return Share(q, "ellipsis", "")
    return None


def _whole_word(word: str) -> str:
    """Wholes compared without a plural's s, and 'them', 'those' name the one before."""
    word = word.lower()
    if word in ("them", "those", "these", "us", "which"):
        return ""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _share_group(sentence: Sentence) -> list[Share] | None:
    shares = [s for q in sentence.quantities if (s := _share(sentence, q)) is not None]
    if len(shares) < 2:
        return None
    first, last = shares[0].q.start, shares[-1].q.end
    if any(q.kind == "date" and first < q.start < last for q in sentence.quantities):
        return None  # one share in several years (2022年占25%，2023年占31%): not parts of one whole
    wholes = {s.whole for s in shares if s.whole}
    if len(wholes) > 1:
        return None  # shares of different wholes: 52% of men, 60% of women
    frames = {s.frame for s in shares}
    answers = {s.answer for s in shares if s.answer}
    exclusive = bool(answers & _FOR and answers & _AGAINST) or bool(answers & _UNSURE and answers - _UNSURE)
    if frames & {"zhan", "verb", "complement"} or exclusive:
        return shares
    return None


def _shares(sentence: Sentence) -> Finding | None:
    shares = _share_group(sentence)
    if shares is None:
        return None
    low = sum(_lowest(s.q) for s in shares)
    total = sum(s.q.value for s in shares)
    working = " + ".join(s.q.text for s in shares) + f" = {percent(total)}"
    if low > 100:
        result, reason = INCONSISTENT, f"shares of one whole add up to more than 100% beyond their rounding ({percent(low)} at least)"
    else:
        result, reason = CONSISTENT, "within 100% and the rounding"
    roles = tuple(involved(s.q, "share") for s in shares)
    return Finding("shares", result, working, reason, (sentence.claim,), roles, {"sum": round(total, 6), "at_least": round(low, 6)})


def _lowest(q: QuantityMatch) -> float:
    """The least a share can be as written: its rounding, or a tenth below a 'nearly'."""
    if bound(q) == "at most":
        return q.value * 0.9
    return stated_span(q).low


# -- components -----------------------------------------------------------------------------
_MARKER = rule(
    r"其中|包括|(?<![a-z])(?:of which|of whom|including|among them|among which|among whom)(?![a-z])",
    re.IGNORECASE,
)
_PART_CHANGE = re.compile(
    r"(?:增长|增加|上升|提高|下降|减少|同比|环比|比[^，。]{0,6}(?:多|少)|\bup|\bdown|rose|fell|grew|increased|decreased|by|占)\s*了?\s*$",
    re.IGNORECASE,
)
_OPENING_MARKER = re.compile(r"^\s*(?:其中|of (?:these|those|them|which|whom)|among them|of the total)\s*[，,:：]?", re.IGNORECASE)


def _components(article: Article, sentence: Sentence) -> list[Finding]:
    found = []
    skeleton = sentence.skeleton
    markers = list(_MARKER.finditer(skeleton.text))
    for index, marker in enumerate(markers):
        stop = markers[index + 1].start() if index + 1 < len(markers) else len(skeleton.text)
        parts = _parts(sentence, skeleton, marker.end(), stop)
        if not parts:
            continue
        whole, home = _whole(article, sentence, skeleton, marker.start(), parts[0])
        if whole is None or bound(whole) == "at least":
            continue
        also = _continued(article, sentence, parts[0]) if index == len(markers) - 1 else []
        parts += [q for _, q in also]
        found.append(_compare(whole, parts, sentence, home, [s.claim for s, _ in also]))
    return found


def _parts(sentence: Sentence, skeleton, start: int, stop: int) -> list[QuantityMatch]:
    """The amounts after a marker, up to the next one, outside brackets and not changes."""
    parts: list[QuantityMatch] = []
    depth = 0
    for position in range(start, stop):
        char = skeleton.text[position]
        depth += char in "(（"
        depth -= char in ")）" and depth > 0
        q = skeleton.quantity_at.get(position)
        if q is None or depth or q.kind not in ("money", "count", "measure") or q.unit == "age":
            continue
        if _PART_CHANGE.search(sentence.before(q, 10)):
            continue
        if parts and not same_measure(parts[0], q, strict=False):
            continue
        parts.append(q)
    return parts


def _continued(article: Article, sentence: Sentence, first: QuantityMatch) -> list[tuple[Sentence, QuantityMatch]]:
    """Parts in the sentences that follow a list cut at semicolons: 其中，出口7.81万亿元，增长4.9%；
    进口6万亿元，增长6.8%。"""
    paragraph = article.paragraph(sentence)
    found = []
    at = paragraph.index(sentence)
    while sentence.text.rstrip().endswith(("；", ";")) and at + 1 < len(paragraph):
        at += 1
        sentence = paragraph[at]
        if _MARKER.search(sentence.text):
            break  # another list begins
        skeleton = sentence.skeleton
        found += [(sentence, q) for q in _parts(sentence, skeleton, 0, len(skeleton.text)) if same_measure(first, q, strict=False)]
    return found


def _whole(article: Article, sentence: Sentence, skeleton, marker: int, first: QuantityMatch):
    """The total the parts belong to: the nearest amount of the same measure before the
    marker; for a sentence that opens with 其中 / Of these, the one such amount of the
    sentence before."""
    before = [q for position, q in skeleton.quantity_at.items() if position < marker]
    if before:
        same = [q for q in before if same_measure(q, first) and not _compared(sentence, q)]
        if not same and sum(q.kind == first.kind for q in before) == 1:
            same = [q for q in before if q.kind == first.kind]  # 1,200 employees, including 300 engineers
        if len(same) > 1:
            return None, sentence  # 营收500亿元，净利润50亿元，其中…: which is the total?
        return (same[0], sentence) if same else (None, sentence)
    if not _OPENING_MARKER.match(sentence.text):
        return None, sentence
    paragraph = article.paragraph(sentence)
    at = paragraph.index(sentence)
    if at == 0:
        return None, sentence
    previous = paragraph[at - 1]
    same = [q for q in previous.quantities if same_measure(q, first) and not _compared(previous, q)]
    return (same[0], previous) if len(same) == 1 else (None, sentence)


def _compared(sentence: Sentence, q: QuantityMatch) -> bool:
    """An amount that is a change or an earlier period's value, not a total: 比上年增加888万吨,
    上年同期为594.75亿元, $4.2 billion a year earlier."""
    return bool(_PART_CHANGE.search(sentence.before(q, 10)) or _EARLIER.search(sentence.before(q, 8))
                or _EARLIER_AFTER.match(sentence.after(q, 20)))


_EARLIER = re.compile(r"(?:上年|去年|前年|上月|同期|此前|年初)(?:同期)?(?:为|的|是)?\s*$")
_EARLIER_AFTER = re.compile(r"^\s*(?:a year (?:earlier|ago|before)|last year|in the (?:previous|same) )", re.IGNORECASE)


def _compare(whole: QuantityMatch, parts: list[QuantityMatch], sentence: Sentence, home: Sentence, more: list[int]) -> Finding:
    top = stated_span(whole).high
    lows = [stated_span(q).low for q in parts]
    total = sum(q.value for q in parts)
    working = f"{' + '.join(q.text for q in parts)} = {written(parts[0], total)} against {whole.text}"
    if len(parts) == 1:
        working = f"{parts[0].text} against {whole.text}"
    biggest = max(range(len(parts)), key=lambda i: lows[i])
    if lows[biggest] > top:
        result, reason = INCONSISTENT, f"{parts[biggest].text} is more than the whole"
    elif sum(lows) > top:
        if whole.kind == "count":
            result, reason = UNCHECKED, "the parts add up to more than the whole, but counted groups may overlap"
        else:
            result, reason = INCONSISTENT, "the parts add up to more than the whole beyond their rounding"
    else:
        result, reason = CONSISTENT, "the parts fit in the whole"
    claims = tuple(sorted({home.claim, sentence.claim, *more}))
    roles = (involved(whole, "total"), *(involved(q, "part") for q in parts))
    return Finding("components", result, working, reason, claims, roles, {"total": whole.value, "parts": round(total, 6)})


def check(article: Article) -> list[Finding]:
    found: list[Finding] = []
    for sentence in article.sentences:
        if sentence.count(MARKS["percent"]) >= 2 and (finding := _shares(sentence)) is not None:
            found.append(finding)
        if sentence.quantities and _might_mark(sentence.text):
            found += _components(article, sentence)
    return found


def _might_mark(text: str) -> bool:
    return "其中" in text or "包括" in text or "of wh" in text or "includ" in text or "among" in text
