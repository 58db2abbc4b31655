"""Hostile HTML read in linear time: pages nested 10,000 and 100,000 levels deep,
generated here, must take at most about ten times longer at ten times the size (a ratio
measured in the test, not a wall-clock limit), and keep their text.

Measured: the whole reading (nesting bounded, parsed, main text by trafilatura or
factcheck's own reader), and factcheck's reader alone on the parsed page."""

from __future__ import annotations

import gc
import time

import pytest

from factcheck.text.read.html_blocks import main_text
from factcheck.text.read.html_nesting import bound_nesting
from factcheck.text.read.html_reading import parse_page
from factcheck.text.read.html_reading import trafilatura_reading as with_trafilatura
from factcheck.text.read.reading import read_bytes

# 10x the size may cost up to 10x the time; the rest is room for a loaded machine
# (quadratic work shows as 100x)
MOST_GROWTH = 20
SHAPES = {
    "div": ("<div>", "</div>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
    "ul li": ("<ul><li>", "</li></ul>"),
}


def nested(shape: str, levels: int) -> str:
    opening, closing = SHAPES[shape]
    return "<html><body>" + f"{opening}word " * levels + closing * levels + "<p>the end</p></body></html>"


def fastest(work, runs: int) -> tuple[float, object]:
    """The shortest CPU time of `runs` runs, and what the work gave. The collector is paused
    while the work runs: its passes cost with everything earlier tests left in memory, which
    says nothing of the reading's own growth."""
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()  # this process's CPU: others' load does not count
            result = work()
            times.append(time.process_time() - started)
        finally:
            gc.enable()
    return min(times), result


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_reading_nested_pages_grows_linearly(shape):
    read_bytes(nested(shape, 100).encode(), "warm.html")
    small, large = nested(shape, 10_000).encode(), nested(shape, 100_000).encode()
    small_time, _ = fastest(lambda: read_bytes(small, "nested.html"), 2)
    large_time, read = fastest(lambda: read_bytes(large, "nested.html"), 1)
    assert large_time / small_time <= MOST_GROWTH, (small_time, large_time)
    assert read.text.count("word") > 99_000  # flattened, not cut off at the parser's limit


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_the_fallback_reader_grows_linearly(shape):
    small = parse_page(nested(shape, 10_000), "nested.html")
    large = parse_page(nested(shape, 100_000), "nested.html")
    small_time, _ = fastest(lambda: main_text(small), 2)
    large_time, _ = fastest(lambda: main_text(large), 1)
    assert large_time / small_time <= MOST_GROWTH, (small_time, large_time)


def test_bounding_the_nesting_grows_linearly():
    small, large = nested("div", 10_000), nested("div", 100_000)
    small_time, _ = fastest(lambda: bound_nesting(small), 2)
    large_time, _ = fastest(lambda: bound_nesting(large), 1)
    assert large_time / small_time <= MOST_GROWTH, (small_time, large_time)


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_the_trafilatura_path_grows_linearly(shape):
    """trafilatura reads pages of up to TRAFILATURA_MAX_ELEMENTS elements: on those, nested
    1,000 and 10,000 deep (bounded before parsing), its time grows with the page too."""
    small = parse_page(nested(shape, 1_000), "nested.html")
    large = parse_page(nested(shape, 10_000), "nested.html")
    small_time, _ = fastest(lambda: with_trafilatura(small, None), 2)
    large_time, page = fastest(lambda: with_trafilatura(large, None), 1)
    assert large_time / small_time <= MOST_GROWTH, (small_time, large_time)
    assert page.text.count("word") > 9_000
