"""How the gathered records read in every format: verdict names, values, changes, links."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

VERDICTS = ("supported", "refuted", "misleading", "unverifiable")


def status_name(status: str) -> str:
    return status.replace("_", " ")


_NOT_IN_URLS = re.compile(r"[\s\x00-\x1f<>\"'\\]")


@lru_cache(maxsize=4096)  # the same few source addresses recur on every claim
def web_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address, else None (javascript:, data:, paths, ...)."""
    if not url or _NOT_IN_URLS.search(url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def value_text(quantity: dict) -> str:
    """The canonical value with its unit: "100,000,000,000 USD", "0.232 s", "10–20 t"; a date
    is its ISO form alone."""
    value = quantity["value"]
    if value is None:
        return ""
    shown = value if type(value) is str else format(value, NUMBER)
    high = quantity.get("high")
    if high is not None:
        shown += "–" + format(high, NUMBER)
    unit = quantity["unit"]
    return f"{shown} {unit}" if unit and quantity["kind"] != "date" else shown


NUMBER = ",.12g"  # digits grouped, no float noise


def number(value: float) -> str:
    """Digits grouped, no float noise: 1e11 → "100,000,000,000", 0.232 → "0.232"."""
    return format(value, NUMBER)


def describe_change(event: dict) -> str:
    """One history entry in words: "unreviewed → refuted", "link 4: suggested → confirmed"."""
    if event["field"] == "link":
        link_id, _, old = (event["from"] or "").partition(":")
        new = (event["to"] or "").partition(":")[2]
        return f"link {link_id}: {old} → {new}"
    if event["field"] == "note":
        return "note"
    if event["field"] == "assignee":
        return f"assigned: {event['from'] or 'nobody'} → {event['to'] or 'nobody'}"
    return f"{event['from'] or '—'} → {event['to'] or '—'}"


def notes(record: dict) -> list[dict]:
    return [event for event in record["history"] if event["note"]]


def last_verdict(record: dict) -> dict | None:
    """The history entry that set the claim's current verdict, if it has one."""
    if record["status"] not in VERDICTS:
        return None
    for event in reversed(record["history"]):
        if event["field"] == "status" and event["to"] == record["status"]:
            return event
    return None


def fetched_on(moment: str | None) -> str:
    """The day a page was fetched, from its ISO timestamp: what "as fetched on" cites."""
    return (moment or "")[:10]
