"""What a passage says about a claim: supports, contradicts or mentions, with a confidence
(0-1) and the reasons a reviewer can check at a glance. Pure logic, no database.

The relation is keyed on the claim's key figure, the quantity its label names:
- supports: the passage states the key figure with the same value within the precision it
  is written in (figures.written_interval), on the same subject, and none of the claim's
  other figures is contradicted by the same passage;
- contradicts: on the same subject, a figure of the same kind and unit with a value outside
  that precision, for the key figure or any other figure of the claim ("$2.4B vs $2.2B,
  +9.1%");
- mentions: related (close meaning, shared rare names, close wording) without a figure
  either way.

"Same subject" is shown by the meaning of the two texts (cosine of the sentence encoder's
vectors at or above SAME_SUBJECT), by a rare name both share, by close wording, or, per
figure, by the noun the two figures measure ('budget', 'revenue'). A generic figure (half,
double, 2x, 50%, a handful, a bare year) proves nothing on its own: it counts only when both
figures measure the same thing (their nouns or subject words agree) and the texts share
their meaning or a name. Dates place a
claim; they support it when equal but never contradict it (a passage dates many things).

SAME_SUBJECT and RELATED were calibrated on tests/data/similarity_pairs.tsv: 50 pairs written
for the purpose (24 on the same subject, 26 traps that share a figure, a company or the
domain; Chinese-English, English-English and Chinese-Chinese), none from the demo. With
digits masked (encoder.prepare), same-subject pairs score 0.40-0.91 (mean 0.70) and traps
0.07-0.56 (mean 0.26); 0.57 accepts 23 of 24 same-subject pairs and no trap. RELATED (0.45)
accepts 23 of 24 same-subject pairs and 3 of 26 traps: enough for a mention, never alone
for a figure. tests/unit/test_similarity_calibration.py keeps the thresholds honest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.text.extract.figures import (
    Amount,
    Comparison,
    Rate,
    compare,
    is_generic,
    qualifier_meaning,
)

SAME_SUBJECT = 0.57  # cosine at or above which two texts speak of the same subject
RELATED = 0.45  # cosine at or above which a passage is worth a mention
NAMES_ENOUGH = 1.0  # summed rarity of shared names that connects two texts
DATE_NAME_BONUS = 0.4  # a claim date near the source's publication date, with names
TEXT_CUTOFF = 60.0  # rapidfuzz partial_ratio (0-100) below which wording is no signal
MATCH, UNKNOWN, CLASH = "match", "unknown", "clash"
SOLE = "sole"  # unknown nouns, but each figure the only one of its kind in its text


@dataclass(slots=True)
class Side:
    """A claim or a passage: its text, its figures, its date; a claim also its key figure."""

    text: str
    amounts: list[Amount]
    published: str | None = None
    key: Amount | None = None


@dataclass(slots=True)
class Evidence:
    """What connects the two texts besides their figures."""

    similarity: float | None = None  # cosine of the encoder's vectors; None without vectors
    names: list[tuple[str, float]] = field(default_factory=list)  # shared names, rarity 0-1
    wording: float = 0.0  # rapidfuzz partial_ratio
    near_date: str | None = None  # reason: a claim date close to the source's publication
    other_names: bool = False  # the passage names others and none of the claim's names

    @property
    def rarity(self) -> float:
        return sum(rarity for _, rarity in self.names)

    @property
    def named(self) -> bool:
        """Rare names connect; common ones (every passage names the company) only with a
        date close to the source's."""
        return self.rarity + (DATE_NAME_BONUS if self.near_date else 0.0) >= NAMES_ENOUGH

    @property
    def worded(self) -> bool:
        return self.wording >= TEXT_CUTOFF

    @property
    def same_meaning(self) -> bool:
        return self.similarity is not None and self.similarity >= SAME_SUBJECT

    @property
    def close(self) -> bool:
        return self.similarity is not None and self.similarity >= RELATED

    @property
    def same_subject(self) -> bool:
        return self.same_meaning or self.named or self.worded

    @property
    def related(self) -> bool:
        return self.close or self.named or self.worded


@dataclass(slots=True)
class Relation:
    relation: str  # supports | contradicts | mentions
    confidence: float
    reasons: list[str]
    agreeing: list[Comparison] = field(default_factory=list)
    clashing: list[Comparison] = field(default_factory=list)


def judge(claim: Side, passage: Side, evidence: Evidence, rate: Rate | None = None) -> Relation | None:
    """The relation of `passage` to `claim`, or None when nothing connects them."""
    if not evidence.related and not _comparable_kinds(claim.amounts, passage.amounts):
        return None  # the common case among candidates: no figure to weigh, no connection
    agreeing, clashing = [], []
    answered: set[int] = set()  # a source figure answers one claim figure
    for figure in _key_first(claim):
        agree, clash = _stand(figure, passage.amounts, answered, evidence, rate, claim.amounts)
        if agree is not None:
            agreeing.append(agree)
            answered.add(id(agree.source))
        elif clash is not None:
            clashing.append(clash)
    key = claim.key
    key_agrees = key is not None and any(c.claim is key for c in agreeing)
    if clashing:
        relation = "contradicts"
    elif key_agrees:
        relation = "supports"
    elif agreeing or evidence.related:
        relation = "mentions"
    else:
        return None
    if relation == "mentions" and not (evidence.related or _figures_connect(agreeing, evidence)):
        return None
    confidence = _confidence(relation, claim, agreeing, clashing, evidence)
    reasons = [_agree_reason(c) for c in agreeing] + [_clash_reason(c) for c in clashing]
    if relation == "mentions" and key is not None and agreeing:
        reasons.append(f"key figure {key.display} not stated")
    return Relation(relation, confidence, reasons, agreeing, clashing)


