"""The workbench tests start from the demo: one article, its evidence and suggested links.
The demo is built once per run and copied for each test, so each test owns its database."""

from __future__ import annotations

import os
import shutil
from contextlib import suppress
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled

DEMO = Path(__file__).resolve().parents[2] / "sources"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    from factcheck.services.ingest import ingest_paths
    from factcheck.services.linking import link_all
    from factcheck.store.db import make_engine

    path = tmp_path_factory.mktemp("demo") / "claims.db"
    engine = make_engine(f"sqlite:///{path}")
    here = os.getcwd()
    os.chdir(DEMO.parent)  # paths stored as a reviewer types them, the same on every machine
    try:
        ingest_paths(engine, ["sources/articles"], role="article")
        ingest_paths(engine, ["sources/evidence"], role="source")
        link_all(engine)
    finally:
        os.chdir(here)
        engine.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path):
    """(url, engine) of a private copy of the demo database."""
    from factcheck.store.db import make_engine

    path = tmp_path / "claims.db"
    shutil.copy(demo_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    yield url, engine
    engine.dispose()


async def _wait_for_workers(app) -> None:
    """Wait until no worker runs. A worker cancelled because a newer one of its exclusive
    group replaced it (the detail of a claim the cursor has already left) is not an error;
    a worker that failed still raises."""
    while busy := [worker for worker in app.workers if not worker.is_finished]:
        for worker in busy:
            with suppress(WorkerCancelled):
                await worker.wait()


async def _settle(app, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await _wait_for_workers(app)
    await pilot.pause()


@pytest.fixture
def settle():
    """`await settle(app, pilot)`: let every worker finish and every message land."""
    return _settle


@pytest.fixture
def stay_put():
    """workbench.advance off: after a verdict the cursor stays on the claim judged (for the
    tests that judge one claim several times)."""
    from factcheck.services.settings import save_setting

    save_setting("workbench.advance", "false")
