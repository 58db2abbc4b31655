"""Every table of factcheck, in one module (SQLModel's own advice).

Offsets (`start`, `end`) are code-point offsets into `Document.text`, the text as stored
after decoding and normalisation, so they stay valid for every export.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

STATUSES = (
    "unreviewed",
    "in_progress",
    "supported",
    "refuted",
    "misleading",
    "unverifiable",
    "not_a_claim",
)
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
    field: str = "status"  # status | note | link | claim
    old: str | None = None
    new: str | None = None
    note: str | None = None


class Alias(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("name", "variant", name="uq_alias_name_variant"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)  # the canonical form, e.g. "Sam Altman"
    variant: str = Field(index=True)  # e.g. "奥尔特曼"
    origin: str = "harvested"  # harvested | reviewer
