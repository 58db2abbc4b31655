"""Ingesting web pages and feeds, against a server on 127.0.0.1 started here (never the
internet): redirects, a redirect loop, 404 and 500, a server slower than the timeout, a
30 MB body, a wrong content type, GBK and Latin-1 pages, a feed with new and stored
entries, a page fetched again unchanged and changed. Every failure is one line and a
non-zero exit with nothing stored."""

from __future__ import annotations

import json
import time

import pytest
from robustness.harness import one_line_error, run_cli
from sqlmodel import Session, select
from web_server import PAGES, Site, article, rss

from factcheck.errors import UserError
from factcheck.services.web_ingest import ingest_feed, ingest_urls
from factcheck.store.models import Archive, Claim, Document

STORY = ["The council approved a budget of $48 million on Tuesday, up 12% from last year.",
         "Officials said 200 new bus drivers would be hired by March, at a cost of $9 million."]


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site():
    with Site() as running:
        yield running


run = run_cli
one_line = one_line_error


def documents(engine) -> list[Document]:
    with Session(engine) as session:
        return list(session.exec(select(Document).order_by(Document.id)))


def archives(engine) -> list[Archive]:
    with Session(engine) as session:
        return list(session.exec(select(Archive).order_by(Archive.id)))


def test_a_page_behind_redirects_is_stored_with_its_archived_copy(site, engine):
    body = article("Budget approved", STORY, "<link rel='canonical' href='/news/budget'>")
    final = site.page("/story", body)
    site.redirect("/r3", "/story")
    site.redirect("/r2", "/r3", status=301)
    first = site.redirect("/r1", "/r2")
    report = ingest_urls(engine, [first])
    assert report.added == [first] and report.claims >= 2
    [document] = documents(engine)
    assert document.path == first
    assert document.url == site.url("/news/budget")  # the page's canonical link, made absolute
    assert "Home" not in document.text and "$48 million" in document.text
    [copy] = archives(engine)
    assert (copy.requested_url, copy.final_url, copy.content_type) == (first, final, "text/html")
    assert copy.content == body.encode() and copy.http_date and copy.document_id == document.id
    assert site.requests[0][1].startswith("factcheck/")  # a polite User-Agent naming the tool


def test_five_redirects_are_followed_and_a_sixth_is_refused(site, engine):
    site.page("/end", article("Budget approved", STORY))
    for hop in range(6):
        site.redirect(f"/hop{hop}", f"/hop{hop + 1}" if hop < 5 else "/end")
    ingest_urls(engine, [site.url("/hop1")])  # five redirects
    assert len(documents(engine)) == 1
    with pytest.raises(UserError, match="more than 5 redirects"):
        ingest_urls(engine, [site.url("/hop0")])


def test_failures_are_one_line_with_nothing_stored(site, tmp_path, db_url):
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    site.page("/broken", b"oops", status=500)
    site.page("/picture.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    expected = {
        "/loop-a": "redirect loop",
        "/missing": "HTTP 404",
        "/broken": "HTTP 500",
        "/picture.png": "image/png, not HTML, PDF or text",
    }
    for path, words in expected.items():
        line = one_line(run(tmp_path, db_url, "ingest", site.url(path)))
        assert words in line and site.url(path) in line, line
    assert "only http and https" in one_line(run(tmp_path, db_url, "ingest", "file:///etc/passwd"))
    exported = json.loads(run(tmp_path, db_url, "export", "--format", "json").stdout)
    assert exported["claims"] == []


def test_a_server_slower_than_the_timeout(site, tmp_path, db_url):
    site.page("/slow", article("Late", STORY), delay=3)
    started = time.monotonic()
    line = one_line(run(tmp_path, db_url, "ingest", "--timeout", "0.5", site.url("/slow")))
    assert "timed out" in line and time.monotonic() - started < 3 + 10  # not the default 30 s


