"""HTML report: one self-contained page (inline CSS and SVG) for the screen and for print.

All claim and source text is untrusted: every piece goes through html.escape, a URL becomes a
link only when it is http(s), and a Content-Security-Policy forbids scripts and fetches even if
something slipped through.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from importlib.resources import files
from operator import itemgetter

from sqlalchemy.engine import Engine

from factcheck.report.gather import iso, status_counts
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
from factcheck.store.filters import ClaimFilter
from factcheck.store.models import utc_now
from factcheck.store.statuses import report_css
from factcheck.text.shown import BIDI_CONTROLS, C1_CONTROLS, CONTROLS, controls_pattern, visible

CONTEXT = 160  # characters of the document shown each side of a claim
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"
_WHITE = "\n\t"  # line breaks and tabs are white space to HTML
_CONTROL = controls_pattern(keep=_WHITE)
_SPECIAL = re.compile("[&<>\"'" + re.escape("".join(c for c in CONTROLS if c not in _WHITE)) + "]")
_SHOWN = C1_CONTROLS[1:] + BIDI_CONTROLS


def escape(text: str) -> str:
    """html.escape, skipped for the many strings with nothing to escape (a third of the time
    of a large report went to its five replacements). Control characters become character
    references, so the file holds none raw; but a bidi control would still act on the
    page, and a C1 one is read as another character, so those are shown as on a terminal."""
    if not _SPECIAL.search(text):
        return text
    return _CONTROL.sub(_reference, html.escape(text))


def _reference(match: re.Match[str]) -> str:
    char = match.group()
    return visible(char) if char in _SHOWN else f"&#x{ord(char):x};"


def escaped(*texts: str) -> tuple[str, ...] | list[str]:
    """Several strings escaped. Escaping works character by character, so one search of them
    all together tells whether any needs it; usually none does."""
    return [escape(text) for text in texts] if _SPECIAL.search("".join(texts)) else texts


def _filled(template: str, rows: Iterable[tuple[str, ...]]) -> str:
    """One copy of `template` per row, its blanks filled with the row's texts escaped."""
    return "".join([template.format(*escaped(*row)) for row in rows])


def _claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    return map(_claim, records)


def _tail(count: int, job: ReportJob) -> str:
    empty = "" if count else '<p class="empty">No claims match.</p>\n'
    return f"{empty}</main>\n</body>\n</html>\n"


STATUS_COLOURS = "/* status colours: written from factcheck/store/statuses.py */\n"
STATUS_BADGES = "/* status badges: written from factcheck/store/statuses.py */\n"


def stylesheet(name: str = "report.css") -> str:
    """A stylesheet of the package; the statuses' colours and badges are written in from
    their records."""
    css = files("factcheck.report").joinpath(name).read_text(encoding="utf-8")
    colours, badges = report_css()
    return css.replace(STATUS_COLOURS, colours).replace(STATUS_BADGES, badges)


def _head(engine: Engine, job: ReportJob) -> str:
    counts = status_counts(engine, job.where)
    css = stylesheet()
    total = sum(counts.values())
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Verification report</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
        "<header>\n<h1>Verification report</h1>\n"
        f'<p class="meta">Generated {iso(utc_now())} · {total} claim{"" if total == 1 else "s"}'
        f"{_filters(job.where)}</p>\n</header>\n"
        f'<section class="summary" aria-label="Summary">\n{_count_table(counts)}{chart(counts)}</section>\n'
        "<main>\n"
    )


def _filters(where: ClaimFilter) -> str:
    chosen = [
        f"{name} {escape(value)}"
        for name, value in (
            ("status", where.status), ("kind", where.kind),
            ("document", where.document), ("reviewed since", where.since),
        )
        if value
    ]
    return (" · " + ", ".join(chosen)) if chosen else ""


def _count_table(counts: dict[str, int]) -> str:
    rows = "".join(
        f'<tr><td><span class="badge {status}">{status_name(status)}</span></td>'
        f'<td class="number">{count}</td></tr>\n'
        for status, count in counts.items()
    )
    return f"<table>\n<thead><tr><th>Verdict</th><th>Claims</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"


def chart(counts: dict[str, int], names: dict[str, str] | None = None, title: str = "Claims per verdict") -> str:
    """Horizontal bars, one per status, scaled to the largest count; `names` are the labels
    of the statuses (their plain names unless given)."""
    label_width, bar_width, row = 110, 330, 26
    height = row * len(counts) + 4
    largest = max(counts.values(), default=0) or 1
    shown = {status: escape(names[status] if names else status_name(status)) for status in counts}
    bars = []
    for index, (status, count) in enumerate(counts.items()):
        y = index * row + 4
        width = round(bar_width * count / largest, 1)
        bars.append(
            f'<text x="{label_width - 8}" y="{y + 14}" text-anchor="end">{shown[status]}</text>'
            f'<rect x="{label_width}" y="{y}" width="{max(width, 1)}" height="18" rx="3" '
            f'style="fill: var(--{status})"/>'
            f'<text x="{label_width + width + 6}" y="{y + 14}">{count}</text>'
        )
    described = ", ".join(f"{shown[s]} {c}" for s, c in counts.items())
    title = escape(title)
    return (
        f'<svg class="chart" viewBox="0 0 {label_width + bar_width + 50} {height}" role="img" '
        f'aria-label="{title}: {described}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{title}</title>{''.join(bars)}</svg>\n"
    )


def _claim(record: dict) -> str:
    status = record["status"]
    status, name, label = escaped(status, status_name(status), record["label"] or "claim")
    parts = [
        f'<article class="claim" id="claim-{record["id"]}">\n<header>'
        f'<span class="badge {status}">{name}</span><h2>{label}</h2>'
        f'<span class="claim-id">#{record["id"]}</span></header>\n',
        *_SECTIONS.render(record),
        "</article>\n",
    ]
    return "".join(parts)


