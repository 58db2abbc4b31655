"""Which claims a reviewer asked for: `status:` `kind:` `doc:` `assignee:` `check:`, the
words `mine` and `previously-checked`, and free text, as SQL.

`status:` takes several statuses separated by commas (`status:refuted,misleading`), as
`--status` does on the command line; both read them with `parse_statuses`. Free text that
is one side of a harvested alias (`Altman`, `奥尔特曼`) also finds the other side: the
queue resolves the alias before it asks (`with_aliases`). `check:inconsistent` finds claims
with a consistency finding of that result.

Free text is a case-insensitive substring of a claim's text or label (LIKE on SQLite, which
folds ASCII case; ILIKE on PostgreSQL). Migration 0003 indexes both columns by trigrams, so
text of three characters or more is found through the index instead of a scan of every claim;
shorter text has no trigram to look up and is scanned.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

from sqlalchemy import Boolean, column, func, literal, or_, table, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import Select
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlmodel import Session, col, select

from factcheck.errors import UserError
from factcheck.store.models import (
    QUANTITY_KINDS,
    STATUSES,
    Alias,
    Claim,
    Document,
    Finding,
    FindingClaim,
    Quantity,
    ReviewEvent,
)
from factcheck.text.checks.findings import RESULTS

FILTER_FIELDS = ("status", "kind", "doc", "assignee", "check")
MINE = "mine"  # claims assigned to the reviewer
PREVIOUSLY_CHECKED = "previously-checked"  # not judged yet, but the same claim elsewhere was
FILTER_WORDS = (MINE, PREVIOUSLY_CHECKED)
SHORTEST_INDEXED = 3  # the trigram index cannot find text shorter than one trigram


@dataclass(frozen=True)
class ClaimFilter:
    status: str | None = None  # one status, or several joined by commas (see parse_statuses)
    kind: str | None = None  # quantity kind
    document: str | None = None  # document path, exact or a suffix
    text: str | None = None  # substring of the claim text or label, any case
    since: str | None = None  # ISO date: claims with a review event on or after that day (UTC)
    assignee: str | None = None  # the reviewer claims are assigned to
    previously_checked: bool = False
    check: str | None = None  # a consistency finding's result: the claim has one such finding
    # other sides of an alias the text is one side of (filled by with_aliases)
    text_variants: tuple[str, ...] = ()

    @property
    def statuses(self) -> tuple[str, ...]:
        return tuple(self.status.split(",")) if self.status else ()

    @property
    def phrases(self) -> list[str]:
        """What free text finds: the text and the other sides of its alias."""
        return [self.text, *self.text_variants] if self.text else []

    def apply(self, query: Select) -> Select:
        return query.where(*self.conditions(Claim))

    def conditions(self, claim=Claim, *, walking: bool = False) -> list[ColumnElement]:
        """The filter as conditions on `claim` (the Claim table or an alias of it). Walking
        the queue in order, each row is tested on its own; otherwise the conditions are
        written so that the database finds the matching rows through its indexes."""
        found: list[ColumnElement] = []
        if self.status:
            found.append(_status_is(claim, self.statuses, walking=walking))
        if self.assignee:
            found.append(claim.assignee == self.assignee)
        if self.previously_checked:
            from factcheck.store.judged_twins import previously_checked

            found.append(previously_checked(claim))
        if self.kind:
            if walking:
                # Its own alias, correlated to the claim alone: a query that joins quantities
                # itself (a report's) must not have them correlated away.
                quantity = Quantity.__table__.alias("with_kind")
                has_kind = select(quantity.c.id).where(quantity.c.claim_id == claim.id, quantity.c.kind == self.kind)
                found.append(has_kind.correlate(claim).exists())
            else:
                found.append(claim.id.in_(_claims_with_kind(self.kind)))
        if self.document:
            found.append(claim.document_id.in_(_documents(self.document)))
        if self.check:
            if walking:
                finding, about = Finding.__table__.alias("checked"), FindingClaim.__table__.alias("checked_claim")
                has_finding = (
                    select(about.c.claim_id)
                    .join(finding, finding.c.id == about.c.finding_id)
                    .where(about.c.claim_id == claim.id, finding.c.result == self.check)
                )
                found.append(has_finding.correlate(claim).exists())
            else:
                found.append(claim.id.in_(_claims_with_finding(self.check)))
        if self.text:
            found.append(or_(*(_contains(claim, phrase) for phrase in self.phrases)))
            if not walking and self.indexed_text:
                found.append(TextIndexMatch(claim.id, self.phrases))
        if self.since:
            found.append(_reviewed_since(claim, self.since))
        return found

    @property
    def indexed_text(self) -> bool:
        """Whether the trigram index can find every phrase of the text."""
        return bool(self.text) and all(len(phrase) >= SHORTEST_INDEXED for phrase in self.phrases)

    @property
    def is_empty(self) -> bool:
        return not (
            self.status or self.kind or self.document or self.text or self.since or self.assignee
            or self.previously_checked or self.check
        )

    def describe(self) -> str:
        """The filter as the words a reviewer would type to get it back."""
        parts = [f"{name}:{_quoted(value)}" for name, value in self._fields() if value]
        if self.previously_checked:
            parts.append(PREVIOUSLY_CHECKED)
        if self.text:
            parts.append(_quoted(self.text))
        return " ".join(parts)

    def _fields(self):
        return (
            ("status", self.status), ("kind", self.kind), ("doc", self.document),
            ("assignee", self.assignee), ("check", self.check),
        )


def _quoted(value: str) -> str:
    return shlex.quote(value) if " " in value else value


def _contains(claim, phrase: str) -> ColumnElement:
    pattern = "%" + _escape_like(phrase) + "%"
    return AnyCaseLike(claim.text, pattern) | AnyCaseLike(claim.label, pattern)


def _status_is(claim, statuses: tuple[str, ...], *, walking: bool = False) -> ColumnElement:
    # Walking claims in document order, the status is tested on each row (`status || ''`
    # is the same value with no index): through the status index SQLite would gather every
    # match and sort them again for each batch of a report.
    status = claim.status.concat("") if walking else claim.status
    return status == statuses[0] if len(statuses) == 1 else status.in_(statuses)


def _reviewed_since(claim, since: str) -> ColumnElement:
    """EXISTS, not IN (SELECT ...): SQLite would build the whole IN list again for every
    batch of a report; this looks up the claim's own events by index."""
    start = datetime.combine(date.fromisoformat(since), time(), tzinfo=UTC)
    event = ReviewEvent.__table__.alias("reviewed")  # apart from a query's own events
    reviewed = select(event.c.id).where(event.c.claim_id == claim.id, event.c.at >= start)
    return reviewed.correlate(claim).exists()


