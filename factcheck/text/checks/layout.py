"""The document as the checks read it: paragraphs of sentences (the claims), each sentence
with its quantities, and a skeleton of each sentence in which every quantity is one marker
character of its kind.

The checks' rules are patterns over skeletons: `由<Q>增长到<Q>，增长<P>` reads "from an
amount to an amount, up a percent" without caring how the amounts are written; the
extractor has read them already. A quantity's qualifier (约合, about, 超过) is part of its
marker, so a rule need not allow for it.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from factcheck.text.extract.extraction import ClaimDraft, QuantityMatch

# one private-use character per kind of quantity, as it appears in a skeleton
MARKS = {
    "money": "\ue000", "count": "\ue001", "measure": "\ue002", "percent": "\ue003",
    "pp": "\ue004", "ratio": "\ue005", "date": "\ue006", "duration": "\ue007", "age": "\ue008",
}
# what a rule writes for them: <Q> any amount a change or a total can be made of
CLASSES = {
    "M": "\ue000", "Q": "[\ue000-\ue003]", "AMOUNT": "[\ue000-\ue002]", "P": "\ue003", "PP": "\ue004",
    "R": "\ue005", "D": "\ue006", "DUR": "\ue007", "AGE": "\ue008", "ANY": "[\ue000-\ue008]",
}
_CLASS_NAME = re.compile(r"<([A-Z]+)>")


def rule(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern over skeletons: <M> (money), <Q>, <P>, <PP>, <R>, <D>, <DUR>, <AGE>, <ANY> stand for
    the marker of a quantity of that class."""
    return re.compile(_CLASS_NAME.sub(lambda m: CLASSES[m[1]], pattern), flags)


def mark_of(q: QuantityMatch) -> str:
    if q.unit == "pp" and q.kind == "percent":
        return MARKS["pp"]
    if q.unit == "age" and q.kind == "count":
        return MARKS["age"]
    return MARKS.get(q.kind, MARKS["count"])


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """The date conversions are checked at: the document's published date (given at ingest
    or in its header), else the latest full date its text states (`inferred`)."""

    iso: str | None = None
    origin: str | None = None  # published | inferred


def rate_day(iso: str | None) -> date | None:
    """The day of a document's date that exchange rates are taken at; None for no date, a
    year or a month alone (too little for a day's rate), or a malformed one."""
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def days_of(iso: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO 8601 date or interval covers ('2024' is the year,
    '2024-07/2024-09' the quarter); None without a year ('--05-18') or when malformed."""
    if not iso or iso.startswith("-"):
        return None
    first, _, last = iso.partition("/")
    try:
        return _first_day(first), _last_day(last or first)
    except ValueError:
        return None


def _first_day(iso: str) -> date:
    parts = [int(part) for part in iso.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(iso: str) -> date:
    parts = [int(part) for part in iso.split("-")]
    if len(parts) > 2:
        return date(*parts[:3])
    month = parts[1] if len(parts) > 1 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


@dataclass(slots=True)
class Skeleton:
    text: str
    quantity_at: dict[int, QuantityMatch]  # position of a marker -> its quantity

    def found(self, match: re.Match[str], group: str) -> QuantityMatch | None:
        """The quantity a rule's named group matched, or None when the group took no part."""
        position = match.start(group)
        return self.quantity_at.get(position) if position >= 0 else None


@dataclass(slots=True)
class Sentence:
    claim: int  # index into the claims the checks were given
    start: int  # offset of the sentence in the document
    text: str
    quantities: list[QuantityMatch]
    paragraph: int
    marks: str = ""  # the marker of each quantity, in order: which kinds the sentence has
    _skeleton: Skeleton | None = field(default=None, repr=False)

    @property
    def skeleton(self) -> Skeleton:
        if self._skeleton is None:
            self._skeleton = _skeleton(self)
        return self._skeleton

    def before(self, q: QuantityMatch, width: int) -> str:
        """Up to `width` characters of the sentence before `q`."""
        at = q.start - self.start
        return self.text[max(0, at - width) : at]

    def after(self, q: QuantityMatch, width: int) -> str:
        at = q.end - self.start
        return self.text[at : at + width]

    def has_kind(self, *marks: str) -> bool:
        return any(mark in self.marks for mark in marks)

    def count(self, mark: str) -> int:
        return self.marks.count(mark)


def _skeleton(sentence: Sentence) -> Skeleton:
    text, origin = sentence.text, sentence.start
    pieces: list[str] = []
    quantity_at: dict[int, QuantityMatch] = {}
    position = length = 0
    for q in sentence.quantities:
        start = _with_qualifier(text, q.start - origin, q.qualifier)
        if start < position:
            continue
        pieces.append(text[position:start])
        length += start - position
        quantity_at[length] = q
        pieces.append(mark_of(q))
        length += 1
        position = q.end - origin
    pieces.append(text[position:])
    return Skeleton("".join(pieces), quantity_at)


def _with_qualifier(text: str, start: int, qualifier: str | None) -> int:
    """Where a quantity starts with the qualifier written before it (约合, about)."""
    if not qualifier:
        return start
    for written in (qualifier + " ", qualifier):
        if text[max(0, start - len(written)) : start].lower() == written.lower():
            return start - len(written)
    return start


@dataclass(slots=True)
class Article:
    """The sentences the checks look at, by paragraph, and the document's date."""

    text: str
    sentences: list[Sentence]
    date: DocumentDate
    memo: dict[str, list] = field(default_factory=dict, repr=False)  # work shared by the checks
    _paragraphs: dict[int, list[Sentence]] = field(default_factory=dict, repr=False)

    def paragraph(self, sentence: Sentence) -> list[Sentence]:
        if not self._paragraphs:
            for each in self.sentences:
                self._paragraphs.setdefault(each.paragraph, []).append(each)
        return self._paragraphs[sentence.paragraph]


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE_BREAK = re.compile(r"\n")


def read_article(text: str, claims: list[ClaimDraft], date: DocumentDate) -> Article:
    """The claims of `text` as sentences in paragraphs. Paragraphs are split at blank lines
    when the text has any (hard-wrapped prose), else at each line break."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    breaks = [m.end() for m in splitter.finditer(text)]
    sentences = [
        Sentence(
            index, claim.start, claim.text, claim.quantities, bisect.bisect_right(breaks, claim.start),
            "".join(mark_of(q) for q in claim.quantities),
        )
        for index, claim in enumerate(claims)
    ]
    return Article(text, sentences, date)
