"""Bounding the nesting of a page before it is parsed: deep pages keep their text and
their order, shallow ones come back unchanged."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import UserError
from factcheck.text.read.html_nesting import MAX_DEPTH, bound_nesting
from factcheck.text.read.html_reading import parse_page
from factcheck.text.read.reading import read_bytes


def nested(tag: str, levels: int) -> str:
    return "<html><body>" + "".join(f"<{tag}>level {n} " for n in range(levels)) + f"</{tag}>" * levels + "<p>after the nest</p></body></html>"


def test_a_shallow_page_is_unchanged():
    html = "<html><body><div><p>one<p>two<ul><li>a<li>b</ul></div></body></html>"
    result = bound_nesting(html)
    assert result.html is html and result.dropped == 0 and result.depth == 5  # html body div ul li


def test_implied_end_tags_do_not_count_as_nesting():
    html = "<html><body>" + "<p>paragraph" * 1000 + "<ul>" + "<li>item" * 1000 + "</ul></body></html>"
    result = bound_nesting(html, 20)
    assert result.dropped == 0 and result.depth <= 4


def test_deep_nesting_is_flattened_with_its_text_in_order():
    result = bound_nesting(nested("div", 1000))
    kept_divs = MAX_DEPTH - 2  # under <html> and <body>
    assert result.depth == MAX_DEPTH and result.dropped == 2 * (1000 - kept_divs)  # start and end tags
    assert result.html.index("level 999") < result.html.index("after the nest")


def test_scripts_and_comments_are_not_read_as_tags():
    html = "<html><body><script>if (a<b && c>d) {'<div>'}</script><!-- <div><div> --><div>x</div></body></html>"
    assert bound_nesting(html, 3).dropped == 0


def test_a_page_nested_past_the_parsers_limit_keeps_all_its_text():
    """libxml2 stops reading at 256 levels: without the bound, everything after is lost."""
    for tag in ("div", "blockquote", "span", "ul><li"):
        html = nested(tag, 3000).replace("</ul><li>", "</li></ul>")
        tree = parse_page(html, "deep.html")
        text = tree.text_content()
        assert "level 0 " in text and "level 2999" in text and "after the nest" in text, tag
        assert "level 2999" in read_bytes(html.encode(), "deep.html").text


def test_parsed_pages_are_refused_only_past_any_flattening():
    with pytest.raises(UserError, match="nest too deeply"):
        parse_page(nested("div", 400), "deep.html", limits=(300,))


_TOKENS = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<b>",
                           "</b>", "<br>", "<td>", "<tr>", "<table>", "</table>", "word ", "字"])


@settings(deadline=None, max_examples=200)
@given(st.lists(_TOKENS, max_size=400), st.integers(min_value=2, max_value=40))
def test_flattening_drops_tags_never_text(tokens, depth):
    html = "".join(tokens)
    result = bound_nesting(html, depth)
    assert re.sub(r"<[^>]*>", "", result.html) == re.sub(r"<[^>]*>", "", html)
    assert result.depth <= depth
