"""Verdicts given before: a claim already checked in another article, and verdicts of
other reviewers that a bulk verdict would overwrite.

The same claim made in several articles shares a `group_id` (services.grouping: the same
figures and close meaning). A claim not yet judged whose group holds a claim of another
article that was judged is "checked before": the queue marks it, the detail names the
earlier verdict, and one key gives it the same verdict with a note pointing to the earlier
claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.errors import UserError
from factcheck.services.review import record_verdict
from factcheck.store.models import JUDGED_STATUSES, OPEN_STATUSES, Claim, Document, ReviewEvent

CHUNK = 500  # ids per IN list


@dataclass(frozen=True)
class EarlierVerdict:
    claim_id: int  # the claim judged before
    status: str
    reviewer: str | None  # who set that status (None if the log does not say)
    at: datetime | None
    document: str  # the title of its article, or its file name

    def describe(self) -> str:
        """"refuted by ann on 2026-12-02 in <article>" (stored text: show it through
        shown.visible)."""
        by = f" by {self.reviewer}" if self.reviewer else ""
        on = f" on {self.at.date().isoformat()}" if self.at else ""
        return f"{self.status.replace('_', ' ')}{by}{on} in {self.document}"

    def note(self) -> str:
        """The note a reused verdict carries: where the earlier one is."""
        return f"checked before as claim #{self.claim_id}: {self.describe()}"


def checked_before(session: Session, claim: Claim) -> EarlierVerdict | None:
    """The newest verdict on the same claim in another article, if this one awaits its own."""
    if claim.group_id is None or claim.status not in OPEN_STATUSES:
        return None
    twins = list(
        session.exec(
            select(Claim, Document)
            .join(Document, col(Claim.document_id) == col(Document.id))
            .where(Claim.group_id == claim.group_id, Claim.document_id != claim.document_id)
            .where(col(Claim.status).in_(JUDGED_STATUSES))
        )
    )
    if not twins:
        return None
    setters = _status_setters(session, [twin.id for twin, _ in twins])
    found = []
    for twin, document in twins:
        event = setters.get(twin.id)
        name = document.title or document.path.replace("\\", "/").rsplit("/", 1)[-1]
        reviewer, at = (event.reviewer, event.at) if event else (None, None)
        found.append(EarlierVerdict(twin.id, twin.status, reviewer, at, name))
    # the newest verdict speaks for the group; undated ones (no log) last
    return max(found, key=lambda v: (v.at is not None, v.at or datetime.min, v.claim_id))


def _status_setters(session: Session, claim_ids: list[int]) -> dict[int, ReviewEvent]:
    """Per claim, the log entry that set its current status (the newest status event)."""
    found: dict[int, ReviewEvent] = {}
    for first in range(0, len(claim_ids), CHUNK):
        chunk = claim_ids[first:first + CHUNK]
        events = session.exec(
            select(ReviewEvent)
            .where(col(ReviewEvent.claim_id).in_(chunk), ReviewEvent.field == "status")
            .order_by(col(ReviewEvent.id))
        )
        for event in events:
            found[event.claim_id] = event  # later ones replace earlier ones
    return found


def judged_by_others(session: Session, claim_ids: list[int], me: str) -> list[int]:
    """Those of the claims whose current status (anything but unreviewed) was set by someone
    other than `me`: what a bulk verdict would overwrite."""
    judged = []
    for first in range(0, len(claim_ids), CHUNK):
        chunk = claim_ids[first:first + CHUNK]
        judged += list(session.exec(select(Claim.id).where(col(Claim.id).in_(chunk), Claim.status != "unreviewed")))
    setters = _status_setters(session, judged)
    return sorted(claim_id for claim_id in judged if claim_id not in setters or setters[claim_id].reviewer != me)


def reuse_verdict(
    engine: Engine, claim_id: int, *, reviewer: str | None = None, expected_version: int | None = None
) -> Claim:
    """Give the claim the verdict of the same claim checked before, with a note naming it."""
    with Session(engine) as session:
        claim = session.get(Claim, claim_id)
        if claim is None:
            raise UserError(f"no claim with id {claim_id}")
        earlier = checked_before(session, claim)
    if earlier is None:
        raise UserError(f"claim {claim_id} has no earlier verdict to reuse")
    return record_verdict(engine, claim_id, earlier.status, note=earlier.note(), reviewer=reviewer,
                          expected_version=expected_version)
