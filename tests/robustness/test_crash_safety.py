"""`ingest`, `link` and `export` killed with SIGKILL at random moments (52 trials in all).

After each kill the database opens, SQLite's integrity check passes, every document is
entirely in (its claims count equals a clean ingest's) or entirely out, a link run is
entirely applied or not at all, an export file is complete or absent, and running the
command again completes. The command runs in a forked child of this process, so a trial
costs the command's own time, not an interpreter start.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import delete, func, make_url, select
from sqlmodel import Session, SQLModel

import factcheck.cli
import factcheck.report.json_report  # noqa: F401  (imported before forking, not in each child)
import factcheck.services.ingest
import factcheck.services.linking
from factcheck.services.ingest import ingest_paths
from factcheck.store.db import make_engine
from factcheck.store.models import Claim, Document, Link, Quantity

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL"),
]

DEMO = Path(__file__).resolve().parents[2] / "sources"
SEED = int(os.environ.get("FACTCHECK_CRASH_SEED", "20261125"))
CHILD_TIMEOUT = 60.0


def _start(cwd: Path, db_url: str, *args: str) -> int:
    """factcheck's main() in a forked child, its output thrown away."""
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        os.chdir(cwd)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        sys.argv = ["factcheck", "--db", db_url, *args]
        factcheck.cli.main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    finally:
        os._exit(code)


def _wait(pid: int) -> int:
    deadline = time.monotonic() + CHILD_TIMEOUT
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.005)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError("the command did not finish in time")


def _run(cwd: Path, db_url: str, *args: str) -> float:
    """Run to completion; returns how long it took."""
    started = time.monotonic()
    status = _wait(_start(cwd, db_url, *args))
    assert os.waitstatus_to_exitcode(status) == 0, args
    return time.monotonic() - started


def _horizon(cwd: Path, db_url: str, reset, *args: str) -> float:
    """Most of the shortest of two clean runs: kills then land while the command works."""
    durations = []
    for _ in range(2):
        reset()
        durations.append(_run(cwd, db_url, *args))
    return 0.9 * min(durations)


def _kill_at_random(cwd: Path, db_url: str, horizon: float, chance: random.Random, *args: str) -> bool:
    """Start the command, SIGKILL it after a random delay; True when the kill cut it short."""
    pid = _start(cwd, db_url, *args)
    time.sleep(chance.uniform(0, horizon))
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    return os.WIFSIGNALED(_wait(pid))


def _check_database(db_url: str) -> None:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(url.database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    make_engine(db_url).dispose()  # opens, schema current


def _clear(engine) -> None:
    with Session(engine) as session:
        for table in reversed(SQLModel.metadata.sorted_tables):
            session.execute(delete(table))
        session.commit()
    engine.dispose()  # no connection of ours is inherited by the next child


def _articles(folder: Path, count: int) -> Path:
    """`count` different articles (distinct bytes) of the demo's size."""
    folder.mkdir()
    text = next((DEMO / "articles").iterdir()).read_text(encoding="utf-8")
    for n in range(count):
        (folder / f"article-{n}.txt").write_text(f"{text}\n第{n}号稿件。\n", encoding="utf-8")
    return folder


def _claims_per_document(engine) -> dict[str, tuple[int, int]]:
    with Session(engine) as session:
        rows = session.execute(
            select(Document.sha256, func.count(func.distinct(Claim.id)), func.count(Quantity.id))
            .join(Claim, Claim.document_id == Document.id, isouter=True)
            .join(Quantity, Quantity.claim_id == Claim.id, isouter=True)
            .group_by(Document.sha256)
        )
        return {sha: (claims, quantities) for sha, claims, quantities in rows}


def test_ingest_killed_leaves_each_document_whole(engine, db_url: str, tmp_path: Path):
    chance = random.Random(SEED)
    folder = _articles(tmp_path / "articles", 6)
    horizon = _horizon(tmp_path, db_url, lambda: _clear(engine), "ingest", str(folder))
    clean = _claims_per_document(engine)
    assert len(clean) == 6 and all(claims > 0 for claims, _ in clean.values())
    cut_short = 0
    for _trial in range(24):
        _clear(engine)
        cut_short += _kill_at_random(tmp_path, db_url, horizon, chance, "ingest", str(folder))
        _check_database(db_url)
        stored = _claims_per_document(engine)
        assert all(stored[sha] == clean[sha] for sha in stored), "a document is in by halves"
        engine.dispose()
        _run(tmp_path, db_url, "ingest", str(folder))
        assert _claims_per_document(engine) == clean
    assert cut_short >= 8, f"only {cut_short} of 24 kills interrupted the command"


def _suggested(engine) -> int:
    with Session(engine) as session:
        return session.execute(
            select(func.count()).select_from(Link).where(Link.state == "suggested")
        ).scalar_one()


def _clear_links(engine) -> None:
    with Session(engine) as session:
        session.execute(delete(Link))
        session.commit()
    engine.dispose()


def test_link_killed_applies_all_or_nothing(engine, db_url: str, tmp_path: Path):
    chance = random.Random(SEED + 1)
    ingest_paths(engine, [_articles(tmp_path / "articles", 4)])
    ingest_paths(engine, [DEMO / "evidence"], role="source")
    horizon = _horizon(tmp_path, db_url, lambda: _clear_links(engine), "link")
    full = _suggested(engine)
    assert full > 0
    cut_short = 0
    for _trial in range(14):
        _clear_links(engine)
        cut_short += _kill_at_random(tmp_path, db_url, horizon, chance, "link")
        _check_database(db_url)
        assert _suggested(engine) in (0, full)
        engine.dispose()
        _run(tmp_path, db_url, "link")
        assert _suggested(engine) == full
    assert cut_short >= 4, f"only {cut_short} of 14 kills interrupted the command"


def test_export_killed_leaves_no_half_report(engine, db_url: str, tmp_path: Path):
    chance = random.Random(SEED + 2)
    ingest_paths(engine, [_articles(tmp_path / "articles", 6)])
    with Session(engine) as session:
        total = session.execute(select(func.count()).select_from(Claim)).scalar_one()
    report = tmp_path / "report.json"
    horizon = _horizon(
        tmp_path, db_url, engine.dispose, "export", "--format", "json", "-o", str(report)
    )
    cut_short = 0
    for _trial in range(14):
        report.unlink(missing_ok=True)
        cut_short += _kill_at_random(
            tmp_path, db_url, horizon, chance, "export", "--format", "json", "-o", str(report)
        )
        _check_database(db_url)
        if report.exists():
            assert len(json.loads(report.read_text(encoding="utf-8"))["claims"]) == total
        _run(tmp_path, db_url, "export", "--format", "json", "-o", str(report))
        assert len(json.loads(report.read_text(encoding="utf-8"))["claims"]) == total
    assert cut_short >= 4, f"only {cut_short} of 14 kills interrupted the command"
