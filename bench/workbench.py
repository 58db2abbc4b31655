"""Workbench on 100,000 claims, driven through Pilot: first paint, scroll step, filter step,
verdict key to committed. Prints figures; nothing is asserted.

    python bench/workbench.py [--claims 100000] [--db PATH]

Budgets: rows on screen ≤ 1 s, scroll and filter steps ≤ 100 ms, verdict
committed ≤ 50 ms, peak memory ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session
from textual import events

from factcheck.core.db import make_engine
from factcheck.core.models import Claim, Document, Link, Passage, Quantity
from factcheck.core.queries import ClaimFilter

PER_DOCUMENT = 1000
KINDS = [("money", "USD", "亿美元", 1e8, "${:.0f}00M"), ("percent", "%", "%", 1, "{:.0f}%"),
         ("duration", "s", "毫秒", 1e-3, "{:.0f} ms"), ("count", "", "条", 1, "{:.0f}")]


def generate(url: str, claims: int, seed: int = 7) -> None:
    """Articles of 1,000 numeric sentences each, one quantity per claim, a link for one
    claim in ten; written with bulk inserts in one transaction."""
    rng = random.Random(seed)
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(insert(Document), [{
            "id": 1, "path": "evidence/source.md", "title": "Synthetic source", "role": "source",
            "language": "en", "sha256": "source", "text": "x" * 100, "added_at": _now()}])
        connection.execute(insert(Passage), [{"id": 1, "document_id": 1, "start": 0, "end": 100, "text": "x" * 100}])
        claim_id = 0
        for doc in range(2, 2 + (claims + PER_DOCUMENT - 1) // PER_DOCUMENT):
            count = min(PER_DOCUMENT, claims - claim_id)
            sentences, claim_rows, quantity_rows, link_rows, position = [], [], [], [], 0
            for _ in range(count):
                claim_id += 1
                kind, unit, word, scale, display = rng.choice(KINDS)
                number = rng.randint(2, 999)
                sentence = f"据报道，第{claim_id}号公司的指标达到{number}{word}，比去年增长。"
                start, end = position, position + len(sentence)
                sentences.append(sentence)
                position = end + 1
                claim_rows.append({
                    "id": claim_id, "document_id": doc, "start": start, "end": end, "text": sentence,
                    "label": f"{kind} {display.format(number)}", "checkworthiness": round(rng.random(), 3),
                    "status": "unreviewed", "version": 1, "created_by": "extractor",
                    "created_at": _now(), "updated_at": _now()})
                q_start = start + sentence.index(str(number), sentence.index("达到"))
                quantity_rows.append({
                    "claim_id": claim_id, "start": q_start, "end": q_start + len(str(number)) + len(word),
                    "text": f"{number}{word}", "kind": kind, "value": number * scale, "unit": unit,
                    "display": display.format(number)})
                if claim_id % 10 == 0:
                    link_rows.append({"claim_id": claim_id, "passage_id": 1, "score": 0.5, "relation": "mentions",
                                      "state": "suggested", "reasons": "[]", "exact": "x", "prefix": "", "suffix": "",
                                      "orphaned": False, "created_at": _now(), "updated_at": _now()})
            connection.execute(insert(Document), [{
                "id": doc, "path": f"articles/synthetic-{doc:04d}.txt", "title": f"Synthetic {doc}",
                "role": "article", "language": "zh", "sha256": f"doc{doc}", "text": "\n".join(sentences),
                "added_at": _now()}])
            connection.execute(insert(Claim), claim_rows)
            connection.execute(insert(Quantity), quantity_rows)
            if link_rows:
                connection.execute(insert(Link), link_rows)
    engine.dispose()


def _now():
    from factcheck.core.models import utc_now

    return utc_now()


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def press(app, key: str) -> None:
    """Post a key as the terminal would, without Pilot's wait for an idle process (that
    wait would be timed too)."""
    app.post_message(events.Key(key, key if len(key) == 1 else None))


async def until(condition, pilot) -> None:
    """Poll the state, then let one frame be composed (the paint)."""
    while not condition():
        await asyncio.sleep(0.001)
    await pilot.pause(0)


class Clock:
    """Wall time and the process's CPU time (all threads) since it was started: on a shared
    machine the CPU time is the steadier figure."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def since(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


