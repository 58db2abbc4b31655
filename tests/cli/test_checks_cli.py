"""`factcheck checks [--json] [--result R] [--kind K] [--document D] [--recompute]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import ARTICLE, run


@pytest.fixture
def workdir(tmp_path: Path, demo_copy: Path) -> Path:
    return tmp_path


def test_checks_lists_the_demo_findings_with_their_arithmetic(workdir: Path, db_url: str):
    assert run(workdir, "ingest", ARTICLE, db=db_url).returncode == 0
    listed = run(workdir, "checks", db=db_url)
    assert listed.returncode == 0, listed.stderr
    assert "implies 7.10 CNY/USD; ECB reference on 2024-05-17: 7.23; 1.8% apart: consistent" in listed.stdout
    assert "unchecked (ambiguous: 两倍" in listed.stdout
    assert listed.stdout.splitlines()[-1] == "2 consistent, 0 inconsistent, 1 unchecked"


def test_checks_json_has_a_stable_shape(workdir: Path, db_url: str):
    run(workdir, "ingest", ARTICLE, db=db_url)
    shown = run(workdir, "checks", "--json", "--kind", "conversion", db=db_url)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert set(data) == {"generated_at", "counts", "findings"}
    assert data["counts"] == {"consistent": 2, "inconsistent": 0, "unchecked": 0}
    first = data["findings"][0]
    assert set(first) == {
        "id", "document", "kind", "result", "arithmetic", "reason", "start", "end", "claims", "quantities", "figures",
    }
    assert first["figures"]["rate_date"] == "2024-05-17" and first["figures"]["pair"] == "CNY/USD"
    assert [q["role"] for q in first["quantities"]] == ["amount", "converted"]


def test_recompute_and_filters(workdir: Path, db_url: str):
    run(workdir, "ingest", ARTICLE, db=db_url)
    again = run(workdir, "checks", "--recompute", "--result", "unchecked", "--document", "tmtpost-openai-2024-05.txt", db=db_url)
    assert again.returncode == 0, again.stderr
    assert "1 article checked: 3 findings, 0 inconsistent" in again.stderr
    assert again.stdout.count("\n#") + again.stdout.startswith("#") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--result", "wrong"], "unknown check result 'wrong'"),
        (["--kind", "nope"], "unknown check kind 'nope'"),
        (["--document", "missing.txt"], "no document matches 'missing.txt'"),
    ],
)
def test_bad_input_is_one_line(workdir: Path, db_url: str, args: list[str], message: str):
    result = run(workdir, "checks", *args, db=db_url)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_the_demo_report_shows_its_conversion_finding(workdir: Path, db_url: str):
    run(workdir, "ingest", ARTICLE, db=db_url)
    sentence = "1000亿美金 → 人民币7100亿元 implies 7.10 CNY/USD; ECB reference on 2024-05-17: 7.23; 1.8% apart: consistent"
    for fmt in ("md", "html", "csv"):
        exported = run(workdir, "export", "--format", fmt, "--audience", "internal", db=db_url)
        assert exported.returncode == 0, exported.stderr
        assert f"consistent · conversion — {sentence}" in exported.stdout, fmt
    report = json.loads(run(workdir, "export", "--format", "json", db=db_url).stdout)
    (claim,) = [c for c in report["claims"] if "7100亿元" in c["text"]]
    assert [(f["kind"], f["result"]) for f in claim["findings"]] == [("conversion", "consistent")]