_CROSSING = frozenset(["ratio", "percent"])  # a change compares as a factor across the two


def _comparable_kinds(claimed: list[Amount], found: list[Amount]) -> bool:
    kinds = {a.kind for a in claimed}
    others = {b.kind for b in found}
    return bool(kinds & others) or bool(kinds & _CROSSING and others & _CROSSING)


def _key_first(claim: Side) -> list[Amount]:
    return sorted(claim.amounts, key=lambda a: a is not claim.key)


def subject_link(a: Amount, b: Amount) -> str:
    """Whether two figures measure the same thing, by their label nouns and subject words."""
    nouns = (a.noun, b.noun)
    if nouns[0] and nouns[0] == nouns[1] or a.subject and a.subject == b.subject:
        return MATCH
    # a subject word read from elsewhere in the sentence may be another figure's
    if all(nouns) or a.own_subject and b.own_subject:
        return CLASH
    return UNKNOWN


def _stand(figure: Amount, found: list[Amount], answered: set[int], evidence: Evidence,
           rate: Rate | None, claimed: list[Amount]):
    """The passage figure agreeing with `figure` (first choice; one not `answered` yet) or
    clashing with it (any: a source figure may agree with one claim figure and clash with
    its restatement, 两倍 ~ 2x but 200% = 3x)."""
    clash = None
    for other in found:
        comparison = compare(figure, other, rate)
        if comparison is None:
            continue
        link = subject_link(figure, other)
        if link == CLASH and figure.kind != "date":
            continue
        if link == UNKNOWN and _sole(figure, claimed) and _sole(other, found):
            link = SOLE
        if comparison.agrees:
            if id(other) not in answered and _counts(figure, other, link, evidence, against=False):
                return comparison, None
        elif clash is None and figure.kind != "date" and _counts(figure, other, link, evidence, against=True):
            clash = comparison
    return None, clash


def _sole(figure: Amount, figures: list[Amount]) -> bool:
    """The only telling figure of its kind in its text: nothing else it could be compared
    with ("691 messages in one night": the one is generic)."""
    return sum(
        1 for other in figures if other.kind == figure.kind and (other is figure or not is_generic(other))
    ) == 1


def _counts(figure: Amount, other: Amount, link: str, evidence: Evidence, *, against: bool) -> bool:
    """Whether a comparison of two figures may decide the relation: the subject must be
    shown the same, the more firmly the more common the figure and for a contradiction.
    Two texts of the same meaning, each with one figure of a kind, speak of the same figure
    even when no noun says what it measures. A passage naming other companies or people
    and none of the claim's is about someone else: its figures decide nothing."""
    if evidence.other_names:
        return False
    if is_generic(figure) or is_generic(other):
        if link == MATCH:
            return evidence.same_meaning or bool(evidence.names)
        return link == SOLE and evidence.same_meaning
    if against:
        if link == MATCH:
            return evidence.same_subject
        if link == SOLE:
            return evidence.same_meaning
        return evidence.same_meaning and (evidence.named or evidence.worded)
    return link == MATCH or evidence.same_subject or link == SOLE and evidence.close


def _figures_connect(agreeing: list[Comparison], evidence: Evidence) -> bool:
    """Equal figures make a mention when at least one of them is telling."""
    return any(not is_generic(c.claim) and c.claim.kind != "date" for c in agreeing)


def _confidence(relation: str, claim: Side, agreeing, clashing, evidence: Evidence) -> float:
    if relation == "mentions":
        closeness = max(
            (evidence.similarity or 0.0) - 0.1,
            min(0.6, 0.4 * evidence.rarity),
            evidence.wording / 150,
            0.3 if agreeing else 0.0,
        )
        return round(min(0.7, max(0.1, closeness)), 2)
    decisive = clashing if relation == "contradicts" else agreeing
    value = 0.5
    if evidence.same_meaning:
        value += 0.15 + min(0.1, (evidence.similarity or 0.0) - 0.57)
    if evidence.named:
        value += 0.1
    if any(subject_link(c.claim, c.source) == MATCH for c in decisive):
        value += 0.1
    if relation == "supports":
        value += min(0.1, 0.05 * (len(agreeing) - 1))
    elif claim.key is not None and any(c.claim is claim.key for c in clashing):
        value += 0.05
    if all(is_generic(c.claim) for c in decisive):
        value -= 0.15
    if any(qualifier_meaning(c.claim) or qualifier_meaning(c.source) for c in decisive):
        value -= 0.1  # an approximate or bounded figure decides less firmly
    return round(min(0.97, max(0.05, value)), 2)


def _agree_reason(c: Comparison) -> str:
    a, b = c.claim, c.source
    if a.kind == "date":
        return f"same date {a.iso}: {a.text} ~ {b.text}"
    if a.kind != b.kind:
        return f"same {a.subject or a.noun}: {c.reason}"
    if not c.exact or a.unit != b.unit and a.kind == "money":  # the rate it took shows in the reason
        return f"same {a.kind} {c.reason}"
    return f"same {a.kind} {a.display}: {a.text} ~ {b.text}"


def _clash_reason(c: Comparison) -> str:
    a, b = c.claim, c.source
    what = a.noun or a.subject or a.kind
    if a.kind != b.kind or a.kind == "ratio":
        return f"mismatch on {what}: claim {c.reason}"
    note = f" (source says {b.qualifier})" if b.qualifier else ""
    return f"mismatch on {what}: {c.reason} (claim {a.text}, source {b.text}){note}"