def _claims_with_kind(kind: str) -> Select:
    return select(Quantity.claim_id).where(Quantity.kind == kind)


def _claims_with_finding(result: str) -> Select:
    return select(FindingClaim.claim_id).join(Finding, Finding.id == FindingClaim.finding_id).where(Finding.result == result)


def _documents(path: str) -> Select:
    return select(Document.id).where((Document.path == path) | col(Document.path).endswith("/" + path))


def matches_at_most(session: Session, where: ClaimFilter, few: int) -> bool:
    """Whether one part of the filter alone, looked up in its index, matches at most `few`
    claims: then all the matches are cheap to read and sort. Each look-up stops at few + 1."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    for ids in _indexed_parts(where, sqlite):
        counted = select(func.count()).select_from(ids.limit(few + 1).subquery())
        if session.exec(counted).one() <= few:
            return True
    return False


def _indexed_parts(where: ClaimFilter, sqlite: bool):
    if where.status:
        yield select(Claim.id).where(_status_is(Claim, where.statuses))
    if where.assignee:
        yield select(Claim.id).where(Claim.assignee == where.assignee)
    if where.document:
        yield select(Claim.id).where(col(Claim.document_id).in_(_documents(where.document)))
    if where.kind:
        yield _claims_with_kind(where.kind)  # quantities, so at least as many as their claims
    if where.check:
        yield _claims_with_finding(where.check)
    if where.indexed_text:
        if sqlite:
            yield select(_CLAIM_INDEX.c.rowid).where(_CLAIM_INDEX.c.claim_fts.op("MATCH")(_phrase(where.phrases)))
        else:
            yield select(Claim.id).where(*ClaimFilter(text=where.text, text_variants=where.text_variants).conditions())


CLAUSE = InternalTraversal.dp_clauseelement


def clause_of(column):
    """The SQL expression behind an ORM attribute (of a table or of an alias)."""
    return column.__clause_element__() if hasattr(column, "__clause_element__") else column


class AnyCaseLike(ColumnElement):
    """`column LIKE pattern` ignoring case: ILIKE on PostgreSQL; on SQLite plain LIKE, which
    already ignores ASCII case and is much faster than comparing lower() of every row."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True
    _traverse_internals = [("column", CLAUSE), ("pattern", CLAUSE)]  # the statement cache's key

    def __init__(self, column, pattern: str) -> None:
        self.column, self.pattern = clause_of(column), literal(pattern)


@compiles(AnyCaseLike)
def _any_case_like(element: AnyCaseLike, compiler, **kw) -> str:
    return compiler.process(element.column.ilike(element.pattern, escape="\\"), **kw)


@compiles(AnyCaseLike, "sqlite")
def _any_case_like_sqlite(element: AnyCaseLike, compiler, **kw) -> str:
    return compiler.process(element.column.like(element.pattern, escape="\\"), **kw)


_CLAIM_INDEX = table("claim_fts", column("rowid"), column("claim_fts"))


