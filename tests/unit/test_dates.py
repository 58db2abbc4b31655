"""Dates: absolute, relative to the document's date, partial when no year can be known."""

from __future__ import annotations

import pytest

from factcheck.text.extract.dates import infer_reference_date, iso_date
from factcheck.text.extract.quantities import extract_quantities


def dates(text: str, reference: str | None = None) -> list[str]:
    return [q.iso for q in extract_quantities(text, reference) if q.kind == "date"]


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("2023年11月17日,董事会宣布", None, ["2023-11-17"]),
        ("5月18日凌晨", "2024-05-22", ["2024-05-18"]),
        ("5月18日凌晨", None, ["--05-18"]),
        ("今年3月,经过调查", "2024-05-22", ["2024-03"]),
        ("今年3月,经过调查", None, ["--03"]),
        ("去年11月发布", "2024-05-22", ["2023-11"]),
        ("去年收入超过20亿美元", "2024-05-22", ["2023"]),
        ("明年1月1日起施行", "2024-05-22", ["2025-01-01"]),
        ("The report was released on September 6, 2024.", None, ["2024-09-06"]),
        ("It was revised on 6 September 2024.", None, ["2024-09-06"]),
        ("Data for May 2024 and Sept. 3", "2024-10-01", ["2024-05", "2024-09-03"]),
        ("Published 2024-05-22 at noon", None, ["2024-05-22"]),
        ("In 1999 the firm listed", None, ["1999"]),
        # quarters and halves: intervals of months, in the reference year when none is stated
        ("发布2024年第三季度财报", None, ["2024-07/2024-09"]),
        ("一季度同比增长5.3%", "2024-10-18", ["2024-01/2024-03"]),
        ("一季度同比增长5.3%", None, []),
        ("前三季度国内生产总值", "2024-10-18", ["2024-01/2024-09"]),
        ("今年上半年好于去年下半年", "2024-10-18", ["2024-01/2024-06", "2023-07/2023-12"]),
        ("上季度与每季度", "2024-10-18", []),
        # English quarters and halves: a year after or before, or Q3 and second-quarter alone
        ("Revenue in the third quarter of 2023 rose 12%.", None, ["2023-07/2023-09"]),
        ("In Q3 2023, Apple shipped 50 million iPhones.", None, ["2023-07/2023-09"]),
        ("Second-quarter profit fell 8%.", "2024-10-18", ["2024-04/2024-06"]),
        ("The company's Q4 revenue was $3 billion.", "2024-10-18", ["2024-10/2024-12"]),
        ("Its 2023 fourth-quarter results beat forecasts.", None, ["2023-10/2023-12"]),
        ("GDP grew 2.1% in the first three quarters of 2024.", None, ["2024-01/2024-09"]),
        ("Sales rose 1.4% in H1 2024 and 2% in the second half of 2023.", None,
         ["2024-01/2024-06", "2023-07/2023-12"]),
        ("Revenue rose in the third quarter of this year and the first half of last year.", "2024-10-18",
         ["2024-07/2024-09", "2023-01/2023-06"]),
        # a game's periods, a car, a fiscal quarter and an unsaid year are no dates
        ("The Lakers led by 12 points in the third quarter.", "2024-10-18", []),
        ("He scored twice in the second half.", "2024-10-18", []),
        ("The Audi Q3 sold 5,000 units.", "2024-10-18", []),
        ("Sales rose 4% in fiscal Q3 and in the fiscal third quarter.", "2024-10-18", []),
        ("Last year's third-quarter profit was higher.", "2024-10-18", []),
        ("Q3 results are due.", None, []),
        ("Microsoft's Q1 FY25 revenue rose 16%.", "2024-10-18", []),
        ("英伟达2025财年第三季度营收为351亿美元", "2024-11-20", ["2025"]),  # its Q3 ended in October 2024
        ("阿里巴巴本财年第二季度收入增长5%", "2024-11-20", []),
        ("Revenue for the first quarter of fiscal 2025 rose.", "2024-10-18", ["2025"]),
        # months to date, as statistics give them: an interval of months
        ("1-10月，规模以上工业增加值同比增长5.8%", "2024-11-15", ["2024-01/2024-10"]),
        ("1至9月份，社会消费品零售总额增长3.3%", "2024-11-15", ["2024-01/2024-09"]),
        ("今年1—8月，一般公共预算收入下降2.6%", "2024-11-15", ["2024-01/2024-08"]),
        ("2023年1-11月，新能源汽车产量达到1100万辆", None, ["2023-01/2023-11"]),
        ("去年1-12月出口增长7%", "2024-11-15", ["2023-01/2023-12"]),
        ("1-10月累计增长5%", None, []),
        ("12-2月的冬季", "2024-11-15", []),  # across the turn of a year: which years is unsaid
        ("前10个月，出口增长5.1%", "2024-11-15", ["2024-01/2024-10"]),
        ("今年前10月，出口增长5.1%", "2024-11-15", ["2024-01/2024-10"]),  # not October
        ("2023年前三个月，出口增长3%", None, ["2023-01/2023-03"]),
        ("上市前3个月，股价上涨20%", "2024-11-15", []),  # three months before a listing
        ("In January-October, exports rose 5.1%.", "2024-11-15", ["2024-01/2024-10"]),
        ("Exports rose 5.1% from January to October 2023.", "2024-11-15", ["2023-01/2023-10"]),
        ("Between March and May, prices fell 2%.", "2024-11-15", ["2024-03/2024-05"]),
        ("Sales in March and May 2024 fell.", None, ["2024-03", "2024-05"]),  # two months, not a period
        ("In the first 10 months of 2024, exports rose 5.1%.", None, ["2024-01/2024-10"]),
        ("In the first ten months of the year, sales rose 4%.", "2024-11-15", ["2024-01/2024-10"]),
        ("The first six months of last year were hard.", "2024-11-15", ["2023-01/2023-06"]),
        ("He spent the first 10 months of his term abroad.", "2024-11-15", []),
        # the months to one named, as British statistics give them
        ("Prices rose by 2.3% in the 12 months to April 2024.", None, ["2023-05/2024-04"]),
        ("Net migration was 685,000 in the year to December 2023.", None, ["2023-01/2023-12"]),
        ("Unemployment was 4.4% in the three months to June.", "2024-08-13", ["2024-04/2024-06"]),
        ("Waits grew from 12 months to 18 months.", "2024-08-13", []),
        ("第21-10月", "2024-11-15", []),
        # days of a month: an interval of days
        ("The summit runs 12-14 June 2025 in Paris.", None, ["2025-06-12/2025-06-14"]),
        ("The summit was held June 12-14, 2025.", None, ["2025-06-12/2025-06-14"]),
        ("The festival runs between 3 and 7 March.", "2025-01-10", ["2025-03-03/2025-03-07"]),
        ("The ceasefire held from 1 to 30 April.", "2025-05-10", ["2025-04-01/2025-04-30"]),
        ("Talks ran 14-12 June.", "2025-05-10", ["2025-06-12"]),  # no range: the day before the month
        ("Between 10 and 12 people died on 3 June.", "2025-06-10", ["2025-06-03"]),
        # a month alone after in, since, by: the month of the reference year, as 1月 is
        ("Sales fell 3% in January.", "2024-05-20", ["2024-01"]),
        ("Sales fell 3% in January.", None, ["--01"]),
        ("Prices have risen since March, and by the end of April rents rose.", "2024-05-20", ["2024-03", "2024-04"]),
        ("It opened on March 5.", "2024-05-20", ["2024-03-05"]),
        ("1月，出口增长3%", "2024-05-20", ["2024-01"]),
        ("March sales rose. Theresa May spoke.", "2024-05-20", []),  # no preposition: a name, a label
        # 当年 is the year last named before it
        ("2019年营收增长5%，当年利润下降", "2024-05-20", ["2019", "2019"]),
        ("2019年公司上市，当年3月发布新品", "2024-05-20", ["2019", "2019-03"]),
        ("他当年是个学生，相当年轻", "2024-05-20", []),
        # a numbered quarter, and between … and … years as one interval
        ("Revenue in Quarter 2 2019 rose 4%.", None, ["2019-04/2019-06"]),
        ("Revenue in quarter 3 of 2023 rose.", None, ["2023-07/2023-09"]),
        ("The team won by a quarter 3 points clear.", "2024-05-20", []),
        ("Output grew between 2019 and 2020.", None, ["2019/2020"]),
        ("Sales in 2019 and 2020 grew.", None, ["2019", "2020"]),
    ],
)
def test_dates_resolve_against_the_reference(text, reference, expected):
    assert dates(text, reference) == expected


