"""Re-finding a quoted span after its source was edited: exact, near, fuzzy, orphan."""

from factcheck.text.extract.anchoring import quote, reanchor

SOURCE = (
    "OpenAI in 2019 signed a nonbinding agreement to spend $51 million on the chips. "
    "Rain told investors Altman had personally invested more than $1 million into the company. "
    "Despite the inked agreement, OpenAI has not allocated any money towards Rain AI."
)
SENTENCE = (
    "Rain told investors Altman had personally invested more than $1 million into the company."
)


def _selector():
    start = SOURCE.index(SENTENCE)
    return quote(SOURCE, start, start + len(SENTENCE)), start


def test_quote_keeps_about_32_characters_either_side():
    selector, _ = _selector()
    assert selector.exact == SENTENCE
    assert len(selector.prefix) == 32 and SOURCE.find(selector.prefix + SENTENCE) != -1
    assert len(selector.suffix) == 32 and selector.suffix.startswith(" Despite")


def test_exact_quote_is_found_after_text_is_inserted_before_it():
    selector, old_start = _selector()
    edited = "Editor's note: updated on Monday.\n\n" + SOURCE
    anchor = reanchor(selector, edited, old_start)
    assert anchor is not None and anchor.method == "exact"
    assert edited[anchor.start : anchor.end] == SENTENCE


def test_repeated_quote_is_told_apart_by_its_context():
    text = "Alpha said yes. The deal is off. Beta said no. The deal is off. Gamma left."
    second = text.index("The deal is off.", text.index("Beta"))
    selector = quote(text, second, second + len("The deal is off."))
    edited = "Intro. " + text
    anchor = reanchor(selector, edited, None)
    assert anchor is not None
    assert edited[anchor.start - 14 : anchor.start] == "Beta said no. "


def test_edited_quote_is_found_near_its_old_position():
    selector, old_start = _selector()
    edited = SOURCE.replace("personally invested more than", "invested well over")
    anchor = reanchor(selector, edited, old_start)
    assert anchor is not None and anchor.method == "near"
    assert "invested well over $1 million" in edited[anchor.start : anchor.end]


def test_edited_quote_that_moved_far_is_found_anywhere():
    selector, _ = _selector()
    moved = SENTENCE.replace("Rain told", "Rain had told")
    edited = "Background paragraph. " * 60 + moved + " " + "Closing words. " * 20
    anchor = reanchor(selector, edited, 0)
    assert anchor is not None and anchor.method == "fuzzy"
    assert (
        edited[anchor.start : anchor.end].startswith("Rain had told")
        or "investors Altman" in edited[anchor.start : anchor.end]
    )


def test_quote_that_is_gone_is_an_orphan():
    selector, old_start = _selector()
    edited = SOURCE.replace(SENTENCE, "The company declined to comment.")
    assert reanchor(selector, edited, old_start) is None


def test_chinese_quote_reanchors_after_an_edit():
    text = "榜单显示,OpenAI价值增长最快,以7100亿元成为全球第三大独角兽。其他公司排名靠后。"
    start = text.index("榜单")
    end = text.index("。") + 1
    selector = quote(text, start, end)
    edited = "最新消息:" + text.replace("增长最快", "增长最为迅速")
    anchor = reanchor(selector, edited, start)
    assert anchor is not None
    assert "7100亿元" in edited[anchor.start : anchor.end]
