"""Export speed and memory: every format over a synthetic database of N claims (default
100,000), each run as a user runs it (`factcheck export -o FILE` in a fresh process).

    python bench/export.py [--claims 100000] [--rebuild] [--formats md,html,csv,json,claimreview]
                           [--audiences default|both] [--one-core] [--against DIR] [--rounds N]

Prints seconds, peak resident memory and output size per format and audience; asserts
nothing. The database is kept in a temporary folder between runs (--rebuild makes it again).
The export renders parts of a large report in a worker process per spare core; --one-core
pins it to one core, so it runs alone, to compare. CPU is the time of every process of the
export. --against DIR also runs the factcheck package found in DIR (a copy of an earlier
revision, e.g. `git archive REV factcheck | tar -x -C DIR`) on the same database, each
export right after the other, so both see the same load: a comparison in one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from factcheck.store.db import make_engine
from factcheck.store.models import Claim, Document, Link, Passage, Quantity, ReviewEvent

PER_ARTICLE = 100
SENTENCE = "据报道,这家公司估值{n}亿美金,比去年增长{p}%,订单总额达{m}万美元。"
VERDICTS = ("supported", "refuted", "misleading", "unverifiable")


def build(url: str, claims: int) -> None:
    engine = make_engine(url)
    articles = max(1, claims // PER_ARTICLE)
    started = datetime(2024, 6, 1, tzinfo=UTC)
    with engine.begin() as db:
        db.execute(insert(Document), [_source(i) for i in range(100)])
        db.execute(insert(Passage), [
            {"id": i + 1, "document_id": i // 10 + 1, "start": 0, "end": 40,
             "text": f"The company was valued at ${i} billion, up {i % 90}% on the year."}
            for i in range(1000)
        ])
        claim_id = 0
        for a in range(articles):
            sentences = [SENTENCE.format(n=a + s, p=s % 90, m=s * 7) for s in range(PER_ARTICLE)]
            text = "\n".join(sentences)
            document_id = 101 + a
            db.execute(insert(Document), [{
                "id": document_id, "path": f"articles/a{a:05d}.txt", "title": f"Article {a}",
                "role": "article", "language": "zh", "sha256": f"a{a}", "text": text,
                "url": f"https://news.example.com/{a}", "published": "2024-05-20",
            }])
            rows, quantities, links, events, offset = [], [], [], [], 0
            for s, sentence in enumerate(sentences):
                claim_id += 1
                status = VERDICTS[s % 4] if s % 5 == 0 else "unreviewed"
                rows.append({"id": claim_id, "document_id": document_id, "start": offset,
                             "end": offset + len(sentence), "text": sentence, "label": f"valuation {s}",
                             "checkworthiness": (s % 10) / 10, "status": status})
                number = sentence.index("估值") + 2
                quantities.append({"claim_id": claim_id, "start": offset + number, "end": offset + number + 6,
                                   "text": f"{a + s}亿美金", "kind": "money", "value": (a + s) * 1e8,
                                   "unit": "USD", "display": f"${a + s}00M"})
                quantities.append({"claim_id": claim_id, "start": offset + number + 10, "end": offset + number + 13,
                                   "text": f"{s % 90}%", "kind": "percent", "value": s % 90, "unit": "%",
                                   "display": f"{s % 90}%"})
                if s % 3 == 0:
                    links.append({"claim_id": claim_id, "passage_id": (claim_id % 1000) + 1, "score": 0.8,
                                  "relation": "supports", "state": "suggested", "reasons": '["same money"]'})
                if status != "unreviewed":
                    events.append({"claim_id": claim_id, "at": started + timedelta(minutes=claim_id),
                                   "reviewer": "ann", "field": "status", "old": "unreviewed",
                                   "new": status, "note": f"Checked against source {s}."})
                offset += len(sentence) + 1
            db.execute(insert(Claim), rows)
            db.execute(insert(Quantity), quantities)
            if links:
                db.execute(insert(Link), links)
            if events:
                db.execute(insert(ReviewEvent), events)
    engine.dispose()


def _source(i: int) -> dict:
    return {"id": i + 1, "path": f"evidence/s{i:03d}.md", "title": f"Source {i}", "role": "source",
            "language": "en", "sha256": f"s{i}", "text": "x" * 400, "url": f"https://evidence.example.org/{i}"}


def measure(
    url: str, fmt: str, output: Path, one_core: bool = False, audience: str | None = None, code: str | None = None,
) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak resident MiB (of the largest process) and bytes of one
    `factcheck export` (CPU time shows the work when other jobs share the cores); `code`: the
    folder to import factcheck from instead of this one."""
    env = dict(os.environ, FACTCHECK_PUBLISHER="Bench Desk", FACTCHECK_PUBLISHER_URL="https://bench.example.org/",
               FACTCHECK_CONFIG=str(output.parent / "no-settings.toml"))
    if code:
        env["PYTHONPATH"] = code
    command = [sys.executable, "-m", "factcheck", "--db", url, "export", "--format", fmt, "-o", str(output)]
    if audience:
        command += ["--audience", audience]
    pin = (lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})) if one_core else None
    began = time.perf_counter()
    # run from the output's folder: the current folder would come before PYTHONPATH
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, preexec_fn=pin, cwd=output.parent)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    if status != 0:
        raise SystemExit(f"{fmt}: export failed: {process.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output.stat().st_size


def reference_loop() -> float:
    """A fixed piece of pure-Python work, timed: how fast this machine is right now."""
    began = time.perf_counter()
    sum(i * i for i in range(3_000_000))
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--formats", default="md,html,csv,json,claimreview")
    parser.add_argument("--audiences", choices=("default", "both"), default="default",
                        help="each format's default audience, or both where it has both")
    parser.add_argument("--one-core", action="store_true", help="pin the export to one core")
    parser.add_argument("--against", help="a folder holding another factcheck package to compare")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / f"factcheck-bench-export-{args.claims}"
    folder.mkdir(exist_ok=True)
    database = folder / "claims.db"
    url = f"sqlite:///{database}"
    if args.rebuild or not database.exists():
        database.unlink(missing_ok=True)
        began = time.perf_counter()
        build(url, args.claims)
        print(f"built {args.claims:,} claims in {time.perf_counter() - began:.1f} s ({database})")
    cores = 1 if args.one_core else len(os.sched_getaffinity(0))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, export on {cores}; "
          f"reference loop {reference_loop():.2f} s (the same loop, to compare machines and loads)")
    print(f"{'format':<12} {'audience':<9} {'code':<8} {'wall s':>7} {'CPU s':>6} {'peak MiB':>9} {'output MB':>10}")
    for _ in range(args.rounds):
        for fmt, audience in _runs(args.formats.split(","), args.audiences):
            codes = [("this", None)] + ([("against", args.against)] if args.against else [])
            for name, code in codes:
                # the other code may not know --audience: its own default is asked for then
                asked = audience if code is None and args.audiences == "both" else None
                seconds, cpu, peak, size = measure(url, fmt, folder / f"report.{fmt}", args.one_core, asked, code)
                shown = audience if asked or code is None else "default"
                print(f"{fmt:<12} {shown:<9} {name:<8} {seconds:>7.2f} {cpu:>6.2f} {peak:>9.0f} {size / 1e6:>10.1f}")


def _runs(formats: list[str], audiences: str) -> list[tuple[str, str]]:
    from factcheck.report.formats import format_named

    runs = []
    for name in formats:
        found = format_named(name)
        chosen = found.audiences if audiences == "both" else (found.default_audience,)
        runs += [(name, audience) for audience in chosen]
    return runs


if __name__ == "__main__":
    main()
