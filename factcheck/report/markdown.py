"""Markdown report: the content of the HTML report, readable in a terminal and on a code host.

Untrusted text is made inert by backslash-escaping every character CommonMark and GitHub
give a meaning to inside a line (CommonMark allows escaping any ASCII punctuation), and by
folding line breaks, so it can neither start a block, end a table cell, open a code span
nor become HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from sqlalchemy.engine import Engine

from factcheck.report.gather import iso, status_counts
from factcheck.report.html import CONTEXT
from factcheck.report.layout import ClaimSections, Layout, ReportJob
from factcheck.report.wording import (
    describe_change,
    fetched_on,
    finding_text,
    notes,
    status_name,
    value_text,
    web_url,
)
from factcheck.store.models import utc_now
from factcheck.text.shown import CONTROLS, visible

# `$` too: GitHub renders text between two dollar signs as mathematics. Every kind of line
# break becomes a space, so untrusted text stays on its line (in its table cell).
_ESCAPED = "\\`*_[]<>|~&$"
_BREAKS = "\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_INERT = str.maketrans({ch: "\\" + ch for ch in _ESCAPED} | {ch: " " for ch in _BREAKS})
# control characters (ESC, C1, bidi overrides) are shown as escapes, as on a terminal
_NEEDS_WORK = re.compile("[" + re.escape(_ESCAPED + _BREAKS + CONTROLS) + "]")
BAR = 24  # characters of the longest bar in the summary


def cell(text: str | None) -> str:
    """Inline-safe, inert text on one line: no pipes, backticks, HTML or line breaks survive."""
    if not text:
        return ""
    # Most cells need nothing; the search is far cheaper than a translate.
    return visible(text.translate(_INERT)).strip() if _NEEDS_WORK.search(text) else text.strip()


def link(url: str | None, text: str) -> str:
    safe = web_url(url)
    if safe is None:
        return cell(text)
    return f"[{cell(text)}](<{safe}>)"


def _head(engine: Engine, job: ReportJob) -> str:
    counts = status_counts(engine, job.where)
    total = sum(counts.values())
    return (
        "# Verification report\n\n"
        f"Generated {iso(utc_now())} · {total} claim{'' if total == 1 else 's'}\n\n"
        + summary(counts)
    )


def _claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    return map(claim_section, records)


def _tail(count: int, job: ReportJob) -> str:
    return "" if count else "*No claims match.*\n"


def summary(counts: dict[str, int]) -> str:
    largest = max(counts.values(), default=0) or 1
    rows = "".join(
        f"| {status_name(status)} | {count} | {'█' * round(BAR * count / largest)} |\n"
        for status, count in counts.items()
    )
    return f"| verdict | claims | |\n|---|--:|---|\n{rows}\n"


def claim_section(record: dict) -> str:
    parts = [
        f"## #{record['id']} · {cell(record['label'] or 'claim')} — **{status_name(record['status'])}**\n\n",
        *_SECTIONS.render(record),
        "---\n\n",
    ]
    return "".join(parts)


def _quote(record: dict) -> str:
    context = record["context"]
    before = ("…" if context["clipped_before"] else "") + cell(context["before"])
    after = cell(context["after"]) + ("…" if context["clipped_after"] else "")
    quoted = " ".join(part for part in (before, f"**{cell(record['text'])}**", after) if part)
    return f"> {quoted}\n\n"


def _where(record: dict) -> str:
    title = record.get("document_title") or record["document"]
    dated = f", published {cell(record['document_published'])}" if record.get("document_published") else ""
    dated += f", as fetched on {cell(fetched_on(record['document_fetched']))}" if record.get("document_fetched") else ""
    return (
        f"From {link(record.get('document_url'), title)} ({cell(record['document'])}{dated}), "
        f"characters {record['start']}–{record['end']}{_assigned(record)}\n\n"
    )


def _assigned(record: dict) -> str:
    return f" · assigned to {cell(record['assignee'])}" if record.get("assignee") else ""


def _quantities(quantities: list[dict]) -> str:
    if not quantities:
        return ""
    rows = "".join(map(_quantity_row, quantities))
    return f"| as written | kind | normalised | value | qualifier |\n|---|---|---|---|---|\n{rows}\n"


def _quantity_row(q: dict) -> str:
    fields = (q["text"] or "", q["kind"] or "", q["display"] or "", value_text(q) or "", q.get("qualifier") or "")
    # One search for the whole row: quantities seldom hold anything to escape.
    if _NEEDS_WORK.search("".join(fields)):
        fields = tuple(map(cell, fields))
    else:
        fields = tuple(field.strip() for field in fields)
    return "| {} | {} | **{}** | {} | {} |\n".format(*fields)


def _findings(findings: list[dict]) -> str:
    if not findings:
        return ""
    items = "".join(f"- {cell(finding_text(finding))}\n" for finding in findings)
    return f"**Consistency checks**\n\n{items}\n"


def _evidence(links: list[dict]) -> str:
    if not links:
        return "*No evidence linked.*\n\n"
    shown = [item for item in links if item["state"] != "rejected"]
    blocks = ["**Evidence**\n"]
    if shown:
        blocks.append("".join(_evidence_item(number, item) for number, item in enumerate(shown, 1)))
    rejected = len(links) - len(shown)
    if rejected:
        blocks.append(f"{rejected} rejected suggestion{'' if rejected == 1 else 's'} not shown.\n")
    return "\n".join(blocks) + "\n"


def _evidence_item(number: int, item: dict) -> str:
    title = item.get("source_title") or item["source"]
    address = web_url(item.get("source_url"))
    where = f" · {link(address, address)}" if address else ""
    where += f" as fetched on {cell(fetched_on(item['source_fetched']))}" if item.get("source_fetched") else ""
    reasons = f" · {cell('; '.join(item['reasons']))}" if item.get("reasons") else ""
    return (
        f"{number}. **{cell(item['relation'])}**, {cell(item['state'])}, score {item['score']:.2f} — "
        f"{cell(title)} ({cell(item['source'])}){where}{reasons}\n"
        f"    > {cell(item['passage'])}\n"
    )


def _notes(record: dict) -> str:
    found = notes(record)
    if not found:
        return ""
    items = "".join(
        f"- {cell(event['note'])} — {cell(event['reviewer'])}, {cell(event['at'])}\n" for event in found
    )
    return f"**Reviewer notes**\n\n{items}\n"


def _history(history: list[dict]) -> str:
    if not history:
        return ""
    rows = "".join(
        f"| {cell(event['at'])} | {cell(event['reviewer'])} | {cell(describe_change(event))} | "
        f"{cell(event['note'])} |\n"
        for event in history
    )
    return f"**History**\n\n| when | reviewer | change | note |\n|---|---|---|---|\n{rows}\n"


INTERNAL = Layout(_head, _claims, _tail, context=CONTEXT)


_SECTIONS = ClaimSections(_quote, _where, _quantities, _findings, _evidence, _notes, _history)
