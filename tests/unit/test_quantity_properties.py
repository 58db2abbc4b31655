"""Property tests: numbers written in Chinese and English forms read back as themselves, and
no input crashes the extractor or yields offsets outside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.text.extract.claims import extract_claims
from factcheck.text.extract.numerals import parse_chinese
from factcheck.text.extract.quantities import extract_quantities

DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """The standard reading of n in Chinese numerals: 12345 -> 一万二千三百四十五, 15 -> 十五."""
    text = _reading(n)
    return text[1:] if text.startswith("一十") else text


def _reading(n: int) -> str:
    if n >= 10**8:
        high, low = divmod(n, 10**8)
        return _reading(high) + "亿" + (("零" if low < 10**7 else "") + _reading(low) if low else "")
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        return _below_10k(high) + "万" + (("零" if low < 1000 else "") + _below_10k(low) if low else "")
    return _below_10k(n) or "零"


def _below_10k(n: int) -> str:
    out, zero = "", False
    for size, place in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // size % 10
        if digit:
            out += ("零" if zero else "") + DIGITS[digit] + place
            zero = False
        elif out:
            zero = True
    return out


def test_the_renderer_matches_hand_written_readings():
    assert chinese(12345) == "一万二千三百四十五"
    assert chinese(100_050_000) == "一亿零五万"
    assert chinese(1005) == "一千零五"
    assert chinese(15) == "十五"


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=10**13))
def test_chinese_numerals_parse_back(n):
    assert parse_chinese(chinese(n))[0] == n
    (found,) = extract_quantities(f"总额{chinese(n)}元。")
    assert (found.kind, found.value, found.unit) == ("money", n, "CNY")


@settings(deadline=None)  # a loaded machine must not fail a correctness test
@given(st.integers(min_value=1, max_value=99999), st.integers(min_value=0, max_value=99),
       st.sampled_from([("万", 1e4), ("亿", 1e8), ("万亿", 1e12)]))
def test_mixed_arabic_and_chinese_multipliers_parse_back(whole, cents, scale):
    word, size = scale
    (found,) = extract_quantities(f"规模达{whole}.{cents:02d}{word}美元")
    assert found.unit == "USD"
    assert abs(found.value - (whole + cents / 100) * size) <= 1e-9 * found.value


@settings(deadline=None)  # a loaded machine must not fail a correctness test
@given(st.integers(min_value=0, max_value=10**12))
def test_english_grouped_numbers_parse_back(n):
    (found,) = extract_quantities(f"The agency counted {n:,} people.")
    assert (found.kind, found.value, found.unit) == ("count", n, "people")
    (money,) = extract_quantities(f"It paid ${n:,} in fines.")
    assert (money.kind, money.value, money.unit) == ("money", n, "USD")


@settings(deadline=None)  # a loaded machine must not fail a correctness test
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("trillion", 1e12)]))
def test_english_scales_parse_back(whole, tenth, scale):
    word, size = scale
    (found,) = extract_quantities(f"Sales reached €{whole}.{tenth} {word} last year.")
    assert found.unit == "EUR"
    assert abs(found.value - (whole + tenth / 10) * size) <= 1e-9 * found.value


def _check(text: str) -> None:
    found = extract_quantities(text)
    last_end = -1
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.start >= last_end
        assert q.display
        assert q.high is None or q.high > q.value, q  # a range runs forwards
        last_end = q.end
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.text
        assert 0 <= claim.checkworthiness <= 1


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_crashes(text):
    _check(text)


NUMERIC_PIECES = st.lists(
    st.sampled_from(
        ["1", "23", "4.5", ",", "万", "亿", "元", "%", "$", "-", " ", "一", "两", "、", "十", "年", "月",
         "日", "个", "million", "GPT", "x", "倍", "(", ")", "百分之", "成", "多", "约", "May", "percent",
         "\n", "。", ".", "US$", "¥", "to", "至", "2019", "20", "–", " km", " tonnes", "吨"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(NUMERIC_PIECES)
def test_dense_numeric_noise_never_crashes(text):
    _check(text)
