"""Reading claims for the queue, the CLI and reports: the database filters and sorts.

The workbench pages the queue by keyset (the position of a row in the queue order), so a
step through 100,000 claims costs the same as a step through ten.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, tuple_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Select
from sqlalchemy.sql.expression import ColumnElement
from sqlmodel import Session, col, select

from factcheck.errors import UserError
from factcheck.store.filters import CLAUSE, ClaimFilter, clause_of, matches_at_most
from factcheck.store.filters import parse_filter as parse_filter  # its home before filters.py
from factcheck.store.judged_twins import checked_before_ids
from factcheck.store.models import Claim, Document, Finding, FindingClaim, Link, Quantity
from factcheck.text.extract.sentences import split_sentences

FEW = 2000  # matches read and sorted for a page rather than found by walking the queue
WALKED_ROWS = 500  # queue rows read in order for a page before the filter's indexes are asked
LONGEST_WALK = 8000  # ... and at most, when the first stretch suggests a longer one will do


def _queue_columns(claim=Claim, *, unindexed: bool = False) -> tuple:
    """The queue order's columns, of the Claim table or an alias of it; `unindexed` keeps
    the database from walking ix_claim_queue for them (see Unindexed)."""
    columns = (claim.checkworthiness, claim.document_id, claim.start, claim.id)
    return tuple(Unindexed(c) for c in columns) if unindexed else columns


def _queue_order(columns: tuple, backwards: bool = False) -> tuple:
    worth, *rest = columns
    if backwards:
        return (worth.asc(), *(c.desc() for c in rest))
    return (worth.desc(), *(c.asc() for c in rest))


class Unindexed(ColumnElement):
    """`+column`: the same value, but the planner will not use an index for it, so it finds
    rows through the filter's own index (status, document, trigram) and sorts the few it
    found, instead of walking the whole queue index to find them in order."""

    inherit_cache = True
    _traverse_internals = [("column", CLAUSE)]  # the statement cache's key

    def __init__(self, column) -> None:
        self.column = clause_of(column)
        self.type = self.column.type


@compiles(Unindexed)
def _unindexed(element: Unindexed, compiler, **kw) -> str:
    return "+" + compiler.process(element.column, **kw)


QUEUE_ORDER = _queue_order(_queue_columns())
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


@dataclass(frozen=True)
class QueueKey:
    """Where a claim sits in the queue order (check-worthiness first, then position)."""

    checkworthiness: float
    document_id: int
    start: int
    claim_id: int

    @classmethod
    def of(cls, claim: Claim) -> QueueKey:
        return cls(claim.checkworthiness, claim.document_id, claim.start, claim.id)


def _after(key: QueueKey, columns: tuple = _queue_columns()):
    worth, *rest = columns
    later = (key.document_id, key.start, key.claim_id)
    # The first condition alone lets the database walk the queue index from the key.
    return and_(worth <= key.checkworthiness, or_(worth < key.checkworthiness, tuple_(*rest) > later))


def _before(key: QueueKey, columns: tuple = _queue_columns()):
    worth, *rest = columns
    earlier = (key.document_id, key.start, key.claim_id)
    return and_(worth >= key.checkworthiness, or_(worth > key.checkworthiness, tuple_(*rest) < earlier))


@dataclass
class QueueRow:
    """One line of the queue as the workbench shows it."""

    claim: Claim
    document: str  # short name of the article
    values: str  # the normalised quantities, e.g. "$100B, 232 ms"
    links: int  # links not rejected
    checked_before: bool = False  # the same claim in another article was judged
    contradicted: bool = False  # a link not rejected says the evidence contradicts the claim
    inconsistent: bool = False  # a consistency check found the article's own numbers disagree

    @property
    def key(self) -> QueueKey:
        return QueueKey.of(self.claim)


def queue_page(
    session: Session,
    where: ClaimFilter = ClaimFilter(),
    *,
    after: QueueKey | None = None,
    before: QueueKey | None = None,
    last: bool = False,
    limit: int = 100,
) -> list[QueueRow]:
    """A page of the queue in queue order: the first page, the rows right after `after`,
    the rows right before `before`, or (with `last`) the final page."""
    backwards = before is not None or last
    claims = _claims_in_order(session, where, after, before, backwards, limit)
    if backwards:
        claims.reverse()
    return queue_rows(session, claims)


def _claims_in_order(session: Session, where: ClaimFilter, after: QueueKey | None,
                     before: QueueKey | None, backwards: bool, limit: int) -> list[Claim]:
    """Two ways to a filtered page; neither is fast for every filter. Walking the queue
    index and testing each row stops as soon as the page is full: fast when many claims
    match, a scan of the whole queue when few do. Finding the matches through the filter's
    indexes and sorting them is fast when few match. So: the indexes when one of them says
    the matches are few; else walk a bounded stretch of the queue, a longer one when the
    first suggests it would fill the page; else (the matches are sparse here) the indexes."""
    in_order = _ordered(Claim, _queue_columns(), after, before, backwards)
    if where.is_empty:
        return list(session.exec(in_order.limit(limit)))
    by_index = _ordered(Claim, _queue_columns(unindexed=True), after, before, backwards)
    by_index = by_index.where(*where.conditions(Claim)).limit(limit)
    if matches_at_most(session, where, FEW):
        return list(session.exec(by_index))
    stretch = WALKED_ROWS
    while stretch <= LONGEST_WALK:
        walked = aliased(Claim, in_order.limit(stretch).subquery("walked"))
        query = select(walked).where(*where.conditions(walked, walking=True))
        order = _queue_order(_queue_columns(walked), backwards)
        claims = list(session.exec(query.order_by(*order).limit(limit)))
        if len(claims) == limit:
            return claims
        if not claims:
            break
        stretch = max(stretch * 2, stretch * limit * 3 // (2 * len(claims)))
    return list(session.exec(by_index))


def _ordered(claim, columns: tuple, after: QueueKey | None, before: QueueKey | None, backwards: bool) -> Select:
    query = select(claim)
    if after is not None:
        query = query.where(_after(after, columns))
    if before is not None:
        query = query.where(_before(before, columns))
    return query.order_by(*_queue_order(columns, backwards))


def queue_rows(session: Session, claims: list[Claim]) -> list[QueueRow]:
    ids = [claim.id for claim in claims]
    quantities = quantities_of(session, ids)
    links = link_counts(session, ids)
    contradicted = contradicted_claims(session, ids)
    names = document_names(session, {claim.document_id for claim in claims})
    earlier = checked_before_ids(session, claims)
    inconsistent = claims_with_result(session, ids, "inconsistent")
    return [
        QueueRow(claim, names.get(claim.document_id, ""), shown_values(quantities[claim.id]), links.get(claim.id, 0),
                 claim.id in earlier, claim.id in contradicted, claim.id in inconsistent)
        for claim in claims
    ]


def shown_values(quantities: list[Quantity]) -> str:
    """Dates only when nothing else was found: the amounts are what gets checked."""
    main = [q.display for q in quantities if q.kind != "date"]
    return ", ".join(main or [q.display for q in quantities])


def document_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.exec(select(Document.id, Document.path).where(col(Document.id).in_(ids)))
    return {doc_id: path.replace("\\", "/").rsplit("/", 1)[-1] for doc_id, path in rows}


def queue_position(session: Session, where: ClaimFilter, key: QueueKey) -> int:
    """How many matching claims come before `key` in the queue."""
    query = where.apply(select(func.count()).select_from(Claim)).where(_before(key))
    return session.exec(query).one()


def count_claims(session: Session, where: ClaimFilter = ClaimFilter()) -> int:
    query = where.apply(select(func.count()).select_from(Claim))
    return session.exec(query).one()


def status_counts(session: Session, where: ClaimFilter | None = None) -> dict[str, int]:
    query = select(Claim.status, func.count()).group_by(Claim.status)
    if where is not None:
        query = where.apply(query)
    return {status: count for status, count in session.exec(query)}


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


def contradicted_claims(session: Session, claim_ids: list[int]) -> set[int]:
    """The claims with evidence that contradicts them (a link not rejected)."""
    if not claim_ids:
        return set()
    return set(session.exec(
        select(Link.claim_id).distinct()
        .where(col(Link.claim_id).in_(claim_ids), Link.state != "rejected", Link.relation == "contradicts")
    ))


def claims_with_result(session: Session, claim_ids: list[int], result: str) -> set[int]:
    """The claims with a consistency finding of this result (the queue marks inconsistent ones)."""
    if not claim_ids:
        return set()
    return set(session.exec(
        select(FindingClaim.claim_id).distinct()
        .join(Finding, col(Finding.id) == col(FindingClaim.finding_id))
        .where(col(FindingClaim.claim_id).in_(claim_ids), Finding.result == result)
    ))


def document_count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Document)).one()


def article_paths(session: Session) -> list[str]:
    return list(session.exec(select(Document.path).where(Document.role == "article").order_by(Document.path)))


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class MissedSentences:
    document: Document
    sentences: list[Sentence] = field(default_factory=list)


def missed_sentences(session: Session, document_id: int) -> MissedSentences:
    """The sentences of an article that no claim covers: what the extractor passed over."""
    document = session.get(Document, document_id)
    if document is None:
        raise UserError(f"no document with id {document_id}")
    spans = session.exec(select(Claim.start, Claim.end).where(Claim.document_id == document_id))
    covered = sorted(spans)
    result = MissedSentences(document)
    index = 0
    for start, end in split_sentences(document.text):
        while index < len(covered) and covered[index][1] <= start:
            index += 1
        if index == len(covered) or covered[index][0] >= end:
            result.sentences.append(Sentence(start, end, document.text[start:end]))
    return result
