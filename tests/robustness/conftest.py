"""Fixtures of the robustness tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import run_cli


@pytest.fixture
def cli(tmp_path: Path, db_url: str):
    """`cli("ingest", path)` runs factcheck in tmp_path against the test's database."""
    return lambda *args, timeout=120: run_cli(tmp_path, db_url, *args, timeout=timeout)
