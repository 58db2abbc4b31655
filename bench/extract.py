"""Extraction and ingest throughput, and a side-by-side with quantulum3 on English.

    python bench/extract.py [--mb 20] [--big] [--workers 2]

The corpus is made by varying real sentences: the demo article and evidence documents in
sources/, and the English and Chinese tables under tests/. Each copy of a sentence gets its
digits redrawn (same count of digits), and sentences are shuffled into paragraphs, so the
extractor sees many distinct numbers in realistic surroundings. Figures are printed, not
asserted; record them in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Only extraction at the top: ingest's worker processes start by importing this module
# again (Python's spawn), so the database layer is imported where it is used.
from factcheck.text.extract.claims import extract_claims  # noqa: E402
from factcheck.text.extract.quantities import extract_quantities  # noqa: E402
from factcheck.text.extract.sentences import split_sentences  # noqa: E402

EN_TABLE = ROOT / "tests" / "data" / "quantities_en.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
DIGIT = re.compile(r"\d")
HEADER = re.compile(r"^(#|Source:|Published:|URL:)")
PROSE = re.compile(r"[\u4e00-\u9fff]|^[A-Z“\"][^<>{}=%]*[.!?”\"]$")  # prose, not code from the tests


def real_sentences() -> dict[str, list[str]]:
    """Sentences by origin: 'zh' and 'en' from the demo article and evidence documents
    (real news prose), 'zh-table' and 'en-table' from the test tables (dense with numbers)."""
    pools: dict[str, list[str]] = {"zh": [], "en": [], "zh-table": [], "en-table": []}
    documents = [p.read_text("utf-8") for p in sorted((ROOT / "sources").rglob("*")) if p.suffix in (".txt", ".md")]
    tables = [case["text"] for case in json.loads(EN_TABLE.read_text("utf-8"))["cases"]]
    for path in sorted((ROOT / "tests" / "unit").glob("test_*.py")):
        tables += re.findall(r'"([^"\n]{12,})"', path.read_text("utf-8"))
    for origin, texts in (("", documents), ("-table", tables)):
        for text in texts:
            for start, end in split_sentences(text):
                sentence = text[start:end]
                if HEADER.match(sentence) or len(sentence) < 8 or not PROSE.search(sentence):
                    continue
                pools[("zh" if CJK.search(sentence) else "en") + origin].append(sentence)
    return pools


def vary(sentence: str, rng: random.Random) -> str:
    """The same sentence with its digits redrawn, so every copy states different numbers."""
    return DIGIT.sub(lambda _: str(rng.randint(0, 9)), sentence)


def corpus(prose: list[str], table: list[str], size: int, rng: random.Random, table_share: float) -> str:
    """Paragraphs of 4-9 varied sentences; `table_share` of them from the dense tables."""
    parts: list[str] = []
    total = 0
    joiner = "" if CJK.search(prose[0]) else " "
    while total < size:
        paragraph = joiner.join(
            vary(rng.choice(table if rng.random() < table_share else prose), rng)
            for _ in range(rng.randint(4, 9))
        ) + "\n\n"
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8"))
    return "".join(parts)


def extraction_rate(text: str) -> tuple[float, float, int]:
    """(MB/s wall, MB/s CPU, claims) for extract_claims over `text` in ingest's blocks."""
    from factcheck.services.ingest import text_blocks

    size = len(text.encode("utf-8")) / 1e6
    wall, cpu = time.perf_counter(), time.process_time()
    claims = sum(len(extract_claims(text[s:e])) for s, e in text_blocks(text))
    return size / (time.perf_counter() - wall), size / (time.process_time() - cpu), claims


def checks_cost(text: str) -> tuple[float, float, int, int]:
    """(CPU seconds extracting claims, CPU seconds checking them, findings, inconsistent)
    over `text` in ingest's blocks. Each block is extracted and then checked, one after the
    other, so a change in the machine's load falls on both alike. The ECB rates are read
    from the package's file at the first conversion, as in an ingest process, and counted."""
    from factcheck.services.ingest import text_blocks
    from factcheck.text.checks.run import DocumentDate, check_claims
    from factcheck.text.extract.dates import infer_reference_date

    extracting = checking = 0.0
    findings = inconsistent = 0
    for start, end in text_blocks(text, 100_000):
        block = text[start:end]
        began = time.process_time()
        reference = infer_reference_date(block)
        claims = extract_claims(block, reference)
        middle = time.process_time()
        found = check_claims(block, claims, DocumentDate(reference, "inferred" if reference else None))
        extracting += middle - began
        checking += time.process_time() - middle
        findings += len(found)
        inconsistent += sum(f.result == "inconsistent" for f in found)
    return extracting, checking, findings, inconsistent


