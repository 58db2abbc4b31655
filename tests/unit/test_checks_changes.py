"""Changes against the values they lie between, percent against percentage points, and
multiples (倍, 翻番, N-fold, doubled) against a percentage or two values."""

from __future__ import annotations

import pytest
from checks_helper import only, results


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose from $4.2 billion to $5.1 billion, up 21%.",
        "营收由120亿元增长到150亿元，增长25%。",
        "净利润从10亿元下降到8亿元，下降20%。",
        "Sales fell 20% to 80,000 units from 100,000 units.",
        "Exports were $120 billion, up 20% from $100 billion.",
        "Profit fell 20% to $8 million from $10 million.",
        "今年营收150亿元，比去年的120亿元增长25%。",
        "营收增长25%，从120亿元增至150亿元。",
        "The rate rose from 4% to 6%, an increase of 50%.",
        # rounding at the edge: 5.1/4.2 is 18.8%–24.1% with both rounded; 24% is in reach
        "Revenue rose from $4.2 billion to $5.1 billion, up 24%.",
    ],
)
def test_consistent_changes(text: str):
    assert results(text, "change") == ["consistent"]


@pytest.mark.parametrize(
    ("text", "arithmetic"),
    [
        ("Revenue rose from $4.2 billion to $5.1 billion, up 30%.", "$4.2 billion → $5.1 billion = +21.4%; stated +30%"),
        ("Revenue rose from $4.2 billion to $5.1 billion, up 25%.", "$4.2 billion → $5.1 billion = +21.4%; stated +25%"),
        ("营收由120亿元增长到150亿元，增长20%。", "120亿元 → 150亿元 = +25%; stated +20%"),
        ("净利润从10亿元下降到12亿元，下降20%。", "10亿元 → 12亿元 = +20%; stated -20%"),  # the wrong way
        ("Profit fell 30% to $8 million from $10 million.", "$10 million → $8 million = -20%; stated -30%"),
    ],
)
def test_inconsistent_changes_show_the_recomputed_change(text: str, arithmetic: str):
    finding = only(text, "change")
    assert finding.result == "inconsistent"
    assert finding.arithmetic == arithmetic


def test_the_earlier_value_may_be_stated_in_another_sentence_of_the_paragraph():
    text = "去年公司营收为120亿元，净利润为10亿元。今年营收增长25%至150亿元。"
    finding = only(text, "change")
    assert finding.result == "consistent" and finding.claims == (0, 1)
    wrong = "Revenue was $4.2 billion in 2023. In 2024 revenue rose 30% to $5.1 billion."
    assert results(wrong, "change") == ["inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        # different subjects in one sentence
        "Revenue rose from $4.2 billion to $5.1 billion, while wages grew 3%.",
        "Revenue rose to $5.1 billion, while profit rose 25% to $1.2 billion.",
        # the earlier value of another measure, or two candidates, or another paragraph
        "Profit was $1 billion last year. Revenue rose 30% to $5.1 billion.",
        "Revenue was $3.9 billion in 2022. Revenue was $4.2 billion in 2023. In 2024 revenue rose 30% to $5.1 billion.",
        "Revenue was $4.2 billion in 2023.\n\nIn 2024 revenue rose 30% to $5.1 billion.",
        # against the previous quarter, not the value stated
        "去年同期营收为120亿元。今年营收150亿元，环比增长10%。",
        # two amounts and a percent with no word of change
        "The plan costs $4.2 billion to $5.1 billion, 21% of the budget.",
    ],
)
def test_near_misses_give_no_change_finding(text: str):
    assert results(text, "change") == [] and results(text, "percentage_points") == []


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment rose 2% from 4% to 6%.",
        "失业率由4%上升至6%，上升了2%。",
        "The jobless rate climbed from 4% to 6%, up 2%.",
    ],
)
def test_percent_written_for_percentage_points(text: str):
    finding = only(text, "percentage_points")
    assert finding.result == "inconsistent"
    assert "+2 pp (+50%)" in finding.arithmetic
    assert "+50%" in finding.reason


def test_percentage_points_against_two_percentages():
    assert results("Unemployment rose from 4% to 6%, up 2 percentage points.", "percentage_points") == ["consistent"]
    assert results("失业率由4.1%上升至6.3%，上升了3个百分点。", "percentage_points") == ["inconsistent"]
    # 4% and 6% may be 3.5% and 6.5%: three points is within their rounding
    assert results("失业率由4%上升至6%，上升了3个百分点。", "percentage_points") == ["consistent"]


# -- multiples ------------------------------------------------------------------------------
def test_the_two_times_ambiguity_is_flagged_with_both_readings():
    finding = only("相比GPT-4 Turbo,GPT-4o速度提升两倍(200%)。", "multiple")
    assert finding.result == "unchecked"
    assert "2x" in finding.reason and "+200% (3x)" in finding.reason


@pytest.mark.parametrize(
    "text",
    [
        "速度是原来的两倍(200%)。",
        "Sales doubled (up 100%).",
        "销量从5万辆翻番至10万辆。",
        "今年营收150亿元，是去年50亿元的3倍。",
        "Its revenue of $10 billion is five times the $2 billion it made in 2020.",
        "Sales tripled from 100,000 units to 300,000 units.",
    ],
)
def test_consistent_multiples(text: str):
    assert results(text, "multiple") == ["consistent"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Sales tripled, a 300% increase.", "tripled is 3x"),
        ("销量从5万辆翻番至15万辆。", "翻番 is 2x"),
        ("今年营收150亿元，是去年50亿元的5倍。", "5倍 is 5x"),
        ("营收增长了两倍，从50亿元增至210亿元。", "neither agrees"),
        ("速度提升两倍(350%)。", "neither agrees"),
    ],
)
def test_inconsistent_multiples(text: str, why: str):
    finding = only(text, "multiple")
    assert finding.result == "inconsistent"
    assert why in finding.reason


@pytest.mark.parametrize(
    "text",
    [
        "The new chip is 5 times faster and costs 20% more.",
        "速度提升两倍，价格上涨20%。",
        "Sales doubled in Asia, and Europe's share fell to 30%.",
    ],
)
def test_a_multiple_and_an_unrelated_percentage_are_left_alone(text: str):
    assert results(text, "multiple") == []


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("比亚迪5月销量33.2万辆，同比增长38%，去年同期为24.0万辆。", "consistent"),
        ("比亚迪5月销量33.2万辆，同比增长58%，去年同期为24.0万辆。", "inconsistent"),
        ("The company was worth $2.8 trillion, up from $1.2 trillion at the start of the year, a rise of 133%.", "consistent"),
        ("The company was worth $2.8 trillion, up from $1.2 trillion at the start of the year, a rise of 113%.", "inconsistent"),
        ("Nvidia said revenue rose to $26.0 billion in the quarter, up 226% from $7.19 billion a year earlier.", "inconsistent"),
    ],
)
def test_more_sentence_forms_of_a_change(text: str, result: str):
    assert results(text, "change") == [result]


def test_an_earlier_value_of_another_length_of_period_is_not_paired():
    text = "该公司去年营收为80亿元。今年一季度，公司营收同比增长12%至25亿元。"
    assert results(text, "change") == []


def test_exports_tripled_since_a_year():
    assert results("Exports have tripled since 2015, from $20 billion to $61 billion.", "multiple") == ["consistent"]
    assert results("Exports have tripled since 2015, from $20 billion to $40 billion.", "multiple") == ["inconsistent"]
