"""Assigning claims to reviewers: who is to check what ("my queue").

An assignment is a change like a verdict: it moves the claim's version (a reviewer working
from a stale view is refused), it is written to the audit log with the old and new
assignee, and the assigner's undo reverts it. Several claims assigned at once are one
transaction and one undo.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.errors import UserError
from factcheck.services.review import change_claims
from factcheck.store.models import Claim, ReviewEvent
from factcheck.text.shown import visible

LONGEST_NAME = 80


def check_assignee(raw: str) -> str:
    """A reviewer's name as it will be stored: runs of spaces made one, never empty, never
    holding control characters (a name is shown on every reviewer's terminal)."""
    name = " ".join(raw.split())
    if not name:
        raise UserError("a reviewer's name cannot be empty")
    if visible(name) != name or visible(raw, keep=" \t") != raw:
        raise UserError(f"a reviewer's name must not hold control characters: '{visible(raw)}'")
    if len(name) > LONGEST_NAME:
        raise UserError(f"a reviewer's name is at most {LONGEST_NAME} characters")
    return name


def assign(
    engine: Engine,
    versions: Mapping[int, int | None],
    assignee: str | None,
    *,
    reviewer: str | None = None,
) -> list[Claim]:
    """Assign the claims (claim id → the version the reviewer saw, or None) to `assignee`,
    or unassign them with None, in one transaction: an unknown claim or one changed since
    it was seen stops them all. Claims already so assigned are left as they are."""
    name = None if assignee is None else check_assignee(assignee)
    return change_claims(engine, versions, "assignee", name, reviewer=reviewer, skip_unchanged=True)


def known_reviewers(session: Session, limit: int = 200) -> list[str]:
    """Names seen in the log and in assignments, for completing a name as it is typed."""
    names = set(session.exec(select(ReviewEvent.reviewer).distinct().limit(limit)))
    names |= set(session.exec(select(Claim.assignee).where(col(Claim.assignee).is_not(None)).distinct().limit(limit)))
    return sorted(name for name in names if name)
