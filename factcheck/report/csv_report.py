"""CSV report: one row per claim, UTF-8 with a BOM so spreadsheets pick the encoding.

Spreadsheets run a cell that starts with =, +, -, @, tab or CR as a formula (=HYPERLINK,
DDE payloads), so such cells are prefixed with an apostrophe. A cell that is a plain number
("-5", "+3.2") is left alone so figures stay figures.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from itertools import islice

from sqlalchemy.engine import Engine

from factcheck.report.layout import Layout, ReportJob
from factcheck.report.wording import describe_change, finding_text, last_verdict, notes, value_text
from factcheck.text.shown import CONTROLS, escape

COLUMNS = (
    "id", "status", "verdict_at", "reviewer", "assignee", "label", "claim", "document", "document_url",
    "document_published", "start", "end", "checkworthiness", "quantities", "values",
    "evidence", "evidence_urls", "notes", "history", "findings",
)
_FORMULA_START = frozenset("=+-@\t\r")
_NUMBERS = (int, float)  # written by us, never a formula
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
# Control characters are shown as escapes (\x1b, \u202e), as on a terminal: a line break
# (LF, or CR LF, which ends each row) and a tab stay, as a quoted cell may hold them.
_SHOWN = re.compile("[" + re.escape("".join(c for c in CONTROLS if c not in "\n\t\r")) + "]|\r(?!\n)")


def neutralise(value: object) -> str:
    """The cell as text, inert in Excel, LibreOffice and Google Sheets."""
    text = "" if value is None else str(value)
    if text and text[0] in _FORMULA_START and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _head(engine: Engine, job: ReportJob) -> str:
    return header(COLUMNS)


def header(columns: tuple[str, ...]) -> str:
    lines: list[str] = []
    csv.writer(Lines(lines), lineterminator="\r\n").writerow(columns)
    return "\ufeff" + lines[0]


def _claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    lines: list[str] = []
    writer = csv.writer(Lines(lines), lineterminator="\r\n")
    records = iter(records)
    while batch := list(islice(records, 500)):  # writerows: one call for many rows
        writer.writerows(map(cells, batch))
        yield from _shown(lines)
        lines.clear()


def _shown(lines: list[str]) -> list[str]:
    """The rows with their control characters shown; one search for a whole batch, as
    nearly every batch has none."""
    if _SHOWN.search("".join(lines)) is None:
        return lines
    return [_SHOWN.sub(_escape, line) for line in lines]


def _escape(match: re.Match[str]) -> str:
    return escape(match.group())


class Lines:
    """A file for csv.writer that keeps each line it is given."""

    def __init__(self, lines: list[str]) -> None:
        self.write = lines.append


def no_tail(count: int, job: ReportJob) -> str:
    return ""


def cells(record: dict) -> list[object]:
    """The row of a claim as written: numbers as they are, text neutralised."""
    return [
        # neutralise() inlined for the usual cell: a number, or text that starts harmlessly
        value if type(value) in _NUMBERS or (type(value) is str and value[:1] not in _FORMULA_START)
        else neutralise(value)
        for value in row(record)
    ]


def row(record: dict) -> list[object]:
    verdict = last_verdict(record) or {}
    links, history = record["links"], record["history"]
    kept = [link for link in links if link["state"] != "rejected"] if links else links
    return [
        record["id"],
        record["status"],
        verdict.get("at"),
        verdict.get("reviewer"),
        record.get("assignee"),
        record["label"],
        " ".join(record["text"].split()),
        record["document"],
        record.get("document_url"),
        record.get("document_published"),
        record["start"],
        record["end"],
        record["checkworthiness"],
        "; ".join([q["display"] for q in record["quantities"]]),
        "; ".join([f"{q['kind']} {value_text(q)}" for q in record["quantities"]]),
        "\n".join([
            f"{link['relation']} ({link['state']}, {link['score']:.2f}) {link['source']}: "
            f"{' '.join(link['passage'].split())}"
            for link in kept
        ]) if kept else "",
        "\n".join(dict.fromkeys([link["source_url"] for link in kept if link.get("source_url")])) if kept else "",
        "\n".join([f"{event['note']} ({event['reviewer']}, {event['at']})" for event in notes(record)])
        if history else "",
        "\n".join([f"{event['at']} {event['reviewer']}: {describe_change(event)}" for event in history])
        if history else "",
        "\n".join([finding_text(finding) for finding in record["findings"]]),
    ]


INTERNAL = Layout(_head, _claims, no_tail)
