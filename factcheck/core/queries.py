"""Reading claims for the queue, the CLI and reports: the database filters and sorts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select

from factcheck.core.models import Claim, Document, Link, Quantity


@dataclass(frozen=True)
class ClaimFilter:
    status: str | None = None
    kind: str | None = None  # quantity kind
    document: str | None = None  # document path, exact or a suffix
    text: str | None = None  # substring of the claim text or label

    def apply(self, query: Select) -> Select:
        if self.status:
            query = query.where(Claim.status == self.status)
        if self.kind:
            query = query.where(
                col(Claim.id).in_(select(Quantity.claim_id).where(Quantity.kind == self.kind))
            )
        if self.document:
            paths = select(Document.id).where(
                (Document.path == self.document) | col(Document.path).endswith("/" + self.document)
            )
            query = query.where(col(Claim.document_id).in_(paths))
        if self.text:
            pattern = f"%{self.text}%"
            query = query.where(col(Claim.text).like(pattern) | col(Claim.label).like(pattern))
        return query


QUEUE_ORDER = (col(Claim.checkworthiness).desc(), col(Claim.document_id), col(Claim.start), col(Claim.id))
DOCUMENT_ORDER = (col(Claim.document_id), col(Claim.start), col(Claim.id))


def list_claims(
    session: Session,
    where: ClaimFilter = ClaimFilter(),
    *,
    offset: int = 0,
    limit: int | None = None,
    order=QUEUE_ORDER,
) -> list[Claim]:
    query = where.apply(select(Claim)).order_by(*order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.exec(query))


def count_claims(session: Session, where: ClaimFilter = ClaimFilter()) -> int:
    query = where.apply(select(func.count()).select_from(Claim))
    return session.exec(query).one()


def status_counts(session: Session) -> dict[str, int]:
    rows = session.exec(select(Claim.status, func.count()).group_by(Claim.status))
    return {status: count for status, count in rows}


def quantities_of(session: Session, claim_ids: list[int]) -> dict[int, list[Quantity]]:
    result: dict[int, list[Quantity]] = {claim_id: [] for claim_id in claim_ids}
    if claim_ids:
        rows = session.exec(
            select(Quantity).where(col(Quantity.claim_id).in_(claim_ids)).order_by(col(Quantity.start))
        )
        for quantity in rows:
            result[quantity.claim_id].append(quantity)
    return result


def link_counts(session: Session, claim_ids: list[int]) -> dict[int, int]:
    if not claim_ids:
        return {}
    rows = session.exec(
        select(Link.claim_id, func.count())
        .where(col(Link.claim_id).in_(claim_ids), Link.state != "rejected")
        .group_by(Link.claim_id)
    )
    return {claim_id: count for claim_id, count in rows}


def document_count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Document)).one()
