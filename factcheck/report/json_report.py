"""JSON report: {"generated_at": ..., "claims": [...]}, one claim a line.

orjson rather than the standard library: at 100,000 claims the encoder is most of the time."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TextIO

import orjson
from sqlalchemy.engine import Engine

from factcheck.core.models import utc_now
from factcheck.core.shown import BIDI_CONTROLS, C1_CONTROLS
from factcheck.report.gather import ReportOptions, iso
from factcheck.report.layout import Layout, write_report


def write_json(
    engine: Engine, out: TextIO, options: ReportOptions | None = None, *, workers: int = 0, **_: object
) -> int:
    return write_report(JSON, engine, out, options or ReportOptions(), {}, workers=workers)


def _head(engine: Engine, options: ReportOptions, settings: dict) -> str:
    return f'{{"generated_at": "{iso(utc_now())}", "claims": ['


def _claims(records: Iterable[dict], settings: dict) -> Iterator[str]:
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


def _tail(count: int) -> str:
    return "\n]}\n" if count else "]}\n"


JSON = Layout(_head, _claims, _tail, separator=",")
