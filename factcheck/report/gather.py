"""The records every report format is built from: the JSON contract of DESIGN.md.

Claims are read in document order, a batch at a time with keyset paging on
(document_id, start, id), so memory stays flat and each batch costs the same at any depth.
Columns are selected rather than whole ORM objects: at 100,000 claims that is most of the time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import func, tuple_
from sqlalchemy.engine import Engine
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select

from factcheck.core.errors import UserError
from factcheck.core.models import STATUSES, Claim, Document, Link, Passage, Quantity, ReviewEvent
from factcheck.core.queries import DOCUMENT_ORDER, ClaimFilter

BATCH = 2000


@dataclass(frozen=True)
class ReportOptions:
    status: str | None = None
    kind: str | None = None
    document: str | None = None
    since: str | None = None  # ISO date: claims with a review event on or after that day (UTC)


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def filtered(query: Select, options: ReportOptions) -> Select:
    """The options as WHERE clauses, so counts and records always agree."""
    where = ClaimFilter(status=options.status, kind=options.kind, document=options.document)
    query = where.apply(query)
    if options.since:
        start = datetime.combine(date.fromisoformat(options.since), time(), tzinfo=UTC)
        reviewed = select(ReviewEvent.claim_id).where(col(ReviewEvent.at) >= start)
        query = query.where(col(Claim.id).in_(reviewed))
    return query


def status_counts(engine: Engine, options: ReportOptions = ReportOptions()) -> dict[str, int]:
    """Claims per status under the options, in the order of STATUSES (zeros included)."""
    query = filtered(select(Claim.status, func.count()).select_from(Claim), options)
    with Session(engine) as session:
        found = dict(session.exec(query.group_by(Claim.status)).all())
    return {status: found.get(status, 0) for status in STATUSES}


def check_document(engine: Engine, document: str) -> None:
    """A --document that matches nothing is a typo, not an empty report."""
    query = select(Document.id).where(
        (Document.path == document) | col(Document.path).endswith("/" + document)
    )
    with Session(engine) as session:
        if session.exec(query.limit(1)).first() is None:
            raise UserError(f"no document matches {document!r}")


def quantity_record(q) -> dict:
    record = {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "value": q.iso if q.kind == "date" else q.value,
        "unit": q.unit,
        "display": q.display,
    }
    if q.qualifier:
        record["qualifier"] = q.qualifier
    if q.high is not None:
        record["high"] = q.high
    return record


_CLAIM_COLUMNS = (
    Claim.id, Claim.document_id, Claim.start, Claim.end, Claim.text, Claim.label,
    Claim.checkworthiness, Claim.status, Claim.version,
    Document.path, Document.url, Document.title, Document.published,
)


def iter_claim_records(
    engine: Engine, options: ReportOptions = ReportOptions(), *, context: int = 0
) -> Iterator[dict]:
    """Claim records in document order. With `context` > 0 each record also carries
    "context": the text around the claim in its document (up to that many characters
    each side, cut at a line break when there is one)."""
    base = filtered(select(*_CLAIM_COLUMNS).join(Document), options).order_by(*DOCUMENT_ORDER)
    texts: dict[int, str] = {}
    after = None
    with Session(engine) as session:
        while True:
            query = base
            if after is not None:
                query = query.where(tuple_(Claim.document_id, Claim.start, Claim.id) > tuple_(*after))
            rows = session.exec(query.limit(BATCH)).all()
            if not rows:
                return
            after = (rows[-1].document_id, rows[-1].start, rows[-1].id)
            ids = [row.id for row in rows]
            quantities = _quantities(session, ids)
            links = _links(session, ids)
            events = _events(session, ids)
            if context:
                texts = _document_texts(session, {row.document_id for row in rows}, texts)
            for row in rows:
                record = _claim_record(row, quantities, links, events)
                if context:
                    record["context"] = surrounding(texts[row.document_id], row.start, row.end, context)
                yield record


def _claim_record(row, quantities: dict, links: dict, events: dict) -> dict:
    return {
        "id": row.id,
        "document": row.path,
        "document_url": row.url,
        "document_title": row.title,
        "document_published": row.published,
        "text": row.text,
        "start": row.start,
        "end": row.end,
        "label": row.label,
        "checkworthiness": row.checkworthiness,
        "status": row.status,
        "version": row.version,
        "quantities": quantities.get(row.id, []),
        "links": links.get(row.id, []),
        "history": events.get(row.id, []),
    }


def surrounding(text: str, start: int, end: int, width: int) -> dict:
    """The text before and after a span, up to `width` characters each side, stopping at a
    line break; where it is clipped mid-line it ends on a whole word if the text has spaces."""
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    if "\n" in before:
        before = before[before.rfind("\n") + 1:]
    elif start - len(before) > 0 and text[start - len(before) - 1] != "\n" and " " in before[:-1]:
        before = before[before.index(" ", 0, len(before) - 1):]
    if "\n" in after:
        after = after[:after.find("\n")]
    elif end + len(after) < len(text) and text[end + len(after)] != "\n" and " " in after[1:]:
        after = after[:after.rindex(" ", 1) + 1]
    return {
        "before": before,
        "after": after,
        "clipped_before": start - len(before) > 0 and text[start - len(before) - 1] != "\n",
        "clipped_after": end + len(after) < len(text) and text[end + len(after)] != "\n",
    }


def _document_texts(session: Session, wanted: set[int], cached: dict[int, str]) -> dict[int, str]:
    """Texts of this batch's documents; one kept from the last batch is not read again."""
    texts = {key: value for key, value in cached.items() if key in wanted}
    missing = wanted - texts.keys()
    if missing:
        rows = session.exec(select(Document.id, Document.text).where(col(Document.id).in_(missing)))
        texts.update(dict(rows.all()))
    return texts


