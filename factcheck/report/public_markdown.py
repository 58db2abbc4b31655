"""The public report in Markdown: the content of the public HTML page, for a CMS or a code
host. Untrusted text is made inert as in the internal Markdown report (markdown.cell) and
its control characters are shown, never obeyed (text.shown.visible)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy.engine import Engine

from factcheck.report.gather import report_documents, status_counts
from factcheck.report.html import CONTEXT
from factcheck.report.layout import Layout, ReportJob
from factcheck.report.markdown import cell, link
from factcheck.report.public import (
    PUBLIC_PARTS,
    UNTITLED,
    PublicClaim,
    attribution,
    clipped,
    public_claims,
)
from factcheck.report.public_html import HEADING, report_date, report_title
from factcheck.report.wording import VERDICTS, Words, long_date
from factcheck.text.shown import visible


def text(value: str | None) -> str:
    """Inline-safe and visible: a stranger's text on one line of a Markdown document."""
    return visible(cell(value))


def _link(url: str | None, title: str) -> str:
    return visible(link(url, title))


def _head(engine: Engine, job: ReportJob) -> str:
    words = job.words
    documents = report_documents(engine, job.where)
    counts = {s: c for s, c in status_counts(engine, job.where).items() if s in VERDICTS}
    lines = [f"# {text(report_title(job, documents))}\n"]
    if job.publisher.name:
        lines.append(words.publisher.replace("{name}", _link(job.publisher.url, job.publisher.name)) + "\n")
    checked = words.claims_checked(sum(counts.values()))
    lines.append(f"{long_date(report_date(job), words)}{words.separator}{checked}\n")
    if documents:
        lines.append(f"## {words.articles}\n")
        lines.append("".join(
            f"- {_link(d.url, clipped(d.title) or UNTITLED)}{_dated(d.published, words)}\n" for d in documents
        ))
    lines.append(f"## {words.summary}\n")
    lines.append("".join(f"- **{words.verdicts[s]}**{words.colon}{c}\n" for s, c in counts.items()))
    return "\n".join(lines) + "\n"


def _dated(published: str | None, words: Words) -> str:
    if not published:
        return ""
    return words.separator + words.published.replace("{date}", text(long_date(published, words)))


def _claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    for claim in public_claims(records, job):
        yield _claim(claim, job.words)


def _claim(claim: PublicClaim, words: Words) -> str:
    heading = clipped(claim.text, HEADING)
    quote = " ".join(part for part in (text(claim.before), f"**{text(claim.text)}**", text(claim.after)) if part)
    quoted = "" if quote == f"**{text(heading)}**" else f"> {quote}\n\n"  # the heading says it all
    where = words.in_article.replace("{article}", _link(claim.article.url, claim.article.title))
    where += _dated(claim.article.published, words)
    if claim.said_by:
        where += words.separator + text(attribution(claim, words))
    parts = [
        f"## {words.verdicts[claim.status]}{words.colon}{text(heading)}\n\n",
        quoted,
        f"{where}\n\n",
    ]
    if claim.explanation:
        notes = "\n\n".join(text(line) for note in claim.explanation for line in note.splitlines() if line.strip())
        parts.append(f"### {words.explanation}\n\n{notes}\n\n")
    if claim.inconsistencies:
        items = "".join(f"- {text(line)}\n" for line in claim.inconsistencies)
        parts.append(f"### {words.numbers}\n\n{items}\n")
    if claim.sources:
        items = "".join(
            f"{number}. {_link(s.url, s.title)}{_dated(s.published, words)} — "
            f"{words.relations.get(s.relation, s.relation)}\n    > {text(s.passage)}\n"
            for number, s in enumerate(claim.sources, 1)
        )
        parts.append(f"### {words.sources}\n\n{items}\n")
    if claim.reviewed:
        day = long_date(claim.reviewed, words)
        said = (words.reviewed_by.replace("{date}", day).replace("{name}", text(claim.reviewer))
                if claim.reviewer else words.reviewed.replace("{date}", day))
        parts.append(f"*{said}*\n\n")
    parts.append("---\n\n")
    return "".join(parts)


def _tail(count: int, job: ReportJob) -> str:
    return "" if count else f"*{job.words.no_claims}*\n"


PUBLIC = Layout(_head, _claims, _tail, context=CONTEXT, parts=PUBLIC_PARTS)
