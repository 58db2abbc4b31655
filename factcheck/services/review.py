"""Recording verdicts, notes, link decisions and added claims: each one transaction with its
audit events. Undo walks back through one reviewer's own changes, newest first."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.errors import ConflictError, UserError
from factcheck.store.db import retry_when_locked, session_scope
from factcheck.store.filters import check_status
from factcheck.store.models import (
    LINK_STATES,
    RELATIONS,
    UNDO_NOTE,
    Claim,
    Document,
    Link,
    Passage,
    Quantity,
    ReviewEvent,
    utc_now,
)
from factcheck.text.extract.anchoring import quote
from factcheck.text.extract.claims import make_label, score
from factcheck.text.extract.quantities import extract_quantities

UNDOABLE = ("status", "link", "claim", "assignee")
BATCHED = ("status", "assignee")  # changes made to several claims at once, undone together


def default_reviewer() -> str:
    """The name verdicts are recorded under: the reviewer.name setting (or
    $FACTCHECK_REVIEWER), else the login."""
    from factcheck.services.settings import load_settings

    named = load_settings().get("reviewer.name")
    return str(named) if named else login_name()


def login_name() -> str:
    try:
        return os.environ.get("USER") or getpass.getuser()
    except Exception:
        return "reviewer"


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
    (claim,) = record_verdicts(engine, {claim_id: expected_version}, status, note=note, reviewer=reviewer)
    return claim


def record_verdicts(
    engine: Engine,
    versions: Mapping[int, int | None],
    status: str,
    *,
    note: str | None = None,
    reviewer: str | None = None,
) -> list[Claim]:
    """One verdict for several claims (claim id → the version the reviewer saw, or None), in
    one transaction: if any claim changed meanwhile, none is written. Undo reverts them
    together."""
    check_status(status)
    return change_claims(engine, versions, "status", status, note=note, reviewer=reviewer)


def change_claims(
    engine: Engine,
    versions: Mapping[int, int | None],
    field: str,
    value: str | None,
    *,
    note: str | None = None,
    reviewer: str | None = None,
    skip_unchanged: bool = False,
) -> list[Claim]:
    """One field of the claim (status, assignee) set on several claims in one transaction,
    each with its audit event at one time, so undo reverts them together. `skip_unchanged`
    leaves a claim that already has the value as it is (no new version, no event)."""
    if not versions:
        raise UserError("no claims chosen")
    who, at = reviewer or default_reviewer(), utc_now()

    def write() -> None:
        with session_scope(engine) as session:
            for claim_id, expected in versions.items():
                claim = _claim(session, claim_id)
                old = getattr(claim, field)
                if skip_unchanged and old == value:
                    continue
                _bump(session, claim, expected, **{field: value})
                session.add(
                    ReviewEvent(claim_id=claim_id, at=at, reviewer=who, field=field, old=old, new=value, note=note or None)
                )

    retry_when_locked(write)  # the whole unit again if SQLite stayed locked past its timeout
    return fresh_claims(engine, list(versions))


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
            ReviewEvent(claim_id=claim_id, reviewer=reviewer or default_reviewer(), field="note", note=note.strip())
        )
    return fresh_claim(engine, claim_id)


def set_link_state(
    engine: Engine,
    link_id: int,
    state: str,
    *,
    reviewer: str | None = None,
    expected_version: int | None = None,
) -> Link:
    """Confirm or reject a suggested link; the claim's version moves, so a reviewer looking
    at stale evidence is refused like a stale verdict."""
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
        _bump(session, claim, expected_version)
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


NO_LINK = "none"  # a link event's old state when the reviewer made the link


def link_evidence(
    engine: Engine,
    claim_id: int,
    passage_id: int,
    relation: str,
    *,
    note: str | None = None,
    reviewer: str | None = None,
    expected_version: int | None = None,
) -> Link:
    """A reviewer links a passage to a claim with a relation, or gives an existing link
    this relation: the link is confirmed, so no link run changes it. One transaction with
    its audit event; undo removes a new link or restores the old state and relation."""
    if relation not in RELATIONS:
        raise UserError(f"unknown relation {relation!r}: choose one of {', '.join(RELATIONS)}")
    who = reviewer or default_reviewer()
    with session_scope(engine) as session:
        claim = _claim(session, claim_id)
        passage = session.get(Passage, passage_id)
        if passage is None or passage.retired:
            raise UserError(f"no passage with id {passage_id}")
        link = session.exec(select(Link).where(Link.claim_id == claim_id, Link.passage_id == passage_id)).first()
        if link is None:
            text = session.exec(select(Document.text).where(Document.id == passage.document_id)).one()
            selector = quote(text, passage.start, passage.end)
            link = Link(
                claim_id=claim_id, passage_id=passage_id, score=1.0, relation=relation, state="confirmed",
                confidence=1.0, reasons=json.dumps([f"linked by {who}"], ensure_ascii=False),
                exact=selector.exact, prefix=selector.prefix, suffix=selector.suffix,
            )
            session.add(link)
            session.flush()
            old = f"{link.id}:{NO_LINK}"
        else:
            old = f"{link.id}:{link.state}/{link.relation}"
            link.state, link.relation, link.updated_at = "confirmed", relation, utc_now()
            session.add(link)
        _bump(session, claim, expected_version)
        session.add(ReviewEvent(
            claim_id=claim_id, reviewer=who, field="link", old=old, new=f"{link.id}:confirmed/{relation}",
            note=note.strip() if note and note.strip() else None,
        ))
        session.flush()
        session.refresh(link)
        return link


def _link_change(text: str | None) -> tuple[str, str, str | None]:
    """A link event's side: '12:confirmed/supports' -> ('12', 'confirmed', 'supports');
    a state alone ('12:suggested') leaves the relation as it was."""
    link_id, _, rest = (text or "").partition(":")
    state, _, relation = rest.partition("/")
    return link_id, state, relation or None


def add_claim(engine: Engine, document_id: int, start: int, end: int, *, reviewer: str | None = None) -> Claim:
    """A claim the extractor missed, from a span of an article chosen by a reviewer."""
    with session_scope(engine) as session:
        document = session.get(Document, document_id)
        if document is None or document.role != "article":
            raise UserError(f"no article with id {document_id}")
        if not 0 <= start < end <= len(document.text):
            raise UserError(f"span {start}–{end} is outside the article")
        if session.exec(select(Claim.id).where(Claim.document_id == document_id, Claim.start == start, Claim.end == end)).first():
            raise UserError("this sentence is already a claim")
        text = document.text[start:end]
        found = [q.shifted(start) for q in extract_quantities(text, document.published)]
        who = reviewer or default_reviewer()
        claim = Claim(
            document_id=document_id, start=start, end=end, text=text, label=make_label(text, found, start),
            checkworthiness=score(text, found, False), created_by=who,
        )
        session.add(claim)
        session.flush()
        session.add_all(
            Quantity(claim_id=claim.id, start=q.start, end=q.end, text=q.text, kind=q.kind, value=q.value,
                     high=q.high, iso=q.iso, unit=q.unit, display=q.display, qualifier=q.qualifier)
            for q in found
        )
        session.add(ReviewEvent(claim_id=claim.id, reviewer=who, field="claim", new="added"))
        session.flush()
        claim_id = claim.id
    return fresh_claim(engine, claim_id)


@dataclass
class Undone:
    claim_ids: list[int]
    summary: str  # what was reverted, for the reviewer


def undo(engine: Engine, *, reviewer: str | None = None, claim_id: int | None = None) -> Undone:
    """Revert the reviewer's newest change not yet undone (a bulk verdict as a whole),
    optionally only among changes to one claim. Each press walks further back. The log stays
    append-only: the reversal is recorded as a new event naming the one it reverts. A change
    someone else has since overwritten is not reverted (ConflictError)."""
    who = reviewer or default_reviewer()
    with session_scope(engine) as session:
        batch = _last_batch(session, who, claim_id)
        if not batch:
            where = f" on claim {claim_id}" if claim_id is not None else ""
            raise UserError(f"nothing of {who}'s to undo{where}")
        at = utc_now()
        for event in batch:
            _revert(session, event, who, at)
    return Undone(sorted({e.claim_id for e in batch}), _describe(batch))


def undo_last(engine: Engine, claim_id: int, *, reviewer: str | None = None) -> Claim:
    """Undo the reviewer's newest change to one claim."""
    undo(engine, reviewer=reviewer, claim_id=claim_id)
    return fresh_claim(engine, claim_id)


