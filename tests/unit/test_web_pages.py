"""A dozen news pages in the shapes of real sites (navigation, teaser cards, side boxes,
share boxes, comments, captions, a post written as divs with <br>, pages wrapped in a
<form> or laid out in a table, GBK and Latin-1 bytes), each with text that must come out
and text that must not, and the metadata the page gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from page_padding import padded

from factcheck.text.extract.claims import extract_claims
from factcheck.text.read.charsets import decode
from factcheck.text.read.html_blocks import main_text
from factcheck.text.read.html_reading import parse_page
from factcheck.text.read.reading import normalise, read_bytes

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text("utf-8"))
METADATA = ("title", "published", "author", "site_name", "url", "language")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# what the padding adds around the article, none of which is article text
PADDING = ("Section 12", "Footer link", "story number", "A short summary of story")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_article_and_nothing_around_it(name):
    expected = EXPECTED[name]
    read = read_bytes((PAGES / name).read_bytes(), name)
    text = _flat(read.text)
    missing = [snippet for snippet in expected["with"] if _flat(snippet) not in text]
    leaked = [snippet for snippet in expected["without"] if _flat(snippet) in text]
    assert (missing, leaked) == ([], []), read.text
    for key in METADATA:
        if key in expected:
            assert getattr(read, key) == expected[key], key


@pytest.mark.parametrize("name", sorted(name for name in EXPECTED if name.endswith(".html")))
def test_the_article_inside_the_bulk_of_a_real_page(name):
    """The same page inside 60 KB of menus, scripts, 40 teaser cards and footer links."""
    expected = EXPECTED[name]
    data = (PAGES / name).read_bytes()
    if _utf8(data):  # the padding is UTF-8
        data = padded(data)
    text = _flat(read_bytes(data, name).text)
    missing = [snippet for snippet in expected["with"] if _flat(snippet) not in text]
    leaked = [snippet for snippet in (*expected["without"], *PADDING) if _flat(snippet) in text]
    assert (missing, leaked) == ([], []), text


def test_there_are_a_dozen_pages_in_both_languages():
    assert len(EXPECTED) >= 12
    assert sum(name.startswith("zh-") for name in EXPECTED) >= 5
    assert set(EXPECTED) == {path.name for path in PAGES.glob("*.html")}


@pytest.mark.parametrize("name", ["en-wire-story.html", "zh-news-agency.html"])
def test_claims_point_into_the_stored_text(name):
    read = read_bytes((PAGES / name).read_bytes(), name)
    claims = extract_claims(read.text)
    assert claims
    for claim in claims:
        assert read.text[claim.start:claim.end] == claim.text
        for quantity in claim.quantities:
            assert read.text[quantity.start:quantity.end] == quantity.text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_fallback_reader_alone_finds_the_article_too(name):
    """factcheck's own reader (used where trafilatura finds nothing, and for pages too large
    for it), on the same pages, bare and padded."""
    expected = EXPECTED[name]
    data = (PAGES / name).read_bytes()
    for page in (data, padded(data)) if _utf8(data) else (data,):
        html = decode(page, name, html=True).text
        text = _flat(normalise(main_text(parse_page(html, name))))
        missing = [snippet for snippet in expected["with"] if _flat(snippet) not in text]
        leaked = [snippet for snippet in (*expected["without"], *PADDING) if _flat(snippet) in text]
        assert (missing, leaked) == ([], []), text


def test_control_characters_in_a_page_are_kept_as_they_are():
    """lxml refuses them in a text it is given; the stored text is the page's own all the
    same (what a terminal shows of it is another matter)."""
    page = ("<html><body><article><p>Revenue rose\x08 12% to $3 billion \x1b[2J in 2023, the"
            " company said on Tuesday in its annual report.</p><script>x</script>\x07</article>"
            "</body></html>")
    text = read_bytes(page.encode(), "controls.html").text
    assert "rose\x08 12%" in text and "\x1b[2J" in text


def test_headings_linked_to_their_own_anchors_are_not_teaser_cards():
    sections = "".join(
        f"<a href='#s{n}' id='s{n}'><h2>Section {n} of the report</h2></a>"
        f"<p>Spending in region {n} rose {n + 2}% to ${n + 10} million in 2023, the audit office said.</p>"
        for n in range(4)
    )
    text = read_bytes(f"<html><body><article><h1>Audit</h1>{sections}</article></body></html>".encode(), "a.html").text
    assert all(f"Section {n} of the report" in text for n in range(4)), text