def test_impossible_dates_are_dropped():
    assert dates("13月45日") == []
    assert iso_date(2023, 2, 30) is None
    assert iso_date(None, 2, 29) == "--02-29"


def test_may_alone_is_not_a_month():
    assert dates("Prices may rise, officials said. May sales were flat.") == []
    assert dates("Prices may rise in May, officials said.") == ["--05"]  # after in: the month


def test_a_text_without_a_full_date_takes_its_year_from_the_period_it_states():
    text = "2024年第三季度，公司营收增长5%。今年1—8月，出口增长3%。前三季度利润增长2%。"
    assert infer_reference_date(text) == "2024"
    assert dates(text, infer_reference_date(text)) == ["2024-07/2024-09", "2024-01/2024-08", "2024-01/2024-09"]
    assert infer_reference_date("GDP grew 5% in Q3 2024, faster than in the first half of 2023.") == "2024"
    assert infer_reference_date("2024年1—8月，出口增长3%，其中8月增长5%") == "2024"
    # a year alone or with one month is as often a forecast or a history
    assert infer_reference_date("到2030年实现碳达峰，1949年10月成立") is None
    assert infer_reference_date("2023年12月8日发布；2025年第一季度") == "2023-12-08"  # a full date comes first


def test_reference_date_inferred_from_the_latest_date_in_the_text():
    text = "2023年11月17日,董事会解雇了CEO。2023年12月8日,委员会聘请律师。5月18日凌晨,他连发推文。"
    assert infer_reference_date(text) == "2024-05-18"
    assert infer_reference_date("没有日期的文字") is None
    assert infer_reference_date("On March 3, 2021 and 2022-07-01 it rained.") == "2022-07-01"


def test_quarters_and_halves_read_at_a_glance():
    found = extract_quantities("2024年第三季度、前三季度和2023年上半年", "2024-10-18")
    assert [(q.text, q.display) for q in found] == [
        ("2024年第三季度", "2024 Q3"), ("前三季度", "2024 Q1–Q3"), ("2023年上半年", "2023 H1"),
    ]


def test_months_to_a_month_read_at_a_glance():
    found = extract_quantities("in the 12 months to April 2024 and the three months to June 2024", None)
    assert [(q.text, q.display) for q in found] == [
        ("12 months to April 2024", "May 2023–Apr 2024"), ("three months to June 2024", "2024 Apr–Jun"),
    ]


def test_month_and_day_ranges_read_at_a_glance():
    found = extract_quantities("2024年1-10月和1至9月份；12-14 June 2025, and between 3 and 7 March 2025", "2024-11-15")
    assert [(q.text, q.display) for q in found] == [
        ("2024年1-10月", "2024 Jan–Oct"), ("1至9月份", "2024 Jan–Sep"),
        ("12-14 June 2025", "2025-06-12–14"), ("3 and 7 March 2025", "2025-03-03–07"),
    ]