def _quantities(session: Session, claim_ids: list[int]) -> dict[int, list[dict]]:
    rows = session.exec(
        select(
            Quantity.claim_id, Quantity.text, Quantity.start, Quantity.end, Quantity.kind,
            Quantity.value, Quantity.iso, Quantity.unit, Quantity.display, Quantity.qualifier,
            Quantity.high,
        )
        .where(col(Quantity.claim_id).in_(claim_ids))
        .order_by(col(Quantity.claim_id), col(Quantity.start), col(Quantity.id))
    )
    grouped: dict[int, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row.claim_id, []).append(quantity_record(row))
    return grouped


def _events(session: Session, claim_ids: list[int]) -> dict[int, list[dict]]:
    rows = session.exec(
        select(
            ReviewEvent.claim_id, ReviewEvent.at, ReviewEvent.reviewer, ReviewEvent.field,
            ReviewEvent.old, ReviewEvent.new, ReviewEvent.note,
        )
        .where(col(ReviewEvent.claim_id).in_(claim_ids))
        .order_by(col(ReviewEvent.claim_id), col(ReviewEvent.id))
    )
    grouped: dict[int, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row.claim_id, []).append(
            {
                "at": iso(row.at),
                "reviewer": row.reviewer,
                "field": row.field,
                "from": row.old,
                "to": row.new,
                "note": row.note,
            }
        )
    return grouped


def _links(session: Session, claim_ids: list[int]) -> dict[int, list[dict]]:
    rows = session.exec(
        select(
            Link.id, Link.claim_id, Link.score, Link.relation, Link.state, Link.reasons,
            Link.orphaned, Passage.text, Document.path, Document.url, Document.title,
            Document.published,
        )
        .join(Passage, col(Link.passage_id) == col(Passage.id))
        .join(Document, col(Passage.document_id) == col(Document.id))
        .where(col(Link.claim_id).in_(claim_ids))
        .order_by(col(Link.claim_id), col(Link.score).desc(), col(Link.id))
    )
    grouped: dict[int, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row.claim_id, []).append(
            {
                "id": row.id,
                "source": row.path,
                "source_title": row.title,
                "source_url": row.url,
                "source_published": row.published,
                "passage": row.text,
                "score": row.score,
                "relation": row.relation,
                "state": row.state,
                "reasons": json.loads(row.reasons or "[]"),
                "orphaned": row.orphaned,
            }
        )
    return grouped