class TextIndexMatch(ColumnElement):
    """The claims whose text or label may contain one of the phrases, found through the
    trigram index;
    always paired with AnyCaseLike, which decides. On SQLite the FTS5 table of migration
    0003 (it folds case beyond ASCII too, so it may offer a few rows that LIKE then drops);
    on PostgreSQL nothing, as the pg_trgm indexes serve ILIKE itself."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True
    _traverse_internals = [("claim_id", CLAUSE), ("phrase", CLAUSE)]

    def __init__(self, claim_id, phrases: list[str]) -> None:
        self.claim_id, self.phrase = clause_of(claim_id), _phrase(phrases)


def _phrase(phrases: list[str]):
    """The phrases as an FTS5 query: each quoted, its own quotes doubled, so no character in
    it is read as query syntax; several are joined by OR."""
    return literal(" OR ".join('"' + text.replace('"', '""') + '"' for text in phrases))


@compiles(TextIndexMatch)
def _text_index_match(element: TextIndexMatch, compiler, **kw) -> str:
    return compiler.process(true(), **kw)


@compiles(TextIndexMatch, "sqlite")
def _text_index_match_sqlite(element: TextIndexMatch, compiler, **kw) -> str:
    matches = select(_CLAIM_INDEX.c.rowid).where(_CLAIM_INDEX.c.claim_fts.op("MATCH")(element.phrase))
    return compiler.process(element.claim_id.in_(matches), **kw)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise UserError(f"unknown status {status!r}: choose one of {', '.join(STATUSES)}")
    return status


def parse_statuses(typed: str) -> str:
    """`refuted, misleading` → "refuted,misleading": the one reading of a list of statuses
    (the command line's --status, the filter's status:), each checked, each kept once, in
    the order given."""
    statuses: list[str] = []
    for part in typed.split(","):
        status = part.strip()
        if not status:
            raise UserError(f"status {typed!r}: an empty status between commas")
        check_status(status)
        if status not in statuses:
            statuses.append(status)
    return ",".join(statuses)


def check_kind(kind: str) -> str:
    if kind not in QUANTITY_KINDS:
        raise UserError(f"unknown kind {kind!r}: choose one of {', '.join(QUANTITY_KINDS)}")
    return kind


def check_result(result: str) -> str:
    if result not in RESULTS:
        raise UserError(f"unknown check result {result!r}: choose one of {', '.join(RESULTS)}")
    return result


def parse_filter(typed: str, *, me: str | None = None) -> ClaimFilter:
    """`status:refuted kind:money doc:article.txt check:inconsistent 232毫秒` → a
    ClaimFilter. Words without a field are searched in the claim text, as one phrase; `mine`
    is `assignee:` the reviewer `me`, whom the face names (the workbench: its reviewer)."""
    try:
        words = shlex.split(typed)
    except ValueError:  # an unclosed quote while the reviewer is still typing
        words = typed.split()
    values: dict[str, str] = {}
    text: list[str] = []
    flags: set[str] = set()
    for word in words:
        name, colon, value = word.partition(":")
        if colon and name in FILTER_FIELDS and value:
            values[name] = value
        elif word in FILTER_WORDS:
            flags.add(word)
        else:
            text.append(word)
    status, kind, assignee = values.get("status"), values.get("kind"), values.get("assignee")
    check = values.get("check")
    if status:
        status = parse_statuses(status)
    if kind:
        check_kind(kind)
    if check:
        check_result(check)
    if MINE in flags:
        if me is None:  # the face says who is asking; storage knows no reviewer
            raise UserError("mine: whose claims? no reviewer name was given")
        assignee = me
    return ClaimFilter(status=status, kind=kind, document=values.get("doc"), text=" ".join(text) or None,
                       assignee=assignee, previously_checked=PREVIOUSLY_CHECKED in flags, check=check)


def with_aliases(session: Session, where: ClaimFilter) -> ClaimFilter:
    """The filter with the other sides of the alias its text is one side of: `Altman` (a
    word of "Sam Altman") also finds 奥尔特曼, and 奥尔特曼 finds "Sam Altman"."""
    if not where.text or where.text_variants:
        return where
    variants = alias_variants(session, where.text)
    return replace(where, text_variants=variants) if variants else where


def alias_variants(session: Session, text: str) -> tuple[str, ...]:
    """The other sides of every alias that `text` is one side of (the whole side, or a
    whole word of a side written with spaces), leaving out those the text already finds."""
    needle = " ".join(text.split()).casefold()
    if len(needle) < 2:
        return ()
    pattern = "%" + _escape_like(needle) + "%"
    rows = session.exec(
        select(Alias.name, Alias.variant).where(AnyCaseLike(Alias.name, pattern) | AnyCaseLike(Alias.variant, pattern))
    )
    names = {name for name, variant in rows if _is_side(needle, name) or _is_side(needle, variant)}
    if not names:
        return ()
    sides: set[str] = set(names)
    sides.update(session.exec(select(Alias.variant).where(col(Alias.name).in_(names))))
    # a side holding the text, or another side, is found through that one already
    kept = {side for side in sides if needle not in side.casefold()}
    kept = {side for side in kept if not any(o != side and o.casefold() in side.casefold() for o in kept)}
    return tuple(sorted(kept))


def _is_side(needle: str, side: str) -> bool:
    folded = side.casefold()
    return folded == needle or needle in folded.split()
