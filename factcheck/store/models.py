"""Every table of factcheck, in one module (SQLModel's own advice).

Offsets (`start`, `end`) are code-point offsets into `Document.text`, the text as stored
after decoding and normalisation, so they stay valid for every export.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from factcheck.store import statuses

STATUSES = statuses.keys()  # each defined in store/statuses.py
OPEN_STATUSES = statuses.open_keys()  # not yet judged
JUDGED_STATUSES = statuses.judged_keys()
ROLES = ("article", "source")
RELATIONS = ("supports", "contradicts", "mentions")
LINK_STATES = ("suggested", "confirmed", "rejected")
QUANTITY_KINDS = ("money", "duration", "percent", "count", "date", "ratio", "measure")
UNDO_NOTE = "undo of #"  # an undo event's note names the event it reverts


def utc_now() -> datetime:
    """Every timestamp is stored in UTC (SQLite keeps no zone; values come back in UTC)."""
    return datetime.now(UTC)


class Document(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    path: str = Field(index=True)
    title: str = ""
    role: str = Field(default="article", index=True)
    language: str = "und"
    sha256: str = Field(unique=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    url: str | None = None
    published: str | None = None  # ISO 8601 date, possibly partial
    added_at: datetime = Field(default_factory=utc_now)
    author: str | None = None  # as the page names it
    site_name: str | None = None


class Archive(SQLModel, table=True):
    """A web page as it was fetched: the bytes after transfer decoding, where from, when.
    A document may have several (a source fetched again after it changed); the newest is
    the one its text was read from."""

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    requested_url: str = Field(index=True)  # as given
    final_url: str = Field(index=True)  # after redirects
    content_type: str = ""
    http_date: str | None = None  # the server's Date header, as sent
    fetched_at: datetime = Field(default_factory=utc_now)
    sha256: str = ""
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Passage(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    # kept only for an orphaned link after its document was re-ingested with edits
    retired: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class Claim(SQLModel, table=True):
    __table_args__ = (
        Index("ix_claim_queue", "checkworthiness", "document_id", "start"),
        Index("ix_claim_document_start", "document_id", "start"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE")
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    label: str = ""
    checkworthiness: float = 0.0
    status: str = Field(default="unreviewed", index=True)
    version: int = 1
    created_by: str = "extractor"
    group_id: int | None = Field(default=None, index=True)  # same claim in several articles
    assignee: str | None = Field(default=None, index=True)  # the reviewer who is to check it
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class Quantity(SQLModel, table=True):
    __table_args__ = (Index("ix_quantity_kind_value", "kind", "unit", "value"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int | None = Field(default=None, foreign_key="claim.id", index=True, ondelete="CASCADE")
    passage_id: int | None = Field(
        default=None, foreign_key="passage.id", index=True, ondelete="CASCADE"
    )
    start: int
    end: int
    text: str
    kind: str
    value: float | None = None  # numeric value in canonical units; None for dates
    high: float | None = None  # upper bound of a range
    iso: str | None = None  # dates: ISO 8601, partial allowed
    unit: str = ""
    display: str = ""
    qualifier: str | None = None


class Link(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("claim_id", "passage_id", name="uq_link_claim_passage"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    passage_id: int = Field(foreign_key="passage.id", index=True, ondelete="CASCADE")
    score: float = 0.0
    relation: str = "mentions"
    state: str = "suggested"
    reasons: str = "[]"  # JSON list of short strings, shown to the reviewer
    confidence: float | None = None  # how sure the relation is (0-1); None before it was measured
    exact: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    prefix: str = ""
    suffix: str = ""
    orphaned: bool = False
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ReviewEvent(SQLModel, table=True):
    """Append-only audit log: never updated, never deleted by the program."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    at: datetime = Field(default_factory=utc_now)
    reviewer: str = ""
    field: str = "status"  # status | note | link | claim | assignee
    old: str | None = None
    new: str | None = None
    note: str | None = None


class Finding(SQLModel, table=True):
    """A consistency check's result on a statement of an article (see text.checks): its
    kind, consistent / inconsistent / unchecked, the arithmetic and the reason. Rewritten
    whenever the article's findings are computed again."""

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    kind: str
    result: str = Field(index=True)
    arithmetic: str = Field(sa_column=Column(Text, nullable=False))
    reason: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    start: int  # the span of the quantities involved, offsets into the document's text
    end: int
    quantities: str = "[]"  # JSON list of {text, start, end, role}
    figures: str = "{}"  # JSON object of the named numbers behind the arithmetic
    created_at: datetime = Field(default_factory=utc_now)


class FindingClaim(SQLModel, table=True):
    """Which claims a finding is about (a change may be stated in one sentence and its
    earlier value in another)."""

    finding_id: int = Field(foreign_key="finding.id", primary_key=True, ondelete="CASCADE")
    claim_id: int = Field(foreign_key="claim.id", primary_key=True, index=True, ondelete="CASCADE")
    # what this finding added to the claim's check-worthiness, taken back when recomputed
    raised: float = 0.0


class Alias(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("name", "variant", name="uq_alias_name_variant"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)  # the canonical form, e.g. "Sam Altman"
    variant: str = Field(index=True)  # e.g. "奥尔特曼"
    origin: str = "harvested"  # harvested | reviewer


# Vectors of the sentence encoder: derived data, recomputed whenever the text or the model
# changes, so backups in the portable format leave them out (info "derived").
class PassageVector(SQLModel, table=True):
    __tablename__ = "passage_vector"
    __table_args__ = {"info": {"derived": True}}

    passage_id: int = Field(primary_key=True, foreign_key="passage.id", ondelete="CASCADE")
    model: str  # the encoder's name and version (encoder.Encoder.name)
    text_hash: str  # of the text as encoded (encoder.text_hash)
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # float16, little-endian


class ClaimVector(SQLModel, table=True):
    __tablename__ = "claim_vector"
    __table_args__ = {"info": {"derived": True}}

    claim_id: int = Field(primary_key=True, foreign_key="claim.id", ondelete="CASCADE")
    model: str
    text_hash: str
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
