"""Dates: weekdays beside dates, years elapsed, ages against years of birth."""

from __future__ import annotations

import pytest
from checks_helper import only, results


@pytest.mark.parametrize(
    "text",
    [
        "周二(5月14日)，OpenAI发布了GPT-4o。",
        "5月14日（星期二），OpenAI发布了GPT-4o。",
        "On Tuesday, May 14, 2024, OpenAI launched GPT-4o.",
        "OpenAI launched GPT-4o on May 14 (Tuesday).",
        "2024年5月17日周五，公司宣布了消息。",
    ],
)
def test_weekdays_that_fall_on_their_date(text: str):
    assert results(text, "weekday") == ["consistent"]


@pytest.mark.parametrize(
    ("text", "working"),
    [
        ("周三(5月14日)，OpenAI发布了GPT-4o。", "周三 beside 5月14日: 2024-05-14 is a Tuesday"),
        ("On Friday, May 14, 2024, OpenAI launched GPT-4o.", "Friday beside May 14, 2024: 2024-05-14 is a Tuesday"),
        ("2023年11月17日（周四），奥尔特曼被解雇。", "周四 beside 2023年11月17日: 2023-11-17 is a Friday"),
    ],
)
def test_weekdays_that_do_not(text: str, working: str):
    finding = only(text, "weekday")
    assert finding.result == "inconsistent"
    assert finding.arithmetic == working


def test_a_month_day_near_new_year_may_be_of_the_year_before():
    finding = only("12月30日（周一），公司发布公告。", "weekday", published="2025-01-03")
    assert finding.result == "consistent"
    assert finding.figures["date"] == "2024-12-30"


def test_a_date_with_no_year_and_no_document_date_is_unchecked():
    assert results("周二(5月14日)，OpenAI发布了GPT-4o。", "weekday", published=None) == ["unchecked"]


@pytest.mark.parametrize(
    "text",
    [
        "上周二，5月14日的数据还没有公布。",  # a comma between: not said of the date
        "The Tuesday meeting was moved to May 17.",
    ],
)
def test_weekdays_not_beside_a_date(text: str):
    assert results(text, "weekday") == []


@pytest.mark.parametrize(
    "text",
    [
        "公司成立于2015年，9年后的2024年估值达到1000亿美元。",
        "Founded in 2015, nine years later in 2024 it was worth $100bn.",
        "近10年来，从2014年到2024年，收入翻了一番。",
        "In 2024, ten years after its founding in 2014, the firm listed.",
        # a year either way: December 2015 to January 2024 is eight years and a month
        "Founded in 2015, eight years later in 2024 it listed.",
        "2019-2023年的5年间，公司营收翻了一番。",
    ],
)
def test_years_elapsed_that_agree(text: str):
    assert results(text, "elapsed_years") == ["consistent"]


@pytest.mark.parametrize(
    ("text", "working"),
    [
        ("公司成立于2015年，5年后的2024年估值达到1000亿美元。", "2015年 → 2024年 = 9 years; stated 5年"),
        ("Founded in 2015, four years later in 2024 it was worth $100bn.", "2015 → 2024 = 9 years; stated four years"),
        ("近20年来，从2014年到2024年，收入翻了一番。", "2014年 → 2024年 = 10 years; stated 20年"),
    ],
)
def test_years_elapsed_that_do_not(text: str, working: str):
    finding = only(text, "elapsed_years")
    assert finding.result == "inconsistent"
    assert finding.arithmetic == working


def test_years_after_another_event_are_not_counted_from_the_first_year():
    text = "The company was founded in 2010 and listed two years after its IPO filing in 2018."
    assert [r for r in results(text, "elapsed_years") if r == "inconsistent"] == []


@pytest.mark.parametrize(
    "text",
    ["Sam Altman, 39, was born in 1985.", "奥尔特曼今年39岁，出生于1985年。", "Sam Altman, 38, was born in 1985."],
)
def test_ages_that_fit_the_year_of_birth(text: str):
    assert results(text, "age") == ["consistent"]


def test_an_age_that_does_not():
    finding = only("Sam Altman, 45, was born in 1985.", "age")
    assert finding.result == "inconsistent"
    assert "2024 − 1985 = 39" in finding.arithmetic


@pytest.mark.parametrize(
    "text",
    [
        "Altman, 39, whose mother was born in 1950, spoke.",  # another person's birth
        "奥尔特曼今年39岁，他的母亲出生于1950年。",
    ],
)
def test_an_age_and_another_persons_birth(text: str):
    assert results(text, "age") == []


def test_an_age_without_a_date_to_count_to_is_unchecked():
    assert results("Sam Altman, 39, was born in 1985.", "age", published=None) == ["unchecked"]


def test_an_age_fits_the_documents_date_or_a_date_in_its_sentence():
    text = "Warren Buffett, 93, who was born in 1930, has run Berkshire Hathaway since 1965."
    assert results(text, "age", published="2024-06-03") == ["consistent"]
    assert results(text.replace("93", "98"), "age", published="2024-06-03") == ["inconsistent"]


def test_years_later_after_two_dates_and_years_until_today():
    assert results("The bridge, opened in 1937, was closed in 2023, 68 years later.", "elapsed_years") == ["inconsistent"]
    assert results("该公司成立于2015年，9年后的今天，其估值已超过800亿美元。", "elapsed_years") == ["consistent"]
