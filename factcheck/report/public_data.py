"""The public report as data: JSON (the report's title, date, language, publisher and
articles, then one judged claim a line) and CSV (one row per judged claim). Nothing internal:
the records are report.public's."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

import orjson
from sqlalchemy.engine import Engine

from factcheck.report.csv_report import Lines, header, neutralise, no_tail
from factcheck.report.gather import iso, report_documents
from factcheck.report.html import CONTEXT
from factcheck.report.json_report import list_tail
from factcheck.report.layout import Layout, ReportJob
from factcheck.report.public import PUBLIC_PARTS, PublicClaim, clipped, public_claims
from factcheck.report.public_html import report_date, report_title
from factcheck.report.wording import web_url
from factcheck.store.models import utc_now
from factcheck.text.shown import visible


def _json_head(engine: Engine, job: ReportJob) -> str:
    documents = report_documents(engine, job.where)
    head = {
        "title": report_title(job, documents),
        "date": report_date(job),
        "language": job.words.language,
        "publisher": {"name": job.publisher.name, "url": job.publisher.url},
        "articles": [
            {"title": clipped(d.title) or None, "url": web_url(d.url), "published": d.published}
            for d in documents
        ],
    }
    fields = orjson.dumps(head).decode()[1:-1]
    return f'{{"generated_at": "{iso(utc_now())}", {fields}, "claims": ['


def _json_claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    dumps = orjson.dumps
    for claim in public_claims(records, job):
        yield "\n  " + dumps(claim).decode()  # orjson writes a dataclass as its fields, in order


PUBLIC_JSON = Layout(_json_head, _json_claims, list_tail, separator=",", context=CONTEXT, parts=PUBLIC_PARTS)


PUBLIC_COLUMNS = (
    "claim_id", "verdict", "rating", "claim", "article", "article_url", "article_published",
    "said_by", "explanation", "sources", "source_urls", "reviewed", "reviewer", "inconsistencies",
)


def _csv_head(engine: Engine, job: ReportJob) -> str:
    return header(PUBLIC_COLUMNS)


def _csv_claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    lines: list[str] = []
    writer = csv.writer(Lines(lines), lineterminator="\r\n")
    for claim in public_claims(records, job):
        writer.writerow([neutralise(value) for value in public_row(claim)])
        yield lines.pop()


def public_row(claim: PublicClaim) -> list[object]:
    """A claim's public cells: a stranger's text with its control characters shown (line
    breaks kept inside a cell)."""
    shown = _shown
    return [
        claim.id, claim.status, claim.rating, shown(" ".join(claim.text.split())),
        shown(claim.article.title), claim.article.url, claim.article.published,
        shown(claim.said_by), shown("\n\n".join(claim.explanation)),
        shown("\n".join(f"{s.title} ({s.relation}): {' '.join(s.passage.split())}" for s in claim.sources)),
        "\n".join(dict.fromkeys(s.url for s in claim.sources if s.url)),
        claim.reviewed, shown(claim.reviewer), shown("\n".join(claim.inconsistencies)),
    ]


def _shown(text: str | None) -> str | None:
    return visible(text, keep="\n") if text else text


PUBLIC_CSV = Layout(_csv_head, _csv_claims, no_tail, parts=PUBLIC_PARTS)
