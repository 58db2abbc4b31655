"""Findings of the consistency checks, stored on the claims they are about: written in the
transaction that stores an article, computed again on demand (`factcheck checks
--recompute`, e.g. for articles stored before the checks existed), and read per claim for
the queue, the detail pane and the reports.

A finding that says a claim is inconsistent raises the claim's check-worthiness once; the
rise is stored with the finding (FindingClaim.raised) so that a recomputation takes it back
exactly before it adds the new one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import delete, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.store.db import session_scope
from factcheck.store.filters import ClaimFilter, check_result
from factcheck.store.models import Claim, Document, Finding, FindingClaim, Quantity, utc_now
from factcheck.text.checks.findings import (
    FINDING_COLUMNS,
    FINDING_FACTS,
    FindingFacts,
    FindingRecord,
    records,
)
from factcheck.text.checks.run import DocumentDate, check_claims, raise_worth
from factcheck.text.extract.dates import reference_for
from factcheck.text.extract.extraction import QUANTITY_FIELDS, ClaimDraft, QuantityMatch

FINDING_TABLE = Finding.__table__  # type: ignore[attr-defined]
FINDING_CLAIM_TABLE = FindingClaim.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class FindingView(FindingFacts):
    """A finding as the command line, the workbench and the reports show it."""

    id: int
    document: str  # the article's path
    claims: tuple[int, ...]
    quantities: tuple[dict, ...]  # {text, start, end, role}
    figures: dict

    def as_json(self) -> dict:
        return {
            "id": self.id, "document": self.document, "kind": self.kind, "result": self.result,
            "arithmetic": self.arithmetic, "reason": self.reason, "start": self.start, "end": self.end,
            "claims": list(self.claims), "quantities": list(self.quantities), "figures": self.figures,
        }


def store_findings(rows, document_id: int, claim_ids: list[int], found: list[FindingRecord]) -> None:
    """Insert findings (claims by index into `claim_ids`) with the bulk inserter of ingest."""
    if not found:
        return
    finding_ids = rows.insert_returning_ids(
        FINDING_TABLE, ("document_id", *FINDING_COLUMNS, "created_at"),
        [(document_id, *record.columns(), rows.timestamp(FINDING_TABLE.c.created_at, utc_now())) for record in found],
    )
    rows.insert(FINDING_CLAIM_TABLE, ("finding_id", "claim_id", "raised"), [
        (finding_id, claim_ids[index], raised)
        for finding_id, record in zip(finding_ids, found, strict=True)
        for index, raised in record.claims
    ])


@dataclass
class Recomputed:
    documents: int = 0
    findings: int = 0
    inconsistent: int = 0


def recompute_all(engine: Engine, *, progress: Callable[[int, int], None] | None = None) -> Recomputed:
    """Compute the findings of every article again, one transaction per article: the old
    findings and the check-worthiness they added are replaced by the new ones."""
    with Session(engine) as session:
        ids = list(session.exec(select(Document.id).where(Document.role == "article").order_by(Document.id)))
    done = Recomputed()
    for number, document_id in enumerate(ids, 1):
        with session_scope(engine) as session:
            found = recompute_document(session, document_id)
        done.documents += 1
        done.findings += len(found)
        done.inconsistent += sum(record.result == "inconsistent" for record in found)
        if progress:
            progress(number, len(ids))
    return done


def recompute_document(session: Session, document_id: int) -> list[FindingRecord]:
    """The findings of one article computed again from its stored claims, in the caller's
    transaction; returns what was stored."""
    from factcheck.services.ingest import Rows

    document = session.get(Document, document_id)
    claims = list(session.exec(select(Claim).where(Claim.document_id == document_id).order_by(Claim.start, Claim.id)))
    taken_back = _take_back(session, [c.id for c in claims])
    session.execute(delete(Finding).where(Finding.document_id == document_id))
    drafts = _drafts(session, claims, taken_back)
    reference = reference_for(document.text, document.published)
    origin = None if reference is None else "published" if document.published else "inferred"
    found = check_claims(document.text, drafts, DocumentDate(reference, origin))
    raised = raise_worth(drafts, found)
    for index, claim in enumerate(claims):
        worth = round(drafts[index].checkworthiness + raised.get(index, 0.0), 3)
        if worth != claim.checkworthiness:
            session.execute(update(Claim).where(Claim.id == claim.id).values(checkworthiness=worth))
    stored = records(found, raised)
    store_findings(Rows(session), document_id, [c.id for c in claims], stored)
    return stored


def _take_back(session: Session, claim_ids: list[int]) -> dict[int, float]:
    """claim id -> the check-worthiness its current findings added."""
    raised: dict[int, float] = {}
    for chunk in _chunks(claim_ids):
        for claim_id, amount in session.exec(
            select(FindingClaim.claim_id, FindingClaim.raised).where(col(FindingClaim.claim_id).in_(chunk))
        ):
            raised[claim_id] = raised.get(claim_id, 0.0) + amount
    return raised


def _drafts(session: Session, claims: list[Claim], taken_back: dict[int, float]) -> list[ClaimDraft]:
    quantities: dict[int, list[QuantityMatch]] = {c.id: [] for c in claims}
    for chunk in _chunks(list(quantities)):
        columns = (getattr(Quantity, name) for name in QUANTITY_FIELDS)
        query = select(Quantity.claim_id, *columns).where(col(Quantity.claim_id).in_(chunk)).order_by(Quantity.start)
        for claim_id, *values in session.exec(query):
            quantities[claim_id].append(QuantityMatch(*values))
    return [
        ClaimDraft(c.start, c.end, c.text, c.label, round(c.checkworthiness - taken_back.get(c.id, 0.0), 3), quantities[c.id])
        for c in claims
    ]


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def list_findings(
    session: Session, *, result: str | None = None, kind: str | None = None, where: ClaimFilter | None = None
) -> list[FindingView]:
    """Findings in document order, optionally of one result and kind, on claims the filter
    selects (its document, status...)."""
    query = select(Finding, Document.path).join(Document, Document.id == Finding.document_id)
    if result:
        query = query.where(Finding.result == check_result(result))
    if kind:
        query = query.where(Finding.kind == kind)
    if where is not None and not where.is_empty:
        chosen = select(FindingClaim.finding_id).join(Claim, Claim.id == FindingClaim.claim_id).where(*where.conditions(Claim))
        query = query.where(col(Finding.id).in_(chosen))
    rows = list(session.exec(query.order_by(Finding.document_id, Finding.start, Finding.id)))
    claims = _claims_of(session, [finding.id for finding, _ in rows])
    return [_view(finding, path, claims.get(finding.id, ())) for finding, path in rows]


def findings_for_claims(session: Session, claim_ids: Iterable[int]) -> dict[int, list[FindingView]]:
    """claim id -> the findings about it (in document order): for a page of the queue, the
    detail pane, a report."""
    ids = list(claim_ids)
    by_claim: dict[int, list[FindingView]] = {claim_id: [] for claim_id in ids}
    for chunk in _chunks(ids):
        query = (
            select(FindingClaim.claim_id, Finding, Document.path)
            .join(Finding, Finding.id == FindingClaim.finding_id)
            .join(Document, Document.id == Finding.document_id)
            .where(col(FindingClaim.claim_id).in_(chunk))
            .order_by(Finding.start, Finding.id)
        )
        rows = list(session.exec(query))
        claims = _claims_of(session, [finding.id for _, finding, _ in rows])
        for claim_id, finding, path in rows:
            by_claim[claim_id].append(_view(finding, path, claims.get(finding.id, ())))
    return by_claim


def findings_for_claim(session: Session, claim_id: int) -> list[FindingView]:
    return findings_for_claims(session, [claim_id])[claim_id]


def _claims_of(session: Session, finding_ids: list[int]) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = {}
    for chunk in _chunks(sorted(set(finding_ids))):
        query = select(FindingClaim.finding_id, FindingClaim.claim_id).where(col(FindingClaim.finding_id).in_(chunk))
        for finding_id, claim_id in session.exec(query.order_by(FindingClaim.claim_id)):
            found.setdefault(finding_id, []).append(claim_id)
    return {key: tuple(value) for key, value in found.items()}


def _view(finding: Finding, path: str, claims: tuple[int, ...]) -> FindingView:
    facts = {name: getattr(finding, name) for name in FINDING_FACTS}
    return FindingView(
        **facts, id=finding.id, document=path, claims=claims,
        quantities=tuple(json.loads(finding.quantities)), figures=json.loads(finding.figures),
    )
