"""Shared fixtures. Every test gets its own empty database: a temporary SQLite file, or,
when FACTCHECK_DB names a PostgreSQL server, a fresh schema-less database there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sources"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'claims.db'}"


@pytest.fixture
def engine(db_url: str):
    from factcheck.core.db import make_engine

    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A copy of the bundled demo corpus, so tests may edit it."""
    target = tmp_path / "sources"
    shutil.copytree(DEMO, target)
    return target
