"""Ingesting web pages and feeds: each page fetched, read, and stored with its archived
copy in one transaction, entirely in or out.

Fetching a page again is idempotent: when its text is what is stored already, nothing is
written and the run says since when it is unchanged; when the text changed, the run says
so and stores the new version (an article as a new document beside the old one, which is
kept as it was; a source in place, its reviewed links re-anchored, as for files)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from factcheck.errors import UserError
from factcheck.services.fetching import PAGE_TYPES, TIMEOUT_SECONDS, fetch, web_client
from factcheck.services.ingest import IngestReport, OpenedDocument, open_bytes, store_opened_here
from factcheck.store.models import Archive, Document
from factcheck.text.read.feeds import feed_entries

Progress = Callable[[str, int, int], None]  # (what, pages done, pages in all)


@dataclass
class Previous:
    """What is stored already for an address: the document and when it was fetched."""

    document_id: int
    text: str
    fetched_on: str  # a date, or "" for a document that was not fetched (a file)


def ingest_urls(
    engine: Engine, urls: Iterable[str], *, role: str = "article", date: str | None = None,
    timeout: float = TIMEOUT_SECONDS, progress: Progress | None = None,
) -> IngestReport:
    """Fetch and store each page. A page that cannot be fetched or read stops the run
    with its one-line reason (the pages stored before it are whole)."""
    urls = list(urls)
    report = IngestReport()
    with web_client(timeout) as client:
        for done, url in enumerate(urls):
            if progress:
                progress(url, done, len(urls))
            _ingest_page(engine, client, url, role=role, date=date, timeout=timeout, report=report)
    if progress:
        progress("", len(urls), len(urls))
    return report


def ingest_feed(
    engine: Engine, feed_url: str, *, role: str = "article", date: str | None = None,
    timeout: float = TIMEOUT_SECONDS, progress: Progress | None = None,
) -> IngestReport:
    """Fetch a feed and ingest each entry's page once: entries already stored are not
    fetched again; an entry that fails is skipped with its reason."""
    report = IngestReport()
    with web_client(timeout) as client:
        feed = fetch(client, feed_url, accept="feed", timeout=timeout)
        entries = feed_entries(feed.content, feed.final_url)
        with Session(engine) as session:
            fresh = [e for e in entries if _previous(session, e.url) is None]
        report.already_stored = [e.url for e in entries if e not in fresh]
        for done, entry in enumerate(fresh):
            if progress:
                progress(entry.url, done, len(fresh))
            try:
                _ingest_page(engine, client, entry.url, role=role, date=date,
                             timeout=timeout, report=report, feed_date=entry.published)
            except UserError as error:
                report.skipped.append((entry.url, _without_address(str(error), entry.url)))
    if progress:
        progress("", len(fresh), len(fresh))
    return report


def _ingest_page(engine, client, url: str, *, role, date, timeout, report: IngestReport,
                 feed_date: str | None = None) -> None:
    """`date` (--date) overrides the page's own date; `feed_date` (the feed entry's) only
    stands in for a page that gives none."""
    fetched = fetch(client, url, timeout=timeout)
    opened = open_bytes(
        OpenedDocument(url, len(fetched.content), archive=fetched), fetched.content, date, set(),
        kind=PAGE_TYPES[fetched.content_type], charset=fetched.charset, url=fetched.final_url,
    )
    if opened.error is not None:
        raise opened.error
    read = opened.read
    assert read is not None
    read.url = read.url or fetched.final_url
    if opened.published is None and feed_date:
        opened.published = opened.reference = feed_date
    with Session(engine) as session:
        previous = _previous(session, url, fetched.final_url, read.url)
    when = f"since it was fetched on {previous.fetched_on}" if previous and previous.fetched_on else "since it was stored"
    if previous is not None and previous.text == read.text:
        report.unchanged.append(url)
        report.notes.append(f"{url}: unchanged {when}")
        return
    if previous is not None:
        report.changed.append((url, previous.fetched_on))
        kept = "beside the earlier one, which is kept" if role == "article" else "in place of the earlier one"
        report.notes.append(f"{url}: the page changed {when}; the new version is stored {kept}")
    store_opened_here(engine, opened, role=role, report=report)


def _previous(session: Session, *urls: str | None) -> Previous | None:
    """The newest document stored from any of these addresses (as given, after redirects,
    or as the page names itself)."""
    wanted = [u for u in urls if u]
    fetched = select(Archive.document_id).where(
        or_(col(Archive.requested_url).in_(wanted), col(Archive.final_url).in_(wanted))
    )
    query = select(Document.id, Document.text).where(
        or_(col(Document.path).in_(wanted), col(Document.url).in_(wanted), col(Document.id).in_(fetched))
    ).order_by(col(Document.id).desc()).limit(1)
    found = session.exec(query).first()
    if found is None:
        return None
    when = session.exec(
        select(Archive.fetched_at).where(Archive.document_id == found[0])
        .order_by(col(Archive.fetched_at).desc()).limit(1)
    ).first()
    return Previous(found[0], found[1], when.date().isoformat() if when else "")


def _without_address(message: str, url: str) -> str:
    prefix = f"{url}: "
    return message[len(prefix):] if message.startswith(prefix) else message

