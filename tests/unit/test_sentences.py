from __future__ import annotations

from factcheck.text.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_chinese_sentences_keep_their_closing_quotes():
    text = "他表示:“这是最后一天。”然后离开了。真的吗?是的!第一项增长5%;第二项下降3%。"
    assert sentences(text) == [
        "他表示:“这是最后一天。”", "然后离开了。", "真的吗?", "是的!", "第一项增长5%;", "第二项下降3%。",
    ]


def test_a_speakers_clause_after_a_quotation_joins_it():
    text = "“这是最好的一个季度。”库克在财报电话会上说。“我们会赢！”他表示。下一句。"
    assert sentences(text) == ["“这是最好的一个季度。”库克在财报电话会上说。", "“我们会赢！”他表示。", "下一句。"]
    # a long sentence after a quotation is a sentence of its own, even when it ends in 说
    long = "“好。”这是很长的一句话它没有说话的人在这里而且超过二十个字了真的说。"
    assert len(sentences(long)) == 2


def test_english_abbreviations_decimals_and_initials():
    text = (
        "The U.S. economy grew 4.2 percent. Mr. Smith met J. K. Rowling at 9 a.m. Eastern time. "
        "Sales rose in Jan. and fell later. \"It works,\" she said. Prices fell."
    )
    assert sentences(text) == [
        "The U.S. economy grew 4.2 percent.",
        "Mr. Smith met J. K. Rowling at 9 a.m. Eastern time.",
        "Sales rose in Jan. and fell later.",
        "\"It works,\" she said.",
        "Prices fell.",
    ]


def test_spans_are_trimmed_and_point_into_the_text():
    text = "  第一句。\n\n  Second one.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["第一句。", "Second one."]
