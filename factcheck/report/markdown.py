"""Markdown report: readable in a terminal and on a code host."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from sqlalchemy.engine import Engine

from factcheck.core.models import STATUSES, utc_now
from factcheck.report.gather import ReportOptions, iso, iter_claim_records


def cell(text: str | None) -> str:
    """Table-safe, inert text: no pipes, backticks, HTML or line breaks survive."""
    text = (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    text = text.replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[").replace("]", "\\]")
    return " ".join(text.split())


def write_markdown(engine: Engine, out: TextIO, options: ReportOptions = ReportOptions(), **_: object) -> int:
    records = iter_claim_records(engine, options)
    counts: Counter[str] = Counter()
    body: list[str] = []
    for record in records:
        counts[record["status"]] += 1
        body.append(_claim_section(record))
    out.write("# Verification report\n\n")
    out.write(f"Generated {iso(utc_now())}. {sum(counts.values())} claims.\n\n")
    out.write("| status | claims |\n|---|---|\n")
    for status in STATUSES:
        if counts[status]:
            out.write(f"| {status} | {counts[status]} |\n")
    out.write("\n")
    out.writelines(body)
    return sum(counts.values())


def _claim_section(record: dict) -> str:
    lines = [f"## #{record['id']} {cell(record['label'])} — **{record['status']}**\n\n"]
    lines.append(f"> {cell(record['text'])}\n\n")
    lines.append(f"{cell(record['document'])}, characters {record['start']}–{record['end']}\n\n")
    if record["quantities"]:
        lines.append("| quantity | kind | value | unit |\n|---|---|---|---|\n")
        for q in record["quantities"]:
            lines.append(f"| {cell(q['text'])} | {q['kind']} | {cell(q['display'])} | {cell(q['unit'])} |\n")
        lines.append("\n")
    for link in record["links"]:
        lines.append(
            f"- {link['relation']} ({link['state']}, score {link['score']:.2f}): "
            f"{cell(link['passage'])} — {cell(link['source_url'] or link['source'])}\n"
        )
    for event in record["history"]:
        lines.append(
            f"- {cell(event['at'])} {cell(event['reviewer'])}: {cell(event['from'])} → "
            f"{cell(event['to'])} {cell(event['note'])}\n"
        )
    lines.append("\n")
    return "".join(lines)
