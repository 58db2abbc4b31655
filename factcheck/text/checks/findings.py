"""What a consistency check reports: a finding, the quantities it rests on, and the kinds of
check there are (one record each, the rest derived from them).

No database and no UI here: the checks run inside extraction, in worker processes too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace

CONSISTENT, INCONSISTENT, UNCHECKED = "consistent", "inconsistent", "unchecked"
RESULTS = (CONSISTENT, INCONSISTENT, UNCHECKED)
# How much an inconsistency adds to a claim's check-worthiness (once per claim, capped at 1):
# a sentence that contradicts its own arithmetic is worth a reviewer's look before most.
INCONSISTENCY_RAISE = 0.3


@dataclass(frozen=True, slots=True)
class CheckKind:
    """One kind of check: its name (as stored and filtered), the family of checks it belongs
    to, and what it compares, in a reviewer's words."""

    name: str
    family: str
    compares: str


CHECK_KINDS = {
    kind.name: kind
    for kind in (
        CheckKind("conversion", "conversions", "an amount and its stated equivalent in another currency, against the ECB reference rate"),
        CheckKind("change", "changes", "a stated change against the two values it lies between"),
        CheckKind("percentage_points", "changes", "a change between two percentages, in percent or in percentage points"),
        CheckKind("multiple", "multiples", "N times, 倍, 翻番, N-fold against a percentage or two values"),
        CheckKind("shares", "parts", "shares of one whole, which cannot add up to more than 100%"),
        CheckKind("components", "parts", "parts introduced by 其中, of which or including, against their total"),
        CheckKind("weekday", "dates", "a weekday named beside a date"),
        CheckKind("elapsed_years", "dates", "N years after, later, ago or 近N年 against the years stated"),
        CheckKind("age", "dates", "an age against a stated year of birth"),
    )
}


@dataclass(frozen=True, slots=True)
class Involved:
    """A quantity a finding rests on, as written, with its part in the arithmetic
    ('converted', 'from', 'to', 'change', 'total', 'part', 'date', 'age', ...)."""

    text: str
    start: int  # offsets into the text the checks were given
    end: int
    role: str


@dataclass(frozen=True, slots=True)
class Finding:
    """The result of one check on one statement of a document.

    `arithmetic` is the working a reviewer can follow in their head; `reason` says why the
    result is what it is (the tolerance used, the missing date, the two readings).
    `claims` are indexes into the list of claims the checks were given; `figures` the
    named numbers behind the arithmetic (stated, expected, rates, dates)."""

    kind: str
    result: str
    arithmetic: str
    reason: str
    claims: tuple[int, ...]
    quantities: tuple[Involved, ...]
    figures: dict[str, float | str | None] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return min(q.start for q in self.quantities)

    @property
    def end(self) -> int:
        return max(q.end for q in self.quantities)

    @property
    def sentence(self) -> str:
        return finding_sentence(self.arithmetic, self.result, self.reason)

    def moved(self, offset: int, claim_offset: int = 0) -> Finding:
        """The same finding with offsets `offset` further on and claim indexes
        `claim_offset` further on (a block of a larger document)."""
        if not offset and not claim_offset:
            return self
        return replace(
            self,
            claims=tuple(index + claim_offset for index in self.claims),
            quantities=tuple(replace(q, start=q.start + offset, end=q.end + offset) for q in self.quantities),
        )


def finding_sentence(arithmetic: str, result: str, reason: str) -> str:
    """A finding in one line, as every face shows it: the arithmetic, the result and its reason."""
    return f"{arithmetic}: {result}" + (f" ({reason})" if reason else "")


def involved(q, role: str) -> Involved:
    """A quantity of the extractor (QuantityMatch) as a finding names it."""
    return Involved(q.text, q.start, q.end, role)


def raised_worth(worth: float) -> float:
    """A claim's check-worthiness once an inconsistency was found in it."""
    return round(min(1.0, worth + INCONSISTENCY_RAISE), 3)


@dataclass(frozen=True, slots=True)
class FindingFacts:
    """What every face reads of a stored finding: its kind, result, working and reason, and
    where in the article it stands."""

    kind: str
    result: str
    arithmetic: str
    reason: str
    start: int
    end: int

    @property
    def sentence(self) -> str:
        return finding_sentence(self.arithmetic, self.result, self.reason)


@dataclass(frozen=True, slots=True)
class FindingRecord(FindingFacts):
    """A finding as it is stored: the columns of the finding table, and the claims it is
    about as (claim index, what it added to that claim's check-worthiness)."""

    quantities: str  # JSON
    figures: str  # JSON
    claims: tuple[tuple[int, float], ...]

    def columns(self) -> tuple:
        """The values of FINDING_COLUMNS, in that order."""
        return tuple(getattr(self, name) for name in FINDING_COLUMNS)


FINDING_FACTS = tuple(f.name for f in fields(FindingFacts))
FINDING_COLUMNS = tuple(f.name for f in fields(FindingRecord) if f.name != "claims")


def records(findings: list[Finding], raised: dict[int, float], offset: int = 0) -> list[FindingRecord]:
    """The findings ready to store, offsets `offset` further on; each claim's rise is
    carried by the first inconsistent finding about it (so it can be taken back once)."""
    pending = dict(raised)
    stored = []
    for finding in findings:
        finding = finding.moved(offset)
        claims = tuple(
            (index, pending.pop(index, 0.0) if finding.result == INCONSISTENT else 0.0) for index in finding.claims
        )
        quantities = [{"text": q.text, "start": q.start, "end": q.end, "role": q.role} for q in finding.quantities]
        stored.append(FindingRecord(
            kind=finding.kind, result=finding.result, arithmetic=finding.arithmetic, reason=finding.reason,
            start=finding.start, end=finding.end, quantities=json.dumps(quantities, ensure_ascii=False),
            figures=json.dumps(finding.figures, ensure_ascii=False, sort_keys=True), claims=claims,
        ))
    return stored
