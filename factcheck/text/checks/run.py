"""Running every family of checks over an article's claims."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.text.checks import changes, conversions, multiples, parts, timeline
from factcheck.text.checks.findings import INCONSISTENT, Finding, raised_worth
from factcheck.text.checks.layout import DocumentDate, read_article
from factcheck.text.extract.extraction import ClaimDraft

__all__ = ["FAMILIES", "DocumentDate", "check_claims", "raise_worth"]

# family name -> the function that runs its checks; each kind in CHECK_KINDS names one
FAMILIES: dict[str, Callable] = {
    "conversions": conversions.check,
    "changes": changes.check,
    "multiples": multiples.check,  # shares the change statements ("from X to Y") with changes
    "parts": parts.check,
    "dates": timeline.check,
}


def check_claims(text: str, claims: list[ClaimDraft], date: DocumentDate | None = None) -> list[Finding]:
    """Every finding on the claims of `text` (offsets into `text`, claims by index), in
    document order."""
    if not claims:
        return []
    article = read_article(text, claims, date or DocumentDate())
    found: list[Finding] = []
    for run in FAMILIES.values():
        found += run(article)
    return sorted(found, key=lambda finding: (finding.start, finding.kind))


def raise_worth(claims: list[ClaimDraft], findings: list[Finding]) -> dict[int, float]:
    """claim index -> how much its check-worthiness rises: once per claim with an
    inconsistency, whatever their number."""
    raised: dict[int, float] = {}
    for finding in findings:
        if finding.result != INCONSISTENT:
            continue
        for index in finding.claims:
            if index not in raised:
                worth = claims[index].checkworthiness
                raised[index] = raised_worth(worth) - worth
    return raised


