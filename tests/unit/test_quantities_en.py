"""English quantities: the table in tests/data/quantities_en.json is the spec (the benchmark
reads the same table to compare recall with quantulum3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.text.extract.quantities import extract_quantities

CASES = json.loads((Path(__file__).parent.parent / "data" / "quantities_en.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_english_table(case):
    found = extract_quantities(case["text"])
    assert [q.text for q in found] == [e["text"] for e in case["expected"]]
    for quantity, expected in zip(found, case["expected"], strict=True):
        assert case["text"][quantity.start : quantity.end] == quantity.text
        assert quantity.kind == expected["kind"]
        assert quantity.value == pytest.approx(expected["value"])
        for key in ("unit", "display", "qualifier", "high"):
            if key in expected:
                assert getattr(quantity, key) == expected[key], key


@pytest.mark.parametrize(
    "text, display",
    [
        ("The deal is worth US$100BN.", "$100B"),
        ("a $51M order", "$51M"),
        ("HK$2.5 billion of bonds", "HK$2.5B"),
        ("£3.1bn in savings", "£3.1B"),
        ("it costs 30 dollars", "$30"),
        ("prices fell 2.5 pp", "2.5 pp"),
        ("a 10-20% discount", "10–20%"),
        ("between 5 and 7 percent", "5–7%"),  # between … and …: one range
        ("sales tripled", "3x"),
        ("The index closed at 5,916.98.", "5,916.98"),  # a level keeps its decimals
        ("an average of 2.5 children", "2.5"),
        ("The Nikkei closed at 38,053.67.", "38,053.67"),
        ("hired 164,000 people", "164K"),
        ("will spend ₹1.5 lakh crore on roads", "₹1.5T"),  # Indian compound scales
        ("costs Rs 50 thousand crore", "₹500B"),
        ("raised 3 billion HK dollars", "HK$3B"),  # a currency named with its country's short name
        ("sold for 200 million NT dollars", "NT$200M"),
    ],
)
def test_displays_read_at_a_glance(text, display):
    assert display in [q.display for q in extract_quantities(text)]


def test_ranges_keep_both_ends():
    (found,) = extract_quantities("Analysts expect 5-10 new stores.")
    assert (found.value, found.high, found.unit) == (5, 10, "stores")
    (found,) = extract_quantities("a cut of 3 to 4 percent")
    assert (found.value, found.high, found.unit) == (3, 4, "%")
    (found,) = extract_quantities("The Fed held rates in a 5.25%-5.50% range.")
    assert (found.value, found.high, found.display) == (5.25, 5.5, "5.25–5.5%")


@pytest.mark.parametrize(
    "text",
    [
        "Call 691-6378 for details.",
        "Call (202) 691-6378 for details.",
        "Call 1-800-555-0199, 1 800 555 0199 or 800.555.0199 toll-free.",
        "See USDL-24-1817, Table A-1 and Chart B-2.",
        "Upgrade to iOS 17 or Windows 11; the Model 3 is sold out.",
        "GPT-4o, GPT-3.5, GPT4.5, GTP-4, GPT- 1 and ChatGPT-4o",
        "Version 2.3.1 fixed 5G support and 3D maps.",
        "The meeting starts at 10:30 and ends at 5 p.m.",
        "Claude 3 Opus beat the iPhone 15 Pro and the S&P 500 index.",
        "A 7-Eleven store near Gate 5 cited UN Resolution 2334.",
        "See https://example.com/report?id=1&page=2 or run alert(1).",
        "The office moved to 1200 Main Street, Dallas.",
    ],
)
def test_names_ids_and_times_are_not_quantities(text):
    assert extract_quantities(text) == []


def test_list_numbering_is_not_a_quantity():
    text = "Findings:\n1. Revenue rose 5%.\n2. Costs fell.\n"
    assert [q.text for q in extract_quantities(text)] == ["5%"]


def test_number_words_count_only_with_a_unit_or_noun():
    texts = {q.text: q.value for q in extract_quantities("Three people died and two million fled; one said so.")}
    assert texts == {"Three": 3, "two million": 2e6}


@pytest.mark.parametrize(
    "text, unit",
    [
        ("A poll of 1,502 likely voters.", "voters"),
        ("They will build 1,200 new affordable homes.", "homes"),
        ("The deal hit 3 phone makers.", "makers"),
        ("About 300 police officers came.", "police"),
    ],
)
def test_the_counted_noun_is_the_plural_head(text, unit):
    assert [q.unit for q in extract_quantities(text)] == [unit]


def test_the_base_of_a_rate_is_not_a_count():
    found = extract_quantities("The incidence rose to 41 cases per 100,000 people.")
    assert [(q.text, q.unit) for q in found] == [("41", "cases")]


def test_up_to_after_a_verb_of_movement_is_no_qualifier():
    found = extract_quantities("Inflation edged up to 4.3%, while gusts of up to 120 km/h hit.")
    assert [(q.text, q.qualifier) for q in found] == [("4.3%", None), ("120 km/h", "up to")]


def test_years_and_plural_nouns():
    found = extract_quantities("In 2023 the firm hired 2000 workers.")
    assert [(q.kind, q.text) for q in found] == [("date", "2023"), ("count", "2000")]
    found = extract_quantities("In 2023 retail sales fell.")
    assert [(q.kind, q.text) for q in found] == [("date", "2023")]


def test_negative_numbers_and_qualifiers():
    (found,) = extract_quantities("GDP shrank by -0.5% in the quarter")
    assert found.value == -0.5 and found.text == "-0.5%"
    (found,) = extract_quantities("Net income was -$3.2 million.")
    assert (found.value, found.display) == (-3_200_000, "-$3.2M")
    for text in ("Covid-19 cases rose 5%", "Table A-1 shows 5%", "Call 555-1234 now"):
        assert all(q.value is None or q.value >= 0 for q in extract_quantities(text)), text
    (found,) = extract_quantities("turnover 12%")
    assert found.qualifier is None  # "over" inside "turnover" is no qualifier


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It fell to minus 5 degrees Celsius.", ("minus 5 degrees Celsius", -5.0, "-5 °C")),
        ("Growth was negative 0.5% in the quarter.", ("negative 0.5%", -0.5, "-0.5%")),
        ("The fund returned Negative $3 million.", ("Negative $3 million", -3e6, "-$3M")),
    ],
)
def test_minus_and_negative_before_an_amount_are_its_sign(text, expected):
    (found,) = extract_quantities(text)
    assert (found.text, found.value, found.display) == expected


def test_minus_before_a_bare_number_is_arithmetic():
    assert all(q.value >= 0 for q in extract_quantities("Ten minus 3 is 7 apples; the dominus 5 hours"))


def test_prices_keep_their_cents_and_cents_are_money():
    found = extract_quantities("Earnings rose 14 cents to $35.21 an hour.")
    assert [(q.text, q.value, q.unit, q.display) for q in found] == [
        ("14 cents", 0.14, "USD", "$0.14"), ("$35.21", 35.21, "USD", "$35.21"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Claude 3 was released in March.",
        "We compared Gemini 1.5 with Llama 2.",
        "Anthropic shipped Claude 3, then Mistral 7 arrived.",
    ],
)
def test_a_name_with_a_version_is_not_a_count(text):
    assert [q for q in extract_quantities(text) if q.kind != "date"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Team 2 won the final.", []),
        ("GAME 7 WON THE SERIES FOR BOSTON", []),  # a headline in capitals: still a verb
        ("Seat 14 won by a landslide.", []),
        ("The note costs 5,000 won.", [("5,000 won", "KRW", 5000.0)]),
        ("Samsung earned 6.6 trillion won over the year.", [("6.6 trillion won", "KRW", 6.6e12)]),
        ("They won 3 games.", [("3", "games", 3.0)]),
    ],
)
def test_won_is_the_currency_only_where_it_is_no_verb(text, expected):
    assert [(q.text, q.unit, q.value) for q in extract_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Apple sold 3 phones.", ("3", "count")),
        ("Apple 3 phones", ("3", "count")),
        ("About 300 said so.", ("300", "count")),
        ("Nearly 40 died.", ("40", "count")),
        ("Yesterday 300 protested.", ("300", "count")),
        ("In 2023 the firm grew.", ("2023", "date")),
    ],
)
def test_a_capitalised_word_before_a_count_keeps_it(text, expected):
    assert [(q.text, q.kind) for q in extract_quantities(text)] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sales grew from 2019-2023.", ("2019-2023", "2019/2023", "2019–2023", None)),
        ("Sales grew in 2019–2023 overall.", ("2019–2023", "2019/2023", "2019–2023", None)),
        ("from 2019 to 2023", ("2019 to 2023", "2019/2023", "2019–2023", None)),
        ("Revenue in fiscal 2023-24 fell.", ("2023-24", "2023/2024", "2023–2024", None)),
        ("The 1999-00 season ended.", ("1999-00", "1999/2000", "1999–2000", None)),
        ("Prices in the 1990s were low.", ("1990s", "1990/1999", "1990s", None)),
        ("In mid-2023 the firm grew.", ("mid-2023", "2023", "2023", "mid")),
        ("Early-2024 figures", ("Early-2024", "2024", "2024", "early")),
        ("by the late-1980s", ("late-1980s", "1980/1989", "1980s", "late")),
    ],
)
def test_periods_of_years_are_dates(text, expected):
    (found,) = extract_quantities(text)
    assert found.kind == "date"
    assert (found.text, found.iso, found.display, found.qualifier) == expected


@pytest.mark.parametrize(
    "text, unit",
    [
        ("2019-2023 tonnes", "t"),  # a range of amounts, with its unit
        ("USDL-2019-2023", None),  # a report id
        ("2023-2019", None),  # no period runs backwards
        ("Code 2023-15 applies.", None),  # two digits that are not the next year: a code
    ],
)
def test_year_pairs_that_are_not_periods(text, unit):
    assert [q.unit for q in extract_quantities(text)] == ([unit] if unit else [])


@pytest.mark.parametrize(
    "text, expected",
    [
        # a year, a hyphen and the next year's two digits: the fiscal year or season, as alone
        ("Output reached 2019-20 tonnes of coal.", [("2019-20", "date", None, None, "2019/2020")]),
        ("2019–20 km of track were laid.", [("2019–20", "date", None, None, "2019/2020")]),
        ("In 1999-00 tonnes were exported.", [("1999-00", "date", None, None, "1999/2000")]),
        ("The 2023-24 million figure", [("2023-24", "date", None, None, "2023/2024")]),
        ("2019-20万吨", [("2019-20", "date", None, None, "2019/2020")]),
        # backwards otherwise: a score or a code, no amount
        ("It won 2019-15 tonnes.", []),
        ("Shipments of 500-300 tonnes", []),
        ("五、二十个国家", []),
        ("The 10-5 km stretch", []),
        ("A 10-5% cut", []),
        ("A $10-5 million deal", []),
        ("3-2倍", []),
        ("20-10万吨", []),
        ("5-5 km", []),
        # forwards, a range as before
        ("5-10 km", [("5-10 km", "measure", 5.0, 10.0, None)]),
        ("2019-2020 tonnes", [("2019-2020 tonnes", "measure", 2019.0, 2020.0, None)]),
        ("10-20万吨", [("10-20万吨", "measure", 1e5, 2e5, None)]),
        ("-10-5 km", [("-10-5 km", "measure", -10.0, 5.0, None)]),
    ],
)
def test_a_range_never_runs_backwards(text, expected):
    found = extract_quantities(text)
    assert [(q.text, q.kind, q.value, q.high, q.iso) for q in found] == expected


@pytest.mark.parametrize(
    "text, currency",
    [
        ("It costs ¥500 in Tokyo.", "JPY"),
        ("The yen weakened; a bowl of ramen is ¥1,000.", "JPY"),
        ("Sales hit ¥5 billion in China.", "CNY"),
        ("Revenue was ¥5 billion.", "CNY"),  # no cue: the yuan, the commoner reading
        ("Japan's rival China sold ¥3 billion of chips in Beijing.", "CNY"),  # China is nearer
    ],
)
def test_the_yen_sign_reads_its_currency_from_the_context(text, currency):
    assert [q.unit for q in extract_quantities(text) if q.kind == "money"] == [currency]


def test_a_bonds_maturity_is_its_name_not_a_period():
    found = extract_quantities("The 10-year Treasury yield rose to 4.5%, and 2-year notes fell.")
    assert [q.text for q in found] == ["4.5%"]
    (found,) = extract_quantities("He served a 5-year term.")
    assert (found.kind, found.display) == ("duration", "5 years")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A 34-year-old man was charged.", [("34-year-old", 34.0, None, "34")]),
        ("The 11-year-olds were sent home.", [("11-year-olds", 11.0, None, "11")]),
        ("He is 60 years old.", [("60 years old", 60.0, None, "60")]),
        ("a 6-month-old baby", [("6-month-old", 0.5, None, "6 months")]),
        ("The suspect, 34, appeared in court.", [("34", 34.0, None, "34")]),
        ("Sarah Jones, 38, told the BBC.", [("38", 38.0, None, "38")]),
        ("Two firefighters, aged 29 and 41, were hurt.", [("29", 29.0, None, "29"), ("41", 41.0, None, "41")]),
        ("adults aged 18-24", [("18-24", 18.0, 24.0, "18–24")]),
        ("adults aged between 18 and 25", [("18 and 25", 18.0, 25.0, "18–25")]),
        ("He won his fourth title at the age of 27.", [("27", 27.0, None, "27")]),
    ],
)
def test_an_age_is_a_count_of_years_not_a_duration(text, expected):
    found = [q for q in extract_quantities(text) if q.kind != "count" or q.unit == "age"]
    assert [(q.text, q.value, q.high, q.display) for q in found if q.unit == "age"] == expected
    assert all(q.kind == "count" for q in found)


@pytest.mark.parametrize(
    "text",
    [
        "He served 12 years in prison.",  # a duration
        "Items 1, 2, 3 and 4 were sold.",  # a list, not ages
        "In Paris, 300, or more, marched.",  # 120 and over is no age
        "The 10-year Treasury yield rose.",  # a bond
    ],
)
def test_numbers_that_are_not_ages(text):
    assert [q.unit for q in extract_quantities(text) if q.unit == "age"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tesco shares rose 4.2p to 382p.", [("4.2p", "GBP", 0.042), ("382p", "GBP", 3.82)]),
        ("A pint of milk costs 95p.", [("95p", "GBP", 0.95)]),
        ("Stream it in 1080p or 720p.", []),  # video lines
        ("We meet at 5p.m. today.", []),
        ("Global temperatures were 1.55C above pre-industrial levels.", [("1.55C", "°C", 1.55)]),
        ("Highs of 40C are forecast in Seville.", [("40C", "°C", 40.0)]),
        ("Temperatures fell to -5C overnight.", [("-5C", "°C", -5.0)]),
        ("He sat in Room 3C, Block 2C.", []),  # a room, not a temperature
    ],
)
def test_units_glued_to_the_number_pence_and_celsius(text, expected):
    assert [(q.text, q.unit, q.value) for q in extract_quantities(text)] == expected


def test_between_two_amounts_is_one_range():
    (found,) = extract_quantities("damage estimated at between $95bn and $110bn")
    assert (found.text, found.value, found.high, found.display) == ("$95bn and $110bn", 95e9, 110e9, "$95B–$110B")
    # without "between", two amounts stay two
    assert [q.text for q in extract_quantities("It made $95bn and $110bn.")] == ["$95bn", "$110bn"]


def test_an_index_level_in_points_keeps_its_digits():
    found = extract_quantities("The FTSE 100 closed up 0.6% at 8,214 points, and the Dow fell 412 points.")
    assert [(q.text, q.unit, q.display) for q in found] == [
        ("0.6%", "%", "0.6%"), ("8,214", "points", "8,214"), ("412", "points", "412"),
    ]


def test_a_sentence_start_and_thousands_are_no_product_name():
    assert [q.text for q in extract_quantities("Around 40,000 Ukrainian soldiers have been killed.")] == ["40,000"]
    assert [q.text for q in extract_quantities("Some 300 Syrian refugees arrived.")] == ["300"]
    assert extract_quantities("The Galaxy 24 Ultra sold well.") == []


@pytest.mark.parametrize(
    "text, value", [("has increased tenfold", 10.0), ("Sales rose threefold.", 3.0), ("a Twofold rise", 2.0)]
)
def test_fold_words_are_ratios(text, value):
    assert [(q.kind, q.value) for q in extract_quantities(text)] == [("ratio", value)]


def test_plus_or_minus_is_a_margin_not_a_sign():
    (found,) = extract_quantities("a margin of error of plus or minus 2.2 percentage points")
    assert (found.value, found.display, found.qualifier) == (2.2, "2.2 pp", "plus or minus")


@pytest.mark.parametrize(
    "text, display",
    [
        ("Gold hit $2,790.15 an ounce.", "$2,790.15"),  # a price with cents, as written
        ("€1,234.56", "€1,234.56"),
        ("$1,500", "$1,500"),  # whole amounts under 10,000 show their digits
        ("$15,000", "$15K"),  # from 10,000, K where exact in three digits
        ("6.853万元", "¥68,530"),
        ("$2.5 million", "$2.5M"),
    ],
)
def test_money_with_cents_shows_them(text, display):
    assert [q.display for q in extract_quantities(text)] == [display]


def test_the_counted_noun_skips_two_adjectives():
    (found,) = extract_quantities("It has 2.1 billion monthly active users.")
    assert found.unit == "users"


@pytest.mark.parametrize(
    "text",
    [
        "The Fortune 500 company grew.",
        "Interstate 95 runs along the coast.",
        "Formula 1 champion Max Verstappen",
        "the Pixel 9 starts shipping",
        "Apollo 11 landed on the Moon.",
        "a Boeing 747 jet",
    ],
)
def test_numbers_in_the_names_of_series_and_lists_are_not_counts(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("eight out of ten backed the plan", [("eight out of ten", "percent", 80.0)]),
        ("3 out of 4 nurses disagree", [("3 out of 4", "percent", 75.0)]),
        ("half a million residents", [("half a million", "count", 5e5)]),
        ("a quarter of a million cars", [("a quarter of a million", "count", 2.5e5)]),
        ("half a million dollars", [("half a million dollars", "money", 5e5)]),
        ("half a dozen eggs", [("half a dozen", "count", 6.0)]),
        ("costs fell by a fifth", [("a fifth", "percent", 20.0)]),
        ("up from 250,000 last week", [("250,000", "count", 2.5e5)]),
        ("a 1 in 2,700 chance of hitting Earth", [("1 in 2,700", "percent", 100 / 2700)]),
        ("3 out of 4, the survey found", [("3 out of 4", "percent", 75.0)]),
        ("The median age rose to 35 in 2024.", [("35", "count", 35.0), ("2024", "date", None)]),
    ],
)
def test_shares_and_parts_of_a_scale_in_words(text, expected):
    found = extract_quantities(text)
    assert [(q.text, q.kind, q.value) for q in found] == [
        (t, k, pytest.approx(v) if v is not None else None) for t, k, v in expected
    ]
    assert all(q.unit != "last" for q in found)


@pytest.mark.parametrize(
    "text, found",
    [
        ("We expect revenue to grow by double digits.", []),
        ("a double murder", []),
        ("a triple jump", []),
        ("They plan to double the price.", ["double"]),
        ("Sales will double.", ["double"]),
        ("Costs will triple by 2030.", ["triple", "2030"]),
    ],
)
def test_double_and_triple_are_multiples_only_as_verbs(text, found):
    assert [q.text for q in extract_quantities(text)] == found


@pytest.mark.parametrize(
    "text, iso",
    [
        ("on 5th December the bank raised rates", "2025-12-05"),
        ("on the 21st of March 2024", "2024-03-21"),
        ("the 2nd May", "2025-05-02"),
    ],
)
def test_day_month_dates_with_ordinals(text, iso):
    assert [q.iso for q in extract_quantities(text, "2025-01-01")] == [iso]


@pytest.mark.parametrize(
    "text, display",
    [
        ("The 9/11 attacks killed 2,977 people.", "2,977"),  # not 2.977K
        ("priced from $1,099", "$1,099"),
        ("hired 164,000 people", "164K"),  # exact in three digits: K
        ("a $1,500 bonus", "$1,500"),
        ("a $15,000 bonus", "$15K"),
        ("1,908 miles", "3,071 km"),
    ],
)
def test_amounts_under_a_million_show_their_digits_unless_k_is_exact(text, display):
    assert [q.display for q in extract_quantities(text)] == [display]


@pytest.mark.parametrize(
    "text",
    [
        "The Rand Corporation said 5 Rand analysts left.",
        "The top 10 Marks and Spencer stores closed.",
        "The 3 Dong brothers met 2 Won officials.",
        "GAME 7 WON THE SERIES FOR BOSTON",
        "She scored 95 marks out of 100 in the exam.",
        "The index passed the 1,000 mark and COP28 opened.",
        "He had 5 $10 bills in a penny-pinching mood.",
    ],
)
def test_a_currency_word_that_is_also_a_name_or_a_score_is_no_money(text):
    assert [q.text for q in extract_quantities(text) if q.kind == "money"] in ([], ["$10"])
