"""Claims from the demo article: every quantity a reviewer would check, nothing else, with
labels and an order that puts the checkable numbers first."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.text.extract.claims import extract_claims, make_label, score
from factcheck.text.extract.quantities import extract_quantities

ARTICLE = Path(__file__).resolve().parents[2] / "sources" / "articles" / "tmtpost-openai-2024-05.txt"

# The demo article's quantities in order, written by reading the article. Its reference date
# is inferred: the latest full date is 2023年12月8日 and the bare month-days after it (5月19日)
# put the article in May 2024, so 今年3月 is 2024-03 and 去年11月 is 2023-11.
DEMO_QUANTITIES = [
    ("5月18日", "2024-05-18"), ("13条", "13"), ("3 年", "3 years"), ("5月18日", "2024-05-18"),
    ("5月19日", "2024-05-19"), ("1000亿美金", "$100B"), ("人民币7100亿元", "¥710B"),
    ("2023年11月17日", "2023-11-17"), ("2023年12月8日", "2023-12-08"), ("今年3月", "2024-03"),
    ("去年", "2023"), ("20亿美元", "$2B"), ("6个月", "6 months"), ("5100万美元", "$51M"),
    ("人民币3.6亿元", "¥360M"), ("5月15日", "2024-05-15"), ("十年", "10 years"),
    ("两分钟", "2 min"), ("五个", "5"), ("5月14日", "2024-05-14"), ("232毫秒", "232 ms"),
    ("去年11月", "2023-11"), ("一半", "50%"), ("50%", "50%"), ("两倍", "2x"), ("200%", "200%"),
    ("两条", "2"), ("去年11月", "2023-11"), ("一、二十个", "10–20"), ("5天", "5 days"),
    ("百年", "100 years"), ("两件", "2"), ("十年", "10 years"),
]


@pytest.fixture(scope="module")
def demo():
    text = ARTICLE.read_text("utf-8")
    return text, extract_claims(text)


def test_demo_quantities_are_the_expected_list(demo):
    text, claims = demo
    found = [(q.text, q.display) for c in claims for q in c.quantities]
    assert found == DEMO_QUANTITIES
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        for q in claim.quantities:
            assert claim.start <= q.start < q.end <= claim.end
            assert text[q.start : q.end] == q.text


def test_demo_model_names_and_idioms_are_not_quantities(demo):
    _, claims = demo
    surfaces = " ".join(q.text for c in claims for q in c.quantities)
    for name in ("4o", "3.5", "4.5", "GPT", "一点", "一系列", "万万"):
        assert name not in surfaces


def test_demo_labels_name_what_the_number_measures(demo):
    _, claims = demo
    labels = {c.label for c in claims}
    assert {"valuation $100B", "compute order $51M", "audio response 232 ms", "revenue $2B"} <= labels


def test_demo_queue_puts_money_and_percent_claims_first(demo):
    _, claims = demo
    ranked = sorted(claims, key=lambda c: -c.checkworthiness)
    top = {c.label for c in ranked[:6]}
    assert {"valuation $100B", "compute order $51M", "revenue $2B"} <= top
    quotes_only = [c for c in claims if not c.quantities]
    assert quotes_only and all(c.attributed for c in quotes_only)
    assert max(c.checkworthiness for c in quotes_only) < min(
        c.checkworthiness for c in claims if c.label in ("valuation $100B", "compute order $51M")
    )


def test_attributed_statements_are_claims_and_plain_prose_is_not():
    text = "The sky was grey. The ministry said the plan was approved. According to Reuters, talks stalled."
    claims = extract_claims(text)
    assert [c.text for c in claims] == [
        "The ministry said the plan was approved.", "According to Reuters, talks stalled.",
    ]


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("万万没想到,美国OpenAI公司的“宫斗大戏”竟然迎来了第二季。", False),  # a term in quotes
        ('The so-called "fake news" spread fast.', False),
        ("他说:“我们会继续努力。”", True),
        ("他声称GPT-4可能 “有轻微意识”,引起诸多争议。", True),  # 声称: he claimed
        ("“这是一个非常艰难的决定”", True),
        ('She called it "a disaster for everyone involved here".', True),
    ],
)
def test_a_quotation_is_a_clause_not_a_term_in_quote_marks(text, quoted):
    assert bool(extract_claims(text)) is quoted


def test_a_pronoun_is_not_the_speaker():
    (claim,) = extract_claims('He said: "We will win the final."')
    assert claim.label == "statement"
    (claim,) = extract_claims('"We are very optimistic," Tim Cook told analysts.')
    assert claim.label == "statement by Tim Cook"
    (claim,) = extract_claims("“这是我们历史上最好的一个季度。”库克在财报电话会上说。")
    assert claim.label == "statement by 库克"


def test_an_age_alone_is_worth_less_checking_than_a_count():
    (age,) = extract_claims("The suspect, 34, appeared before magistrates.")
    (count,) = extract_claims("The company, 34 stores strong, appeared before magistrates.")
    assert age.checkworthiness < count.checkworthiness


def test_opinion_and_prediction_score_lower_than_a_sourced_fact():
    fact = "According to the statistics bureau, exports rose 5.2% to $3.4 trillion in 2023."
    opinion = "I think exports could rise 5% next year."
    (a,) = extract_claims(fact)
    (b,) = extract_claims(opinion)
    assert 0 <= b.checkworthiness < a.checkworthiness <= 1


def test_label_uses_the_key_quantity_and_nearest_noun():
    sentence = "Revenue rose 12% to €3.2bn last year."
    assert make_label(sentence, extract_quantities(sentence)) == "revenue €3.2B"
    assert make_label("出口同比增长5.2%。", extract_quantities("出口同比增长5.2%。")) == "exports 5.2%"
    assert make_label("同比增长5.2%。", extract_quantities("同比增长5.2%。")) == "growth 5.2%"
    sentence = "Prosecutors had sought 12 years."  # "rose" inside a word is no verb
    assert make_label(sentence, extract_quantities(sentence)) == "duration 12 years"
    assert make_label("周健称,GPT-4o进步显著。", []) == "statement by 周健"
    assert make_label("他表示,这是最后一天。", []) == "statement"


@pytest.mark.parametrize(
    "sentence, label",
    [
        ("The company plans to buy back $110 billion of stock.", "buyback $110B"),
        ("公司将在未来五年投入1000亿元研发。", "R&D ¥100B"),
        ("Apple reported EPS of $1.64.", "EPS $1.64"),
        ("The Fed raised rates by a quarter point.", "interest rate 0.25 pp"),
        ("Tesla delivered 1.81 million vehicles.", "deliveries 1.81M"),
        ("最高气温达到35°C。", "temperature 35 °C"),
        ("Its market share fell to 18%.", "market share 18%"),
    ],
)
def test_labels_of_markets_companies_and_weather(sentence, label):
    assert make_label(sentence, extract_quantities(sentence)) == label


@pytest.mark.parametrize(
    "sentence, label",
    [
        ("The storm killed at least 23 people.", "deaths 23"),
        ("Officials said 40 were injured.", "injuries 40"),
        ("地震造成12人遇难。", "deaths 12"),
        ("地震造成30人受伤。", "injuries 30"),
        # no label noun near: what an English count counts, before a direction verb
        ("The firm hired 2000 workers last year.", "workers 2,000"),
        ("Visitors rose to 300 tourists.", "tourists 300"),
        ("两条路都走不通。", "count 2"),  # a Chinese classifier's noun is a character: not a label
        # statistics releases: an office's name holds 国家 but counts no countries
        ("国家统计局数据显示，工业增加值同比增长5.3%。", "industrial output 5.3%"),
        ("国家统计局数据显示，同比增长5.3%。", "growth 5.3%"),
        ("他收到一、二十个国家的问候。", "countries 10–20"),
        ("进出口总值36.02万亿元人民币。", "trade ¥36.02T"),
        ("广义货币(M2)余额309.71万亿元。", "M2 ¥309.7T"),
        ("全国居民人均可支配收入30941元。", "disposable income ¥30,941"),
        ("The S&P 500 rose 0.4% to 5,916.98.", "S&P 500 0.4%"),
        ("Japan's Nikkei 225 closed down 2.5% at 38,053.67.", "Nikkei 2.5%"),
        ("Microsoft will invest $80 billion.", "investment $80B"),
        ("The company employs roughly 164,000 people.", "staff 164K"),
        ("A 7.1-magnitude earthquake struck.", "earthquake M7.1"),
        ("该案涉案金额高达1.2亿元。", "amount involved ¥120M"),
        ("上市27分钟大定突破5万台。", "orders 50K"),
        ("该楼盘均价约为每平方米6.8万元。", "average price ¥68K"),
        ("并处罚金人民币50万元。", "fine ¥500K"),
        # a person's age describes who the sentence is about; the label names the claim
        ("Haaland, 24, has now scored 27 goals in 31 games.", "goals 27"),
        ("The suspect, 34, appeared before magistrates.", "age 34"),
        ("现年38岁的老将出场32分钟。", "duration 32 min"),
        ("Global temperatures in 2024 were 1.55C above pre-industrial levels.", "temperature 1.55 °C"),
        ("Turnout was 67.3%, the highest since 1992.", "turnout 67.3%"),
        ("The median age of first-time buyers rose to 35 in 2024.", "age 35"),
        ("It has a margin of error of plus or minus 2.2 percentage points.", "margin of error 2.2 pp"),
        ("Amazon reported net income of $15.3 billion.", "net income $15.3B"),
        ("Gold hit a record high of $2,790.15 an ounce.", "gold price $2,790.15"),
        ("Japan's economy expanded at an annualised rate of 0.9%.", "growth 0.9%"),
        ("The company has 2.1 billion monthly active users.", "users 2.1B"),
        ("OpenAI would spend $51 million on its chips.", "spending $51M"),
        ("截至收盘，沪指涨1.23%，报3350.52点。", "Shanghai Composite 1.23%"),
        ("Obesity rates among US adults reached 40.3%.", "obesity rate 40.3%"),  # not interest
        ("Life expectancy in the US rose to 77.5 years.", "life expectancy 77.5 years"),
        ("The NHS waiting list stood at 7.6 million.", "waiting list 7.6M"),
        ("The Consumer Prices Index rose by 2.3% in the 12 months to April 2024.", "CPI 2.3%"),
        ("2024年10月，全国居民消费价格指数同比上涨0.3%。", "CPI 0.3%"),
        ("Net migration was 685,000 in the year to December 2023.", "net migration 685K"),
        ("全国居民人均消费支出20631元。", "consumer spending ¥20,631"),
        ("年平均气温约为15℃。", "temperature 15 °C"),
        ("该市24小时累计降雨量达到300毫米。", "rainfall 300 mm"),
        ("该县森林覆盖率达65.3%。", "forest cover 65.3%"),
        ("The ECB cut its deposit rate by 25 basis points to 3.25%.", "interest rate 0.25 pp"),
        ("The unemployment rate held at 6.3% in September.", "unemployment rate 6.3%"),
        ("贵州茅台股价报1520元。", "share price ¥1,520"),
        ("ByteDance remains the most valuable unicorn, at $220bn.", "valuation $220B"),
        ("其中，第一产业增加值91414亿元。", "value added ¥9.141T"),
        ("全年普通高等学校招生1068.9万人。", "enrolment 10.69M"),
        ("全年出生人口954万人。", "births 9.54M"),
    ],
)
def test_labels_of_casualties_counts_statistics_and_markets(sentence, label):
    assert make_label(sentence, extract_quantities(sentence)) == label


@pytest.mark.parametrize(
    "sentence, label",
    [
        ("According to Reuters, the talks collapsed.", "according to Reuters"),
        ("According to the Bureau of Labor Statistics, it was delayed.", "according to Bureau of Labor Statistics"),
        ("据路透社报道，双方谈判已经破裂。", "according to 路透社"),
        ("据国家统计局数据，谈判已经破裂。", "according to 国家统计局"),
        ("据不完全统计，谈判已经破裂。", "statement"),  # a manner of counting, not a source
        ("外交部发言人毛宁在例行记者会上表示，中方坚决反对。", "statement by 毛宁"),  # not 会上
        ("他在会上表示，这是最后一天。", "statement"),
    ],
)
def test_a_statement_is_labelled_by_its_speaker_or_source(sentence, label):
    assert make_label(sentence, []) == label


def test_denials_and_warnings_are_attributed_statements():
    claims = extract_claims("The minister denied the report. 该公司否认了这一说法。Experts warned of delays.")
    assert [c.attributed for c in claims] == [True, True, True]


def test_score_stays_between_zero_and_one():
    sentence = "据统计局数据,GDP增长5%,出口增长10%,进口下降3%,利润增长8%,Apple称。"
    quantities = extract_quantities(sentence)
    assert 0 <= score(sentence, quantities, {"source", "said"}) <= 1
    assert score("好!", [], {"rhetoric", "hedge"}) == 0


def test_header_lines_are_not_claims_but_a_headline_may_be():
    text = (
        "# Chipmaker valued at $10 billion\nSource: https://news.example.com/a?id=1&page=2\n"
        "Published: 2024-05-20\n\nThe company said revenue rose 50% to $2 billion.\n"
    )
    claims = extract_claims(text)
    assert [c.text for c in claims] == [
        "# Chipmaker valued at $10 billion", "The company said revenue rose 50% to $2 billion.",
    ]
