"""JSON report: {"generated_at": ..., "claims": [...]}, written claim by claim.

orjson rather than the standard library: at 100,000 claims the encoder is most of the time."""

from __future__ import annotations

from typing import TextIO

import orjson
from sqlalchemy.engine import Engine

from factcheck.core.models import utc_now
from factcheck.report.gather import ReportOptions, iso, iter_claim_records


def write_json(engine: Engine, out: TextIO, options: ReportOptions | None = None, **_: object) -> int:
    options = options or ReportOptions()
    out.write(f'{{"generated_at": "{iso(utc_now())}", "claims": [')
    count = 0
    for record in iter_claim_records(engine, options):
        out.write(",\n  " if count else "\n  ")
        out.write(orjson.dumps(record).decode())
        count += 1
    out.write("\n]}\n" if count else "]}\n")
    return count