def _last_batch(session: Session, who: str, claim_id: int | None) -> list[ReviewEvent]:
    undone = {
        int(note[len(UNDO_NOTE):])
        for note in session.exec(
            select(ReviewEvent.note).where(ReviewEvent.reviewer == who, col(ReviewEvent.note).startswith(UNDO_NOTE))
        )
        if note[len(UNDO_NOTE):].isdigit()
    }
    query = (
        select(ReviewEvent)
        .where(ReviewEvent.reviewer == who, col(ReviewEvent.field).in_(UNDOABLE))
        .where(col(ReviewEvent.note).is_(None) | ~col(ReviewEvent.note).startswith(UNDO_NOTE))
        .order_by(col(ReviewEvent.id).desc())
    )
    if claim_id is not None:
        query = query.where(ReviewEvent.claim_id == claim_id)
    batch: list[ReviewEvent] = []
    at: datetime | None = None
    for event in session.exec(query):
        if event.id in undone:
            continue
        if at is not None and (event.at != at or event.field != batch[0].field):
            break
        at = event.at
        batch.append(event)
        if claim_id is not None or event.field not in BATCHED:
            break  # only bulk verdicts and assignments share a transaction worth undoing together
    return batch


def _revert(session: Session, event: ReviewEvent, who: str, at: datetime) -> None:
    claim = _claim(session, event.claim_id)
    note = f"{UNDO_NOTE}{event.id}"
    if event.field == "status":
        if claim.status != event.new:
            raise ConflictError(f"claim {claim.id} is now {claim.status}, changed after your {event.new}: not undone")
        _bump(session, claim, None, status=event.old)
        session.add(ReviewEvent(claim_id=claim.id, at=at, reviewer=who, field="status", old=event.new, new=event.old, note=note))
    elif event.field == "assignee":
        if claim.assignee != event.new:
            now = claim.assignee or "nobody"
            raise ConflictError(f"claim {claim.id} is now assigned to {now}, changed after you: not undone")
        _bump(session, claim, None, assignee=event.old)
        session.add(ReviewEvent(claim_id=claim.id, at=at, reviewer=who, field="assignee", old=event.new, new=event.old, note=note))
    elif event.field == "link":
        _revert_link(session, claim, event, who, at, note)
    else:
        others = session.exec(
            select(ReviewEvent.id).where(ReviewEvent.claim_id == claim.id, ReviewEvent.reviewer != who)
        ).first()
        if others is not None:
            raise ConflictError(f"claim {claim.id} has been reviewed by someone else since you added it: not removed")
        session.execute(delete(Claim).where(col(Claim.id) == claim.id))


