"""Claim, source, URL and note text is untrusted: no format may let it act. The fixture
database carries <script>, <img onerror>, javascript: and data: URLs, =HYPERLINK(…), @, and
Markdown table breakers (| and backticks)."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from factcheck.report.csv_report import neutralise

HOSTILE = ('<script>alert("title")</script>', "<img src=x onerror=alert(1)>",
           "<script>alert('passage')</script>", "<script>alert('note')</script>")
# the public report has the judged claims and the sources a reviewer confirmed: the hostile
# passage is only a suggestion
SHOWN = {"internal": HOSTILE, "public": tuple(h for h in HOSTILE if "passage" not in h)}
SAFE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "section",
    "table", "thead", "tbody", "tr", "th", "td", "span", "svg", "text", "rect", "main", "article",
    "blockquote", "mark", "ol", "ul", "li", "a", "strong", "em", "hr", "time", "div", "cite",
}


class Page(HTMLParser):
    """Every element, attribute and piece of text of a page, as a browser would parse it."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def assert_inert(page: Page) -> None:
    assert {tag for tag, _ in page.tags} <= SAFE_TAGS
    for tag, attrs in page.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "src" not in attrs
        if "href" in attrs:
            assert attrs["href"].startswith(("http://", "https://")), attrs["href"]


@pytest.mark.parametrize("audience", ["internal", "public"])
def test_html_shows_hostile_text_as_text_and_runs_nothing(export, audience):
    report = export("html", audience=audience)
    page = Page(report)
    assert_inert(page)
    text = "".join(page.text)
    for hostile in SHOWN[audience]:
        assert hostile in text
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert "https://news.example.com/chipmaker?a=1&b=2" in hrefs
    assert not any("javascript" in h or h.startswith("data:") for h in hrefs)
    policy = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in policy


@pytest.mark.parametrize("audience", ["internal", "public"])
def test_html_fetches_nothing_from_outside(export, audience):
    report = export("html", audience=audience)
    for external in ("<link", "@import", "url(", "<script", "<iframe", "<img"):
        assert external not in report


@pytest.mark.parametrize("audience", ["internal", "public"])
def test_markdown_rendered_on_a_code_host_stays_inert(export, audience):
    report = export("md", audience=audience)
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(report)
    page = Page(rendered)
    assert_inert(page)
    assert not [tag for tag, _ in page.tags if tag in ("code", "pre", "s", "del", "h4", "h5", "h6")]
    text = "".join(page.text)
    for hostile in SHOWN[audience] + ('=HYPERLINK("http://evil.example","click")',):
        assert hostile in text
    assert audience == "public" or "A report | with `backticks` said" in text


def test_markdown_tables_keep_their_columns(export):
    rendered = MarkdownIt("commonmark").enable("table").render(export("md"))
    tables = rendered.split("<table>")[1:]
    assert len(tables) >= 6
    for table in tables:
        header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
        for row in table.split("<tbody>")[1].split("</tr>")[:-1]:
            assert row.count("<td") == header, row


def test_csv_cells_never_start_a_formula(export):
    report = export("csv")
    assert report.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(report[1:])))
    cells = [value for row in rows for value in row]
    for value in cells:
        assert not value.startswith(("=", "@", "\t", "\r")), value
        if value.startswith(("+", "-")):
            float(value)  # only plain numbers may start with a sign
    assert "'=HYPERLINK(\"http://evil.example\",\"click\") says the plant produced 13 units last year." in cells
    assert "'@ann" in cells
    assert all(len(row) == len(rows[0]) for row in rows)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("+cmd", "'+cmd"), ("-x", "'-x"),
        ("\tlead", "'\tlead"), ("\rlead", "'\rlead"), ("-1+HYPERLINK(\"x\")", "'-1+HYPERLINK(\"x\")"),
        ("-5", "-5"), ("+3.25", "+3.25"), ("-1e6", "-1e6"), ("plain", "plain"), (None, ""), (0.35, "0.35"),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_json_keeps_untrusted_text_exactly(export, find_claim):
    claims = {c["id"]: c for c in json.loads(export("json"))["claims"]}
    assert claims[find_claim("onerror")]["text"] == (
        "Analysts estimate the deal is worth $51 million <img src=x onerror=alert(1)> in total."
    )
    assert claims[find_claim("3x")]["document_url"] == "javascript:alert(document.cookie)"


def test_claimreview_can_be_embedded_in_a_script_element(export):
    report = export("claimreview")
    assert "<" not in report and ">" not in report and "&" not in report
    reviews = json.loads(report)
    headlines = {r["itemReviewed"].get("appearance", [{}])[0].get("headline") for r in reviews}
    assert 'Chipmaker results <script>alert("title")</script>' in headlines


@pytest.mark.parametrize("text", ["two\nlines | x", "sep\u2028arated", "tab\there", "cr\rhere"])
def test_markdown_cells_stay_on_one_line(text):
    from factcheck.report.markdown import cell

    rendered = MarkdownIt("commonmark").enable("table").render(f"| a |\n|---|\n| {cell(text)} |\n")
    assert rendered.count("<tr>") == 2 and rendered.count("<td>") == 1
    assert "\n" not in cell(text) and "\u2028" not in cell(text)
