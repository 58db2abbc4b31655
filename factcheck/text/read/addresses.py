"""Web addresses: where a document lives, where a report is published. Only a plain http(s)
address is ever stored as one or shown as a link; a `javascript:` or `data:` URL, a file
path, or anything with spaces, quotes or control characters is not an address."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from factcheck.text.shown import visible

_NOT_IN_URLS = re.compile(r"[\s\x00-\x1f<>\"'\\]")


@lru_cache(maxsize=4096)  # the same few source addresses recur on every claim of a report
def web_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address, else None (javascript:, data:, paths, ...)."""
    if not url or _NOT_IN_URLS.search(url) or visible(url) != url:
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None
