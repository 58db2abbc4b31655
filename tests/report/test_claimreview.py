"""ClaimReview markup: what Google's fact-check tools require and recommend, per claim."""

from __future__ import annotations

import json

import pytest

from factcheck.errors import UserError
from factcheck.report.claimreview import shortened

EXPECTED = {  # claim fragment → (ratingValue, alternateName, review date)
    "revenue rose": (5, "True", "2024-06-01"),
    "$51 million": (3, "Misleading", "2024-06-04"),
    "=HYPERLINK": (1, "False", "2024-06-05"),
    "3x": (None, "Unproven", "2024-06-06"),
}


def test_one_review_per_claim_with_a_verdict(export, find_claim):
    reviews = json.loads(export("claimreview"))
    assert [r["url"] for r in reviews] == [
        f"https://checks.example.org/report#claim-{find_claim(f)}"
        for f in sorted(EXPECTED, key=find_claim)
    ]


def test_every_review_has_the_required_and_recommended_fields(export, find_claim):
    reviews = {r["url"].rsplit("-", 1)[1]: r for r in json.loads(export("claimreview"))}
    for fragment, (value, name, reviewed_on) in EXPECTED.items():
        review = reviews[str(find_claim(fragment))]
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert 0 < len(review["claimReviewed"]) <= 75
        assert review["author"] == {"@type": "Organization", "name": "Example Checks",
                                    "url": "https://checks.example.org/report"}
        assert review["datePublished"] == reviewed_on
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] == name
        if value is None:
            assert rating.keys() == {"@type", "alternateName"}
        else:
            assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (value, 5, 1)
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["datePublished"]


def test_appearance_is_the_article_url_and_never_a_path(export, find_claim):
    reviews = {r["url"].rsplit("-", 1)[1]: r for r in json.loads(export("claimreview"))}
    web = reviews[str(find_claim("revenue rose"))]["itemReviewed"]
    assert web["appearance"] == [{
        "@type": "CreativeWork", "url": "https://news.example.com/chipmaker?a=1&b=2",
        "headline": 'Chipmaker results <script>alert("title")</script>', "datePublished": "2024-05-20",
    }]
    assert web["datePublished"] == "2024-05-20"
    # The blog's Source: is a javascript: URL, which is never published as its address,
    # and its file path is no address either: no appearance at all.
    blog = reviews[str(find_claim("3x"))]["itemReviewed"]
    assert "appearance" not in blog
    assert "blog.txt" not in export("claimreview")


def test_publisher_comes_from_the_environment_when_not_given(export, monkeypatch):
    monkeypatch.setenv("FACTCHECK_PUBLISHER", "Env Desk")
    monkeypatch.setenv("FACTCHECK_PUBLISHER_URL", "https://env.example.org/")
    (first, *_) = json.loads(export("claimreview", publisher=None, publisher_url=None))
    assert first["author"]["name"] == "Env Desk" and first["url"].startswith("https://env.example.org/#claim-")


def test_publisher_comes_from_the_settings_file_and_an_option_wins(export):
    from factcheck.services.settings import save_setting

    save_setting("publisher.name", "File Desk")
    save_setting("publisher.url", "https://file.example.org/checks")
    (first, *_) = json.loads(export("claimreview", publisher=None, publisher_url=None))
    assert first["author"] == {"@type": "Organization", "name": "File Desk", "url": "https://file.example.org/checks"}
    (first, *_) = json.loads(export("claimreview", publisher="Option Desk", publisher_url=None))
    assert first["author"]["name"] == "Option Desk" and first["url"].startswith("https://file.example.org/checks#")


@pytest.mark.parametrize("name, url", [(None, None), ("Desk", None), ("Desk", "javascript:alert(1)"),
                                       (None, "https://desk.example.org/")])
def test_missing_or_unsafe_publisher_is_a_user_error(export, monkeypatch, name, url):
    monkeypatch.delenv("FACTCHECK_PUBLISHER", raising=False)
    monkeypatch.delenv("FACTCHECK_PUBLISHER_URL", raising=False)
    with pytest.raises(UserError, match="publisher"):
        export("claimreview", publisher=name, publisher_url=url)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("short claim", "short claim"),
        ("word " * 30, "word word word word word word word word word word word word word word word…"),
        ("估值" * 60, "估值" * 37 + "…"),
        ("  spaced\n out  ", "spaced out"),
    ],
)
def test_claim_reviewed_is_shortened_to_75_characters(text, expected):
    assert shortened(text) == expected
    assert len(shortened(text)) <= 75