def test_a_body_over_the_size_limit(site, engine):
    chunk = b"<p>" + b"x" * (1024 * 1024 - 3)
    site.page("/huge", b"", stream=lambda: (chunk for _ in range(30)))  # 30 MB, no length given
    with pytest.raises(UserError, match="over the 20 MB limit"):
        ingest_urls(engine, [site.url("/huge")])
    site.page("/declared", b"", headers={"Content-Length": str(30 * 2**20)}, stream=lambda: [b"<p>x</p>"])
    with pytest.raises(UserError, match="30 MB is over the 20 MB limit"):
        ingest_urls(engine, [site.url("/declared")])
    assert documents(engine) == [] and archives(engine) == []


def test_gbk_page_declared_by_meta_charset_and_a_latin1_page(site, engine):
    gbk = site.page("/gbk", (PAGES / "zh-gbk-meta.html").read_bytes(), content_type="text/html")
    latin = site.page("/latin1", (PAGES / "latin1-cafe.html").read_bytes(), content_type="text/html")
    ingest_urls(engine, [gbk, latin])
    chinese, french = documents(engine)
    assert "城镇新增就业3.2万人" in chinese.text and chinese.language == "zh"
    assert "Le prix moyen d’un café en terrasse à Paris a atteint 4,20 €" in french.text
    assert french.language == "fr"


def test_the_server_charset_comes_before_the_page_declaration(site, engine):
    body = article("Prix", ["Le café coûte 4,20 € à Paris, 12 % de plus qu'en 2022, selon une étude."])
    body = body.replace("charset='utf-8'", "charset='koi8-r'")  # decodes too, but wrongly
    url = site.page("/cp1252", body.encode("cp1252"), content_type="text/html; charset=windows-1252")
    ingest_urls(engine, [url])
    assert "Le café coûte 4,20 €" in documents(engine)[0].text


def test_fetching_again_is_idempotent_and_says_when_the_page_changed(site, engine):
    url = site.page("/live", article("Budget approved", STORY).replace("<nav>", "<nav><span>ad 1</span>"))
    ingest_urls(engine, [url])
    site.page("/live", article("Budget approved", STORY).replace("<nav>", "<nav><span>ad 2</span>"))
    again = ingest_urls(engine, [url])  # other bytes, the same article
    assert again.unchanged == [url] and not again.added
    assert any("unchanged since it was fetched on" in note for note in again.notes)
    site.page("/live", article("Budget approved", [STORY[0].replace("$48", "$52")]))
    changed = ingest_urls(engine, [url])
    assert changed.added == [url] and changed.changed
    assert any("the page changed since it was fetched on" in note for note in changed.notes)
    old, new = documents(engine)
    assert "$48 million" in old.text and "$52 million" in new.text  # the old version is kept
    assert len(archives(engine)) == 2


def test_a_feed_with_new_and_already_stored_entries(site, engine):
    for n in range(3):
        site.page(f"/a{n}", article(f"Story {n}", [f"Story {n}: the city spent ${n + 1} million on roads in 2023, officials said."]))
    site.page("/feed.xml", rss([("Story 0", site.url("/a0")), ("Story 1", "/a1")]), content_type="application/rss+xml")
    first = ingest_feed(engine, site.url("/feed.xml"))
    assert sorted(first.added) == [site.url("/a0"), site.url("/a1")]  # a relative link resolved
    site.page("/feed.xml", rss([("Story 2", site.url("/a2")), ("Story 1", site.url("/a1")),
                               ("Story 0", site.url("/a0")), ("Gone", site.url("/gone"))]),
              content_type="application/rss+xml")
    second = ingest_feed(engine, site.url("/feed.xml"))
    assert second.added == [site.url("/a2")]
    assert sorted(second.already_stored) == [site.url("/a0"), site.url("/a1")]
    assert second.skipped == [(site.url("/gone"), "HTTP 404 Not Found")]
    assert [site.fetched(f"/a{n}") for n in range(3)] == [1, 1, 1]  # stored entries not fetched again
    with Session(engine) as session:
        assert {d.published for d in session.exec(select(Document))} == {"2024-04-02"}


