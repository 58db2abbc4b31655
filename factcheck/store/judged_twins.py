"""Claims judged in another article: the same claim (one `group_id`, see
services.grouping) that another article's reviewer already judged. As SQL for the queue's
filter (`previously checked`), and as ids for a page of claims. The verdicts themselves,
and reusing one, are services.earlier_verdicts."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import aliased
from sqlalchemy.sql.expression import ColumnElement
from sqlmodel import Session, and_, col, select

from factcheck.store.models import JUDGED_STATUSES, OPEN_STATUSES, Claim


def previously_checked(claim=Claim) -> ColumnElement:
    """SQL: `claim` (the Claim table or an alias) is not judged yet and the same claim in
    another article is."""
    other = aliased(Claim, name="judged_twin")
    twin = select(other.id).where(
        other.group_id == claim.group_id,
        other.document_id != claim.document_id,
        col(other.status).in_(JUDGED_STATUSES),
    )
    return and_(claim.group_id.is_not(None), claim.status.in_(OPEN_STATUSES), twin.correlate(claim).exists())


def checked_before_ids(session: Session, claims: Iterable[Claim]) -> set[int]:
    """Of these claims, those checked before (one query for a page of the queue)."""
    waiting = [c for c in claims if c.group_id is not None and c.status in OPEN_STATUSES]
    if not waiting:
        return set()
    groups = {c.group_id for c in waiting}
    judged: dict[int, set[int]] = {}
    rows = session.exec(
        select(Claim.group_id, Claim.document_id)
        .where(col(Claim.group_id).in_(groups), col(Claim.status).in_(JUDGED_STATUSES))
    )
    for group_id, document_id in rows:
        judged.setdefault(group_id, set()).add(document_id)
    return {c.id for c in waiting if judged.get(c.group_id, set()) - {c.document_id}}