Figures = dict[str, list[tuple[float, float]]]


async def drive(url: str, steps: int) -> tuple[Figures, list[tuple[str, float, float]]]:
    from factcheck.tui.app import make_app

    filters: list[tuple[str, float, float]] = []  # each filter step: what was shown, wall, cpu
    figures: Figures = {
        "first paint": [], "scroll step": [], "…detail shown": [], "filter step": [],
        "verdict committed": [], "…row repainted": []}
    started = Clock()
    app = make_app(url, reviewer="bench", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        table = screen.table
        await until(lambda: table.row_count > 0, pilot)
        figures["first paint"].append(started.since())
        await settle(app, pilot)

        for _ in range(steps * 3):  # crosses page boundaries (60 rows a page)
            before = table.cursor_position
            begun = Clock()
            press(app, "down")
            await until(lambda before=before: table.cursor_position != before, pilot)
            figures["scroll step"].append(begun.since())
            await until(lambda: screen.detail.view is not None and screen.detail.view.claim.id == table.selected_claim_id, pilot)
            figures["…detail shown"].append(begun.since())
        await settle(app, pilot)

        await pilot.press("slash")
        for typed in ["1", "2", "3", "backspace", "backspace", "backspace", "O", "p", "e", "n"]:
            shown = table.pages_shown
            begun = Clock()
            press(app, typed)
            await until(lambda shown=shown: table.pages_shown > shown, pilot)
            figures["filter step"].append(begun.since())
            filters.append((screen.query_one("#filter").value, *begun.since()))
            await settle(app, pilot)  # the count, then the next key
        await pilot.press("ctrl+u", "enter")
        await settle(app, pilot)
        for where in [ClaimFilter(status="unreviewed"), ClaimFilter(kind="money"), ClaimFilter(status="refuted"), ClaimFilter()]:
            shown = table.pages_shown
            begun = Clock()
            screen.set_filter(where)  # what the palette's filter commands do
            await until(lambda shown=shown: table.pages_shown > shown, pilot)
            figures["filter step"].append(begun.since())
            filters.append((where.describe(), *begun.since()))
            await settle(app, pilot)
        await settle(app, pilot)

        for _ in range(steps):
            claim_id = table.selected_claim_id
            begun = Clock()
            press(app, "r")
            await _until_committed(app, claim_id)
            figures["verdict committed"].append(begun.since())
            await until(lambda: table.selected_row.claim.status == "refuted", pilot)
            figures["…row repainted"].append(begun.since())
            await settle(app, pilot)
            await pilot.press("down")
            await settle(app, pilot)
    return figures, filters


async def _until_committed(app, claim_id: int) -> None:
    while True:
        with Session(app.engine) as session:
            if session.get(Claim, claim_id).status == "refuted":
                return
        await asyncio.sleep(0.001)


def _p95(ordered: list[float]) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", help="reuse (or create) this SQLite file")
    parser.add_argument("--steps", type=int, default=40)
    args = parser.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        begun = time.perf_counter()
        generate(url, args.claims)
        print(f"generated {args.claims:,} claims in {time.perf_counter() - begun:.1f} s → {path}")
    figures, filters = asyncio.run(drive(url, args.steps))
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, values in figures.items():
        wall, cpu = (sorted(v[i] * 1000 for v in values) for i in (0, 1))
        print(f"{name:18} wall median {statistics.median(wall):7.1f} ms  p95 {_p95(wall):7.1f}  max {wall[-1]:7.1f}"
              f"   cpu median {statistics.median(cpu):7.1f} ms  p95 {_p95(cpu):7.1f}   (n={len(wall)})")
    print("filter steps, wall/cpu ms: " + ", ".join(f"{shown or '(none)'!r} {wall * 1000:.0f}/{cpu * 1000:.0f}"
                                                   for shown, wall, cpu in filters))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory        {peak:.0f} MB")


if __name__ == "__main__":
    main()
