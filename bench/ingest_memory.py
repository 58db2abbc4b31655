"""Memory of `ingest` over many large files: it must stay flat in the number of files.

    python bench/ingest_memory.py [--files 200] [--mb 1] [--role source] [--jobs 1] [--html]

Each file is the demo article repeated to about `--mb` MB, with a line of its own so every
file has distinct bytes. With --html, the same text is one text node of an HTML page
(<html><body><p>…</p></body></html>), to compare with the same text as .txt. The ingest runs in a child process into a fresh SQLite database;
printed: wall and CPU time, the peak resident memory, the resident memory once ingest has
returned (its report still held), and how much of that the Python heap holds (tracemalloc
is not used: it would slow the run several times). Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "sources" / "articles" / "tmtpost-openai-2024-05.txt"

CHILD = """
import gc, resource, sys, time
from factcheck.store.db import make_engine
from factcheck.services.ingest import ingest_paths

def resident_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20

folder, role, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
engine = make_engine(f"sqlite:///{folder}/bench.db")
before = resident_mb()
wall, cpu = time.perf_counter(), time.process_time()
report = ingest_paths(engine, [folder + "/files"], role=role, jobs=jobs)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
gc.collect()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(len(report.added), report.claims or report.passages, f"{wall:.1f}", f"{cpu:.1f}",
      f"{before:.0f}", f"{peak:.0f}", f"{resident_mb():.0f}")
"""


def make_files(folder: Path, count: int, megabytes: float, html: bool = False) -> int:
    text = ARTICLE.read_text("utf-8")
    copies = max(1, round(megabytes * 1e6 / len(text.encode("utf-8"))))
    body = "\n".join([text] * copies)
    if html:
        from html import escape

        body = escape(body, quote=False)
    folder.mkdir(parents=True)
    for n in range(count):
        content = f"第{n}号稿件。\n{body}"
        if html:
            (folder / f"article-{n:04d}.html").write_text(f"<html><body><p>{content}</p></body></html>", "utf-8")
        else:
            (folder / f"article-{n:04d}.txt").write_text(content, "utf-8")
    return sum(p.stat().st_size for p in folder.iterdir())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--role", choices=("article", "source"), default="source")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--html", action="store_true", help="each file an HTML page of one text node")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        size = make_files(folder / "files", args.files, args.mb, args.html)
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), args.role, str(args.jobs)],
            capture_output=True, text=True, cwd=ROOT, check=True,
        )
    added, rows, wall, cpu, before, peak, after = out.stdout.split()
    kind = "HTML" if args.html else "text"
    print(f"{added} {kind} files, {size / 1e6:.0f} MB as {args.role}s ({rows} rows), --jobs {args.jobs}: "
          f"{wall} s wall, {cpu} s CPU; resident memory {before} MB before, peak {peak} MB, "
          f"{after} MB after (report held)")


if __name__ == "__main__":
    main()
