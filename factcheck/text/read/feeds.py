"""Reading an RSS or Atom feed (through feedparser) into the addresses of its entries."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from factcheck.errors import UserError


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str  # absolute, http(s)
    title: str
    published: str | None  # ISO date, when the feed gives one


def feed_entries(content: bytes, feed_url: str) -> list[FeedEntry]:
    """The entries with a web address, in the feed's order, each address once. A feed
    that cannot be read, or has no entry with an address, is refused in one line."""
    import feedparser

    parsed = feedparser.parse(content, response_headers={"content-location": feed_url})
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f" ({str(problem).splitlines()[0][:120]})" if problem else ""
        raise UserError(f"{feed_url}: not an RSS or Atom feed, or a feed with no entries{reason}")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        url = _address(entry, feed_url)
        if url is None or url in seen:
            continue
        seen.add(url)
        entries.append(FeedEntry(url, " ".join(str(entry.get("title", "")).split()), _date(entry)))
    if not entries:
        raise UserError(f"{feed_url}: none of the feed's {len(parsed.entries)} entries links to a web page")
    return entries


def _address(entry, feed_url: str) -> str | None:
    candidates = [entry.get("link")] + [link.get("href") for link in entry.get("links", [])
                                        if link.get("rel", "alternate") == "alternate"]
    for candidate in candidates:
        if not candidate:
            continue
        url = urljoin(feed_url, str(candidate).strip())
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc:
            return url
    return None


def _date(entry) -> str | None:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if not moment:
        return None
    return f"{moment.tm_year:04d}-{moment.tm_mon:02d}-{moment.tm_mday:02d}"
