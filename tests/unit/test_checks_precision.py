"""What range of true values a number allows as it is written."""

from __future__ import annotations

import math

import pytest

from factcheck.text.checks.precision import half_unit, stated_span
from factcheck.text.extract.quantities import extract_quantities


def _quantity(text: str):
    found = extract_quantities(text, "2024-05-20")
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ("约合人民币7100亿元", 5e9),  # rounded on purpose: its last nonzero digit
        ("7100亿元", 5e9),
        ("500亿元", 1e9),  # a round amount is no more than 2% off
        ("约500亿元", 5e9),
        ("120亿元", 5e7),  # one final zero is a digit
        ("$4.2 billion", 5e7),
        ("300,000 people", 6_000),
        ("200%", 0.5),  # every digit of a percentage counts
        ("4.25%", 0.005),
        ("两倍", 0.5),
        ("10 years", 0.5 * 365 * 86400),
    ],
)
def test_half_a_unit_of_the_last_significant_digit(text: str, half: float):
    assert half_unit(_quantity(text)) == pytest.approx(half)


def test_qualifiers_make_a_bound():
    assert stated_span(_quantity("超过30%")).high == math.inf
    assert stated_span(_quantity("more than 30%")).low == pytest.approx(29.5)
    assert stated_span(_quantity("不到30%")).low == -math.inf
    nearly = stated_span(_quantity("nearly 20 years"))
    assert nearly.high == pytest.approx(20.5 * 365 * 86400)
    assert nearly.low == pytest.approx((16 - 0.5) * 365 * 86400)
