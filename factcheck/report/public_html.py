"""The public HTML report: a page an editor publishes as it is.

A masthead (title, publisher, date, the articles reviewed with their links and dates), the
verdicts counted, then per claim: the verdict, the claim in its context, the reviewer's
explanation, the sources the reviewer confirmed, the date of review. Words and dates are in
the report's language; each piece of quoted text carries its own `lang`, so a browser picks
the right fonts and a screen reader the right voice. Escaping, links and the
Content-Security-Policy are those of the internal page (html.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from sqlalchemy.engine import Engine

from factcheck.report.gather import ReportDocument, report_documents, status_counts
from factcheck.report.html import CONTEXT, POLICY, chart, escape, escaped, link_or_text, stylesheet
from factcheck.report.layout import Layout, ReportJob
from factcheck.report.public import (
    PUBLIC_PARTS,
    UNTITLED,
    PublicClaim,
    clipped,
    language_of,
    public_claims,
)
from factcheck.report.wording import VERDICTS, Words, long_date

HEADING = 120  # characters of a claim shown as its heading; the quote below has it whole


def report_title(job: ReportJob, documents: list[ReportDocument]) -> str:
    """The title asked for, else "Fact check: <the article>", else the plural."""
    if job.title:
        return clipped(job.title)
    if len(documents) == 1 and documents[0].title.strip():
        return clipped(job.words.title_one.format(title=documents[0].title))
    return job.words.title


def report_date(job: ReportJob) -> str:
    from factcheck.store.models import utc_now

    return job.date or utc_now().date().isoformat()


def _head(engine: Engine, job: ReportJob) -> str:
    words = job.words
    documents = report_documents(engine, job.where)
    counts = {status: count for status, count in status_counts(engine, job.where).items() if status in VERDICTS}
    title, today = report_title(job, documents), report_date(job)
    css = stylesheet() + stylesheet("public.css")
    checked = words.claims_checked(sum(counts.values()))
    return (
        f'<!DOCTYPE html>\n<html lang="{words.language}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title{_lang(title)}>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
        f'<header class="masthead">\n{_publisher(job)}<h1{_lang(title)}>{escape(title)}</h1>\n'
        f'<p class="meta">{_time(today, words)}{words.separator}{checked}</p>\n'
        f"{_articles(documents, words)}</header>\n"
        f'<section class="summary" aria-label="{escape(words.summary)}">\n'
        f"{_count_table(counts, words)}{chart(counts, words.verdicts, words.summary)}</section>\n"
        "<main>\n"
    )


def _lang(text: str) -> str:
    found = language_of(text)
    return f' lang="{found}"' if found else ""


def _time(day: str | None, words: Words) -> str:
    if not day:
        return ""
    return f'<time datetime="{escape(day)}">{escape(long_date(day, words))}</time>'


def _publisher(job: ReportJob) -> str:
    name = job.publisher.name
    if not name:
        return ""
    shown = f"<span{_lang(name)}>{link_or_text(job.publisher.url, name)}</span>"
    return f'<p class="publisher">{_filled(job.words.publisher, name=shown)}</p>\n'


def _filled(template: str, **html: str) -> str:
    """A sentence of the report's words with pieces of HTML in its {slots}: the words are
    escaped, the pieces (already escaped) are not."""
    parts = re.split(r"\{(\w+)\}", template)
    return "".join(html[part] if index % 2 else escape(part) for index, part in enumerate(parts))


def _articles(documents: list[ReportDocument], words: Words) -> str:
    if not documents:
        return ""
    items = []
    for document in documents:
        title = clipped(document.title) or UNTITLED
        dated = _dated(document.published, words)
        items.append(f"<li><cite{_lang(title)}>{link_or_text(document.url, title)}</cite>{dated}</li>\n")
    return (
        f'<section class="articles">\n<h2>{escape(words.articles)}</h2>\n'
        f'<ul>\n{"".join(items)}</ul>\n</section>\n'
    )


def _dated(published: str | None, words: Words) -> str:
    if not published:
        return ""
    return f'{words.separator}<span class="when">{_filled(words.published, date=_time(published, words))}</span>'


def _count_table(counts: dict[str, int], words: Words) -> str:
    rows = "".join(
        f'<tr><td><span class="badge {status}">{escape(words.verdicts[status])}</span></td>'
        f'<td class="number">{count}</td></tr>\n'
        for status, count in counts.items()
    )
    return f"<table>\n<tbody>\n{rows}</tbody>\n</table>\n"


def _claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    for claim in public_claims(records, job):
        yield _claim(claim, job.words)


def _claim(claim: PublicClaim, words: Words) -> str:
    heading = clipped(claim.text, HEADING)
    return "".join([
        f'<article class="claim" id="{claim.anchor}">\n<header>'
        f'<span class="badge {claim.status}">{escape(claim.rating)}</span>'
        f"<h2{_lang(heading)}>{escape(heading)}</h2></header>\n",
        _quote(claim, heading),
        _where(claim, words),
        _explanation(claim, words),
        _inconsistencies(claim, words),
        _sources(claim, words),
        _reviewed(claim, words),
        "</article>\n",
    ])


def _quote(claim: PublicClaim, heading: str) -> str:
    """The claim in the words around it; not when the heading already says all of it."""
    if not (claim.before.strip() or claim.after.strip()) and heading == " ".join(claim.text.split()):
        return ""
    before, text, after = escaped(claim.before, claim.text, claim.after)
    return f'<blockquote class="quote"{_lang(claim.text)}>{before}<mark>{text}</mark>{after}</blockquote>\n'


def _where(claim: PublicClaim, words: Words) -> str:
    article = claim.article
    cited = f"<cite{_lang(article.title)}>{link_or_text(article.url, article.title)}</cite>"
    parts = [_filled(words.in_article, article=cited) + _dated(article.published, words)]
    if claim.said_by:
        said = words.said_by if claim.said_by_kind == "Person" else words.according_to
        parts.append(_filled(said, name=f"<span{_lang(claim.said_by)}>{escape(claim.said_by)}</span>"))
    return f'<p class="where">{words.separator.join(parts)}</p>\n'


def _explanation(claim: PublicClaim, words: Words) -> str:
    if not claim.explanation:
        return ""
    paragraphs = "".join(
        f"<p{_lang(line)}>{escape(line)}</p>\n"
        for note in claim.explanation
        for line in note.splitlines()
        if line.strip()
    )
    return f'<h3>{escape(words.explanation)}</h3>\n<div class="explanation">\n{paragraphs}</div>\n'


def _inconsistencies(claim: PublicClaim, words: Words) -> str:
    if not claim.inconsistencies:
        return ""
    items = "".join(f"<li{_lang(line)}>{escape(line)}</li>\n" for line in claim.inconsistencies)
    return f'<h3>{escape(words.numbers)}</h3>\n<ul class="inconsistencies">\n{items}</ul>\n'


def _sources(claim: PublicClaim, words: Words) -> str:
    if not claim.sources:
        return ""
    items = []
    for source in claim.sources:
        relation = escape(words.relations.get(source.relation, source.relation))
        items.append(
            f"<li><cite{_lang(source.title)}>{link_or_text(source.url, source.title)}</cite>"
            f"{_dated(source.published, words)} — {relation}\n"
            f"<blockquote{_lang(source.passage)}>{escape(source.passage)}</blockquote></li>\n"
        )
    return f'<h3>{escape(words.sources)}</h3>\n<ol class="evidence">\n{"".join(items)}</ol>\n'


def _reviewed(claim: PublicClaim, words: Words) -> str:
    if not claim.reviewed:
        return ""
    when = _time(claim.reviewed, words)
    if claim.reviewer:
        name = f"<span{_lang(claim.reviewer)}>{escape(claim.reviewer)}</span>"
        said = _filled(words.reviewed_by, date=when, name=name)
    else:
        said = _filled(words.reviewed, date=when)
    return f'<p class="reviewed">{said}</p>\n'


def _tail(count: int, job: ReportJob) -> str:
    empty = "" if count else f'<p class="empty">{escape(job.words.no_claims)}</p>\n'
    return f"{empty}</main>\n</body>\n</html>\n"


PUBLIC = Layout(_head, _claims, _tail, context=CONTEXT, parts=PUBLIC_PARTS)
