"""Schema migrations: a database made by the first schema version (tests/data/claims-v0001.db)
upgrades to the current one with nothing lost; a database newer than the program is
refused with a clear message and left untouched."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from harness import assert_claim_index_in_step, one_line_error
from sqlalchemy import MetaData, insert, select, text
from sqlalchemy import create_engine as plain_engine
from sqlmodel import Session

from factcheck.errors import UserError
from factcheck.services.review import record_verdict
from factcheck.store.db import _alembic_config, make_engine, schema_revision
from factcheck.store.models import Claim, Document
from factcheck.store.queries import ClaimFilter, count_claims

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "claims-v0001.db"
TABLES = ("document", "passage", "claim", "quantity", "link", "reviewevent", "alias")
COMPARED = {  # columns that must come through an upgrade unchanged
    "document": "id, path, sha256, text, role, published",
    "claim": "id, document_id, start, \"end\", text, label, status, version, checkworthiness",
    "quantity": "id, claim_id, passage_id, start, \"end\", text, kind, value, unit, display",
    "passage": "id, document_id, start, \"end\", text",
    "link": "id, claim_id, passage_id, score, relation, state, exact",
    "reviewevent": "id, claim_id, reviewer, field, old, new, note",
    "alias": "id, name, variant, origin",
}


def _rows(connection, table: str) -> list[tuple]:
    query = f"SELECT {COMPARED[table]} FROM {table} ORDER BY id"
    return [tuple(row) for row in connection.execute(text(query))]


def _fixture_rows() -> dict[str, list[tuple]]:
    fixture = plain_engine(f"sqlite:///file:{FIXTURE}?mode=ro&uri=true")
    with fixture.connect() as connection:
        rows = {table: _rows(connection, table) for table in TABLES}
    fixture.dispose()
    return rows


def _head(engine) -> str:
    return ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()


def _assert_nothing_lost(engine, before: dict[str, list[tuple]]) -> None:
    with engine.connect() as connection:
        assert schema_revision(connection) == _head(engine)
        for table in TABLES:
            assert _rows(connection, table) == before[table], table
    # and the upgraded database is in working order: a verdict joins the old history
    claim = record_verdict(engine, 1, "misleading", reviewer="cy", expected_version=2)
    assert claim.version == 3


def test_fixture_is_the_first_schema():
    with sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert connection.execute("SELECT count(*) FROM reviewevent").fetchone()[0] == 3


@pytest.mark.sqlite_only(reason="upgrades the SQLite file itself")
def test_a_first_version_claims_db_upgrades_with_nothing_lost(tmp_path: Path):
    before = _fixture_rows()
    copy = tmp_path / "claims.db"
    shutil.copy(FIXTURE, copy)
    engine = make_engine(f"sqlite:///{copy}")
    _assert_nothing_lost(engine, before)
    engine.dispose()


def test_first_version_rows_upgrade_on_this_database(db_url: str):
    """The same rows loaded into a schema at 0001 on the database under test (PostgreSQL in
    the second CI run), then upgraded by opening it."""
    before = _fixture_rows()
    engine = make_engine(db_url, migrate=False)
    with engine.begin() as connection:
        config = _alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    source = plain_engine(f"sqlite:///file:{FIXTURE}?mode=ro&uri=true")
    old = MetaData()
    with source.connect() as reading, engine.begin() as writing:
        old.reflect(reading, only=TABLES)
        target = MetaData()
        target.reflect(writing, only=TABLES)
        for table in old.sorted_tables:
            rows = [dict(row._mapping) for row in reading.execute(select(table))]
            writing.execute(insert(target.tables[table.name]), rows)
        if writing.dialect.name == "postgresql":
            for table in TABLES:
                writing.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table}"
                ))
    source.dispose()
    engine.dispose()
    upgraded = make_engine(db_url)
    _assert_nothing_lost(upgraded, before)
    upgraded.dispose()


def _pretend_newer(engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))


def test_a_database_newer_than_the_program_is_refused(engine, db_url: str):
    _pretend_newer(engine)
    engine.dispose()
    with pytest.raises(UserError, match="newer than this factcheck"):
        make_engine(db_url)
    with engine.connect() as connection:  # left as it was
        assert schema_revision(connection) == "9999_from_the_future"


def test_the_command_line_refuses_a_newer_database_in_one_line(engine, cli):
    _pretend_newer(engine)
    engine.dispose()
    line = one_line_error(cli("claims"))
    assert "9999_from_the_future" in line and "newer" in line


@pytest.mark.sqlite_only(reason="SQLite's foreign key pragma")
def test_foreign_keys_are_enforced_again_after_an_upgrade(tmp_path: Path):
    copy = tmp_path / "claims.db"
    shutil.copy(FIXTURE, copy)
    engine = make_engine(f"sqlite:///{copy}")  # upgrades on the connection it then pools
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    engine.dispose()


def test_head_revision_constant_matches_the_migrations():
    """db.HEAD_REVISION lets a start skip Alembic on a current database; it must name the
    newest migration, or a new migration would never run."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from factcheck.store import db

    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [db.HEAD_REVISION]


def _migrate(engine, step, revision: str) -> None:
    with engine.begin() as connection:
        config = _alembic_config(engine)
        config.attributes["connection"] = connection
        step(config, revision)


def _claim_rows(ids) -> list[dict]:
    return [{"id": i, "document_id": 1, "start": i, "end": i + 1, "text": f"第{i}条：OpenAI估值1000亿美金",
             "label": f"valuation {i}", "checkworthiness": 0.5, "status": "unreviewed", "version": 1,
             "created_by": "extractor"} for i in ids]


def _found(engine, words: str) -> int:
    with Session(engine) as session:
        return count_claims(session, ClaimFilter(text=words))


def _text_index_objects(engine) -> set[str]:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE name LIKE 'claim_fts%'"
        else:
            query = "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ix_claim_%_trgm'"
        return {row[0] for row in connection.execute(text(query))}


def test_the_claim_text_index_is_filled_on_upgrade_and_gone_on_downgrade(db_url: str):
    """Migration 0003 on a database at 0002 that already holds claims: the index covers them
    (and stays in step: SQLite checks its FTS5 table against the claim table); a downgrade
    takes it away and leaves the claims writable; upgrading again fills it anew."""
    engine = make_engine(db_url, migrate=False)
    _migrate(engine, command.upgrade, "0002")
    with engine.begin() as connection:
        connection.execute(insert(Document).values(
            id=1, path="a.txt", title="", role="article", language="zh", sha256="a", text="x" * 99))
        connection.execute(insert(Claim), _claim_rows(range(1, 51)))
    engine.dispose()

    engine = make_engine(db_url)
    assert _text_index_objects(engine)
    assert _found(engine, "估值1000亿") == 50
    assert _found(engine, "第7条") == 1
    assert _found(engine, "VALUATION 4") == 11
    assert_claim_index_in_step(engine)

    _migrate(engine, command.downgrade, "0002")
    assert not _text_index_objects(engine)
    with engine.begin() as connection:
        connection.execute(insert(Claim), _claim_rows(range(51, 53)))
    engine.dispose()

    engine = make_engine(db_url)
    assert _found(engine, "估值1000亿") == 52
    assert _found(engine, "第52条") == 1
    assert_claim_index_in_step(engine)
    engine.dispose()

