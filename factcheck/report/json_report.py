"""JSON report: {"generated_at": ..., "claims": [...]}, one claim a line.

orjson rather than the standard library: at 100,000 claims the encoder is most of the time."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TextIO

import orjson
from sqlalchemy.engine import Engine

from factcheck.report.gather import iso
from factcheck.report.layout import Layout, ReportJob, write_report
from factcheck.store.filters import ClaimFilter
from factcheck.store.models import utc_now
from factcheck.text.shown import BIDI_CONTROLS, C1_CONTROLS


def write_json(engine: Engine, out: TextIO, where: ClaimFilter | None = None) -> int:
    """The internal JSON report of the claims `where` selects: `claims --json` prints it."""
    return write_report(INTERNAL, engine, out, ReportJob(where=where or ClaimFilter()))


def _head(engine: Engine, job: ReportJob) -> str:
    return f'{{"generated_at": "{iso(utc_now())}", "claims": ['


def _claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    dumps = orjson.dumps
    for record in records:
        yield "\n  " + inert(dumps(record).decode())


# orjson escapes the C0 controls, as JSON requires, and writes DEL, C1 and bidi controls raw
_RAW = re.compile("[" + re.escape(C1_CONTROLS + BIDI_CONTROLS) + "]")


def inert(encoded: str) -> str:
    """JSON with DEL, the C1 and the bidi controls written as \\u escapes: the same strings
    to a parser, and nothing a terminal would obey. Only string contents hold them."""
    if encoded.isprintable():  # the usual claim: a quicker pass than the search finds none
        return encoded
    return _RAW.sub(_unicode_escape, encoded)


def _unicode_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def list_tail(count: int, job: ReportJob) -> str:
    return "\n]}\n" if count else "]}\n"


INTERNAL = Layout(_head, _claims, list_tail, separator=",")
