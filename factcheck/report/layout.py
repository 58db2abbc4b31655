"""Writing a report: its head, the claims in document order, its tail.

Every format is a Layout. The claims are rendered a part at a time and written in large
pieces; with `workers`, forked processes render some parts (spans of claims read apart, see
gather.spans) while this one renders others, and the parts are written in document order,
so the bytes are those of a report written in one go. Memory stays bounded: at most a few
parts wait to be written at any time.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TextIO

from sqlalchemy.engine import Engine

from factcheck.report import gather
from factcheck.report.gather import PARTS, Span, iter_claim_records
from factcheck.report.wording import ENGLISH, Words
from factcheck.store.filters import ClaimFilter

PIECES = 500  # claims rendered before a write: few large writes rather than many small ones
SPAN = gather.BATCH  # claims in a part of a report rendered apart: one batch of reading


@dataclass(frozen=True)
class Publisher:
    """Who publishes the report, and where: ClaimReview's author and the page's masthead."""

    name: str | None = None
    url: str | None = None  # an http(s) address, checked where it is given


@dataclass(frozen=True)
class ReportJob:
    """What one report is asked to be: which claims, for whom, in which language, by whom."""

    where: ClaimFilter = field(default_factory=ClaimFilter)
    audience: str = "internal"  # or "public": judged claims only, nothing internal
    words: Words = ENGLISH  # the report's own words and dates
    publisher: Publisher = field(default_factory=Publisher)
    credit: bool = False  # name each verdict's reviewer (public)
    title: str | None = None  # instead of the title made from the articles (public)
    date: str | None = None  # ISO date the report bears (public); today (UTC) when None


@dataclass(frozen=True)
class Layout:
    """How a format writes a report. `claims` renders records into one piece of text per claim
    shown (a format may leave claims out); `separator` goes between two pieces; `context` is
    how much of the document text around each claim the records carry (gather.surrounding);
    `parts`, which of a claim's quantities, links and history it shows (the rest is not read)."""

    head: Callable[[Engine, ReportJob], str]
    claims: Callable[[Iterable[dict], ReportJob], Iterator[str]]
    tail: Callable[[int, ReportJob], str]
    separator: str = ""
    context: int = 0
    parts: frozenset[str] = PARTS

    def records(self, engine: Engine, job: ReportJob, span: Span = (None, None)) -> Iterator[dict]:
        return iter_claim_records(engine, job.where, context=self.context, span=span, parts=self.parts)


@dataclass(frozen=True)
class ClaimSections:
    """How a format writes the parts of one claim of an internal report; every format shows
    them in this order."""

    quote: Callable[[dict], str]
    where: Callable[[dict], str]
    quantities: Callable[[list[dict]], str]
    findings: Callable[[list[dict]], str]
    evidence: Callable[[list[dict]], str]
    notes: Callable[[dict], str]
    history: Callable[[list[dict]], str]

    def render(self, record: dict) -> list[str]:
        return [
            self.quote(record), self.where(record), self.quantities(record["quantities"]),
            self.findings(record["findings"]), self.evidence(record["links"]), self.notes(record),
            self.history(record["history"]),
        ]


def write_report(layout: Layout, engine: Engine, out: TextIO, job: ReportJob, *, workers: int = 0) -> int:
    """Write the whole report; returns how many claims it shows."""
    out.write(layout.head(engine, job))
    parts = gather.spans(engine, job.where, SPAN) if workers and _can_fork(engine) else []
    if len(parts) > 1:
        count = _write_in_parallel(layout, engine, out, job, parts, workers)
    else:
        records = layout.records(engine, job)
        count = _write_pieces(out, layout.claims(records, job), layout.separator, 0)
    out.write(layout.tail(count, job))
    return count


def _write_pieces(out: TextIO, pieces: Iterator[str], separator: str, count: int) -> int:
    """Write pieces joined by the separator after `count` already written; returns the new count."""
    while chunk := list(islice(pieces, PIECES)):
        out.write(separator.join(chunk) if not count else separator + separator.join(chunk))
        count += len(chunk)
    return count


def _render(layout: Layout, engine: Engine, job: ReportJob, span: Span) -> tuple[str, int]:
    """One part of the report: its claims' pieces joined, and how many there are."""
    records = layout.records(engine, job, span)
    pieces = list(layout.claims(records, job))
    return layout.separator.join(pieces), len(pieces)


def _can_fork(engine: Engine) -> bool:
    """Workers are forked and open their own connections: not possible for an in-memory
    database, nor where there is no fork."""
    in_memory = engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:")
    return hasattr(os, "fork") and not in_memory


def _write_in_parallel(
    layout: Layout, engine: Engine, out: TextIO, job: ReportJob, parts: list[Span], workers: int,
) -> int:
    """Parts go to the workers in order, two queued per worker; while the next part to write
    is not back yet, this process renders the next unassigned part itself, so the share of
    each follows its speed. At most two parts per process wait to be written."""
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing import get_context

    # A forked child flushes the standard streams as it exits: nothing may wait in them.
    for stream in (out, sys.stdout, sys.stderr):
        stream.flush()
    pool = ProcessPoolExecutor(
        workers, mp_context=get_context("fork"), initializer=_start_worker,
        initargs=(layout, engine, job),
    )
    waiting: dict[int, Future | tuple[str, int]] = {}
    assigned = count = 0

    def render_here() -> None:
        nonlocal assigned
        waiting[assigned] = _render(layout, engine, job, parts[assigned])
        assigned += 1

    try:
        for index in range(len(parts)):
            while True:
                queued = sum(isinstance(item, Future) for item in waiting.values())
                for _ in range(min(2 * workers - queued, len(parts) - assigned)):
                    waiting[assigned] = pool.submit(_render_part, parts[assigned])
                    assigned += 1
                if index not in waiting:
                    render_here()
                result = waiting[index]
                if not isinstance(result, Future) or result.done():
                    break
                if assigned == len(parts) or len(waiting) >= 2 * (workers + 1):
                    break  # nothing left to take on: wait for it
                render_here()
            result = waiting.pop(index)
            text, shown = result.result() if isinstance(result, Future) else result
            if shown:
                out.write(layout.separator + text if count else text)
                count += shown
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return count


_worker: tuple = ()


def _start_worker(layout: Layout, engine: Engine, job: ReportJob) -> None:
    """In a forked worker: new connections of its own (SQLAlchemy's advice for a fork), and
    Ctrl-C is left to the parent, which stops the workers."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    engine.dispose(close=False)
    _worker = (layout, engine, job)


def _render_part(span: Span) -> tuple[str, int]:
    layout, engine, job = _worker
    return _render(layout, engine, job, span)
