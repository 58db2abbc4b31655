"""Relations keyed on the claim's key figure, table-tested in Chinese and English on texts
written for these tests. Figures come from the real extractor; the connection besides the
figures (the encoder's similarity, shared names) is given per row, so each rule is seen on
its own. Similarity 0.7 stands for "the same subject", 0.2 for "another subject" (the
calibration set in tests/data/similarity_pairs.tsv puts them there)."""

from __future__ import annotations

import pytest

from factcheck.services.linking import claim_side
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.figures import Amount, amounts_of, compare, is_generic, written_interval
from factcheck.text.extract.quantities import extract_quantities
from factcheck.text.extract.relations import Evidence, Side, judge

SAME, OTHER = 0.7, 0.2
REFERENCE = "2024-06-01"


def sides(claim: str, passage: str) -> tuple[Side, Side]:
    found = extract_quantities(claim, REFERENCE)
    return claim_side(claim, found, 0), Side(passage, amounts_of(passage, extract_quantities(passage, REFERENCE)))


def relation_of(claim: str, passage: str, similarity: float | None = SAME, names=()):
    claim_side_, passage_side = sides(claim, passage)
    return judge(claim_side_, passage_side, Evidence(similarity, list(names)))


# (claim, passage, similarity, expected relation, a fragment the reasons must hold)
TABLE = [
    # the key figure differs: contradicts, both values and the difference shown
    ("市政府2025年预算总额为24亿美元，比上年增长9%。",
     "The city council approved a 2025 budget of $2.2 billion, up 9% from last year.",
     SAME, "contradicts", "$2.4B vs $2.2B, +9.1%"),
    ("Tesla delivered 435,000 vehicles in the third quarter.", "特斯拉第三季度交付了46.6万辆汽车。",
     SAME, "contradicts", "435K vs 466K, -6.7%"),
    ("The company's net profit was 410 million yuan last year.", "公司去年净利润为3.6亿元。",
     SAME, "contradicts", "+13.9%"),
    # the same figure in another language, unit or scale: supports
    ("公司去年净利润为3.6亿元。", "The company's net profit was 360 million yuan last year.",
     SAME, "supports", "same money"),
    ("苹果公司第二季度营收为908亿美元。", "Apple reported second-quarter revenue of $90.8 billion.",
     SAME, "supports", "908亿美元 ~ $90.8 billion"),
    ("这座新桥全长2.3公里。", "The new bridge is 2,300 metres long.", SAME, "supports", "2.3公里 ~ 2,300 metres"),
    ("The deal is worth $2.2 billion.", "The deal is valued at 2,200 million dollars.",
     SAME, "supports", "same money $2.2B"),
    ("博物馆将闭馆18个月进行翻修。", "The museum will close for 18 months for renovation.",
     SAME, "supports", "18 months"),
    # the key figure agrees but a second figure differs: contradicts
    ("市政府2025年预算总额为24亿美元，比上年增长9%。",
     "The city's 2025 budget is $2.4 billion, 12% more than last year.",
     SAME, "contradicts", "9% vs 12%"),
    ("Revenue rose 8% to $5.1 billion in the quarter.", "季度营收为51亿美元，同比增长11%。",
     SAME, "contradicts", "8% vs 11%"),
    # rounding and qualifiers at the edges of the written precision
    ("The deal is worth $2.2 billion.", "The deal is worth $2.24 billion.", SAME, "supports", "within the precision"),
    ("The deal is worth $2.2 billion.", "The deal is worth $2.26 billion.", SAME, "contradicts", "-2.7%"),
    ("这笔交易价值约2.2亿美元。", "The deal is worth $230 million.", SAME, "supports", "within the precision"),
    ("这笔交易价值约2.2亿美元。", "The deal is worth $250 million.", SAME, "contradicts", "-12.0%"),
    ("公司收入超过20亿美元。", "The company's revenue was $2.3 billion.", SAME, "supports", "within the precision"),
    ("公司收入超过20亿美元。", "The company's revenue was $1.8 billion.", SAME, "contradicts", "+11.1%"),
    ("Revenue was nearly $2.2 billion.", "Revenue reached $2.1 billion.", SAME, "supports", "within the precision"),
    ("Revenue was nearly $2.2 billion.", "Revenue reached $2.3 billion.", SAME, "contradicts", "-4.3%"),
    ("该公司估值1000亿美金。", "The company is valued at $104 billion.", SAME, "supports", "within the precision"),
    ("该公司估值1000亿美金。", "The company is valued at $110 billion.", SAME, "contradicts", "-9.1%"),
    # related, no figure either way: mentions
    ("他呼吁建立国际治理机制来管理强大的人工智能系统。",
     "He called for international governance of powerful AI systems.", SAME, "mentions", ""),
    ("市政府2025年预算总额为24亿美元。", "The council debated the city budget for hours.", SAME, "mentions", ""),
]


@pytest.mark.parametrize(("claim", "passage", "similarity", "expected", "reason"), TABLE)
def test_relation_table(claim, passage, similarity, expected, reason):
    found = relation_of(claim, passage, similarity)
    assert found is not None and found.relation == expected, found
    assert reason in " | ".join(found.reasons)
    assert 0 < found.confidence < 1


# a generic figure (half, double, 2x, 50%, a handful, a bare year) on another subject
GENERIC_TRAPS = [
    ("该市计划将图书馆经费削减一半。", "Half of the survey's respondents said they read fewer books.", OTHER, []),
    ("The company doubled its dividend.", "Rainfall in the region doubled compared with last summer.", OTHER, []),
    ("这款新手机的价格降低了一半。", "The storm cut the town's power supply by half.", OTHER, []),
    ("OpenAI cut the price of GPT-4o by 50%.", "OpenAI's revenue grew 50% last year.", 0.5, [("OpenAI", 0.3)]),
    ("The company's revenue grew 50% in 2023.", "In a 2023 survey, 50% of staff said they work remotely.", 0.4, []),
    ("该公司2023年新增5家门店。", "The team won 5 games in 2023.", OTHER, []),
    ("Sales doubled to 2 million units.", "The city's population doubled in two decades.", 0.3, []),
]


