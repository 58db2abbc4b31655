"""The public report: what an editor publishes as it is, in English and in Chinese.

Goldens for every public format in both languages (and the internal formats over the
Chinese corpus); nothing internal in any public output (paths, offsets, scores, link states,
logins); dates and `lang` in the report's language; hostile titles and notes stay escaped.
Regenerate the goldens with FACTCHECK_UPDATE_GOLDEN=1 and review the diff."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest
from test_golden import GOLDEN, normalised
from test_injection import Page, assert_inert

from factcheck.report.formats import FORMATS

PUBLIC = [f.name for f in FORMATS if "public" in f.audiences]
SUFFIX = {f.name: f.suffix for f in FORMATS}
LOGINS = ("ann", "ben", "@ann", "root")


def _golden(name: str, produced: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8", newline="")
    with golden.open(encoding="utf-8", newline="") as stored:
        assert produced == stored.read()


@pytest.mark.parametrize("fmt", PUBLIC)
def test_public_report_in_english_matches_golden(export, fmt):
    _golden(f"public-en{SUFFIX[fmt]}", normalised(export(fmt, audience="public")))


@pytest.mark.parametrize("fmt", PUBLIC)
def test_public_report_in_chinese_matches_golden(export_zh, fmt):
    _golden(f"public-zh{SUFFIX[fmt]}", normalised(export_zh(fmt, audience="public")))


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_internal_report_of_a_chinese_article_matches_golden(export_zh, fmt):
    _golden(f"internal-zh{SUFFIX[fmt]}", normalised(export_zh(fmt, audience="internal")))


def _visible_text(fmt: str, report: str) -> str:
    """What a reader of the report sees: the text of a page, the values of data."""
    if fmt == "html":
        return "\n".join(Page(re.sub(r"<style>.*?</style>", "", report, flags=re.S)).text)
    if fmt in ("json", "claimreview"):
        return json.dumps(json.loads(report), ensure_ascii=False)
    return report


@pytest.mark.parametrize("fmt", PUBLIC)
@pytest.mark.parametrize("corpus", ["export", "export_zh"])
def test_no_public_output_holds_a_path_offset_score_state_or_login(request, fmt, corpus):
    report = request.getfixturevalue(corpus)(fmt, audience="public")
    shown = _visible_text(fmt, report)
    for internal in ("articles/", "evidence/", ".txt", ".md", "characters", "score", "0.62",
                     "suggested", "confirmed", "rejected", "unreviewed", "in_progress", "link "):
        assert internal not in shown.replace("Markdown", ""), internal
    for login in LOGINS:
        assert not re.search(rf"(?<![\w@]){re.escape(login)}(?!\w)", shown), login
    if fmt == "json":
        for claim in json.loads(report)["claims"]:
            assert not {"start", "end", "score", "document", "links", "history", "label"} & claim.keys()
            assert claim["reviewer"] is None


def test_public_reports_show_only_judged_claims(export, find_claim):
    claims = json.loads(export("json", audience="public"))["claims"]
    assert sorted(c["id"] for c in claims) == sorted(
        find_claim(f) for f in ("revenue rose", "$51 million", "=HYPERLINK", "3x")
    )
    assert {c["status"]: c["rating"] for c in claims} == {
        "supported": "True", "misleading": "Misleading", "refuted": "False", "unverifiable": "Unproven"}


def test_credit_names_the_reviewers(export):
    report = json.loads(export("json", audience="public", credit=True))
    assert {c["reviewer"] for c in report["claims"]} == {"ann", "ben", "@ann"}
    page = "".join(Page(export("html", audience="public", credit=True)).text)
    assert "Reviewed 4 June 2024 by ben" in page


def test_the_explanation_is_the_verdicts_note_and_the_notes_since(export, find_claim):
    claims = {c["id"]: c for c in json.loads(export("json", audience="public"))["claims"]}
    assert claims[find_claim("3x")]["explanation"] == [
        "No filing | only a `press` release", "Asked the company for figures."]
    # only what the reviewer confirmed is a source
    assert [s["title"] for s in claims[find_claim("revenue rose")]["sources"]] == ["Annual filing 2023"]
    assert claims[find_claim("$51 million")]["sources"] == []


def test_dates_and_language_follow_the_report(export, export_zh):
    english, chinese = export("html", audience="public"), export_zh("html", audience="public")
    assert '<html lang="en">' in english and '<html lang="zh">' in chinese
    assert '<time datetime="2024-05-20">20 May 2024</time>' in english
    assert '<time datetime="2024-05-19">2024年5月19日</time>' in chinese
    assert "2024-05-19T" not in chinese and "Z</" not in chinese  # no raw ISO times
    # the English source quoted in the Chinese report carries its own language
    assert '<blockquote lang="en">GPT-4o can respond' in chinese
    assert re.search(r'<h2 lang="zh">据彭博社报道', chinese)
    # the language can be asked for, whatever the articles are written in
    assert '<html lang="zh">' in export("html", audience="public", language="zh")
    assert "核查于2024年6月1日" in export("md", audience="public", language="zh")


def test_claim_authors_and_masthead(export_zh):
    reviews = json.loads(export_zh("claimreview"))
    authors = [r["itemReviewed"].get("author") for r in reviews]
    assert {"@type": "Person", "name": "奥尔特曼"} in authors
    assert {"@type": "Organization", "name": "彭博社"} in authors
    page = export_zh("html", audience="public")
    masthead = page.split("</header>")[0]
    assert "<h1 lang=\"zh\">事实核查：OpenAI估值再创新高" in masthead
    assert "Example Checks" in masthead and "2024年6月10日" in masthead
    assert 'href="https://news.example.cn/2024/05/openai-valuation"' in masthead


def test_public_csv_neutralises_formulas_and_keeps_its_columns(export):
    rows = list(csv.reader(io.StringIO(export("csv", audience="public")[1:])))
    assert all(len(row) == len(rows[0]) for row in rows) and len(rows) == 5
    cells = [value for row in rows for value in row]
    assert not [value for value in cells if value.startswith(("=", "@"))]
    assert "'=HYPERLINK(\"http://evil.example\",\"note\")" in cells


@pytest.fixture
def hostile_engine(engine, tmp_path):
    """An article whose title is 10,000 characters of markup and whose verdict's note has
    markup, line breaks and control characters."""
    from sqlmodel import Session, select

    from factcheck.services.ingest import ingest_paths
    from factcheck.services.review import record_verdict
    from factcheck.store.models import Claim

    title = "<script>document.title='owned'</script>" + "Ｗ" * 20 + "long " * 1990
    article = tmp_path / "hostile.md"
    article.write_text(f"# {title}\n\nSource: https://news.example.com/a\n\nRevenue rose 50% to $2 billion.\n",
                       encoding="utf-8")
    ingest_paths(engine, [article], role="article")
    with Session(engine) as session:
        (claim,) = session.exec(select(Claim.id)).all()
    note = "<img src=x onerror=alert(1)>\nsecond line\x1b[31m red\u202e" + "x" * 10_000
    record_verdict(engine, claim, "refuted", note=note, reviewer="ann")
    return engine


def test_a_hostile_title_and_note_stay_escaped_and_bounded(hostile_engine):
    from report_corpus import exporter

    run = exporter(hostile_engine)
    page = run("html", audience="public")
    assert_inert(Page(page))
    assert "<script>" not in page and "&lt;script&gt;" in page
    title = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]
    assert len(title) < 400 and title.endswith("…")  # a title is clipped, on one line
    assert "<p lang=\"en\">&lt;img src=x onerror=alert(1)&gt;</p>\n<p lang=\"en\">second line" in page
    markdown = run("md", audience="public")
    assert "\x1b" not in markdown and "\\x1b" in markdown and "\\u202e" in markdown
    assert "\\<img src=x onerror=alert(1)\\>" in markdown
    table = run("csv", audience="public")
    assert "\x1b" not in table and "\\x1b[31m" in table
    data = json.loads(run("json", audience="public"))
    assert data["claims"][0]["explanation"][0].startswith("<img src=x onerror=alert(1)>\nsecond line\x1b")


def test_a_report_without_judged_claims_says_so(export, export_zh):
    from factcheck.store.filters import ClaimFilter

    later = ClaimFilter(since="2030-01-01")
    page = export("html", audience="public", where=later, title="Checks <b>so far</b>")
    assert "<h1 lang=\"en\">Checks &lt;b&gt;so far&lt;/b&gt;</h1>" in page
    assert "No claim in this report has a verdict yet." in page and "0 claims checked" in page
    assert "本报告中的说法尚无核查结论。" in export_zh("md", audience="public", where=later)
    assert export("claimreview", where=later) == "[]\n"


def test_report_words_cover_every_verdict_and_relation():
    from factcheck.report.wording import VERDICTS, WORDS
    from factcheck.store.models import RELATIONS

    for words in WORDS.values():
        assert set(words.verdicts) == set(VERDICTS)
        assert set(words.relations) == set(RELATIONS)
