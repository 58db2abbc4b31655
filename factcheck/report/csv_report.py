"""CSV report: one row per claim, UTF-8 with a BOM so spreadsheets pick the encoding.

Spreadsheets run a cell that starts with =, +, -, @, tab or CR as a formula (=HYPERLINK,
DDE payloads), so such cells are prefixed with an apostrophe. A cell that is a plain number
("-5", "+3.2") is left alone so figures stay figures.
"""

from __future__ import annotations

import csv
import re
from typing import TextIO

from sqlalchemy.engine import Engine

from factcheck.report.gather import ReportOptions, iter_claim_records
from factcheck.report.wording import describe_change, last_verdict, notes, value_text

COLUMNS = (
    "id", "status", "verdict_at", "reviewer", "label", "claim", "document", "document_url",
    "document_published", "start", "end", "checkworthiness", "quantities", "values",
    "evidence", "evidence_urls", "notes", "history",
)
_FORMULA_START = frozenset("=+-@\t\r")
_NUMBERS = (int, float)  # written by us, never a formula
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: object) -> str:
    """The cell as text, inert in Excel, LibreOffice and Google Sheets."""
    text = "" if value is None else str(value)
    if text and text[0] in _FORMULA_START and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv(engine: Engine, out: TextIO, options: ReportOptions | None = None, **_: object) -> int:
    options = options or ReportOptions()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for record in iter_claim_records(engine, options):
        writer.writerow([value if type(value) in _NUMBERS else neutralise(value) for value in row(record)])
        count += 1
    return count


def row(record: dict) -> list[object]:
    verdict = last_verdict(record) or {}
    kept = [link for link in record["links"] if link["state"] != "rejected"]
    return [
        record["id"],
        record["status"],
        verdict.get("at"),
        verdict.get("reviewer"),
        record["label"],
        " ".join(record["text"].split()),
        record["document"],
        record.get("document_url"),
        record.get("document_published"),
        record["start"],
        record["end"],
        record["checkworthiness"],
        "; ".join(q["display"] for q in record["quantities"]),
        "; ".join(f"{q['kind']} {value_text(q)}" for q in record["quantities"]),
        "\n".join(
            f"{link['relation']} ({link['state']}, {link['score']:.2f}) {link['source']}: "
            f"{' '.join(link['passage'].split())}"
            for link in kept
        ),
        "\n".join(dict.fromkeys(link["source_url"] for link in kept if link.get("source_url"))),
        "\n".join(f"{event['note']} ({event['reviewer']}, {event['at']})" for event in notes(record)),
        "\n".join(
            f"{event['at']} {event['reviewer']}: {describe_change(event)}" for event in record["history"]
        ),
    ]