def parallel_extraction_rate(text: str, workers: int) -> tuple[float, float, int]:
    """(MB/s wall, MB/s of CPU summed over the processes, claims) for ingest's extraction
    stage without the database: documents of 100,000 characters handed to `workers` worker
    processes as ingest hands them (block_extractor), the rows sent back to this one. The
    workers are started and their imports done before the clock starts."""
    from factcheck.services.ingest import text_blocks
    from factcheck.text.extract.block_extraction import BlockTask, block_extractor, run_ahead

    tasks = [BlockTask("article", text[s:e], 0, None, True) for s, e in text_blocks(text, 100_000)]
    size = len(text.encode("utf-8")) / 1e6
    with block_extractor(workers) as (submit, window):
        warm = [submit(BlockTask("article", "warm up: 5 dollars.", 0, None, True)) for _ in range(2 * workers)]
        for pending in warm:
            pending.result()
        children = _children_cpu()
        wall, cpu = time.perf_counter(), time.process_time()
        claims = sum(len(pending.result()[0]) for _, pending in run_ahead(submit, window, ((t, t) for t in tasks)))
        elapsed = time.perf_counter() - wall
        used = time.process_time() - cpu + _children_cpu() - children
    return size / elapsed, size / used, claims


def _children_cpu() -> float:
    """CPU seconds this process's live child processes have used so far (Linux:
    /proc/PID/stat)."""
    total = 0.0
    for child in multiprocessing.active_children():
        pid = child.pid
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def ingest_rate(text: str, folder: Path, jobs: int) -> tuple[float, float, int]:
    """(MB/s wall, MB/s CPU, claims) for `ingest` of the text as 1 MB files into a fresh
    SQLite database with `jobs` extracting processes. CPU is this process's (SQLite runs
    here) plus its worker processes'."""
    from factcheck.services.ingest import ingest_paths, text_blocks
    from factcheck.store.db import make_engine

    files = []
    for index, (start, end) in enumerate(text_blocks(text, 1_000_000)):
        path = folder / f"article-{index:03d}.txt"
        path.write_text(text[start:end], "utf-8")
        files.append(path)
    engine = make_engine(f"sqlite:///{folder / 'bench.db'}")
    size = sum(p.stat().st_size for p in files) / 1e6
    wall, cpu = time.perf_counter(), _cpu_with_workers()
    report = ingest_paths(engine, files, jobs=jobs)
    elapsed, used = time.perf_counter() - wall, _cpu_with_workers() - cpu
    engine.dispose()
    return size / elapsed, size / used, report.claims