def _revert_link(session: Session, claim: Claim, event: ReviewEvent, who: str, at: datetime, note: str) -> None:
    link_id, old_state, old_relation = _link_change(event.old)
    _, new_state, new_relation = _link_change(event.new)
    link = session.get(Link, int(link_id))
    if link is None:
        raise UserError(f"link {link_id} no longer exists: not undone")
    if link.state != new_state or new_relation is not None and link.relation != new_relation:
        raise ConflictError(f"link {link_id} is now {link.state}, changed after you: not undone")
    if old_state == NO_LINK:
        session.delete(link)
    else:
        link.state, link.updated_at = old_state, utc_now()
        link.relation = old_relation or link.relation
        session.add(link)
    _bump(session, claim, None)
    session.add(ReviewEvent(claim_id=claim.id, at=at, reviewer=who, field="link", old=event.new, new=event.old, note=note))


def _describe(batch: list[ReviewEvent]) -> str:
    first = batch[0]
    if first.field == "claim":
        return f"removed added claim {first.claim_id}"
    if first.field == "link":
        link_id, state, relation = _link_change(first.old)
        if state == NO_LINK:
            return f"removed link {link_id} from claim {first.claim_id}"
        return f"link {link_id} back to {state}{'/' + relation if relation else ''} on claim {first.claim_id}"
    if first.field == "assignee":
        whom = f"assigned to {first.old}" if first.old else "unassigned"
        return f"claim {first.claim_id} {whom} again" if len(batch) == 1 else f"{len(batch)} claims back to their previous assignee"
    if len(batch) == 1:
        return f"claim {first.claim_id} back to {first.old}"
    return f"{len(batch)} claims back to their previous status"


def fresh_claim(engine: Engine, claim_id: int) -> Claim:
    with Session(engine) as session:
        return _claim(session, claim_id)


def fresh_claims(engine: Engine, claim_ids: list[int]) -> list[Claim]:
    with Session(engine) as session:
        found = {c.id: c for c in session.exec(select(Claim).where(col(Claim.id).in_(claim_ids)))}
    return [found[claim_id] for claim_id in claim_ids if claim_id in found]


def history(session: Session, claim_id: int) -> list[ReviewEvent]:
    return list(
        session.exec(
            select(ReviewEvent).where(ReviewEvent.claim_id == claim_id).order_by(col(ReviewEvent.id))
        )
    )
