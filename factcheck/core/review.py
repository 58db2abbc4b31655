"""Recording verdicts, notes and link decisions: each one transaction with its audit event."""

from __future__ import annotations

import getpass
import os

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.core.db import retry_when_locked, session_scope
from factcheck.core.errors import ConflictError, UserError
from factcheck.core.models import LINK_STATES, STATUSES, Claim, Link, ReviewEvent, utc_now


def default_reviewer() -> str:
    try:
        return os.environ.get("USER") or getpass.getuser()
    except Exception:
        return "reviewer"


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise UserError(f"unknown status {status!r}: choose one of {', '.join(STATUSES)}")
    return status


def _claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise UserError(f"no claim with id {claim_id}")
    return claim


def _bump(session: Session, claim: Claim, expected_version: int | None, **values) -> None:
    """Optimistic lock: the write happens only if nobody changed the claim meanwhile."""
    version = claim.version if expected_version is None else expected_version
    result = session.execute(
        update(Claim)
        .where(col(Claim.id) == claim.id, col(Claim.version) == version)
        .values(version=version + 1, updated_at=utc_now(), **values)
    )
    if result.rowcount != 1:
        raise ConflictError(
            f"claim {claim.id} was changed by someone else since you loaded it; "
            "reload it and try again"
        )


def record_verdict(
    engine: Engine,
    claim_id: int,
    status: str,
    *,
    note: str | None = None,
    reviewer: str | None = None,
    expected_version: int | None = None,
) -> Claim:
    check_status(status)

    def write() -> None:
        with session_scope(engine) as session:
            claim = _claim(session, claim_id)
            old = claim.status
            _bump(session, claim, expected_version, status=status)
            session.add(
                ReviewEvent(
                    claim_id=claim_id,
                    reviewer=reviewer or default_reviewer(),
                    field="status",
                    old=old,
                    new=status,
                    note=note or None,
                )
            )

    retry_when_locked(write)
    return fresh_claim(engine, claim_id)


def add_note(
    engine: Engine,
    claim_id: int,
    note: str,
    *,
    reviewer: str | None = None,
    expected_version: int | None = None,
) -> Claim:
    if not note.strip():
        raise UserError("a note cannot be empty")
    with session_scope(engine) as session:
        claim = _claim(session, claim_id)
        _bump(session, claim, expected_version)
        session.add(
            ReviewEvent(
                claim_id=claim_id, reviewer=reviewer or default_reviewer(), field="note", note=note
            )
        )
    return fresh_claim(engine, claim_id)


def set_link_state(engine: Engine, link_id: int, state: str, *, reviewer: str | None = None) -> Link:
    if state not in LINK_STATES:
        raise UserError(f"unknown link state {state!r}: choose one of {', '.join(LINK_STATES)}")
    with session_scope(engine) as session:
        link = session.get(Link, link_id)
        if link is None:
            raise UserError(f"no link with id {link_id}")
        claim = _claim(session, link.claim_id)
        old = link.state
        link.state = state
        link.updated_at = utc_now()
        _bump(session, claim, None)
        session.add(
            ReviewEvent(
                claim_id=claim.id,
                reviewer=reviewer or default_reviewer(),
                field="link",
                old=f"{link_id}:{old}",
                new=f"{link_id}:{state}",
            )
        )
        session.flush()
        session.refresh(link)
        return link


def undo_last(engine: Engine, claim_id: int, *, reviewer: str | None = None) -> Claim:
    """Revert the claim's last status or link change by recording its inverse (the log stays
    append-only, so the undo itself is in the history)."""
    with session_scope(engine) as session:
        claim = _claim(session, claim_id)
        last = session.exec(
            select(ReviewEvent)
            .where(ReviewEvent.claim_id == claim_id, col(ReviewEvent.field).in_(("status", "link")))
            .order_by(col(ReviewEvent.id).desc())
        ).first()
        if last is None:
            raise UserError(f"claim {claim_id} has nothing to undo")
        who = reviewer or default_reviewer()
        if last.field == "status":
            _bump(session, claim, None, status=last.old)
            session.add(
                ReviewEvent(claim_id=claim_id, reviewer=who, field="status", old=last.new, new=last.old, note="undo")
            )
        else:
            link_id, _, old_state = (last.old or "").partition(":")
            link = session.get(Link, int(link_id))
            if link is not None:
                link.state = old_state
                link.updated_at = utc_now()
            _bump(session, claim, None)
            session.add(
                ReviewEvent(claim_id=claim_id, reviewer=who, field="link", old=last.new, new=last.old, note="undo")
            )
    return fresh_claim(engine, claim_id)


def fresh_claim(engine: Engine, claim_id: int) -> Claim:
    with Session(engine) as session:
        return _claim(session, claim_id)


def history(session: Session, claim_id: int) -> list[ReviewEvent]:
    return list(
        session.exec(
            select(ReviewEvent).where(ReviewEvent.claim_id == claim_id).order_by(col(ReviewEvent.id))
        )
    )
