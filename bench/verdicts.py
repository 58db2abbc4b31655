"""Benchmark: recording verdicts alone and under contention, and backup/restore.

1. One reviewer records verdicts one after another: latency per verdict (budget: a
   verdict commit in 50 ms).
2. Several reviewer processes record verdicts on the same few claims at once: verdicts per
   second, how many were refused as stale (expected under contention), latency p50/p95.
3. Backup and restore of a database of `--claims` claims (portable dump, and SQLite's
   online backup when the database is SQLite).

Figures are printed, not asserted.

    python bench/verdicts.py [--db URL] [--reviewers 4] [--rounds 100] [--claims 100000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.errors import ConflictError  # noqa: E402
from factcheck.services.ingest import ingest_paths  # noqa: E402
from factcheck.services.review import fresh_claim, record_verdict  # noqa: E402
from factcheck.store.backup import backup, restore  # noqa: E402
from factcheck.store.db import make_engine  # noqa: E402
from factcheck.store.models import Claim, Document  # noqa: E402

STATUSES = ("supported", "refuted", "misleading", "unverifiable")


def reviewer(url: str, name: str, rounds: int, claim_ids: list[int]) -> None:
    """Runs in a child process: prints latencies (ms) and the number refused."""
    engine = make_engine(url, migrate=False)
    latencies, refused = [], 0
    for n in range(rounds):
        claim_id = claim_ids[n % len(claim_ids)]
        loaded = fresh_claim(engine, claim_id)
        started = time.perf_counter()
        try:
            record_verdict(engine, claim_id, STATUSES[n % 4], reviewer=name, expected_version=loaded.version)
        except ConflictError:
            refused += 1
        latencies.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"latencies": latencies, "refused": refused}))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def alone(engine, claim_ids: list[int], rounds: int) -> None:
    latencies = []
    for n in range(rounds):
        started = time.perf_counter()
        record_verdict(engine, claim_ids[n % len(claim_ids)], STATUSES[n % 4], reviewer="bench")
        latencies.append((time.perf_counter() - started) * 1000)
    print(f"one reviewer, {rounds} verdicts: p50 {statistics.median(latencies):.1f} ms, "
          f"p95 {percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms")


def contended(url: str, claim_ids: list[int], reviewers: int, rounds: int) -> None:
    started = time.perf_counter()
    children = [
        subprocess.Popen([sys.executable, __file__, "--reviewer", f"r{n}", "--db", url,
                          "--rounds", str(rounds), "--ids", ",".join(map(str, claim_ids))],
                         stdout=subprocess.PIPE, text=True)
        for n in range(reviewers)
    ]
    results = [json.loads(child.communicate()[0]) for child in children]
    elapsed = time.perf_counter() - started
    latencies = [ms for r in results for ms in r["latencies"]]
    refused = sum(r["refused"] for r in results)
    total = reviewers * rounds
    print(f"{reviewers} reviewers x {rounds} verdicts on {len(claim_ids)} claims: "
          f"{total - refused} accepted, {refused} refused as stale, "
          f"{total / elapsed:.0f} verdicts/s overall (process start included), "
          f"p50 {statistics.median(latencies):.1f} ms, p95 {percentile(latencies, 0.95):.1f} ms")


def grow(engine, claims: int) -> None:
    """Copies of the demo's claims until there are `claims` of them."""
    with engine.begin() as connection:
        document_id = connection.execute(select(Document.id)).scalars().first()
        have = connection.execute(select(Claim)).mappings().all()
        rows = []
        while len(have) + len(rows) < claims:
            for claim in have:
                row = {k: v for k, v in claim.items() if k != "id"}
                row["document_id"] = document_id
                rows.append(row)
        connection.execute(insert(Claim), rows[: claims - len(have)])


def backups(engine, folder: Path, claims: int) -> None:
    grow(engine, claims)
    sqlite = engine.dialect.name == "sqlite"
    for name in (["claims.bak"] if sqlite else []) + ["claims.jsonl"]:
        target = folder / name
        started = time.perf_counter()
        counts = backup(engine, target)
        took = time.perf_counter() - started
        fresh = make_engine(f"sqlite:///{folder / ('restored-' + name + '.db')}")
        started = time.perf_counter()
        restore(fresh, target)
        print(f"{claims} claims ({counts.rows} rows), {name}: backup {took:.2f} s, "
              f"restore into SQLite {time.perf_counter() - started:.2f} s, "
              f"{target.stat().st_size / 2**20:.1f} MB")
        fresh.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--reviewers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--reviewer")
    parser.add_argument("--ids")
    args = parser.parse_args()
    if args.reviewer:
        reviewer(args.db, args.reviewer, args.rounds, [int(i) for i in args.ids.split(",")])
        return
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'claims.db'}"
        engine = make_engine(url)
        ingest_paths(engine, [ROOT / "sources" / "articles"])
        with engine.connect() as connection:
            ids = list(connection.execute(select(Claim.id).order_by(Claim.id).limit(5)).scalars())
        print(f"database: {engine.dialect.name}")
        alone(engine, ids, args.rounds)
        contended(url, ids, args.reviewers, args.rounds)
        backups(engine, Path(folder), args.claims)
        engine.dispose()


if __name__ == "__main__":
    main()