def _quote(record: dict) -> str:
    context = record["context"]
    before = ("…" if context["clipped_before"] else "") + context["before"]
    after = context["after"] + ("…" if context["clipped_after"] else "")
    claim = highlighted(record["text"], record["start"], record["quantities"])
    before, after = escaped(before, after)
    return f'<blockquote class="quote">{before}<mark>{claim}</mark>{after}</blockquote>\n'


def highlighted(text: str, start: int, quantities: list[dict]) -> str:
    """The claim text, escaped, with each quantity wrapped in a span (overlaps skipped)."""
    pieces, position = [], 0
    mark = escape if _SPECIAL.search(text) else str  # str: the piece as it is
    for q in sorted(quantities, key=_SPAN) if len(quantities) > 1 else quantities:
        begin, end = q["start"] - start, q["end"] - start
        if begin < position or end > len(text) or begin >= end:
            continue
        pieces.append(mark(text[position:begin]))
        pieces.append(f'<span class="quantity">{mark(text[begin:end])}</span>')
        position = end
    pieces.append(mark(text[position:]))
    return "".join(pieces)


_SPAN = itemgetter("start", "end")


def _where(record: dict) -> str:
    title = record.get("document_title") or record["document"]
    source = link_or_text(record.get("document_url"), title)
    published = record.get("document_published")
    path, published, fetched = escaped(record["document"], published or "", fetched_on(record.get("document_fetched")))
    dated = f", published {published}" if published else ""
    dated += f", as fetched on {fetched}" if fetched else ""
    assigned = f" · assigned to {escape(record['assignee'])}" if record.get("assignee") else ""
    return (
        f'<p class="where">From {source} ({path}{dated}), '
        f'characters {record["start"]}–{record["end"]}{assigned}</p>\n'
    )


def link_or_text(url: str | None, text: str) -> str:
    safe = web_url(url)
    if safe is None:
        return escape(text)
    safe, text = escaped(safe, text)
    return f'<a href="{safe}" rel="noopener noreferrer nofollow">{text}</a>'


def _quantities(quantities: list[dict]) -> str:
    if not quantities:
        return ""
    rows = _filled("<tr><td>{}</td><td>{}</td><td><strong>{}</strong></td><td>{}</td><td>{}</td></tr>\n", (
        (q["text"], q["kind"], q["display"], value_text(q), q.get("qualifier") or "") for q in quantities
    ))
    return (
        "<h3>Quantities</h3>\n<table>\n<thead><tr><th>As written</th><th>Kind</th><th>Normalised</th>"
        f"<th>Value</th><th>Qualifier</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"
    )


def _findings(findings: list[dict]) -> str:
    if not findings:
        return ""
    items = "".join([
        f'<li class="finding {escape(finding["result"])}">{escape(finding_text(finding))}</li>\n' for finding in findings
    ])
    return f'<h3>Consistency checks</h3>\n<ul class="findings">\n{items}</ul>\n'


def _evidence(links: list[dict]) -> str:
    shown = [link for link in links if link["state"] != "rejected"]
    rejected = len(links) - len(shown)
    if not links:
        return '<h3>Evidence</h3>\n<p class="empty">No evidence linked.</p>\n'
    items = "".join([_link(link) for link in shown])
    more = f'<p class="reasons">{rejected} rejected suggestion{"" if rejected == 1 else "s"} not shown.</p>\n' if rejected else ""
    listed = f'<ol class="evidence">\n{items}</ol>\n' if items else ""
    return f"<h3>Evidence</h3>\n{listed}{more}"


def _link(link: dict) -> str:
    title = link.get("source_title") or link["source"]
    url = web_url(link.get("source_url")) or ""
    reasons = "; ".join(link.get("reasons") or [])
    relation, state, title, source, url, passage, reasons = escaped(
        link["relation"], link["state"], title, link["source"], url, link["passage"], reasons
    )
    address = f' · <a href="{url}" rel="noopener noreferrer nofollow">{url}</a>' if url else ""
    if link.get("source_fetched"):
        address += f" as fetched on {escaped(fetched_on(link['source_fetched']))[0]}"
    return (
        f'<li><span class="relation {relation}">{relation}</span> '
        f'<span class="state {state}">{state}</span> '
        f'score {link["score"]:.2f} — {title} '
        f'<span class="reasons">({source}){address}</span>\n'
        f"<blockquote>{passage}</blockquote>\n"
        + (f'<p class="reasons">{reasons}</p>' if reasons else "")
        + "</li>\n"
    )


def _notes(record: dict) -> str:
    found = notes(record)
    if not found:
        return ""
    items = _filled('<li>{} <span class="when">— {}, {}</span></li>\n', (
        (event["note"], event["reviewer"] or "", event["at"] or "") for event in found
    ))
    return f'<h3>Reviewer notes</h3>\n<ul class="notes">\n{items}</ul>\n'


def _history(history: list[dict]) -> str:
    if not history:
        return ""
    rows = _filled('<tr><td class="when">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n', (
        (event["at"] or "", event["reviewer"] or "", describe_change(event), event["note"] or "") for event in history
    ))
    return (
        "<h3>History</h3>\n<table>\n<thead><tr><th>When</th><th>Reviewer</th><th>Change</th>"
        f"<th>Note</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"
    )


INTERNAL = Layout(_head, _claims, _tail, context=CONTEXT)


_SECTIONS = ClaimSections(_quote, _where, _quantities, _findings, _evidence, _notes, _history)