@pytest.mark.parametrize(("claim", "passage", "similarity", "names"), GENERIC_TRAPS)
def test_a_generic_figure_on_another_subject_never_supports_or_contradicts(claim, passage, similarity, names):
    found = relation_of(claim, passage, similarity, names)
    assert found is None or found.relation == "mentions", found


def test_the_same_generic_figure_on_the_same_subject_supports():
    found = relation_of("该市计划将图书馆经费削减一半。", "The city plans to cut library funding by half.",
                        SAME)
    assert found is not None and found.relation == "supports"
    weak = relation_of("该市计划将图书馆经费削减一半。", "The city plans to cut library funding by half.", 0.3)
    assert weak is None or weak.relation == "mentions"


def test_without_vectors_a_shared_name_and_the_figure_decide():
    found = relation_of("OpenAI估值1000亿美金。", "OpenAI is valued at US$100BN.", None, [("OpenAI", 1.0)])
    assert found is not None and found.relation == "supports"
    assert relation_of("估值1000亿美金。", "The museum has 100 billion grains of sand.", None) is None


def test_a_figure_on_another_subject_of_the_same_text_is_no_contradiction():
    found = relation_of("公司去年营收增长12%，利润为3.6亿元。", "The company's revenue grew 12% last year.", SAME)
    assert found is not None and found.relation == "mentions"
    assert "key figure ¥360M not stated" in found.reasons


def test_the_key_figure_decides_and_a_contradiction_outranks_agreement():
    # the key (money) agrees, the growth clashes: a contradiction, with a firm confidence
    found = relation_of("预算总额为24亿美元，比上年增长9%。", "The budget totals $2.4 billion, up 12%.", SAME)
    assert found.relation == "contradicts" and len(found.agreeing) == 1 and len(found.clashing) == 1


def test_confidence_is_higher_when_the_subject_is_shown_more_ways():
    claim, passage = "公司去年净利润为3.6亿元。", "The company's net profit was 360 million yuan last year."
    strong = relation_of(claim, passage, 0.75, [("Acme", 1.0)])
    weak = relation_of(claim, passage, None)
    assert strong.relation == weak.relation == "supports"
    assert strong.confidence > weak.confidence


def _amount(text: str, kind: str, value: float, unit: str, qualifier: str | None = None) -> Amount:
    (found,) = amounts_of(text, [QuantityMatch(0, len(text), text, kind, value, unit, text, qualifier=qualifier)])
    return found


@pytest.mark.parametrize(("text", "value", "qualifier", "low", "high"), [
    ("$2.2 billion", 2.2e9, None, 2.15e9, 2.25e9),
    ("3.6亿元", 3.6e8, None, 3.55e8, 3.65e8),
    ("360 million yuan", 3.6e8, None, 3.55e8, 3.65e8),
    ("1000亿美金", 1e11, None, 9.5e10, 1.05e11),
    ("5100万美元", 5.1e7, None, 5.05e7, 5.15e7),
    ("$2.2 billion", 2.2e9, "about", 2.09e9, 2.31e9),
    ("$2.2 billion", 2.2e9, "nearly", 2.04e9, 2.25e9),
])
def test_the_written_form_gives_the_precision(text, value, qualifier, low, high):
    interval = written_interval(_amount(text, "money", value, "USD", qualifier))
    assert interval.low == pytest.approx(low) and interval.high == pytest.approx(high)


@pytest.mark.parametrize(("text", "kind", "value", "unit", "generic"), [
    ("half", "percent", 50, "%", True), ("100%", "percent", 100, "%", True), ("2x", "ratio", 2, "x", True),
    ("double", "ratio", 2, "x", True), ("3", "count", 3, "", True), ("2023", "count", 2023, "", True),
    ("9.1%", "percent", 9.1, "%", False), ("435,000", "count", 435000, "", False),
    ("4.7x", "ratio", 4.7, "x", False), ("$2B", "money", 2e9, "USD", False),
])
def test_generic_figures(text, kind, value, unit, generic):
    assert is_generic(_amount(text, kind, value, unit)) is generic


def test_a_rate_can_be_plugged_in_for_other_currencies():
    dollars, yuan = _amount("$100 million", "money", 1e8, "USD"), _amount("7.1亿元", "money", 7.1e8, "CNY")
    assert compare(dollars, yuan) is None  # no exchange rates yet: not comparable
    found = compare(dollars, yuan, rate=lambda source, target: 1 / 7.1 if (source, target) == ("CNY", "USD") else None)
    assert found is not None and found.agrees


def test_a_passage_about_someone_else_neither_supports_nor_contradicts():
    claim, passage = sides("据报道，OpenAI估值1000亿美金。", "Anthropic is valued at $90 billion.")
    found = judge(claim, passage, Evidence(0.8, [], other_names=True))
    assert found is None or found.relation == "mentions"
    same = judge(claim, passage, Evidence(0.8, [("OpenAI", 0.5)]))
    assert same is not None and same.relation == "contradicts"


def test_a_lone_telling_figure_beside_a_generic_one_is_still_the_figure():
    found = relation_of("李志飞在社交平台上连发691条推文。", "Li Zhifei posted 691 messages in one night.", 0.5)
    assert found is not None and found.relation == "supports"
