"""JSON report: {"generated_at": ..., "claims": [...]}, written claim by claim."""

from __future__ import annotations

import json
from typing import TextIO

from sqlalchemy.engine import Engine

from factcheck.core.models import utc_now
from factcheck.report.gather import ReportOptions, iso, iter_claim_records


def write_json(engine: Engine, out: TextIO, options: ReportOptions = ReportOptions(), **_: object) -> int:
    out.write('{"generated_at": %s, "claims": [' % json.dumps(iso(utc_now())))
    count = 0
    for record in iter_claim_records(engine, options):
        out.write(",\n  " if count else "\n  ")
        out.write(json.dumps(record, ensure_ascii=False))
        count += 1
    out.write("\n]}\n" if count else "]}\n")
    return count
