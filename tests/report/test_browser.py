"""The public HTML report in a real browser (headless Chromium, installed by .ci/run): an
article carrying <script>, javascript: URLs and <img onerror> payloads, each of which would
set a marker on the page or fetch from a local address if it ran. The report shows them as
text, runs none of them, asks the network for nothing, and renders (a screenshot, the
masthead in the DOM, no line wider than the window). A deliberately unsafe page checked the
same way shows that the checks can fail."""

from __future__ import annotations

import pytest
from headless_chromium import Browser, BrowserError, find_chromium
from report_corpus import REPORT_DATE

PROBE = "http://127.0.0.1:9"  # the discard port: a request there is seen, never answered
PAYLOADS = {
    "script": f"<script>window.__owned = 'script'; fetch('{PROBE}/script')</script>",
    "img": f"<img src=\"{PROBE}/img.png\" onerror=\"window.__owned = 'img'\">",
    "link": "<a href=\"javascript:window.__owned='link'\">details</a>",
    "svg": "<svg onload=\"window.__owned='svg'\"></svg>",
    "style": f"<link rel=stylesheet href=\"{PROBE}/style.css\">",
}
ARTICLE = f"""# Plant output {PAYLOADS['script']} report {'W' * 10_000}

Source: javascript:window.__owned='source'
Published: 2024-05-20

The plant produced 13 units last year {PAYLOADS['img']} according to its filing.

The company said revenue rose 50% to $2 billion in 2023 {PAYLOADS['svg']}.
"""
EVIDENCE = f"""# Annual filing {PAYLOADS['style']}

Source: https://evidence.example.org/filing
Published: 2024-03-01

Revenue for 2023 was $2 billion, up 50% from the prior year.
"""
TITLE_WORDS = "Fact check: Plant output"

CHECKS = """({
  owned: window.__owned === undefined ? null : String(window.__owned),
  title: document.querySelector('h1') && document.querySelector('h1').textContent,
  text: document.body.innerText,
  scripts: document.scripts.length,
  images: document.images.length,
  handlers: [...document.querySelectorAll('*')].flatMap(e => e.getAttributeNames().filter(n => n.startsWith('on'))).length,
  javascript: document.querySelectorAll('a[href^="javascript"]').length,
  wide: document.documentElement.scrollWidth > window.innerWidth,
  claims: document.querySelectorAll('article.claim').length,
})"""


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        pytest.skip("Chromium is not installed here (.ci/run installs Debian's chromium)")
    try:
        with Browser.start(executable) as started:
            started.call("Browser.getVersion", {})
            yield started
    except BrowserError as error:
        pytest.skip(f"Chromium cannot run here: {error}")


@pytest.fixture
def hostile_report(engine, tmp_path):
    """The public HTML report of a judged hostile article, as the export service writes it."""
    from dataclasses import replace

    from report_corpus import build

    from factcheck.report.export import ExportRequest, export_to_file, plan_export

    def judge(engine, claim_id, link_id):
        from factcheck.services.review import record_verdict, set_link_state

        plant, revenue = claim_id("13 units"), claim_id("revenue rose")
        record_verdict(engine, plant, "refuted",
                       note=f"The filing says 12. {PAYLOADS['link']}\n{PAYLOADS['script']}\n{'y' * 3000}",
                       reviewer="ann")
        record_verdict(engine, revenue, "supported", note="As filed.", reviewer="ann")
        set_link_state(engine, link_id(revenue), "confirmed", reviewer="ann")

    build(engine, tmp_path, {"plant.md": ARTICLE}, {"filing.md": EVIDENCE}, judge)
    request = ExportRequest("html", publisher="Example Checks", publisher_url="https://checks.example.org/")
    plan = plan_export(engine, request)
    plan = replace(plan, job=replace(plan.job, date=REPORT_DATE))
    target = tmp_path / "report.html"
    export_to_file(engine, plan, target)
    return target


def test_the_public_report_runs_nothing_fetches_nothing_and_renders(browser, hostile_report, tmp_path):
    visit = browser.visit(hostile_report)
    found = visit.evaluate(CHECKS)
    assert found["owned"] is None, found["owned"]
    assert visit.requests == [visit.url], visit.requests  # the page itself, nothing more
    assert not [line for line in visit.console if "Content Security Policy" in line or "Refused" in line]
    assert found["title"].startswith(TITLE_WORDS) and PAYLOADS["script"] in found["title"]
    for payload in (PAYLOADS["img"], PAYLOADS["link"], PAYLOADS["svg"]):
        assert payload in found["text"]  # shown as the text it is
    assert (found["scripts"], found["images"], found["handlers"], found["javascript"]) == (0, 0, 0, 0)
    assert found["claims"] == 2 and not found["wide"]  # a 10,000-character title, a 3,000-letter word
    assert len(found["title"]) <= 300
    shot = visit.screenshot()
    (tmp_path / "report.png").write_bytes(shot)
    assert shot.startswith(b"\x89PNG") and len(shot) > 10_000


def test_the_checks_catch_a_page_that_obeys_its_payloads(browser, tmp_path):
    """The same checks on a page that pastes the payloads in raw and has no policy."""
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text(f"<!DOCTYPE html><html><body><h1>{TITLE_WORDS}</h1>{PAYLOADS['img']}"
                      f"{PAYLOADS['script']}{PAYLOADS['style']}</body></html>", encoding="utf-8")
    visit = browser.visit(unsafe)
    found = visit.evaluate(CHECKS)
    assert found["owned"] in ("script", "img")
    assert {f"{PROBE}/img.png", f"{PROBE}/script", f"{PROBE}/style.css"} <= set(visit.requests)
    assert found["scripts"] == 1 and found["images"] == 1


def test_the_chinese_report_renders_with_its_language(browser, report_db_zh, tmp_path):
    from report_corpus import exporter

    from factcheck.store.db import make_engine

    engine = make_engine(report_db_zh)
    page = tmp_path / "zh.html"
    page.write_text(exporter(engine)("html"), encoding="utf-8")
    engine.dispose()
    visit = browser.visit(page)
    found = visit.evaluate("""({
      lang: document.documentElement.lang,
      english: [...document.querySelectorAll('[lang="en"]')].map(e => e.textContent.slice(0, 12)),
      title: document.querySelector('h1').textContent,
      wide: document.documentElement.scrollWidth > window.innerWidth,
    })""")
    assert found["lang"] == "zh" and found["title"].startswith("事实核查：")
    assert "GPT-4o can r" in found["english"] and not found["wide"]
    assert visit.requests == [visit.url]
    assert len(visit.screenshot()) > 10_000
