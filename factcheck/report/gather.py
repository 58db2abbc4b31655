"""The records every report format is built from: the JSON contract of DESIGN.md.

Claims are read in batches in document order, so memory stays flat for any size.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.core.models import Claim, Document, Link, Passage, Quantity, ReviewEvent
from factcheck.core.queries import DOCUMENT_ORDER, ClaimFilter

BATCH = 2000


@dataclass(frozen=True)
class ReportOptions:
    status: str | None = None
    kind: str | None = None
    document: str | None = None
    since: str | None = None  # ISO date: claims reviewed on or after


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def quantity_record(q: Quantity) -> dict:
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


def iter_claim_records(engine: Engine, options: ReportOptions = ReportOptions()) -> Iterator[dict]:
    where = ClaimFilter(status=options.status, kind=options.kind, document=options.document)
    offset = 0
    with Session(engine) as session:
        while True:
            query = where.apply(select(Claim, Document.path, Document.url).join(Document)).order_by(*DOCUMENT_ORDER)
            rows = list(session.exec(query.offset(offset).limit(BATCH)))
            if not rows:
                return
            offset += len(rows)
            ids = [claim.id for claim, _, _ in rows]
            quantities = _group(session.exec(select(Quantity).where(col(Quantity.claim_id).in_(ids)).order_by(col(Quantity.start))), "claim_id")
            links = _links(session, ids)
            events = _group(session.exec(select(ReviewEvent).where(col(ReviewEvent.claim_id).in_(ids)).order_by(col(ReviewEvent.id))), "claim_id")
            for claim, path, url in rows:
                history = [_event_record(e) for e in events.get(claim.id, [])]
                if options.since and not any((h["at"] or "") >= options.since for h in history):
                    continue
                yield {
                    "id": claim.id,
                    "document": path,
                    "document_url": url,
                    "text": claim.text,
                    "start": claim.start,
                    "end": claim.end,
                    "label": claim.label,
                    "checkworthiness": claim.checkworthiness,
                    "status": claim.status,
                    "version": claim.version,
                    "quantities": [quantity_record(q) for q in quantities.get(claim.id, [])],
                    "links": links.get(claim.id, []),
                    "history": history,
                }


def _group(rows, key: str) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(getattr(row, key), []).append(row)
    return grouped


def _event_record(event: ReviewEvent) -> dict:
    return {
        "at": iso(event.at),
        "reviewer": event.reviewer,
        "field": event.field,
        "from": event.old,
        "to": event.new,
        "note": event.note,
    }


def _links(session: Session, claim_ids: list[int]) -> dict[int, list[dict]]:
    rows = session.exec(
        select(Link, Passage.text, Document.path, Document.url, Document.title, Document.published)
        .join(Passage, col(Link.passage_id) == col(Passage.id))
        .join(Document, col(Passage.document_id) == col(Document.id))
        .where(col(Link.claim_id).in_(claim_ids))
        .order_by(col(Link.claim_id), col(Link.score).desc(), col(Link.id))
    )
    result: dict[int, list[dict]] = {}
    for link, passage_text, path, url, title, published in rows:
        result.setdefault(link.claim_id, []).append(
            {
                "id": link.id,
                "source": path,
                "source_title": title,
                "source_url": url,
                "source_published": published,
                "passage": passage_text,
                "score": link.score,
                "relation": link.relation,
                "state": link.state,
                "reasons": json.loads(link.reasons or "[]"),
                "orphaned": link.orphaned,
            }
        )
    return result