def test_feed_from_the_command_line(site, tmp_path, db_url):
    site.page("/a", article("Roads", ["The city spent $3 million on roads in 2023, officials said on Monday."]))
    feed = site.page("/feed.xml", rss([("Roads", site.url("/a"))]), content_type="application/rss+xml")
    result = run(tmp_path, db_url, "ingest", "--feed", feed)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stderr
    again = run(tmp_path, db_url, "ingest", "--feed", feed)
    assert again.returncode == 0 and "0 added" in again.stderr and "1 already stored" in again.stderr
    not_a_feed = site.page("/page", "<html><body><p>hello</p></body></html>")
    assert "not an RSS or Atom feed" in one_line(run(tmp_path, db_url, "ingest", "--feed", not_a_feed))


def test_sources_add_fetches_evidence(site, engine):
    url = site.page("/report.txt", "Official report\n\nRoad spending was $3 million in 2023.\n",
                    content_type="text/plain; charset=utf-8")
    report = ingest_urls(engine, [url], role="source")
    assert report.passages >= 1
    [source] = documents(engine)
    assert source.role == "source" and source.url == url
    with Session(engine) as session:
        assert session.exec(select(Claim)).first() is None


def test_reports_cite_the_page_as_fetched(site, engine):
    from factcheck.report.export import ExportRequest, plan_export, write_export
    from factcheck.report.gather import iter_claim_records
    from factcheck.services.review import record_verdict

    url = site.page("/story", article("Budget approved", STORY, "<link rel='canonical' href='/news/budget'>"))
    ingest_urls(engine, [url])
    with Session(engine) as session:
        claim_id = session.exec(select(Claim.id)).first()
    record_verdict(engine, claim_id, "supported", reviewer="ann")
    [record, *_] = list(iter_claim_records(engine))
    [copy] = archives(engine)
    assert record["document_url"] == site.url("/news/budget")
    assert record["document_fetched"].startswith(copy.fetched_at.date().isoformat())
    day = copy.fetched_at.date().isoformat()
    for fmt in ("md", "html"):
        from io import StringIO

        out = StringIO()
        write_export(engine, plan_export(engine, ExportRequest(format=fmt, audience="internal")), out)
        assert f"as fetched on {day}" in out.getvalue()


def test_archived_copies_go_through_a_portable_backup(site, engine, tmp_path, db_url):
    from factcheck.store.backup import backup, restore
    from factcheck.store.db import make_engine

    body = (PAGES / "zh-gbk-meta.html").read_bytes()  # bytes that are not UTF-8
    ingest_urls(engine, [site.page("/gbk", body, content_type="text/html")])
    dump = tmp_path / "dump.jsonl"
    backup(engine, dump, portable=True)
    other = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    restore(other, dump)
    [copy] = archives(other)
    assert copy.content == body and copy.content_type == "text/html"
    other.dispose()


def test_a_pdf_is_read_by_its_content_type_or_its_first_bytes(site, engine):
    from sample_documents import pdf

    report = pdf(b"BT /F1 12 Tf 72 720 Td (Revenue rose 12% to $3.2 billion.) Tj ET")
    by_type = site.page("/report", report, content_type="application/pdf")
    by_bytes = site.page("/download?id=7", report.replace(b"Revenue", b"Turnover"),
                         content_type="application/octet-stream")
    ingest_urls(engine, [by_type, by_bytes])
    texts = [document.text for document in documents(engine)]
    assert "Revenue rose 12% to $3.2 billion." in texts[0] and "Turnover rose 12%" in texts[1]
    assert [copy.content_type for copy in archives(engine)] == ["application/pdf", "application/pdf"]
