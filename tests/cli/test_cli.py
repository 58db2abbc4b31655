"""The command line as the README documents it, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "sources/articles/tmtpost-openai-2024-05.txt"


def run(cwd: Path, *args: str, db: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("FACTCHECK_DB", None)
    command = [sys.executable, "-m", "factcheck"]
    if db:
        command += ["--db", db]
    return subprocess.run(command + list(args), cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def workdir(tmp_path: Path, demo_copy: Path) -> Path:
    return tmp_path


def export_json(workdir: Path, db: str, *args: str) -> dict:
    result = run(workdir, "export", "--format", "json", *args, db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_ingest_twice_adds_nothing_and_json_has_every_field(workdir: Path, db_url: str):
    first = run(workdir, "ingest", ARTICLE, db=db_url)
    assert first.returncode == 0, first.stderr
    before = export_json(workdir, db_url)
    second = run(workdir, "ingest", ARTICLE, db=db_url)
    assert second.returncode == 0
    assert "0 added" in second.stderr and "1 unchanged" in second.stderr
    assert f"1 added ({len(before['claims'])} claims)" in first.stderr
    after = export_json(workdir, db_url)
    assert len(after["claims"]) == len(before["claims"]) > 0
    assert "generated_at" in after
    for claim in after["claims"]:
        assert {"id", "document", "text", "start", "end", "label", "checkworthiness", "status",
                "quantities", "links", "history"} <= claim.keys()
        for quantity in claim["quantities"]:
            assert {"text", "start", "end", "kind", "value", "unit", "display"} <= quantity.keys()


def test_demo_claims_state_the_headline_numbers(workdir: Path, db_url: str):
    assert run(workdir, "ingest", ARTICLE, db=db_url).returncode == 0
    claims = export_json(workdir, db_url)["claims"]
    displays = {q["display"] for c in claims for q in c["quantities"]}
    assert {"$100B", "$51M", "232 ms"} <= displays
    money = {q["text"]: q for c in claims for q in c["quantities"] if q["kind"] == "money"}
    assert money["1000亿美金"]["value"] == 1e11 and money["1000亿美金"]["unit"] == "USD"
    duration = next(q for c in claims for q in c["quantities"] if q["text"] == "232毫秒")
    assert duration["value"] == pytest.approx(0.232) and duration["unit"] == "s"


def test_quantity_offsets_point_into_the_stored_text(workdir: Path, db_url: str):
    assert run(workdir, "ingest", ARTICLE, db=db_url).returncode == 0
    text = (workdir / ARTICLE).read_text(encoding="utf-8")
    for claim in export_json(workdir, db_url)["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
        for quantity in claim["quantities"]:
            assert text[quantity["start"]:quantity["end"]] == quantity["text"]


def test_review_records_status_and_history(workdir: Path, db_url: str):
    assert run(workdir, "ingest", ARTICLE, db=db_url).returncode == 0
    claim_id = export_json(workdir, db_url)["claims"][0]["id"]
    result = run(workdir, "review", str(claim_id), "refuted", "--note", "source says otherwise",
                 "--reviewer", "ann", db=db_url)
    assert result.returncode == 0, result.stderr
    claim = next(c for c in export_json(workdir, db_url)["claims"] if c["id"] == claim_id)
    assert claim["status"] == "refuted"
    (entry,) = claim["history"]
    assert entry["reviewer"] == "ann" and entry["from"] == "unreviewed" and entry["to"] == "refuted"
    assert entry["note"] == "source says otherwise" and entry["at"]
    listed = json.loads(run(workdir, "claims", "--status", "refuted", "--json", db=db_url).stdout)
    assert [c["id"] for c in listed["claims"]] == [claim_id]


def test_sources_add_suggests_links(workdir: Path, db_url: str):
    assert run(workdir, "ingest", ARTICLE, db=db_url).returncode == 0
    result = run(workdir, "sources", "add", "sources/evidence", db=db_url)
    assert result.returncode == 0, result.stderr
    claims = export_json(workdir, db_url)["claims"]
    linked = [c for c in claims if c["links"]]
    assert linked
    for link in linked[0]["links"]:
        assert {"source", "passage", "score", "relation", "state"} <= link.keys()
        assert link["source"].startswith("sources/evidence/")


def test_export_markdown_to_file(workdir: Path, db_url: str):
    assert run(workdir, "ingest", ARTICLE, db=db_url).returncode == 0
    result = run(workdir, "export", "--format", "md", "-o", "report.md", db=db_url)
    assert result.returncode == 0, result.stderr
    assert (workdir / "report.md").read_text(encoding="utf-8").startswith("# Verification report")


def _assert_user_error(result: subprocess.CompletedProcess, fragment: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr


def _claim_count(workdir: Path, db_url: str) -> int:
    return len(export_json(workdir, db_url)["claims"])


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _write(d / "empty-folder" / "picture.png", b"\x89PNG\r\n\x1a\n\x00\x00").parent, "no readable documents"),
        (lambda d: _write(d / "binary.txt", bytes(range(256)) * 4), "binary"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(workdir: Path, db_url: str, make, fragment):
    assert run(workdir, "ingest", ARTICLE, db=db_url).returncode == 0
    before = _claim_count(workdir, db_url)
    _assert_user_error(run(workdir, "ingest", str(make(workdir)), db=db_url), fragment)
    assert _claim_count(workdir, db_url) == before


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_unknown_status_and_claim_id(workdir: Path, db_url: str):
    assert run(workdir, "ingest", ARTICLE, db=db_url).returncode == 0
    _assert_user_error(run(workdir, "review", "1", "bogus", db=db_url), "unknown status")
    _assert_user_error(run(workdir, "review", "99999", "refuted", db=db_url), "no claim with id 99999")
    assert all(c["status"] == "unreviewed" for c in export_json(workdir, db_url)["claims"])


def test_unopenable_database(workdir: Path):
    _assert_user_error(run(workdir, "claims", db=str(workdir / "no" / "such" / "dir" / "x.db")), "cannot open database")
    _write(workdir / "garbage.db", b"this is not a database" * 100)
    _assert_user_error(run(workdir, "claims", db=str(workdir / "garbage.db")), "cannot open database")
    _assert_user_error(run(workdir, "claims", db="postgresql+psycopg://nobody@127.0.0.1:1/none"), "cannot open database")


@pytest.mark.sqlite_only(reason="a database that is a file")
@pytest.mark.parametrize("name", ["claims?v2.db", "x%20y.db", "核查 #3.db"])
def test_a_database_path_is_the_file_named_whatever_it_holds(workdir: Path, name: str):
    """--db takes a path as well as a URL; in a URL '?' starts the options and '%' escapes,
    so claims?v2.db went to a file named 'claims' and x%20y.db to 'x y.db'."""
    before = set(os.listdir(workdir))
    assert run(workdir, "ingest", ARTICLE, db=name).returncode == 0
    assert set(os.listdir(workdir)) - before == {name}
    listed = run(workdir, "claims", db=name)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) > 10
