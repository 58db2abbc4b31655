"""Text in terminal cells: cut with an ellipsis, wrapped without splitting amounts or names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from factcheck.text.cells import clip, kept_whole, line_spans


def lines(text: str, width: int, names=()) -> list[str]:
    return [text[a:b] for a, b in line_spans(text, width, kept_whole(text, names))]


def test_a_cut_text_ends_with_an_ellipsis_and_a_whole_word():
    assert clip("the board fired Sam Altman on Friday", 20) == "the board fired Sam…"
    assert clip("短文本", 6) == "短文本"
    assert clip("中文的长句子没有空格", 9) == "中文的长…"
    assert cell_len(clip("中文的长句子没有空格", 9)) <= 9


def test_amounts_with_their_units_stay_on_one_line():
    text = "GPT-4o价格降低一半(50%),速度提升两倍(200%),订单5100万美元,响应232 ms内"
    for width in range(12, 40):  # each piece fits in 12 cells
        found = lines(text, width)
        for piece in ("(50%)", "(200%)", "5100万美元", "232 ms"):
            assert any(piece in line for line in found), (width, found)


def test_names_stay_on_one_line_and_latin_words_are_never_split():
    text = "OpenAI首席技术官米拉·穆拉蒂表示 the interview with Sam Altman was long"
    for width in range(14, 40):
        found = lines(text, width, ["米拉·穆拉蒂"])
        assert any("米拉·穆拉蒂" in line for line in found), (width, found)
        assert any("Sam Altman" in line for line in found), (width, found)
        assert all(not line.endswith("interv") for line in found)


def test_no_line_starts_with_closing_punctuation():
    text = "这是一个很长的句子,后面还有更多的内容。然后又是一句话,结束了。"
    for width in range(6, 30):
        assert all(line[0] not in ",。，" for line in lines(text, width))


@given(st.text(alphabet="ab 中文,。%5()$", max_size=80), st.integers(min_value=1, max_value=30))
def test_lines_cover_the_text_in_order_within_the_width(text, width):
    spans = line_spans(text, width, kept_whole(text))
    assert spans[0][0] == 0 or not text[: spans[0][0]].strip()
    joined = "".join(text[a:b] for a, b in spans).replace(" ", "")
    assert joined == text.replace(" ", "")
    for a, b in spans:
        assert cell_len(text[a:b]) <= width or b - a == 1 or " " not in text[a:b]
