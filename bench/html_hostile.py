"""Hostile HTML: how reading time grows with the nesting of a page.

    python bench/html_hostile.py [--sizes 1000 10000 100000]

Each shape nests one element in the next, `size` deep, with a few words in each, then
closes them all: <div>, <blockquote>, <span>, <ul><li>, and <li> left open (which HTML
closes by itself: siblings, not nesting). Printed per shape and size: the CPU time of
the whole reading (factcheck.text.read.reading.read_bytes: nesting bounded, parsed, main text
by trafilatura or factcheck's reader) and of factcheck's reader alone on the parsed page,
with the growth from the size before. Linear time shows as ~10x per 10x size. Figures
are printed, not asserted (tests/robustness/test_html_growth.py asserts the ratios).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.text.read.html_blocks import main_text  # noqa: E402
from factcheck.text.read.html_reading import parse_page  # noqa: E402
from factcheck.text.read.reading import read_bytes  # noqa: E402

SHAPES = {
    "div": ("<div>", "</div>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
    "span": ("<span>", "</span>"),
    "ul li": ("<ul><li>", "</li></ul>"),
    "li left open": ("<li>", ""),
}


def nested_page(shape: str, size: int) -> bytes:
    opening, closing = SHAPES[shape]
    words = "word " * 3
    return ("<html><body>" + (opening + words) * size + closing * size + "</body></html>").encode()


def timed(work) -> float:
    started = time.process_time()  # CPU time: others' load on a shared machine does not count
    work()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    read_bytes(nested_page("div", 10), "warm.html")  # imports and trafilatura's first run
    print(f"{'shape':<14}{'levels':>8}{'KB':>8}{'read s':>9}{'growth':>8}{'reader s':>10}{'growth':>8}")
    for shape in SHAPES:
        before = None
        for size in args.sizes:
            page = nested_page(shape, size)
            whole = timed(lambda page=page: read_bytes(page, "nested.html"))
            tree = parse_page(page.decode(), "nested.html")
            reader = timed(lambda tree=tree: main_text(tree))
            growth = (f"{whole / before[0]:7.1f}x", f"{reader / before[1]:7.1f}x") if before else ("", "")
            print(f"{shape:<14}{size:>8}{len(page) // 1024:>8}{whole:>9.3f}{growth[0]:>8}{reader:>10.3f}{growth[1]:>8}")
            before = (whole, reader)


if __name__ == "__main__":
    main()
