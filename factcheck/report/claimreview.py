"""ClaimReview: schema.org JSON-LD, one review per claim with a verdict, for search engines.

The publisher (the review's author) comes from the options or from FACTCHECK_PUBLISHER and
FACTCHECK_PUBLISHER_URL. The publisher URL is where the report is published: it is the
author's url, and with "#claim-N" (the anchor of the claim in the HTML report) each review's url.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TextIO

import orjson
from sqlalchemy.engine import Engine

from factcheck.core.errors import UserError
from factcheck.report.gather import ReportOptions
from factcheck.report.json_report import inert
from factcheck.report.layout import Layout, write_report
from factcheck.report.wording import last_verdict, web_url

RATINGS = {
    "supported": (5, "True"),
    "misleading": (3, "Misleading"),
    "refuted": (1, "False"),
    "unverifiable": (None, "Unproven"),
}
SHORT = 75  # characters of claimReviewed, so it does not wrap on a phone


def resolve_publisher(name: str | None, url: str | None) -> tuple[str, str]:
    name = name or os.environ.get("FACTCHECK_PUBLISHER")
    url = url or os.environ.get("FACTCHECK_PUBLISHER_URL")
    if not name or not url:
        raise UserError(
            "ClaimReview needs a publisher: pass --publisher NAME and --publisher-url URL "
            "(or set FACTCHECK_PUBLISHER and FACTCHECK_PUBLISHER_URL)"
        )
    if web_url(url) is None:
        raise UserError(f"--publisher-url {url!r}: expected an http(s) address")
    return name, url


def write_claimreview(
    engine: Engine,
    out: TextIO,
    options: ReportOptions | None = None,
    *,
    publisher: str | None = None,
    publisher_url: str | None = None,
    workers: int = 0,
    **_: object,
) -> int:
    settings = {"author": _author(*resolve_publisher(publisher, publisher_url))}
    return write_report(CLAIMREVIEW, engine, out, options or ReportOptions(), settings, workers=workers)


def _head(engine: Engine, options: ReportOptions, settings: dict) -> str:
    return "["


def _claims(records: Iterable[dict], settings: dict) -> Iterator[str]:
    """Only claims with a verdict have a review."""
    author, dumps = settings["author"], orjson.dumps
    for record in records:
        if record["status"] in RATINGS:
            yield "\n" + embeddable(dumps(review(record, author)).decode())


def _tail(count: int) -> str:
    return "\n]\n" if count else "]\n"


def embeddable(text: str) -> str:
    """JSON that stays inert inside <script type="application/ld+json">: a claim quoting
    "</script>" cannot close the element. Only string contents hold these characters."""
    return inert(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _author(name: str, url: str) -> dict:
    return {"@type": "Organization", "name": name, "url": url}


def review(record: dict, author: dict) -> dict:
    value, name = RATINGS[record["status"]]
    rating: dict = {"@type": "Rating"}
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    rating["alternateName"] = name
    result: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{author['url'].split('#')[0]}#claim-{record['id']}",
        "claimReviewed": shortened(record["text"]),
        "author": author,
        "reviewRating": rating,
        "itemReviewed": _item(record),
    }
    verdict = last_verdict(record)
    if verdict and verdict["at"]:
        result["datePublished"] = verdict["at"][:10]
    return result


def _item(record: dict) -> dict:
    url = web_url(record.get("document_url"))
    appearance: dict = {"@type": "CreativeWork", "url": url or record["document"]}
    if record.get("document_title"):
        appearance["headline"] = record["document_title"]
    item: dict = {"@type": "Claim", "appearance": [appearance]}
    if record.get("document_published"):
        item["datePublished"] = record["document_published"]
        appearance["datePublished"] = record["document_published"]
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


CLAIMREVIEW = Layout(_head, _claims, _tail, separator=",")
