"""Scoring one claim against one passage, without a database: each signal on its own."""

from factcheck.text.extract.claims import key_quantity
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.scoring import Side, amounts_of, same_amount, score_pair


def side(text: str, *quantities: tuple[str, str, float | None, str], published=None) -> Side:
    """A side whose quantities are given as (surface, kind, value, unit), found in `text`."""
    found = []
    for surface, kind, value, unit in quantities:
        start = text.index(surface)
        iso = value if kind == "date" else None
        found.append(
            QuantityMatch(
                start,
                start + len(surface),
                surface,
                kind,
                None if iso else value,
                unit,
                surface,
                iso=iso,
            )
        )
    amounts = amounts_of(text, found)
    key = amounts[found.index(key_quantity(found))] if found else None
    return Side(text, amounts, published, key)


def test_equal_money_in_chinese_and_english_forms_supports():
    claim = side("这家估值1000亿美金的公司", ("1000亿美金", "money", 1e11, "USD"))
    passage = side("Its valuation ranks third with US$100BN.", ("US$100BN", "money", 1e11, "USD"))
    verdict = score_pair(claim, passage, 0.0, [])
    assert verdict is not None and verdict.relation == "supports"
    assert any("1000亿美金" in r and "US$100BN" in r for r in verdict.reasons)


def test_equal_duration_across_languages_supports():
    claim = side("短至232毫秒响应音频输入", ("232毫秒", "duration", 0.232, "s"))
    passage = side(
        "respond in as little as 232 milliseconds", ("232 milliseconds", "duration", 0.232, "s")
    )
    verdict = score_pair(claim, passage, 0.0, [])
    assert verdict is not None and verdict.relation == "supports"


def test_different_currencies_are_not_equal():
    claim = side("总额5100万美元", ("5100万美元", "money", 5.1e7, "USD"))
    passage = side("a deal worth 51 million euros", ("51 million euros", "money", 5.1e7, "EUR"))
    assert score_pair(claim, passage, 0.0, []) is None


def test_same_subject_other_value_contradicts_and_shows_both_values():
    claim = side("OpenAI估值900亿美元", ("900亿美元", "money", 9e10, "USD"))
    passage = side("OpenAI's valuation reached US$100BN.", ("US$100BN", "money", 1e11, "USD"))
    verdict = score_pair(claim, passage, 0.0, [("OpenAI", 1.0)])
    assert verdict is not None and verdict.relation == "contradicts"
    mismatch = next(r for r in verdict.reasons if r.startswith("mismatch"))
    assert "900亿美元" in mismatch and "US$100BN" in mismatch and "-10.0%" in mismatch


def test_other_value_on_another_subject_is_no_contradiction():
    claim = side("价格降低一半(50%)", ("50%", "percent", 50.0, "%"))
    passage = side("GPT-4o is 2x faster at generating tokens.", ("2x", "ratio", 2.0, "x"))
    assert score_pair(claim, passage, 0.0, []) is None


def test_a_200_percent_speed_increase_is_3x_not_2x():
    claim = side(
        "GPT-4o价格降低一半(50%),速度提升两倍(200%)。",
        ("50%", "percent", 50.0, "%"),
        ("两倍", "ratio", 2.0, "x"),
        ("200%", "percent", 200.0, "%"),
    )
    passage = side(
        "GPT-4o is 2x faster at generating tokens than GPT-4 Turbo.", ("2x", "ratio", 2.0, "x")
    )
    verdict = score_pair(claim, passage, 0.0, [("GPT-4o", 0.5)])
    assert verdict is not None and verdict.relation == "contradicts"
    mismatch = next(r for r in verdict.reasons if r.startswith("mismatch"))
    assert "speed" in mismatch and "200%" in mismatch and "3x" in mismatch and "2x" in mismatch


def test_a_percent_cut_equals_the_same_cut_as_a_factor():
    claim = side("价格降低50%", ("50%", "percent", 50.0, "%"))
    passage = side("The price is cut to 0.5x of the old one.", ("0.5x", "ratio", 0.5, "x"))
    assert same_amount(claim.amounts[0], passage.amounts[0])


def test_wording_alone_gives_a_mention_with_its_score():
    claim = side("公司的发展轨迹堪称奇迹")
    passage = side("他说公司的发展轨迹堪称奇迹。")
    verdict = score_pair(claim, passage, 100.0, [])
    assert verdict is not None and verdict.relation == "mentions"
    assert "wording 100%" in verdict.reasons


def test_a_common_name_alone_is_not_evidence_but_a_rare_one_is():
    claim, passage = side("WilmerHale对此进行审查"), side("The law firm WilmerHale reviewed it.")
    assert score_pair(claim, passage, 0.0, [("OpenAI", 0.2)]) is None
    verdict = score_pair(claim, passage, 0.0, [("WilmerHale", 1.0)])
    assert (
        verdict is not None
        and verdict.relation == "mentions"
        and "names: WilmerHale" in verdict.reasons
    )


def test_a_date_close_to_the_source_adds_to_names():
    claim = side(
        "2023年11月17日,董事会宣布解雇奥尔特曼", ("2023年11月17日", "date", "2023-11-17", "date")
    )
    passage = side(
        "On November 17th, the board announced that Sam Altman was out.", published="2023-11-18"
    )
    assert score_pair(claim, passage, 0.0, [("奥尔特曼 ~ Sam Altman", 0.7)]) is not None
    far = side("The board announced that Sam Altman was out.", published="2024-06-01")
    assert score_pair(claim, far, 0.0, [("奥尔特曼 ~ Sam Altman", 0.7)]) is None


def test_month_day_without_year_matches_a_full_date():
    claim = side("5月14日凌晨发布", ("5月14日", "date", "--05-14", "date"))
    passage = side("released on 2024-05-14", ("2024-05-14", "date", "2024-05-14", "date"))
    assert same_amount(claim.amounts[0], passage.amounts[0])


def test_an_approximate_source_value_is_weaker_evidence_than_an_exact_one():
    claim = side("速度提升两倍", ("两倍", "ratio", 2.0, "x"))
    exact = side("It is 2x faster.", ("2x", "ratio", 2.0, "x"))
    rough = side("It runs roughly twice as fast.", ("twice", "ratio", 2.0, "x"))
    rough.amounts[0].qualifier = "roughly"
    named = [("GPT-4o", 0.5)]  # generic figures (2x) count only with the subject shown the same
    strong, weak = score_pair(claim, exact, 0.0, named), score_pair(claim, rough, 0.0, named)
    assert strong and weak and strong.relation == weak.relation == "supports"
    assert strong.score > weak.score


def test_one_source_value_answers_one_claim_value():
    claim = side("价格降低一半(50%)", ("一半", "percent", 50.0, "%"), ("50%", "percent", 50.0, "%"))
    passage = side("at half the cost", ("half", "percent", 50.0, "%"))
    verdict = score_pair(claim, passage, 0.0, [("GPT-4o", 0.5)])
    assert verdict is not None and sum(r.startswith("same") for r in verdict.reasons) == 1
