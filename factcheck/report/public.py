"""What the public sees of a claim: the verdict, the claim in its context, the reviewer's
explanation, the sources the reviewer confirmed (titles and web links), the date of review.

Built from the gathered record, which holds everything; nothing internal passes: no scores,
offsets, link ids or states, file paths, or reviewer names unless the report credits them.
Every public format (HTML, Markdown, CSV, JSON, ClaimReview) renders these records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factcheck.report.layout import ReportJob
from factcheck.report.wording import Words, last_verdict, reader_inconsistencies, web_url
from factcheck.store.models import UNDO_NOTE
from factcheck.text.extract.attribution import speaker_of
from factcheck.text.read.language import detect_language

TITLE_LIMIT = 300  # characters of a title shown: a page's <title> can be any length
UNTITLED = "—"  # shown for a document without a title: never its file path
# what a public report reads of a claim: no quantities
PUBLIC_PARTS = frozenset({"links", "history", "findings"})


@dataclass(frozen=True, slots=True)
class Source:
    """A passage the reviewer confirmed as evidence, and where it is published."""

    title: str
    url: str | None  # http(s) only
    published: str | None
    relation: str  # supports | contradicts | mentions
    passage: str


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    url: str | None  # http(s) only: never a file path
    published: str | None


@dataclass(frozen=True, slots=True)
class PublicClaim:
    id: int
    status: str  # one of VERDICTS
    rating: str  # the verdict in the report's language
    text: str
    before: str  # the article's text around the claim, "…" where cut
    after: str
    article: Article
    said_by: str | None  # who the article says made the claim
    said_by_kind: str | None  # schema.org type: Person or Organization
    explanation: tuple[str, ...]  # the reviewer's notes on the verdict
    inconsistencies: tuple[str, ...]  # the article's own figures that disagree, in the report's words
    sources: tuple[Source, ...]
    reviewed: str | None  # ISO date of the verdict
    reviewer: str | None  # only when the report credits reviewers

    @property
    def anchor(self) -> str:
        return f"claim-{self.id}"


def public_claims(records: Iterable[dict], job: ReportJob) -> Iterator[PublicClaim]:
    """The public form of each record that has a verdict."""
    verdicts = job.words.verdicts
    for record in records:
        status = record["status"]
        if status not in verdicts:
            continue
        verdict = last_verdict(record) or {}
        said = speaker_of(record["text"])
        before, after = _context(record.get("context"))
        yield PublicClaim(
            id=record["id"], status=status, rating=verdicts[status], text=record["text"],
            before=before, after=after, article=_article(record),
            said_by=said.name if said else None, said_by_kind=said.kind if said else None,
            explanation=explanation(record), inconsistencies=reader_inconsistencies(record["findings"], job.words),
            sources=tuple(_sources(record["links"])),
            reviewed=(verdict.get("at") or "")[:10] or None,
            reviewer=(verdict.get("reviewer") or None) if job.credit else None,
        )


def clipped(text: str | None, limit: int = TITLE_LIMIT) -> str:
    """One line of at most `limit` characters, "…" where cut."""
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _article(record: dict) -> Article:
    return Article(
        title=clipped(record.get("document_title")) or UNTITLED,
        url=web_url(record.get("document_url")),
        published=record.get("document_published"),
    )


def _context(context: dict | None) -> tuple[str, str]:
    if not context:
        return "", ""
    before = ("…" if context["clipped_before"] else "") + context["before"]
    after = context["after"] + ("…" if context["clipped_after"] else "")
    return before, after


def explanation(record: dict) -> tuple[str, ...]:
    """The note given with the verdict in force, and the notes written on the claim since;
    never an undo's bookkeeping, nor the note of a verdict since replaced."""
    history, status = record["history"], record["status"]
    start = None
    for index in range(len(history) - 1, -1, -1):
        event = history[index]
        if event["field"] == "status" and event["to"] == status and not _undo(event):
            start = index
            break
    if start is None:
        return ()
    notes = [history[start]["note"]] + [e["note"] for e in history[start + 1:] if e["field"] == "note"]
    return tuple(note.strip() for note in notes if note and note.strip())


def _undo(event: dict) -> bool:
    return (event["note"] or "").startswith(UNDO_NOTE)


def _sources(links: list[dict]) -> Iterator[Source]:
    """Only what a reviewer confirmed: suggestions are the machine's, not the newsroom's."""
    for link in links:
        if link["state"] == "confirmed":
            yield Source(
                title=clipped(link.get("source_title")) or UNTITLED,
                url=web_url(link.get("source_url")),
                published=link.get("source_published"),
                relation=link["relation"],
                passage=link["passage"],
            )


def attribution(claim: PublicClaim, words: Words) -> str:
    """Who the claim is from, in words: "said by 奥尔特曼", "according to Reuters"."""
    said = words.said_by if claim.said_by_kind == "Person" else words.according_to
    return said.format(name=claim.said_by)


def language_of(text: str) -> str | None:
    """"zh" or "en" for a piece of text shown, None when it has no letters to tell by."""
    found = detect_language(text)
    return None if found == "und" else found
