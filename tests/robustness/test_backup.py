"""`factcheck backup` and `factcheck restore`: a round trip gives back every row, a restore
refuses to overwrite data unless told, and a damaged backup changes nothing."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from harness import assert_claim_index_in_step, one_line_error, row_counts
from sqlmodel import Session, select

from factcheck.errors import UserError
from factcheck.report.json_report import write_json
from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import link_all
from factcheck.services.review import add_note, record_verdict
from factcheck.store.backup import backup, restore
from factcheck.store.db import make_engine
from factcheck.store.models import Claim, ReviewEvent
from factcheck.store.queries import ClaimFilter, count_claims

DEMO = Path(__file__).resolve().parents[2] / "sources"


def _fill(engine) -> None:
    ingest_paths(engine, [DEMO / "articles"])
    ingest_paths(engine, [DEMO / "evidence"], role="source")
    link_all(engine)
    record_verdict(engine, 1, "refuted", reviewer="ann", note="another figure")
    add_note(engine, 2, "ask the desk", reviewer="bo")


def _report(engine) -> list[dict]:
    out = io.StringIO()
    write_json(engine, out)
    return json.loads(out.getvalue())["claims"]


def test_portable_dump_round_trip_and_replace(engine, tmp_path: Path):
    _fill(engine)
    original, counts = _report(engine), row_counts(engine)
    dump = tmp_path / "claims.jsonl"
    assert backup(engine, dump).rows == sum(counts.values())
    # onto an empty SQLite database: the portable way from a shared server to a laptop
    laptop = make_engine(f"sqlite:///{tmp_path / 'laptop.db'}")
    restore(laptop, dump)
    assert _report(laptop) == original
    laptop.dispose()
    # back onto the database itself, undoing a later verdict
    record_verdict(engine, 3, "supported", reviewer="cy")
    with pytest.raises(UserError, match="not empty"):
        restore(engine, dump)
    restore(engine, dump, replace=True)
    assert _report(engine) == original
    # ids continue after the restored ones (PostgreSQL's counters were moved on)
    record_verdict(engine, 3, "supported", reviewer="cy")
    with Session(engine) as session:
        assert len(session.exec(select(ReviewEvent)).all()) == counts["reviewevent"] + 1


def _found_by_words(engine, words: list[str]) -> dict[str, int]:
    with Session(engine) as session:
        return {w: count_claims(session, ClaimFilter(text=w)) for w in words}


def test_restored_claims_are_found_by_their_words(engine, tmp_path: Path):
    """The text index is no table of the backup: a restore rebuilds it through its triggers
    (dump) or brings it along with the pages (SQLite file)."""
    _fill(engine)
    with Session(engine) as session:
        words = [claim.text[2:8] for claim in session.exec(select(Claim)).all()[:30]] + ["232毫秒", "OpenAI"]
    expected = _found_by_words(engine, words)
    assert all(expected.values())
    dump = tmp_path / "claims.jsonl"
    backup(engine, dump)
    restore(engine, dump, replace=True)  # every row deleted, then inserted again
    assert _found_by_words(engine, words) == expected
    assert_claim_index_in_step(engine)
    laptop = make_engine(f"sqlite:///{tmp_path / 'laptop.db'}")
    restore(laptop, dump)
    assert _found_by_words(laptop, words) == expected
    assert_claim_index_in_step(laptop)
    copy = tmp_path / "claims.bak"
    backup(laptop, copy)
    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    restore(fresh, copy)
    assert _found_by_words(fresh, words) == expected
    assert_claim_index_in_step(fresh)
    laptop.dispose()
    fresh.dispose()


def test_a_damaged_dump_changes_nothing(engine, tmp_path: Path):
    _fill(engine)
    dump = tmp_path / "claims.jsonl"
    backup(engine, dump)
    lines = dump.read_text(encoding="utf-8").splitlines()
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("\n".join(lines[:-3] + ['{"table": "claim", "row": '] + lines[-3:]) + "\n", encoding="utf-8")
    record_verdict(engine, 3, "supported", reviewer="cy")
    before = _report(engine)
    with pytest.raises(UserError, match="damaged"):
        restore(engine, damaged, replace=True)
    assert _report(engine) == before


def _set(column: str, value):
    return lambda row: row.__setitem__(column, value)


@pytest.mark.parametrize("table, change, said", [
    ("claim", _set("checkworthiness", "high"), "claim.checkworthiness is str, not float"),
    ("claim", _set("status", "wrong"), "claim.status is 'wrong', not one of unreviewed"),
    ("claim", _set("colour", "red"), "claim has no column 'colour'"),
    ("claim", lambda row: row.pop("text"), "claim.text is missing"),
    ("claim", _set("version", True), "claim.version is bool, not int"),
    ("claim", _set("start", 2**70), "claim.start is out of range"),
    ("claim", _set("label", None), "claim.label is empty"),
    ("link", _set("relation", "proves"), "link.relation is 'proves'"),
    ("link", _set("score", float("nan")), "link.score is out of range"),
    ("passage", _set("retired", "no"), "passage.retired is str, not bool"),
    ("document", _set("role", "notes"), "document.role is 'notes'"),
])
def test_a_dump_row_of_the_wrong_shape_is_refused_and_changes_nothing(engine, tmp_path: Path, table, change, said):
    """A dump edited by hand or by another program: each row must be what its table holds.
    Before, a wrong type ended in a traceback and a wrong word went in as it was."""
    _fill(engine)
    dump = tmp_path / "claims.jsonl"
    backup(engine, dump)
    lines = dump.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if json.loads(line).get("table") == table)
    entry = json.loads(lines[at])
    change(entry["row"])
    lines[at] = json.dumps(entry)
    damaged = tmp_path / "edited.jsonl"
    damaged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _report(engine)
    with pytest.raises(UserError, match=f"line {at + 1} is damaged \\({re.escape(said)}"):
        restore(engine, damaged, replace=True)
    assert _report(engine) == before


def test_a_dump_from_a_newer_schema_is_refused(engine, tmp_path: Path):
    dump = tmp_path / "future.jsonl"
    dump.write_text(json.dumps({"format": "factcheck-dump", "version": 1, "schema": "9999_future"}) + "\n")
    with pytest.raises(UserError, match="newer"):
        restore(engine, dump)
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello\n")
    with pytest.raises(UserError, match="not a factcheck backup"):
        restore(engine, not_a_backup)


@pytest.mark.sqlite_only(reason="SQLite's online backup API")
def test_sqlite_backup_is_a_consistent_file_while_a_reader_is_open(engine, tmp_path: Path):
    _fill(engine)
    copy = tmp_path / "backup.db"
    with Session(engine) as reading:
        reading.exec(select(Claim)).first()  # a read transaction stays open meanwhile
        backup(engine, copy)
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    original = _report(engine)
    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    restore(fresh, copy)
    assert _report(fresh) == original
    fresh.dispose()


def test_command_line_backup_and_restore(engine, cli, tmp_path: Path):
    _fill(engine)
    name = "claims.jsonl" if engine.dialect.name != "sqlite" else "claims.bak"
    result = cli("backup", name)
    assert result.returncode == 0, result.stderr
    assert "backed up" in result.stderr
    line = one_line_error(cli("restore", name))
    assert "not empty" in line and "--replace" in line
    result = cli("restore", "--replace", name)
    assert result.returncode == 0, result.stderr
    assert "missing.bak" in one_line_error(cli("restore", "missing.bak"))


def test_a_sqlite_backup_whose_name_has_uri_characters_restores(tmp_path: Path):
    """The backup is opened read-only through a file: URI; '#', '?' and '%' in its name are
    part of the name, not of the URI."""
    source = make_engine(f"sqlite:///{tmp_path / 'claims.db'}")
    _fill(source)
    original = _report(source)
    copy = tmp_path / "claims #2 at 100%?.db"
    backup(source, copy)
    source.dispose()
    laptop = make_engine(f"sqlite:///{tmp_path / 'laptop.db'}")
    restore(laptop, copy)
    assert _report(laptop) == original
    laptop.dispose()
