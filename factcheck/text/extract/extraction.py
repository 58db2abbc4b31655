"""The shapes extraction hands to storage: plain dataclasses, no database, no UI."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(slots=True)
class QuantityMatch:
    """A quantity found in text; offsets are into the text given to the extractor."""

    start: int
    end: int
    text: str
    kind: str  # money | duration | percent | count | date | ratio | measure
    value: float | None = None  # canonical units (USD amount, seconds, percent, ...)
    unit: str = ""
    display: str = ""
    high: float | None = None  # upper bound of a range
    iso: str | None = None  # dates: ISO 8601, partial allowed ("2024-03", "--05-18")
    qualifier: str | None = None

    def shifted(self, offset: int) -> QuantityMatch:
        return QuantityMatch(
            self.start + offset, self.end + offset, self.text, self.kind, self.value,
            self.unit, self.display, self.high, self.iso, self.qualifier,
        )


# The fields in order: a query selecting these columns of the quantity table gives rows
# that QuantityMatch(*row) reads.
QUANTITY_FIELDS = tuple(f.name for f in fields(QuantityMatch))


@dataclass(slots=True)
class ClaimDraft:
    """A checkable sentence or clause; offsets are into the document text."""

    start: int
    end: int
    text: str
    label: str = ""
    checkworthiness: float = 0.0
    quantities: list[QuantityMatch] = field(default_factory=list)
    attributed: bool = False

    def shifted(self, offset: int) -> ClaimDraft:
        if not offset:
            return self
        return ClaimDraft(
            self.start + offset, self.end + offset, self.text, self.label, self.checkworthiness,
            [q.shifted(offset) for q in self.quantities], self.attributed,
        )


@dataclass(slots=True)
class ReadDocument:
    """A decoded document ready to store: the text is what every offset points into."""

    text: str
    title: str = ""
    url: str | None = None
    published: str | None = None  # ISO 8601 date
    language: str = "und"
    author: str | None = None
    site_name: str | None = None
    notes: list[str] = field(default_factory=list)  # what the reader should be told (one line each)
