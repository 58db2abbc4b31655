"""Reading claims for the queue, the CLI and reports: the database filters and sorts.

The workbench pages the queue by keyset (the position of a row in the queue order), so a
step through 100,000 claims costs the same as a step through ten.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from sqlalchemy import Boolean, and_, func, literal, or_, tuple_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import Select
from sqlalchemy.sql.expression import ColumnElement
from sqlmodel import Session, col, select

from factcheck.core.errors import UserError
from factcheck.core.models import QUANTITY_KINDS, STATUSES, Claim, Document, Link, Quantity
from factcheck.core.sentences import split_sentences

FILTER_FIELDS = ("status", "kind", "doc")


@dataclass(frozen=True)
class ClaimFilter:
    status: str | None = None
    kind: str | None = None  # quantity kind
    document: str | None = None  # document path, exact or a suffix
    text: str | None = None  # substring of the claim text or label, any case

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
            pattern = "%" + _escape_like(self.text) + "%"
            query = query.where(AnyCaseLike(Claim.text, pattern) | AnyCaseLike(Claim.label, pattern))
        return query

    def describe(self) -> str:
        """The filter as the words a reviewer would type to get it back."""
        parts = [f"{name}:{value}" for name, value in self._fields() if value]
        if self.text:
            parts.append(shlex.quote(self.text) if " " in self.text else self.text)
        return " ".join(parts)

    def _fields(self):
        return (("status", self.status), ("kind", self.kind), ("doc", self.document))


class AnyCaseLike(ColumnElement):
    """`column LIKE pattern` ignoring case: ILIKE on PostgreSQL; on SQLite plain LIKE, which
    already ignores ASCII case and is much faster than comparing lower() of every row."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True

    def __init__(self, column, pattern: str) -> None:
        self.column, self.pattern = column, literal(pattern)


@compiles(AnyCaseLike)
def _any_case_like(element: AnyCaseLike, compiler, **kw) -> str:
    return compiler.process(element.column.ilike(element.pattern, escape="\\"), **kw)


@compiles(AnyCaseLike, "sqlite")
def _any_case_like_sqlite(element: AnyCaseLike, compiler, **kw) -> str:
    return compiler.process(element.column.like(element.pattern, escape="\\"), **kw)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise UserError(f"unknown status {status!r}: choose one of {', '.join(STATUSES)}")
    return status


def parse_filter(typed: str) -> ClaimFilter:
    """`status:refuted kind:money doc:article.txt 232毫秒` → a ClaimFilter. Words without a
    field are searched in the claim text, as one phrase."""
    try:
        words = shlex.split(typed)
    except ValueError:  # an unclosed quote while the reviewer is still typing
        words = typed.split()
    values: dict[str, str] = {}
    text: list[str] = []
    for word in words:
        name, colon, value = word.partition(":")
        if colon and name in FILTER_FIELDS and value:
            values[name] = value
        else:
            text.append(word)
    status, kind = values.get("status"), values.get("kind")
    if status:
        check_status(status)
    if kind and kind not in QUANTITY_KINDS:
        raise UserError(f"unknown kind {kind!r}: choose one of {', '.join(QUANTITY_KINDS)}")
    return ClaimFilter(status=status, kind=kind, document=values.get("doc"), text=" ".join(text) or None)


QUEUE_ORDER = (col(Claim.checkworthiness).desc(), col(Claim.document_id), col(Claim.start), col(Claim.id))
DOCUMENT_ORDER = (col(Claim.document_id), col(Claim.start), col(Claim.id))
_QUEUE_REVERSED = (col(Claim.checkworthiness), col(Claim.document_id).desc(), col(Claim.start).desc(), col(Claim.id).desc())


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


def _after(key: QueueKey):
    rest = tuple_(col(Claim.document_id), col(Claim.start), col(Claim.id))
    later = (key.document_id, key.start, key.claim_id)
    # The first condition alone lets the database walk the queue index from the key.
    return and_(
        col(Claim.checkworthiness) <= key.checkworthiness,
        or_(col(Claim.checkworthiness) < key.checkworthiness, rest > later),
    )


def _before(key: QueueKey):
    rest = tuple_(col(Claim.document_id), col(Claim.start), col(Claim.id))
    earlier = (key.document_id, key.start, key.claim_id)
    return and_(
        col(Claim.checkworthiness) >= key.checkworthiness,
        or_(col(Claim.checkworthiness) > key.checkworthiness, rest < earlier),
    )


@dataclass
class QueueRow:
    """One line of the queue as the workbench shows it."""

    claim: Claim
    document: str  # short name of the article
    values: str  # the normalised quantities, e.g. "$100B, 232 ms"
    links: int  # links not rejected

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
    query = where.apply(select(Claim))
    backwards = before is not None or last
    if after is not None:
        query = query.where(_after(after))
    if before is not None:
        query = query.where(_before(before))
    query = query.order_by(*(_QUEUE_REVERSED if backwards else QUEUE_ORDER)).limit(limit)
    claims = list(session.exec(query))
    if backwards:
        claims.reverse()
    return queue_rows(session, claims)


def queue_rows(session: Session, claims: list[Claim]) -> list[QueueRow]:
    ids = [claim.id for claim in claims]
    quantities = quantities_of(session, ids)
    links = link_counts(session, ids)
    names = document_names(session, {claim.document_id for claim in claims})
    return [
        QueueRow(claim, names.get(claim.document_id, ""), shown_values(quantities[claim.id]), links.get(claim.id, 0))
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
