"""The records every report format is built from: the JSON shape of `export --format json`.

Claims are read in document order, a batch at a time with keyset paging on
(document_id, start, id), so memory stays flat and each batch costs the same at any depth.
Columns are selected rather than whole ORM objects: at 100,000 claims that is most of the time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy import Integer, bindparam, func, tuple_
from sqlalchemy.engine import Engine
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select

from factcheck.store.filters import ClaimFilter
from factcheck.store.models import (
    STATUSES,
    Archive,
    Claim,
    Document,
    Finding,
    FindingClaim,
    Link,
    Passage,
    Quantity,
    ReviewEvent,
)
from factcheck.store.queries import DOCUMENT_ORDER
from factcheck.store.queries import status_counts as count_by_status

BATCH = 2000


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def filtered(query: Select, where: ClaimFilter) -> Select:
    """The filter as WHERE clauses tested claim by claim (EXISTS, not IN (SELECT ...)): every
    batch query walks a stretch of the claims in order, and SQLite would build an IN list
    over all the quantities again for each one (a 100,000-claim `--kind` export took 36 s)."""
    return query.where(*where.conditions(Claim, walking=True))


def status_counts(engine: Engine, where: ClaimFilter | None = None) -> dict[str, int]:
    """Claims per status under the filter, in the order of STATUSES (zeros included), so
    counts and records always agree."""
    with Session(engine) as session:
        found = count_by_status(session, where or ClaimFilter())
    return {status: found.get(status, 0) for status in STATUSES}


_CLAIM_COLUMNS = (  # the first four are read by position: id, document_id, start, end
    Claim.id, Claim.document_id, Claim.start, Claim.end, Claim.text, Claim.label,
    Claim.checkworthiness, Claim.status, Claim.version, Claim.assignee,
)
# when the document's page was fetched (its newest archived copy), for "as fetched on"
_FETCHED = (
    select(func.max(Archive.fetched_at)).where(col(Archive.document_id) == col(Document.id))
    .correlate(Document).scalar_subquery()
)
_DOCUMENT_COLUMNS = (Document.path, Document.url, Document.title, Document.published, _FETCHED)
CHUNK = 500  # ids per IN list, well inside every database's parameter limit

Key = tuple[int, int, int]  # (document_id, start, id): a claim's place in document order
Span = tuple[Key | None, Key | None]  # claims after the first key, up to and including the second


def _key():
    return tuple_(Claim.document_id, Claim.start, Claim.id)


def _bound(name: str):
    return tuple_(*(bindparam(f"{name}_{part}", type_=Integer) for part in ("document", "start", "id")))


def _bounds(after: Key | None, last: Key | None) -> dict[str, int]:
    values: dict[str, int] = {}
    for name, key in (("after", after), ("last", last)):
        if key is not None:
            values.update(zip((f"{name}_document", f"{name}_start", f"{name}_id"), key, strict=True))
    return values


@lru_cache(maxsize=64)
def _between(query: Select, where: ClaimFilter, below: bool, above: bool) -> Select:
    """The query under the filter, bounded by claim keys given as parameters, so a batch
    runs the same statement (compiled once) with new values."""
    query = filtered(query, where)
    if below:
        query = query.where(_key() > _bound("after"))
    if above:
        query = query.where(_key() <= _bound("last"))
    return query


# Built once: _between caches each bounded form of them.
_CLAIMS = select(*_CLAIM_COLUMNS).order_by(*DOCUMENT_ORDER)
_KEYS = select(Claim.document_id, Claim.start, Claim.id).order_by(*DOCUMENT_ORDER)
_QUANTITIES = select(  # the sort key first: (claim, start, id)
    Quantity.claim_id, Quantity.start, Quantity.id, Quantity.text, Quantity.end, Quantity.kind,
    Quantity.value, Quantity.unit, Quantity.display, Quantity.iso, Quantity.qualifier, Quantity.high,
).join(Claim, col(Quantity.claim_id) == col(Claim.id))
_EVENTS = select(
    ReviewEvent.claim_id, ReviewEvent.id, ReviewEvent.at, ReviewEvent.reviewer,
    ReviewEvent.field, ReviewEvent.old, ReviewEvent.new, ReviewEvent.note,
).join(Claim, col(ReviewEvent.claim_id) == col(Claim.id))
_LINKS = select(
    Link.id, Link.claim_id, Link.score, Link.relation, Link.state, Link.reasons,
    Link.orphaned, Link.passage_id, Link.confidence,
).join(Claim, col(Link.claim_id) == col(Claim.id))

_FINDINGS = select(  # the sort key first: (claim, start, id)
    FindingClaim.claim_id, Finding.start, Finding.id, Finding.kind, Finding.result, Finding.arithmetic,
    Finding.reason, Finding.end, Finding.quantities, Finding.figures,
).join(Finding, col(Finding.id) == col(FindingClaim.finding_id)).join(Claim, col(FindingClaim.claim_id) == col(Claim.id))

PARTS = frozenset({"quantities", "links", "history", "findings"})  # what a record holds besides the claim


def iter_claim_records(
    engine: Engine, where: ClaimFilter | None = None, *, context: int = 0, span: Span = (None, None),
    parts: frozenset[str] = PARTS,
) -> Iterator[dict]:
    """Claim records in document order. With `context` > 0 each record also carries
    "context": the text around the claim in its document (up to that many characters
    each side, cut at a line break when there is one). `span` limits the records to a range
    of keys (see spans). `parts`: those not named are not read, and stay empty lists."""
    where = where or ClaimFilter()
    after, until = span
    documents: dict[int, tuple] = {}
    texts: dict[int, tuple] = {}
    passages: dict[int, tuple] = {}
    with engine.connect() as connection:
        while True:
            query = _between(_CLAIMS, where, after is not None, until is not None).limit(BATCH)
            rows = _raw(connection, query, _bounds(after, until))
            if not rows:
                return
            last_batch = len(rows) < BATCH
            claim_id, document_id, start = rows[-1][:3]
            after, batch = (document_id, start, claim_id), (after, (document_id, start, claim_id))
            quantities = _quantities(connection, where, batch) if "quantities" in parts else {}
            links, passages = _links(connection, where, batch, passages) if "links" in parts else ({}, passages)
            events = _events(connection, where, batch) if "history" in parts else {}
            findings = _findings(connection, where, batch) if "findings" in parts else {}
            document_ids = {document_id for _, document_id, *_ in rows}
            documents = _by_id(connection, Document.id, _DOCUMENT_COLUMNS, document_ids, documents)
            if context:
                texts = _by_id(connection, Document.id, (Document.text,), document_ids, texts)
            for claim_id, document_id, start, end, text, label, checkworthiness, status, version, assignee in rows:
                path, url, title, published, fetched = documents[document_id]
                record = {
                    "id": claim_id,
                    "document": path,
                    "document_url": url,
                    "document_title": title,
                    "document_published": published,
                    "text": text,
                    "start": start,
                    "end": end,
                    "label": label,
                    "checkworthiness": checkworthiness,
                    "status": status,
                    "version": version,
                    "assignee": assignee,
                    "quantities": quantities.get(claim_id) or [],
                    "links": links.get(claim_id) or [],
                    "history": events.get(claim_id) or [],
                    "findings": findings.get(claim_id) or [],
                }
                if fetched is not None:  # a fetched page: its archived copy's time
                    record["document_fetched"] = _moment(fetched)
                if context:
                    record["context"] = surrounding(texts[document_id][0], start, end, context)
                yield record
            if last_batch:
                return


def spans(engine: Engine, where: ClaimFilter | None = None, size: int = BATCH) -> list[Span]:
    """The claims under the filter cut into consecutive spans of `size` (the last may be
    shorter), so that parts of one report can be read and rendered apart and joined in order."""
    where = where or ClaimFilter()
    found: list[Span] = []
    after = None
    with engine.connect() as connection:
        while True:
            query = _between(_KEYS, where, after is not None, False).offset(size - 1).limit(1)
            rows = _raw(connection, query, _bounds(after, None))
            if not rows:
                found.append((after, None))
                return found
            found.append((after, rows[0]))
            after = rows[0]


def _by_id(
    connection, key, columns: tuple, wanted: set[int], cached: dict[int, tuple], *, join=()
) -> dict[int, tuple]:
    """Rows of another table that this batch refers to, by id. Those the last batch already
    read are kept, so a document or passage shared by thousands of claims is read once, and
    memory holds only what one batch needs."""
    found = {found_id: row for found_id, row in cached.items() if found_id in wanted}
    missing = sorted(wanted - found.keys())
    query = select(key, *columns)
    if join:
        query = query.join(*join)
    for first in range(0, len(missing), CHUNK):
        for row in _raw(connection, query.where(key.in_(missing[first:first + CHUNK]))):
            found[row[0]] = row[1:]
    return found


def _raw(connection, query: Select, parameters: dict | None = None) -> list[tuple]:
    """Plain tuples straight from the driver's cursor. SQLAlchemy still compiles the query and
    binds the parameters; skipping its row objects halves the time of a 100,000-claim export.
    Values arrive as the driver gives them (see _moment for timestamps)."""
    result = connection.execute(query, parameters)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


# How SQLAlchemy stores a timestamp in SQLite: UTC, no offset.
_SQLITE_MOMENT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?")


def _moment(value) -> str | None:
    """A stored timestamp as ISO 8601 UTC: SQLite hands back text, PostgreSQL a datetime."""
    if isinstance(value, str):
        if _SQLITE_MOMENT.fullmatch(value):  # the common case, without parsing a datetime
            return f"{value[:10]}T{value[11:19]}Z"
        value = datetime.fromisoformat(value)
    return iso(value)


def _within(query: Select, where: ClaimFilter, batch: Span) -> tuple[Select, dict[str, int]]:
    """Rows belonging to this batch's claims: the same filter, bounded by the batch's keys,
    instead of a long IN list."""
    after, last = batch
    return _between(query, where, after is not None, True), _bounds(after, last)


def surrounding(text: str, start: int, end: int, width: int) -> dict:
    """The text before and after a span, up to `width` characters each side, stopping at a
    line break; where it is clipped mid-line it ends on a whole word if the text has spaces."""
    first = start - width if start > width else 0
    before = text[first:start]
    cut = before.rfind("\n")
    if cut >= 0:
        before, clipped_before = before[cut + 1:], False
    elif first and text[first - 1] != "\n":
        clipped_before = True
        space = before.find(" ", 0, len(before) - 1)
        if space >= 0:
            before = before[space:]
    else:
        clipped_before = False
    last = end + width
    after = text[end:last]
    cut = after.find("\n")
    if cut >= 0:
        after, clipped_after = after[:cut], False
    elif last < len(text) and text[last] != "\n":
        clipped_after = True
        space = after.rfind(" ", 1)
        if space >= 0:
            after = after[:space + 1]
    else:
        clipped_after = False
    return {"before": before, "after": after, "clipped_before": clipped_before, "clipped_after": clipped_after}


def _quantities(connection, where: ClaimFilter, batch: Span) -> dict[int, list[dict]]:
    """Quantities per claim in text order. Sorted here rather than by the database: an ORDER
    BY costs SQLite a temporary B-tree per batch. The sort key leads the columns, so plain
    tuple order is the order wanted (claim, start, id), with no key function."""
    rows = _raw(connection, *_within(_QUANTITIES, where, batch))
    rows.sort()
    grouped: dict[int, list[dict]] = {}
    current = None
    for claim_id, start, _, text, end, kind, value, unit, display, iso_value, qualifier, high in rows:
        record = {
            "text": text, "start": start, "end": end, "kind": kind,
            "value": iso_value if kind == "date" else value, "unit": unit, "display": display,
        }
        if qualifier:
            record["qualifier"] = qualifier
        if high is not None:
            record["high"] = high
        if claim_id != current:
            current, same_claim = claim_id, []
            grouped[claim_id] = same_claim
        same_claim.append(record)
    return grouped


def _events(connection, where: ClaimFilter, batch: Span) -> dict[int, list[dict]]:
    rows = _raw(connection, *_within(_EVENTS, where, batch))
    rows.sort()
    grouped: dict[int, list[dict]] = {}
    for claim_id, _, at, reviewer, field, old, new, note in rows:
        grouped.setdefault(claim_id, []).append(
            {"at": _moment(at), "reviewer": reviewer, "field": field, "from": old, "to": new, "note": note}
        )
    return grouped


def _findings(connection, where: ClaimFilter, batch: Span) -> dict[int, list[dict]]:
    """The consistency findings per claim in text order, each as `factcheck checks --json`
    gives it less its document (the claim's): few claims have one, so a batch mostly reads
    nothing."""
    rows = _raw(connection, *_within(_FINDINGS, where, batch))
    if not rows:
        return {}
    rows.sort()
    claims: dict[int, list[int]] = {}
    finding_ids = sorted({finding_id for _, _, finding_id, *_ in rows})
    for first in range(0, len(finding_ids), CHUNK):
        query = (
            select(FindingClaim.finding_id, FindingClaim.claim_id)
            .where(col(FindingClaim.finding_id).in_(finding_ids[first:first + CHUNK]))
        )
        for finding_id, claim_id in sorted(_raw(connection, query)):
            claims.setdefault(finding_id, []).append(claim_id)
    grouped: dict[int, list[dict]] = {}
    for claim_id, start, finding_id, kind, result, arithmetic, reason, end, quantities, figures in rows:
        grouped.setdefault(claim_id, []).append({
            "id": finding_id, "kind": kind, "result": result, "arithmetic": arithmetic, "reason": reason,
            "start": start, "end": end, "claims": claims[finding_id],
            "quantities": json.loads(quantities), "figures": json.loads(figures),
        })
    return grouped


_PASSAGE_COLUMNS = (Passage.text, *_DOCUMENT_COLUMNS)


def _links(connection, where: ClaimFilter, batch: Span, passages: dict[int, tuple]):
    """Links per claim, best first, and the passages they point to (with their documents)."""
    rows = sorted(_raw(connection, *_within(_LINKS, where, batch)), key=_link_order)
    wanted = {passage_id for *_, passage_id, _ in rows}
    passages = _by_id(
        connection, Passage.id, _PASSAGE_COLUMNS, wanted, passages,
        join=(Document, col(Passage.document_id) == col(Document.id)),
    )
    grouped: dict[int, list[dict]] = {}
    reasons_seen: dict[str, list] = {}
    for link_id, claim_id, score, relation, state, reasons, orphaned, passage_id, confidence in rows:
        passage, path, url, title, published, fetched = passages[passage_id]
        item = {
            "id": link_id,
            "source": path,
            "source_title": title,
            "source_url": url,
            "source_published": published,
            "passage": passage,
            "score": score,
            "relation": relation,
            "confidence": confidence,
            "state": state,
            "reasons": _reasons(reasons, reasons_seen),
            "orphaned": bool(orphaned),
        }
        if fetched is not None:
            item["source_fetched"] = _moment(fetched)
        grouped.setdefault(claim_id, []).append(item)
    return grouped, passages


def _link_order(row: tuple) -> tuple:
    """Per claim, best score first; ties by id."""
    link_id, claim_id, score, *_ = row
    return claim_id, -score, link_id


def _reasons(text: str | None, seen: dict[str, list]) -> list:
    """Decoded once per distinct text; each record gets its own list."""
    key = text or "[]"
    if key not in seen:
        seen[key] = json.loads(key)
    return list(seen[key])


@dataclass(frozen=True)
class ReportDocument:
    """An article some of the report's claims come from, with how many."""

    id: int
    path: str
    title: str
    url: str | None
    published: str | None
    language: str
    claims: int


def report_documents(engine: Engine, where: ClaimFilter | None = None) -> list[ReportDocument]:
    """The documents of the claims the filter selects, in document order: a report's
    masthead lists them, and their languages choose the report's own."""
    query = (
        select(Document.id, Document.path, Document.title, Document.url, Document.published,
               Document.language, func.count(col(Claim.id)))
        .join(Claim, col(Claim.document_id) == col(Document.id))
        .group_by(col(Document.id))
        .order_by(col(Document.id))
    )
    with Session(engine) as session:
        rows = session.exec((where or ClaimFilter()).apply(query)).all()
    return [ReportDocument(*row) for row in rows]
