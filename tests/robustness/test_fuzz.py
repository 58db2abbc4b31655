"""Fuzzing the reader and the extractor (hypothesis, bounded): whatever the bytes, reading
either gives text or refuses with a UserError, and every offset the extractor returns
points at the text it claims to."""

from __future__ import annotations

import math

import pytest
from harness import OverBudget, cpu_budget
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import UserError
from factcheck.text.extract.claims import extract_claims
from factcheck.text.read.reading import read_bytes

BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces the extractor is meant to recognise, shuffled among arbitrary text.
PIECES = st.sampled_from([
    "1000亿美金", "5100万美元", "232毫秒", "约3.6亿", "50%", "3.5个百分点", "一、二十个", "两倍",
    "$51 million", "US$1.2bn", "nearly 13", "2023年11月17日", "今年5月", "GPT-4o", "万万没想到",
    "。", ".", "\n", " ", "(", ")", "“", "”", "Sam Altman", "奥尔特曼",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)

HTML = st.recursive(
    st.text(max_size=10),
    lambda inner: st.tuples(st.sampled_from(["div", "p", "b", "script", "table", "x"]), st.lists(inner, max_size=4))
    .map(lambda t: f"<{t[0]}>" + "".join(t[1]) + (f"</{t[0]}>" if t[0] != "x" else "")),
    max_leaves=30,
)


def _read_or_refuse(data: bytes, name: str) -> None:
    try:
        read = read_bytes(data, name)
    except UserError as error:
        assert str(error).strip() and "\n" not in str(error)
        return
    assert read.text.strip()
    assert "\x00" not in read.text  # PostgreSQL could not store it


@BOUNDED
@given(st.binary(max_size=2048), st.sampled_from(["a.txt", "a.md", "a.html", "a.pdf"]))
def test_reading_any_bytes_gives_text_or_a_user_error(data: bytes, name: str):
    _read_or_refuse(data, name)


@BOUNDED
@given(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]), st.binary(max_size=512))
def test_bytes_after_a_byte_order_mark_give_text_or_a_user_error(bom: bytes, data: bytes):
    _read_or_refuse(bom + data, "a.txt")


@BOUNDED
@given(HTML, st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_reading_html_gives_text_or_a_user_error(markup: str, encoding: str):
    _read_or_refuse(markup.encode(encoding, errors="replace"), "page.html")


@BOUNDED
@given(TEXT, st.sampled_from([None, "2024-05-22"]))
def test_extracted_offsets_point_at_their_text(text: str, date: str | None):
    for claim in extract_claims(text, date):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text
        assert 0.0 <= claim.checkworthiness <= 1.0
        for quantity in claim.quantities:
            assert text[quantity.start:quantity.end] == quantity.text
            assert quantity.kind in ("money", "duration", "percent", "count", "date", "ratio", "measure")


@pytest.mark.parametrize("depth", [10_000])
def test_deeply_nested_markup_does_not_recurse_to_death(depth: int):
    _read_or_refuse(("<div>" * depth + "OpenAI raised $10 billion." + "</div>" * depth).encode(), "deep.html")


# Long runs of number fragments, Chinese and English: the inputs that once made extraction
# quadratic. Each example may use CPU time in proportion to its length, no more.
NUMBER_FRAGMENTS = st.sampled_from([
    "一", "二", "三", "十", "百", "千", "万", "亿", "两", "〇", "零", "、", "多", "几", "余", "三千",
    "一二三四五六七八九十", "十几", "分之", "百分之", "个", "元", "亿元", "美元", "月", "年", "第", "币",
    "1", "0", "9", ",", ".", "-", "1,000", "2024", "A", "$", "%", " ", "one ", "two ", "hundred ",
    "thousand ", "million ", "between ", "and ", "to ", "in ", "of ", "May ",
])
RUNS = st.tuples(st.lists(NUMBER_FRAGMENTS, min_size=1, max_size=3).map("".join), st.integers(20, 2000))
LONG_TEXT = st.lists(
    st.one_of(RUNS.map(lambda run: run[0] * run[1]), st.text(max_size=20)), min_size=1, max_size=4
).map("".join)
SECONDS_PER_CHARACTER = 1e-4  # ten times the costliest linear pattern measured (bench/hostile.py)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(LONG_TEXT)
def test_long_runs_of_number_fragments_extract_in_linear_time(text: str):
    budget = 0.5 + SECONDS_PER_CHARACTER * len(text)
    try:
        with cpu_budget(budget):
            claims = extract_claims(text, "2024-05-22")
    except OverBudget:
        pytest.fail(f"{len(text):,} characters took over {budget:.1f} s of CPU: {text[:80]!r}…")
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        for quantity in claim.quantities:
            assert text[quantity.start:quantity.end] == quantity.text
            assert quantity.value is None or math.isfinite(quantity.value)
