"""Shared fixtures. Every test gets its own empty database: a temporary SQLite file, or,
when FACTCHECK_DB names a PostgreSQL server, a freshly created database there (dropped
after the test), so tests never see each other's rows."""

from __future__ import annotations

import importlib
import itertools
import os
import shutil
from pathlib import Path

import pytest

# factcheck run in a subprocess would load the sentence encoder (two seconds) for every
# command that links; those tests link by numbers, names and words unless they ask for the
# encoder (the `encoder_in_subprocesses` fixture). Tests in this process, fixtures of every
# scope included, use the real encoder, loaded once: the switch is read here as "on".
os.environ["FACTCHECK_ENCODER"] = "off"
_encoder_module = importlib.import_module("factcheck.text.encoder")
_encoder_module.switched_off = lambda: False

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sources"
SERVER_URL = os.environ.get("FACTCHECK_DB", "")
ON_POSTGRES = SERVER_URL.startswith("postgresql")
_numbers = itertools.count(1)


def pytest_report_header(config) -> str:
    return f"factcheck database: {'PostgreSQL ' + SERVER_URL.split('@')[-1] if ON_POSTGRES else 'SQLite'}"


def pytest_collection_modifyitems(config, items: list[pytest.Item]) -> None:
    if not ON_POSTGRES:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker:
            reason = marker.kwargs.get("reason", "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only{': ' + reason if reason else ''}"))


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test reads and writes a settings file of its own, never the user's (commands run
    as subprocesses inherit the variable)."""
    path = tmp_path_factory.mktemp("config") / "config.toml"
    monkeypatch.setenv("FACTCHECK_CONFIG", str(path))
    for variable in ("FACTCHECK_PUBLISHER", "FACTCHECK_PUBLISHER_URL", "FACTCHECK_REVIEWER"):
        monkeypatch.delenv(variable, raising=False)
    return path


@pytest.fixture(scope="session")
def postgres_admin():
    """An AUTOCOMMIT engine on the server named by FACTCHECK_DB, for CREATE/DROP DATABASE."""
    from sqlalchemy import create_engine

    engine = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT", pool_size=1)
    yield engine
    engine.dispose()


@pytest.fixture
def db_url(tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if not ON_POSTGRES:
        yield f"sqlite:///{tmp_path / 'claims.db'}"
        return
    from sqlalchemy import make_url

    admin = request.getfixturevalue("postgres_admin")
    name = f"factcheck_test_{os.getpid()}_{next(_numbers)}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    yield make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def engine(db_url: str):
    from factcheck.store.db import make_engine

    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A copy of the bundled demo corpus, so tests may edit it."""
    target = tmp_path / "sources"
    shutil.copytree(DEMO, target)
    return target


@pytest.fixture
def encoder_in_subprocesses(monkeypatch):
    monkeypatch.delenv("FACTCHECK_ENCODER")
