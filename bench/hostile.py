"""How extraction time grows with the size of hostile text: a linear reader takes ten times
as long for ten times the text; a quadratic one a hundred times.

    python bench/hostile.py [--sizes 10000,100000,1000000] [--repeat 3] [--only WORDS]

Each pattern is a fragment repeated to each size (in UTF-8 bytes), extracted as ingest
extracts a document: as an article (sentences, quantities, claims) and as a source
(passages, quantities), a whole block at once. Times are CPU seconds of this process, the
best of --repeat runs, so other work on the machine counts for little; the growth columns
are the ratios of consecutive sizes ("–" where both times are too short to measure). The tests (tests/robustness/test_linear_time.py) run
the same patterns and assert the growth.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.text.extract.block_extraction import BlockTask, extract_block  # noqa: E402
from factcheck.text.extract.numerals import MAX_NUMBER_CHARS  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
# Below this many CPU seconds a time is mostly noise: a growth is measured from here up.
FLOOR = 0.02


class Pattern(NamedTuple):
    name: str
    fragment: str
    head: str = ""  # written once, before the repeated fragment


PATTERNS = (
    # runs of Chinese numerals: each was read again from every position of the run
    Pattern("一一一…", "一"),
    Pattern("一二三四五六七八九十…", "一二三四五六七八九十"),
    Pattern("三千三千…", "三千"),
    Pattern("一、一、…", "一、"),
    Pattern("十几十几…", "十几"),
    Pattern("亿亿亿…", "亿"),
    Pattern("x then 一一一…", "一", head="x"),
    # runs just short enough to be read as numbers, many of them
    Pattern(f"一×{MAX_NUMBER_CHARS} then 吨, repeated", "一" * MAX_NUMBER_CHARS + "吨"),
    Pattern(f"三千×{MAX_NUMBER_CHARS // 2} then 。, repeated", "三千" * (MAX_NUMBER_CHARS // 2) + "。"),
    # digits: a run after a letter was read again from every position for a date's mark
    Pattern("A then 1111…", "1", head="A"),
    Pattern("1111… (no amount)", "1"),
    Pattern("1,000,000,…", "1,000,"),
    Pattern("百分之1111…", "1", head="百分之"),
    # English and punctuation, linear before and after
    Pattern("one one one…", "one "),
    Pattern("between 1 and …", "between 1 and "),
    Pattern("1 in 1 in …", "1 in "),
    Pattern("$1bn $1bn …", "$1bn "),
    Pattern("“据报道称…", "“据报道称"),
    Pattern("a line without punctuation", "word "),
)


def text_of(pattern: Pattern, size: int) -> str:
    """The pattern at about `size` bytes of UTF-8."""
    count = max(1, (size - len(pattern.head.encode())) // len(pattern.fragment.encode()))
    return pattern.head + pattern.fragment * count


def seconds(text: str, repeat: int) -> float:
    """CPU seconds to extract `text` as an article and as a source, the best of `repeat`."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for role in ("article", "source"):
            extract_block(BlockTask(role, text, 0, None, whole=True))
        best = min(best, time.process_time() - started)
    return best


def growth(smaller: float, larger: float) -> float:
    return larger / max(smaller, FLOOR)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="bytes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    parser.add_argument("--only", help="only the patterns whose name holds these words")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    chosen = [p for p in PATTERNS if not args.only or args.only in p.name]
    heads = [f"{size // 1000:,} KB" for size in sizes]
    ratios = [f"×{b // a} growth" for a, b in zip(sizes, sizes[1:], strict=False)]
    print(f"| pattern | {' | '.join(heads)} | {' | '.join(ratios)} |")
    print("|---|" + "---:|" * (len(heads) + len(ratios)))
    for pattern in chosen:
        times = [seconds(text_of(pattern, size), args.repeat) for size in sizes]
        steps = [f"{growth(a, b):.1f}" if b >= FLOOR else "–" for a, b in zip(times, times[1:], strict=False)]
        cells = [f"{t:.3f} s" for t in times] + steps
        print(f"| {pattern.name} | {' | '.join(cells)} |", flush=True)


if __name__ == "__main__":
    main()
