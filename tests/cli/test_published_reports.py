"""Where an article lives (ingest --url, a Source:/URL: header) and what the published report
makes of it; the settings the commands read (publisher, reviewer name) — run as a user runs
them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "Revenue rose 50% to $2 billion in 2023, the company said.\n"


def run(cwd: Path, db: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DB"} | env
    return subprocess.run([sys.executable, "-m", "factcheck", "--db", db, *args], cwd=cwd,
                          capture_output=True, text=True, env=environment, timeout=120)


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stderr
    return result


def one_line_error(result: subprocess.CompletedProcess, fragment: str) -> None:
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr


def claims(cwd: Path, db: str) -> list[dict]:
    return json.loads(ok(run(cwd, db, "export", "--format", "json")).stdout)["claims"]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "headed.md").write_text(
        "URL: https://news.example.com/headed\nPublished: 2024-05-20\n\nThe startup said it has 200 employees.\n",
        encoding="utf-8")
    return folder


def test_ingest_url_says_where_an_article_lives(tmp_path: Path, db_url: str, articles: Path):
    ok(run(tmp_path, db_url, "ingest", "articles/plain.txt", "--url", "https://news.example.com/plain"))
    ok(run(tmp_path, db_url, "ingest", "articles/headed.md"))
    found = {c["document"]: c for c in claims(tmp_path, db_url)}
    assert found["articles/plain.txt"]["document_url"] == "https://news.example.com/plain"
    headed = found["articles/headed.md"]
    assert headed["document_url"] == "https://news.example.com/headed"
    assert headed["document_title"] == "The startup said it has 200 employees."  # not the header
    # the same bytes again, with another address: nothing added, the address is the new one
    again = ok(run(tmp_path, db_url, "ingest", "articles/plain.txt", "--url", "https://news.example.com/moved"))
    assert "already stored; its address is now https://news.example.com/moved" in again.stderr
    found = {c["document"]: c for c in claims(tmp_path, db_url)}
    assert found["articles/plain.txt"]["document_url"] == "https://news.example.com/moved"
    assert len(found) == 2


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["articles", "--url", "https://news.example.com/x"], "--url names where one article lives"),
        (["articles/plain.txt", "articles/headed.md", "--url", "https://x.example"], "give one file"),
        (["articles/plain.txt", "--url", "javascript:alert(1)"], "expected an http:// or https:// address"),
        (["articles/plain.txt", "--url", "/home/me/plain.txt"], "expected an http:// or https:// address"),
    ],
)
def test_a_bad_url_is_one_line_and_stores_nothing(tmp_path: Path, db_url: str, articles: Path, args, fragment):
    one_line_error(run(tmp_path, db_url, "ingest", *args), fragment)
    assert claims(tmp_path, db_url) == []


def test_claimreview_from_the_settings_with_appearances_only_where_an_address_is_known(
    tmp_path: Path, db_url: str, articles: Path
):
    ok(run(tmp_path, db_url, "ingest", "articles"))
    for claim in claims(tmp_path, db_url):
        ok(run(tmp_path, db_url, "review", str(claim["id"]), "refuted", "--note", "Not so."))
    ok(run(tmp_path, db_url, "config", "set", "publisher.name", "Example Desk"))
    ok(run(tmp_path, db_url, "config", "set", "publisher.url", "https://desk.example.org/checks"))
    result = ok(run(tmp_path, db_url, "export", "--format", "claimreview", "-o", "reviews.jsonld"))
    assert result.stderr.splitlines()[-1].startswith("1 claim from articles without a web address")
    reviews = json.loads((tmp_path / "reviews.jsonld").read_text(encoding="utf-8"))
    appearances = [r["itemReviewed"].get("appearance") for r in reviews]
    assert [{"@type": "CreativeWork", "url": "https://news.example.com/headed", "headline":
             "The startup said it has 200 employees.", "datePublished": "2024-05-20"}] in appearances
    assert None in appearances and "plain.txt" not in json.dumps(reviews)
    assert {r["author"]["name"] for r in reviews} == {"Example Desk"}
    # an option still wins over the file; alone, the name is enough when the file has the URL
    named = ok(run(tmp_path, db_url, "export", "--format", "claimreview", "--publisher", "Other Desk"))
    assert {r["author"]["name"] for r in json.loads(named.stdout)} == {"Other Desk"}


def test_the_reviewer_name_setting_is_who_verdicts_are_recorded_under(tmp_path: Path, db_url: str, articles: Path):
    ok(run(tmp_path, db_url, "ingest", "articles/plain.txt"))
    ok(run(tmp_path, db_url, "config", "set", "reviewer.name", "Ann Lee"))
    (claim,) = claims(tmp_path, db_url)
    ok(run(tmp_path, db_url, "review", str(claim["id"]), "supported"))
    ok(run(tmp_path, db_url, "review", str(claim["id"]), "refuted", FACTCHECK_REVIEWER="Ben Wu"))
    (claim,) = claims(tmp_path, db_url)
    assert [event["reviewer"] for event in claim["history"]] == ["Ann Lee", "Ben Wu"]


def test_a_malformed_settings_file_is_one_line_naming_file_and_line(
    tmp_path: Path, db_url: str, articles: Path, own_settings: Path
):
    ok(run(tmp_path, db_url, "ingest", "articles/plain.txt"))
    own_settings.write_text('[publisher]\nname = "Desk"\nurl = \n', encoding="utf-8")
    for args in (["export", "--format", "claimreview"], ["export", "--format", "html"],
                 ["review", "1", "supported"]):
        result = run(tmp_path, db_url, *args)
        one_line_error(result, str(own_settings))
        assert "line 3" in result.stderr
