"""A dozen news pages in the shapes of real sites (navigation, teaser cards, side boxes,
share boxes, comments, captions, a post written as divs with <br>, pages wrapped in a
<form> or laid out in a table, GBK and Latin-1 bytes), each with text that must come out
and text that must not, and the metadata the page gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.core.claims import extract_claims
from factcheck.core.reading import read_bytes

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text("utf-8"))
METADATA = ("title", "published", "author", "site_name", "url", "language")


def _flat(text: str) -> str:
    return " ".join(text.split())


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
