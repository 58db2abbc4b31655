"""Extracting a document's text blocks, here or in worker processes, while this process
stores what the earlier blocks gave.

No database imports here: a worker process imports only extraction, so it starts in a
fraction of a second. Results travel back as plain tuples, ready to insert. Blocks are
handed out ahead of the writer (a few at a time, so memory stays bounded) and taken back
in their order, so the database gets the same rows whatever the number of workers."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from factcheck.errors import UserError
from factcheck.text.checks.findings import FindingRecord, records
from factcheck.text.checks.run import DocumentDate, check_claims, raise_worth
from factcheck.text.extract.aliases import harvest_aliases
from factcheck.text.extract.claims import extract_claims
from factcheck.text.extract.dates import reference_for
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.passages import split_passages
from factcheck.text.extract.quantities import extract_quantities


class QuantityRow(NamedTuple):
    """A quantity as the quantity table stores it: its field names are the table's columns
    (QUANTITY_COLUMNS), offsets into the whole document."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    high: float | None
    iso: str | None
    unit: str
    display: str
    qualifier: str | None


QUANTITY_COLUMNS = QuantityRow._fields


class ClaimRow(NamedTuple):
    """A claim of an article's block, as stored, with its quantities."""

    start: int
    end: int
    text: str
    label: str
    checkworthiness: float
    quantities: list[QuantityRow]


class PassageRow(NamedTuple):
    """A passage of an evidence document's block, with the quantities inside it."""

    start: int
    end: int
    quantities: list[QuantityRow]
PARENT_CHECK_SECONDS = 0.5
# A worker's collector runs a young-generation pass after this many more allocations than
# frees of container objects (Python's default: 700). Extraction makes no reference
# cycles, and every row it makes lives until the block is sent, so the default's frequent
# passes find nothing; with the imports frozen too, a worker runs 9% (English) to 15%
# (Chinese) fewer instructions (BENCHMARKS.md).
WORKER_GC_THRESHOLD = 20_000


@dataclass(frozen=True, slots=True)
class BlockTask:
    """One block of a document: its text, where it starts, how to read it."""

    role: str  # article | source
    text: str
    offset: int
    reference: str | None  # the date that resolves 今年, 去年 and bare month-days
    # The block is the whole document (the usual case): the document-wide work is done
    # here too, the reference date inferred when none is given and the aliases harvested.
    whole: bool = False
    published: str | None = None  # the document's own date, as given or stated in its header


class BlockResult(NamedTuple):
    """Rows: a ClaimRow per claim of an article, a PassageRow per passage of a source.
    Offsets are into the whole document. Aliases: the document's (name, variant)
    pairs for a whole document, else None. Findings: the consistency checks' findings on
    the block's claims (claims by their index in `rows`)."""

    rows: list[ClaimRow] | list[PassageRow]
    aliases: list[tuple[str, str]] | None
    findings: list[FindingRecord]


def extract_block(task: BlockTask) -> BlockResult:
    reference = task.reference
    if task.whole:
        reference = reference_for(task.text, reference)
    aliases = harvest_aliases(task.text) if task.whole else None
    if task.role == "article":
        rows, findings = _claim_rows(task.text, task.offset, reference, task.published)
        return BlockResult(rows, aliases, findings)
    return BlockResult(_passage_rows(task.text, task.offset, reference), aliases, [])


def _claim_rows(text: str, offset: int, reference: str | None, published: str | None) -> tuple[list[ClaimRow], list[FindingRecord]]:
    claims = extract_claims(text, reference)
    origin = None if reference is None else "published" if reference == published else "inferred"
    findings = check_claims(text, claims, DocumentDate(reference, origin))
    raised = raise_worth(claims, findings)
    rows = [
        ClaimRow(c.start + offset, c.end + offset, c.text, c.label, round(c.checkworthiness + raised.get(index, 0.0), 3),
                 [_quantity_row(q, offset) for q in c.quantities])
        for index, c in enumerate(claims)
    ]
    return rows, records(findings, raised, offset)


def _passage_rows(text: str, offset: int, reference: str | None) -> list[PassageRow]:
    found = extract_quantities(text, reference)
    passages = []
    index = 0
    for start, end in split_passages(text):
        rows = []
        while index < len(found) and found[index].start < end:
            if found[index].start >= start and found[index].end <= end:
                rows.append(_quantity_row(found[index], offset))
            index += 1
        passages.append(PassageRow(start + offset, end + offset, rows))
    return passages


def _quantity_row(q: QuantityMatch, offset: int) -> QuantityRow:
    return QuantityRow(q.start + offset, q.end + offset, q.text, q.kind, q.value, q.high, q.iso, q.unit,
                       q.display, q.qualifier)


class Pending(Protocol):
    def result(self) -> Any: ...


class _Later:
    """A block extracted in this process when its result is asked for, not before."""

    def __init__(self, task: BlockTask) -> None:
        self._task = task

    def result(self) -> BlockResult:
        return extract_block(self._task)


Submit = Callable[[BlockTask], Pending]


@contextmanager
def block_extractor(workers: int) -> Iterator[tuple[Submit, int]]:
    """(submit, window): `submit(task)` starts a block and returns what gives its result;
    `window` is how many blocks may be started ahead of the one being stored. One worker:
    everything in this process, nothing ahead. Leaving early (an error, Ctrl-C) cancels the
    blocks not started; workers finish the block in hand and stop."""
    if workers <= 1:
        yield _Later, 0
        return
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker, initargs=(os.getpid(),),
    )

    def submit(task: BlockTask) -> Future:
        # Ctrl-C reaches every process of the terminal's group: the main process stops the
        # work and rolls back its document, and a worker must not print a traceback. A
        # worker starts within a submit, and inherits SIGINT held back there, so it never
        # sees one, even while it is starting up. Here a Ctrl-C waits until the submit ends.
        with _ctrl_c_held():
            return pool.submit(extract_block, task)

    try:
        yield submit, 2 * workers
    except BrokenProcessPool:  # a worker killed from outside, or out of memory
        pool.shutdown(wait=False, cancel_futures=True)
        raise UserError(
            "an extraction process stopped unexpectedly (out of memory?); the documents "
            "stored before it are whole, the others were not stored"
        ) from None
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):
        yield  # no signal masks here: workers ignore Ctrl-C once running
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as inherited, whoever started the pool
    gc.freeze()  # what the imports made lives as long as the worker: never scanned again
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    """A main process killed outright (SIGKILL) cannot stop its workers: they stop
    themselves once it is gone."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def run_ahead(submit: Submit, window: int, items: Iterable[tuple[Any, BlockTask | None]]) -> Iterator[tuple[Any, Pending | None]]:
    """(item, pending result) in the order of `items`, starting up to `window` tasks before
    their result is taken; an item without a task passes through (None)."""
    source = iter(items)
    queue: deque[tuple[Any, Pending | None]] = deque()
    started = 0
    while True:
        while not queue or started < window:
            try:
                item, task = next(source)
            except StopIteration:
                break
            pending = submit(task) if task is not None else None
            started += pending is not None
            queue.append((item, pending))
        if not queue:
            return
        item, pending = queue.popleft()
        started -= pending is not None
        yield item, pending