def _cpu_with_workers() -> float:
    """CPU seconds of this process and of its ended child processes (ingest's workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def big_file_memory(text: str, folder: Path, megabytes: int, jobs: int) -> None:
    """Ingest one file of `megabytes` in a child process and report its peak memory."""
    path = folder / "big.txt"
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < megabytes * 1e6:
            out.write(text)
            written += len(text.encode("utf-8"))
    script = (
        "import sys, time, resource; from factcheck.store.db import make_engine; "
        "from factcheck.services.ingest import ingest_paths; "
        f"e = make_engine('sqlite:///{folder / 'big.db'}'); t = time.perf_counter(); "
        f"r = ingest_paths(e, ['{path}'], jobs={jobs}); "
        "print(r.claims, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    claims, seconds, peak_kb, worker_kb = out.stdout.split()
    size = path.stat().st_size / 1e6
    print(f"big file        {size:6.1f} MB in one file: {size / float(seconds):5.2f} MB/s, "
          f"{claims} claims, peak memory {int(peak_kb) / 1024:.0f} MB "
          f"(largest worker {int(worker_kb) / 1024:.0f} MB)")


def reference_loop() -> float:
    """A fixed piece of pure-Python work, timed in CPU: how fast this machine is right now."""
    began = time.process_time()
    sum(i * i for i in range(3_000_000))
    return time.process_time() - began


def recall_table() -> list[dict]:
    return json.loads(EN_TABLE.read_text("utf-8"))["cases"]


def _matches(expected: dict, values: list[float]) -> bool:
    targets = [expected["value"], expected.get("shown", expected["value"])]
    return any(abs(v - t) <= 1e-6 * max(1.0, abs(t)) for v in values for t in targets)


def compare_with_quantulum(english: str) -> None:
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its optional classifier is not needed here
            from quantulum3 import parser
    except ImportError:
        print("quantulum3     not installed (pip install quantulum3 in the venv): comparison skipped")
        return
    sample = english[:150_000]
    size = len(sample.encode("utf-8")) / 1e6
    parser.parse("warm up 5 dollars")
    wall = time.perf_counter()
    for paragraph in sample.split("\n\n"):
        parser.parse(paragraph)
    theirs = size / (time.perf_counter() - wall)
    wall = time.perf_counter()
    for _ in range(20):
        extract_quantities(sample)
    ours = 20 * size / (time.perf_counter() - wall)
    cases = recall_table()
    wanted = [e for c in cases for e in c["expected"]]
    our_hits = their_hits = our_spurious = their_spurious = 0
    for case in cases:
        our_values = [q.value for q in extract_quantities(case["text"]) if q.value is not None]
        their_values = [float(q.value) for q in parser.parse(case["text"])]
        our_hits += sum(_matches(e, our_values) for e in case["expected"])
        their_hits += sum(_matches(e, their_values) for e in case["expected"])
        if not case["expected"]:
            our_spurious += len(our_values)
            their_spurious += len(their_values)
    negatives = sum(1 for c in cases if not c["expected"])
    print(f"English sample  {size:6.2f} MB: factcheck {ours:7.2f} MB/s, quantulum3 {theirs:7.4f} MB/s "
          f"({ours / theirs:,.0f}x)")
    print(f"English table   {len(wanted)} quantities: recall factcheck {our_hits / len(wanted):.0%}, "
          f"quantulum3 {their_hits / len(wanted):.0%}; on {negatives} sentences of names, ids and "
          f"phone numbers: factcheck {our_spurious} spurious, quantulum3 {their_spurious}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--big", action="store_true", help="also ingest one 50 MB file and report peak memory")
    parser.add_argument("--table-share", type=float, default=0.2,
                        help="share of sentences drawn from the dense test tables (default 0.2)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)),
                        help="ingest's extracting processes (default: one per CPU, as the command)")
    parser.add_argument("--workers", type=int, default=2,
                        help="also extract in a pool of this many processes (default 2; 1 to skip)")
    args = parser.parse_args()
    print(f"machine         {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start, "
          f"reference loop {reference_loop():.2f} s CPU (3 million squares summed; about 0.2 s on an idle core)")
    rng = random.Random(7)
    pools = real_sentences()
    half = int(args.mb * 1e6 / 2)
    share = args.table_share
    zh_text = corpus(pools["zh"], pools["zh-table"], half, rng, share)
    en_text = corpus(pools["en"], pools["en-table"], half, rng, share)
    print("corpus          " + ", ".join(f"{len(v)} {k}" for k, v in pools.items())
          + f" sentences; {share:.0%} drawn from the tables; varied to "
          f"{(len(zh_text.encode()) + len(en_text.encode())) / 1e6:.1f} MB")
    for name, text in (("Chinese", zh_text), ("English", en_text)):
        wall, cpu, claims = extraction_rate(text)
        density = len(extract_quantities(text[:200_000])) / len(text[:200_000].encode()) * 1000
        print(f"extract {name:7s} {len(text.encode()) / 1e6:6.1f} MB: {wall:6.2f} MB/s wall, "
              f"{cpu:6.2f} MB/s CPU, {claims} claims, {density:.1f} quantities per kB")
        if args.workers > 1:
            wall, cpu, claims = parallel_extraction_rate(text, args.workers)
            print(f"  {args.workers} processes       {wall:6.2f} MB/s wall, {cpu:6.2f} MB/s of CPU summed, "
                  f"{claims} claims (100,000-character documents)")
    mixed = "\n\n".join(p for pair in zip(zh_text.split("\n\n"), en_text.split("\n\n"), strict=False) for p in pair)
    with tempfile.TemporaryDirectory() as folder:
        rate, cpu, claims = ingest_rate(mixed, Path(folder), args.jobs)
        print(f"ingest  mixed   {len(mixed.encode()) / 1e6:6.1f} MB: {rate:6.2f} MB/s wall, "
              f"{cpu:6.2f} MB/s CPU into SQLite, {claims} claims, --jobs {args.jobs}, "
              f"load average {os.getloadavg()[0]:.1f}")
        extracting, checking, findings, inconsistent = checks_cost(mixed)
        ingest_cpu = len(mixed.encode()) / 1e6 / cpu
        print(f"checks  mixed   {checking:6.2f} s CPU: {checking / extracting:.1%} of extracting the claims "
              f"({extracting:.2f} s), {checking / ingest_cpu:.1%} of ingest's CPU ({ingest_cpu:.2f} s); "
              f"{findings} findings, {inconsistent} inconsistent (digits redrawn at random)")
        if args.big:
            big_file_memory(mixed, Path(folder), 50, args.jobs)
    compare_with_quantulum(en_text)
    print(f"load average    {os.getloadavg()[0]:.2f} at the end, reference loop {reference_loop():.2f} s CPU")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory     {peak:.0f} MB (this process, corpus included)")


if __name__ == "__main__":
    main()
