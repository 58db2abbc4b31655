"""The report tests' databases (report_corpus.py), built once per run with the core
services, on SQLite or on the PostgreSQL server FACTCHECK_DB names; exporters over them."""

from __future__ import annotations

import os
from contextlib import contextmanager

import pytest
from report_corpus import build, build_chinese, claim_id, exporter


@pytest.fixture(scope="package")
def report_db(tmp_path_factory):
    """A SQLite file, or, when FACTCHECK_DB names a PostgreSQL server, a fresh database there
    (dropped afterwards): the reports must read the same from both."""
    yield from _database(tmp_path_factory, build)


@pytest.fixture(scope="package")
def report_db_zh(tmp_path_factory):
    """The same, of the Chinese corpus (chinese_corpus.py)."""
    yield from _database(tmp_path_factory, build_chinese)


def _database(tmp_path_factory, builder):
    from factcheck.store.db import make_engine

    folder = tmp_path_factory.mktemp("report")
    server = os.environ.get("FACTCHECK_DB", "")
    if not server.startswith("postgresql"):
        url = f"sqlite:///{folder / 'claims.db'}"
        engine = make_engine(url)
        builder(engine, folder)
        engine.dispose()
        yield url
        return
    with _postgres_database(server) as url:
        engine = make_engine(url)
        builder(engine, folder)
        engine.dispose()
        yield url


@contextmanager
def _postgres_database(server: str):
    import uuid

    from sqlalchemy import create_engine, make_url, text

    name = f"factcheck_report_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def report_engine(report_db: str):
    from factcheck.store.db import make_engine

    engine = make_engine(report_db)
    yield engine
    engine.dispose()


@pytest.fixture
def export(report_engine):
    """export(fmt, where=None, *, audience=None, workers=0, **request) -> the report as text,
    as the export service writes it; a public report gets PUBLISHER unless given others."""
    return exporter(report_engine)


@pytest.fixture
def export_zh(report_db_zh):
    """export(...) over the Chinese corpus."""
    from factcheck.store.db import make_engine

    engine = make_engine(report_db_zh)
    yield exporter(engine)
    engine.dispose()


@pytest.fixture
def find_claim(report_engine):
    return lambda fragment: claim_id(report_engine, fragment)
