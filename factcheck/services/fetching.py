"""Fetching a web page or a feed over HTTP(S), politely and within limits: http and https
only, a timeout on each step and on the whole fetch, at most MAX_REDIRECTS redirects, at
most MAX_BYTES of body, a User-Agent that names factcheck and its version. Every failure
is a UserError of one line naming the address."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

from factcheck.errors import UserError
from factcheck.store.models import utc_now

MAX_REDIRECTS = 5
MAX_BYTES = 20 * 1024 * 1024
TIMEOUT_SECONDS = 30.0

# what a fetched document may be, by its Content-Type
PAGE_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/pdf": "pdf", "application/x-pdf": "pdf",
    "text/plain": "text", "text/markdown": "text", "text/x-markdown": "text",
}
FEED_TYPES = {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
    "application/xml", "text/xml", "application/x-rss+xml", "text/rss+xml",
}


@dataclass(frozen=True)
class Fetched:
    """A response as fetched: the body after transfer decoding, and where it came from."""

    requested_url: str
    final_url: str
    content_type: str  # the media type alone, lower case ("text/html")
    charset: str | None  # as the server declared it
    http_date: str | None  # the Date header, as sent
    fetched_at: datetime
    content: bytes


def user_agent() -> str:
    try:
        release = version("factcheck")
    except PackageNotFoundError:
        release = "dev"
    return f"factcheck/{release} (claim fact-checking workbench; reads one page at a time)"


def is_web_address(text: str) -> bool:
    return urlsplit(str(text)).scheme.lower() in ("http", "https") and "://" in str(text)


def check_address(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise UserError(f"{url}: only http and https addresses can be fetched")
    if not parts.hostname:
        raise UserError(f"{url}: no host in this address")
    return url.strip()


@contextmanager
def web_client(timeout: float = TIMEOUT_SECONDS) -> Iterator:
    """One HTTP client for a run (its connections are reused from page to page)."""
    import httpx

    client = httpx.Client(
        follow_redirects=True, max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout), headers={"User-Agent": user_agent()},
    )
    try:
        yield client
    finally:
        client.close()


def fetch(client, url: str, *, accept: str = "page", timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET `url`. `accept`: "page" (HTML, PDF or text) or "feed" (RSS, Atom or XML)."""
    import httpx

    url = check_address(url)
    deadline = time.monotonic() + timeout
    try:
        with client.stream("GET", url, headers={"Accept": _ACCEPT[accept]}) as response:
            _check_status(url, response)
            media, charset = _content_type(response.headers.get("content-type", ""))
            _check_size(url, response.headers.get("content-length"))
            content = _read_body(url, response, deadline, timeout)
            media = _checked_type(url, media, content, accept)
            return Fetched(
                requested_url=url, final_url=str(response.url), content_type=media,
                charset=charset, http_date=response.headers.get("date"), fetched_at=utc_now(),
                content=content,
            )
    except httpx.TooManyRedirects:
        raise UserError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
    except httpx.TimeoutException:
        raise UserError(f"{url}: no answer within {timeout:g} s (timed out)") from None
    except httpx.UnsupportedProtocol:
        raise UserError(f"{url}: redirected to an address that is not http or https") from None
    except httpx.ConnectError as error:
        raise UserError(f"{url}: cannot connect ({_reason(error)})") from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise UserError(f"{url}: the fetch failed ({_reason(error)})") from None


_ACCEPT = {
    "page": "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1",
}


def _check_status(url: str, response) -> None:
    if response.status_code >= 400 or response.status_code in (204, 304):
        phrase = response.reason_phrase or ""
        raise UserError(f"{url}: HTTP {response.status_code} {phrase}".rstrip())
    if 300 <= response.status_code < 400:
        raise UserError(f"{url}: HTTP {response.status_code} without a usable Location")


def _content_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["content-type"] = header or "application/octet-stream"
    charset = message.get_param("charset")
    return message.get_content_type().lower(), str(charset) if charset else None


def _check_size(url: str, length: str | None) -> None:
    if length and length.isdigit() and int(length) > MAX_BYTES:
        raise UserError(f"{url}: {int(length) / 2**20:.0f} MB is over the {MAX_BYTES // 2**20} MB limit for a fetched page")


def _read_body(url: str, response, deadline: float, timeout: float) -> bytes:
    """The body, stopped at MAX_BYTES and at the deadline (a server trickling bytes never
    trips a read timeout)."""
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > MAX_BYTES:
            raise UserError(f"{url}: the page is over the {MAX_BYTES // 2**20} MB limit for a fetched page")
        if time.monotonic() > deadline:
            raise UserError(f"{url}: not fetched within {timeout:g} s (timed out)")
    return bytes(body)


def _checked_type(url: str, media: str, content: bytes, accept: str) -> str:
    """The media type this body is read as; a type factcheck cannot read is refused."""
    if media in ("application/octet-stream", "binary/octet-stream") and content.startswith(b"%PDF-"):
        return "application/pdf"
    if accept == "feed":
        if media in FEED_TYPES or media in PAGE_TYPES or media.endswith("+xml"):
            return media
        raise UserError(f"{url}: the server sent {media}, not an RSS or Atom feed")
    if media in PAGE_TYPES:
        return media
    raise UserError(f"{url}: the server sent {media}, not HTML, PDF or text")


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:200]
