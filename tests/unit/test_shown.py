"""Text from strangers reaches a terminal with its control characters made visible."""

import pytest

from factcheck.text.shown import shown_path, visible, visible_lines


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain 1000亿美金", "plain 1000亿美金"),
        ("\x1b[2Jwiped", "\\x1b[2Jwiped"),  # CSI: clear the screen
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),  # OSC 0 ended by BEL
        ("\x1bc\x1b#8", "\\x1bc\\x1b#8"),  # reset, screen alignment test
        ("a\x9bb\x9dc", "a\\x9bb\\x9dc"),  # C1 CSI and OSC
        ("back\x08space\x7f", "back\\x08space\\x7f"),
        ("one\ntwo\tthree\rfour", "one\\ntwo\\tthree\\rfour"),
        ("\u202eevil\u202c \u2066x\u2069", "\\u202eevil\\u202c \\u2066x\\u2069"),
    ],
)
def test_controls_are_shown_as_escapes(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_lines_keep_newlines_and_tabs_but_not_carriage_returns() -> None:
    assert visible_lines("a\n\tb\r\x1b[1m") == "a\n\tb\\r\\x1b[1m"


def test_a_file_name_stays_on_one_line() -> None:
    assert shown_path("evil\nfactcheck: all good.txt") == "evil\\nfactcheck: all good.txt"


def test_text_without_controls_is_returned_as_is() -> None:
    text = "奥尔特曼 said \u200b$100B (zero-width space is not a control)"
    assert visible(text) is text
