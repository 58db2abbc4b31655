"""ClaimReview: schema.org JSON-LD, one review per claim with a verdict, for search engines
(Google's fact-check markup: its required and recommended fields).

The publisher (the review's author) is an Organization with a name and a URL; the URL is
where the HTML report is published, and with "#claim-N" (the claim's anchor in that report)
each review's url. The claim's `appearance` is the article's web address; a claim whose
article has none gets no appearance, never a file path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import orjson
from sqlalchemy.engine import Engine

from factcheck.report.json_report import inert
from factcheck.report.layout import Layout, Publisher, ReportJob
from factcheck.report.public import UNTITLED, PublicClaim, public_claims
from factcheck.report.wording import RATINGS

SHORT = 75  # characters of claimReviewed, so it does not wrap on a phone


def _head(engine: Engine, job: ReportJob) -> str:
    return "["


def _claims(records: Iterable[dict], job: ReportJob) -> Iterator[str]:
    """Only claims with a verdict have a review."""
    dumps = orjson.dumps
    author = _author(job.publisher)
    for claim in public_claims(records, job):
        yield "\n" + embeddable(dumps(review(claim, author)).decode())


def _tail(count: int, job: ReportJob) -> str:
    return "\n]\n" if count else "]\n"


def embeddable(text: str) -> str:
    """JSON that stays inert inside <script type="application/ld+json">: a claim quoting
    "</script>" cannot close the element. Only string contents hold these characters."""
    return inert(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _author(publisher: Publisher) -> dict:
    return {"@type": "Organization", "name": publisher.name, "url": publisher.url}


def review(claim: PublicClaim, author: dict) -> dict:
    rating_of = RATINGS[claim.status]
    rating: dict = {"@type": "Rating"}
    if rating_of.value is not None:
        rating.update(ratingValue=rating_of.value, bestRating=5, worstRating=1)
    rating["alternateName"] = rating_of.name
    result: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{author['url'].split('#')[0]}#{claim.anchor}",
        "claimReviewed": shortened(claim.text),
        "author": author,
        "reviewRating": rating,
        "itemReviewed": _item(claim),
    }
    if claim.reviewed:
        result["datePublished"] = claim.reviewed
    return result


def _item(claim: PublicClaim) -> dict:
    """The claim: who made it where the article says so, when, and where it appeared."""
    item: dict = {"@type": "Claim"}
    if claim.said_by:
        item["author"] = {"@type": claim.said_by_kind, "name": claim.said_by}
    article = claim.article
    if article.published:
        item["datePublished"] = article.published
    if article.url:
        appearance: dict = {"@type": "CreativeWork", "url": article.url}
        if article.title != UNTITLED:
            appearance["headline"] = article.title
        if article.published:
            appearance["datePublished"] = article.published
        item["appearance"] = [appearance]
    return item


def shortened(text: str, limit: int = SHORT) -> str:
    """At most `limit` characters: whole words where the text has spaces, then an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if text[limit - 1] != " " and space >= limit - 20:  # the cut falls inside a word
        cut = cut[:space]
    return cut.rstrip(" ,;:，、。；：") + "…"


PUBLIC = Layout(_head, _claims, _tail, separator=",", parts=frozenset({"history"}))  # no sources shown
