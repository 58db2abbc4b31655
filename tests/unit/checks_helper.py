"""Running the consistency checks on a text as ingest does: claims extracted, then checked."""

from __future__ import annotations

from factcheck.text.checks.findings import Finding
from factcheck.text.checks.run import DocumentDate, check_claims
from factcheck.text.extract.claims import extract_claims
from factcheck.text.extract.dates import infer_reference_date

PUBLISHED = "2024-05-20"


def run_checks(text: str, published: str | None = PUBLISHED) -> list[Finding]:
    reference = published or infer_reference_date(text)
    origin = "published" if published else "inferred" if reference else None
    return check_claims(text, extract_claims(text, reference), DocumentDate(reference, origin))


def results(text: str, kind: str, published: str | None = PUBLISHED) -> list[str]:
    """The results of the findings of one kind, in order."""
    return [f.result for f in run_checks(text, published) if f.kind == kind]


def only(text: str, kind: str, published: str | None = PUBLISHED) -> Finding:
    found = [f for f in run_checks(text, published) if f.kind == kind]
    assert len(found) == 1, [f.sentence for f in run_checks(text, published)]
    return found[0]
