"""JSON report: {"generated_at": ..., "claims": [...]}, one claim a line; the public one
also names the report's title, date, language, publisher and articles before its claims.

orjson rather than the standard library: at 100,000 claims the encoder is most of the time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

import orjson
from sqlalchemy.engine import Engine

from factcheck.core.filters import ClaimFilter
from factcheck.core.models import utc_now
from factcheck.report.gather import iso, report_documents
from factcheck.report.html import CONTEXT
from factcheck.report.layout import Layout, ReportJob, write_report
from factcheck.report.public import clipped, public_claims
from factcheck.report.public_html import report_date, report_title
from factcheck.report.wording import web_url


def write_json(engine: Engine, out: TextIO, where: ClaimFilter | None = None) -> int:
    """The internal JSON report of the claims `where` selects: `claims --json` prints it."""
    return write_report(INTERNAL, engine, out, ReportJob(where=where or ClaimFilter()))


def _head(engine: Engine, job: ReportJob) -> str:
    return f'{{"generated_at": "{iso(utc_now())}", "claims": ['


def _claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    dumps = orjson.dumps
    for record in records:
        yield "\n  " + dumps(record).decode()


def _tail(count: int, job: ReportJob) -> str:
    return "\n]}\n" if count else "]}\n"


INTERNAL = Layout(_head, _claims, _tail, separator=",")


# --- the public report: what may leave the newsroom, as data -----------------------------

def _public_head(engine: Engine, job: ReportJob) -> str:
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


def _public_claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    dumps = orjson.dumps
    for claim in public_claims(records, job):
        yield "\n  " + dumps(claim.as_json()).decode()


PUBLIC = Layout(_public_head, _public_claims, _tail, separator=",", context=CONTEXT)
