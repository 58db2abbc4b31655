"""A web server on 127.0.0.1 for the fetching tests: pages, redirects, errors, a slow
answer, a huge body, feeds. Routes are set per test; every request is recorded (path and
User-Agent), so a test can tell which pages were fetched."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "data" / "pages"


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    stream: Callable[[], object] | None = None  # yields chunks, for bodies too large to hold


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: bytes | str, content_type: str | None = "text/html; charset=utf-8", **kw) -> str:
        self.routes[path] = Route(body=body.encode() if isinstance(body, str) else body, content_type=content_type, **kw)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, content_type=None, headers={"Location": to})
        return self.url(path)

    def fetched(self, path: str) -> int:
        return sum(1 for requested, _ in self.requests if requested == path)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *_) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            route = site.routes.get(self.path, Route(status=404, body=b"<h1>Not Found</h1>"))
            if route.delay:
                time.sleep(route.delay)
            # the client may give up (a size limit, a timeout): as intended
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._answer(route)

        def _answer(self, route: Route) -> None:
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Date", formatdate(usegmt=True))
            if route.stream is None:
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
                return
            self.end_headers()  # no length: the client learns the size by reading
            for chunk in route.stream():
                self.wfile.write(chunk)

        def log_message(self, *_args) -> None:
            pass

    return Handler


def rss(items: list[tuple[str, str]], title: str = "Example feed") -> str:
    """An RSS 2.0 feed of (title, link) items."""
    entries = "".join(
        f"<item><title>{name}</title><link>{link}</link><pubDate>Tue, 02 Apr 2024 08:00:00 GMT</pubDate></item>"
        for name, link in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.invalid/</link><description>news</description>{entries}</channel></rss>")


def article(title: str, paragraphs: list[str], extra_head: str = "") -> str:
    """A small news page with navigation and a footer around its article."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{extra_head}</head>"
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1>{body}"
            f"</article><footer>Copyright Example News</footer></body></html>")
