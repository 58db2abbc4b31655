"""Time to read a web page: the main text and metadata of each page in a folder.

    python bench/html_reading.py [FOLDER] [--rounds 5] [--padded]

FOLDER defaults to the test pages (tests/data/pages: a dozen Chinese and English news
pages, 1-3 KB each). With --padded each page gets what a real news page carries around
its article (about 100 KB: scripts and structured data in the head, a menu of 300 links,
40 teaser cards, a footer of 150 links), so the times compare with real pages. Each page is read `--rounds` times; printed per page the fastest CPU time of the whole
reading (factcheck.text.read.reading.read_bytes: decoding, nesting bound, parsing, trafilatura's
main text, metadata, normalising) and of trafilatura.extract alone with the same settings,
then the mean and median over pages. The first round of the first page (imports, caches)
is not counted. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from page_padding import padded  # noqa: E402  (the tests' padding of a page)

from factcheck.text.read.html_reading import EXTRACT_OPTIONS  # noqa: E402
from factcheck.text.read.reading import read_bytes  # noqa: E402


def fastest(work, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()  # CPU time: others' load on a shared machine does not count
        work()
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "data" / "pages"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--padded", action="store_true", help="each page inside ~100 KB of a real page's bulk")
    args = parser.parse_args()
    import trafilatura

    pages = sorted(p for p in Path(args.folder).iterdir() if p.suffix in (".html", ".htm"))
    read_bytes(pages[0].read_bytes(), pages[0].name)  # imports and first-use caches
    trafilatura.extract(pages[0].read_bytes(), **EXTRACT_OPTIONS)
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {len(pages)} pages, best of {args.rounds}")
    print(f"{'page':<28}{'KB':>6}{'read ms':>10}{'trafilatura ms':>16}")
    ours, theirs = [], []
    for page in pages:
        data = padded(page.read_bytes()) if args.padded else page.read_bytes()
        ours.append(fastest(lambda data=data, name=page.name: read_bytes(data, name), args.rounds))
        theirs.append(fastest(lambda data=data: trafilatura.extract(data, **EXTRACT_OPTIONS), args.rounds))
        print(f"{page.name:<28}{len(data) / 1024:>6.1f}{ours[-1] * 1000:>10.1f}{theirs[-1] * 1000:>16.1f}")
    print(f"{'mean':<34}{statistics.mean(ours) * 1000:>10.1f}{statistics.mean(theirs) * 1000:>16.1f}")
    print(f"{'median':<34}{statistics.median(ours) * 1000:>10.1f}{statistics.median(theirs) * 1000:>16.1f}")


if __name__ == "__main__":
    main()
