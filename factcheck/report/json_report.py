"""JSON report: {"generated_at": ..., "claims": [...]}, one claim a line.

orjson rather than the standard library: at 100,000 claims the encoder is most of the time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

import orjson
from sqlalchemy.engine import Engine

from factcheck.core.models import utc_now
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
        yield "\n  " + dumps(record).decode()


def _tail(count: int) -> str:
    return "\n]}\n" if count else "]}\n"


JSON = Layout(_head, _claims, _tail, separator=",")
