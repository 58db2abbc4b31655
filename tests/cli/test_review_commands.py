"""assign, sources list, claims as a table, several statuses, serve's refusals: run as a
user runs them, each bad input one line and nothing changed."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from test_cli import export_json, run


@pytest.fixture
def demo(tmp_path: Path, demo_copy: Path, db_url: str) -> tuple[Path, str]:
    for command in (["ingest", "articles"], ["sources", "add", "evidence"]):
        result = run(demo_copy, *command, db=db_url)
        assert result.returncode == 0, result.stderr
    return demo_copy, db_url


def one_line_error(result, fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and fragment in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_assign_unassign_and_the_history(demo):
    cwd, db = demo
    ids = [str(c["id"]) for c in export_json(cwd, db)["claims"][:2]]
    result = run(cwd, "assign", *ids, "--to", "ann", "--reviewer", "bob", db=db)
    assert result.returncode == 0 and "2 claims assigned to ann" in result.stderr
    claims = {str(c["id"]): c for c in export_json(cwd, db)["claims"]}
    assert [claims[i]["assignee"] for i in ids] == ["ann", "ann"]
    assert claims[ids[0]]["history"][-1] | {"at": None} == {
        "at": None, "reviewer": "bob", "field": "assignee", "from": None, "to": "ann", "note": None}
    assert run(cwd, "assign", ids[0], "--unassign", db=db).returncode == 0
    assert next(c for c in export_json(cwd, db)["claims"] if str(c["id"]) == ids[0])["assignee"] is None


@pytest.mark.parametrize("args, fragment", [
    (["999999", "--to", "ann"], "no claim with id 999999"),
    (["--to", ""], "name cannot be empty"),
    (["--to", "bo\x1bb"], "control characters: 'bo\\x1bb'"),
    ([], "say --to NAME or --unassign"),
])
def test_bad_assignments_are_one_line_and_change_nothing(demo, args, fragment):
    cwd, db = demo
    first = str(export_json(cwd, db)["claims"][0]["id"])
    before = export_json(cwd, db)["claims"]
    one_line_error(run(cwd, "assign", *([first] if args[:1] != ["999999"] else []), *args, db=db), fragment)
    assert export_json(cwd, db)["claims"] == before


def test_claims_prints_a_header_and_a_document_column_and_takes_several_statuses(demo):
    cwd, db = demo
    ids = [c["id"] for c in export_json(cwd, db)["claims"][:3]]
    run(cwd, "review", str(ids[0]), "refuted", db=db)
    run(cwd, "review", str(ids[1]), "misleading", db=db)
    run(cwd, "review", str(ids[2]), "supported", db=db)
    listed = run(cwd, "claims", "--status", "refuted,misleading", db=db)
    header, *rows = listed.stdout.splitlines()
    assert header.split() == ["id", "status", "assignee", "label", "values", "document", "claim"]
    assert sorted(int(r.split()[0]) for r in rows) == sorted(ids[:2])
    assert all("tmtpost-openai-2024-05.txt" in r for r in rows)
    as_json = json.loads(run(cwd, "claims", "--status", "refuted, misleading", "--json", db=db).stdout)
    assert sorted(c["id"] for c in as_json["claims"]) == sorted(ids[:2])
    exported = export_json(cwd, db, "--status", "misleading,supported")
    assert sorted(c["id"] for c in exported["claims"]) == sorted(ids[1:])
    one_line_error(run(cwd, "export", "--status", "refuted,,", db=db), "an empty status between commas")
    one_line_error(run(cwd, "claims", "--status", "refuted,nope", db=db), "unknown status 'nope'")


def test_claims_previously_checked(demo):
    cwd, db = demo
    (cwd / "repeat.txt").write_text("转载:据报道,OpenAI的估值已达1000亿美金(胡润研究院),仅次于字节跳动和SpaceX。\n",
                                    encoding="utf-8")
    valuation = next(c for c in export_json(cwd, db)["claims"] if "估值1000亿美金" in c["text"])
    run(cwd, "review", str(valuation["id"]), "refuted", "--reviewer", "bob", db=db)
    assert run(cwd, "ingest", "repeat.txt", db=db).returncode == 0
    listed = json.loads(run(cwd, "claims", "--previously-checked", "--json", db=db).stdout)["claims"]
    assert [c["text"][:3] for c in listed] == ["转载:"]
    table = run(cwd, "claims", "--previously-checked", db=db).stdout.splitlines()
    assert len(table) == 2 and "unreviewed ↺" in table[1] and "repeat.txt" in table[1]


def test_sources_list_text_and_json(demo):
    cwd, db = demo
    listed = json.loads(run(cwd, "sources", "list", "--json", db=db).stdout)
    assert {"id", "path", "title", "url", "published", "passages", "links"} == set(listed[0])
    assert len(listed) == len(list((cwd / "evidence").iterdir()))
    text = run(cwd, "sources", "list", db=db).stdout.splitlines()
    assert text[0].split() == ["id", "title", "url", "date", "passages", "links"]
    assert any("2024-05-13" in line and "https://" in line for line in text[1:])


def test_serve_on_a_busy_port_is_one_line(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(tmp_path, "serve", "--port", str(port), db=str(tmp_path / "c.db"))
    one_line_error(result, f"port {port} on 127.0.0.1 is already in use")
    assert not (tmp_path / "c.db").exists()  # refused before anything was opened


def test_serve_on_an_address_not_of_this_machine_is_refused(tmp_path: Path):
    result = run(tmp_path, "serve", "--host", "192.0.2.1", "--port", "8765", db=str(tmp_path / "c.db"))
    assert result.returncode == 2
    first, second = result.stderr.splitlines()
    assert "has no login of its own" in first and "cannot listen on 192.0.2.1" in second
