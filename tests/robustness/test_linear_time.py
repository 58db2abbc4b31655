"""No text makes extraction slower than linear. Runs of Chinese numerals (一一一…, 三千三千…,
一、一、…) and digits after a letter were read again from each of their positions: 100 KB
took 30–40 s and 1 MB did not finish. Each pattern is timed at 10 KB, 100 KB and 1 MB; ten
times the text may take about ten times as long, not a hundred. The texts are made here,
at run time; the patterns are bench/hostile.py's, which prints the same table.

Times are CPU seconds, the best of three runs, and only their ratios are asserted, so a
loaded machine slows both sides alike. Numbers too long to be amounts are no quantities.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from harness import OverBudget, cpu_budget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from hostile import FLOOR, PATTERNS, growth, seconds, text_of  # noqa: E402

from factcheck.text.extract.claims import extract_claims  # noqa: E402
from factcheck.text.extract.quantities import extract_quantities  # noqa: E402

# A linear reader grows 10× per 10× of text; a quadratic one 100×. The margin is for
# caches and a busy machine, not for a slower kind of growth.
GROWTH_LIMIT = 20
SIZES = (10_000, 100_000, 1_000_000)
# Text dense with numbers costs up to 10 s a megabyte (each number is read): past 100 KB, a
# pattern stops at the size whose next step would take longer than this.
NEXT_STEP_SECONDS = 1.0


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
def test_extraction_time_grows_linearly(pattern):
    times: list[float] = []
    for size in SIZES:
        if len(times) >= 2 and times[-1] * 10 > NEXT_STEP_SECONDS:
            break
        # three runs at the growth allowed, and half as much again: a quadratic pattern is
        # stopped in its first run rather than after minutes (hours at 1 MB)
        budget = 3 * GROWTH_LIMIT * 1.5 * max(times[-1], FLOOR) if times else 60.0
        try:
            with cpu_budget(budget):
                times.append(seconds(text_of(pattern, size), repeat=3))
        except OverBudget:
            pytest.fail(f"{pattern.name}: {size:,} bytes took over {budget:.1f} s of CPU after {times}")
        if len(times) > 1 and times[-1] >= FLOOR:
            assert growth(times[-2], times[-1]) <= GROWTH_LIMIT, (pattern.name, times)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1000 + " dollars",
        "$" + "9" * 1000,
        "US$" + "1," * 400 + "000 million",
        "revenue of 1." + "5" * 1000 + " billion yuan",
        "一" * 1000 + "元",
        "人民币" + "九" * 1000 + "亿元",
        "百分之" + "1" * 1000,
        "1 in 1," + "000," * 400 + "000 people",
    ],
)
def test_a_number_of_a_thousand_digits_is_no_quantity(text):
    for quantity in extract_quantities(text, "2024-05-20"):
        assert len(quantity.text) <= 64, quantity
        assert quantity.value is None or abs(quantity.value) < 1e60, quantity
    for claim in extract_claims(text, "2024-05-20"):
        assert "inf" not in claim.label and "nan" not in claim.label


def test_numbers_up_to_the_limit_are_still_read():
    (quantity,) = extract_quantities("收入为人民币三千二百万元。", "2024-05-20")
    assert quantity.value == 3.2e7 and quantity.unit == "CNY"
    (quantity,) = extract_quantities("It paid $123,456,789,012 in all.", "2024-05-20")
    assert quantity.value == 123456789012.0


def test_a_long_run_hides_nothing_after_it():
    """A run too long to be an amount is passed over; the amounts on either side are read."""
    text = "营收5000万元，" + "一" * 5000 + "，利润300万元。"
    values = [q.value for q in extract_quantities(text, "2024-05-20")]
    assert values == [5e7, 3e6]
