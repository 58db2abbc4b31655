"""Parts and wholes: shares of one whole over 100%, parts over their total."""

from __future__ import annotations

import pytest
from checks_helper import only, results


@pytest.mark.parametrize(
    "text",
    [
        "调查显示，支持者占45%，反对者占38%，另有15%表示不确定。",
        "第一产业占7%，第二产业占38%，第三产业占55%。",
        # rounding at the edge: 52% and 49% may be 51.5% and 48.5%
        "Women made up 52% of respondents and men 49%.",
        "In the poll, 48% supported the plan, 42% opposed it and 10% were undecided.",
    ],
)
def test_shares_within_a_whole(text: str):
    assert results(text, "shares") == ["consistent"]


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("调查显示，支持者占45%，反对者占38%，另有20%表示不确定。", "103%"),
        ("第一产业占7%，第二产业占38%，第三产业占60%。", "105%"),
        ("Women made up 55% of respondents and men 49%.", "104%"),
        ("In the poll, 48% supported the plan, 45% opposed it and 10% were undecided.", "103%"),
        ("Exports accounted for 60% of sales and the rest, 45%, came from home.", "105%"),
    ],
)
def test_shares_over_a_whole(text: str, total: str):
    finding = only(text, "shares")
    assert finding.result == "inconsistent"
    assert finding.arithmetic.endswith(f"= {total}")


@pytest.mark.parametrize(
    "text",
    [
        "Some 52% of men and 60% of women support the plan.",  # two wholes
        "A省占全国的30%，B市占全省的80%。",
        "45% of respondents use WeChat and 70% use Weibo.",  # answers that may overlap
        "45%的受访者使用微信，70%的受访者使用微博。",
        "GDP grew 5.2%, while the deficit was 3% of GDP and debt 110% of GDP.",
        "Prices rose 60% in Lagos and 55% in Abuja.",  # changes, not shares
    ],
)
def test_percentages_that_are_not_shares_of_one_whole(text: str):
    assert results(text, "shares") == []


@pytest.mark.parametrize(
    "text",
    [
        "去年全国粮食产量6.9亿吨，其中夏粮1.5亿吨，秋粮5亿吨。",
        "The budget totals $10 billion, of which $4 billion goes to defence and $5 billion to health.",
        "全年营收500亿元。其中，海外收入300亿元，国内收入200亿元。",
        "The crash killed 30 people, including 12 children.",
    ],
)
def test_parts_within_their_total(text: str):
    assert results(text, "components") == ["consistent"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("去年全国粮食产量6.9亿吨，其中夏粮1.5亿吨，秋粮5.8亿吨。", "add up to more than the whole"),
        ("The budget totals $10 billion, of which $4 billion goes to defence and $8 billion to health.", "add up"),
        ("全年营收500亿元。其中，海外收入300亿元，国内收入250亿元。", "add up"),
        ("The crash killed 30 people, including 40 children.", "40 is more than the whole"),
        ("公司共有员工1200人，其中研发人员1500人。", "more than the whole"),
    ],
)
def test_parts_over_their_total(text: str, why: str):
    finding = only(text, "components")
    assert finding.result == "inconsistent"
    assert why in finding.reason


def test_counted_groups_that_may_overlap_are_unchecked():
    finding = only("The crash killed 30 people, including 20 children and 15 women.", "components")
    assert finding.result == "unchecked"
    assert finding.arithmetic == "20 + 15 = 35 against 30"


@pytest.mark.parametrize(
    "text",
    [
        "The company has 1,200 employees in 30 countries, including 300 in China.",  # which total?
        "营收500亿元，其中海外收入300亿元，同比增加50亿元。",  # a change, not a part
        "The firm earned more than $2 billion, including $2.5 billion from ads.",  # a total that is a floor
    ],
)
def test_parts_near_misses(text: str):
    assert [r for r in results(text, "components") if r == "inconsistent"] == []


def test_a_list_of_parts_goes_on_after_a_semicolon():
    text = "前4个月，进出口总值13.81万亿元，同比增长5.7%。其中，出口8.81万亿元，增长4.9%；进口6万亿元，增长6.8%。"
    finding = only(text, "components")
    assert finding.result == "inconsistent"
    assert finding.claims == (0, 1, 2)


def test_a_total_in_the_sentence_before_is_not_a_change_or_an_earlier_period():
    text = "全年全国粮食总产量69541万吨，比上年增加888万吨，增长1.3%。其中，夏粮产量14615万吨，秋粮产量58109万吨。"
    assert results(text, "components") == ["inconsistent"]


def test_a_poll_naming_its_whole_before_the_answer():
    text = "According to the poll, 41% of Americans approve of the president's job performance, while 61% disapprove."
    assert results(text, "shares") == ["inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        "新能源车渗透率2022年占35%，2023年占41%，今年占50%。",  # one share in three years
        "营收500亿元，净利润50亿元，其中海外营收300亿元。",  # which amount is the total?
    ],
)
def test_no_parts_of_one_whole_to_add(text: str):
    assert [r for r in results(text, "shares") + results(text, "components") if r == "inconsistent"] == []
