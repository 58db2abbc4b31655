"""What the robustness tests share: the command line run as a user runs it, row counts,
the shape of a user error."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select, text
from sqlmodel import Session

from factcheck.store.models import (
    Alias,
    Claim,
    Document,
    Finding,
    FindingClaim,
    Link,
    Passage,
    Quantity,
    ReviewEvent,
)


def run_cli(cwd: Path, db: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DB"}
    command = [sys.executable, "-m", "factcheck", "--db", db, *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout)


def row_counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            model.__tablename__: session.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Document, Claim, Quantity, Passage, Link, ReviewEvent, Alias, Finding, FindingClaim)
        }


def assert_claim_index_in_step(engine) -> None:
    """SQLite checks its FTS5 index of claims against the claim table ("malformed" if not);
    PostgreSQL's indexes cannot fall out of step."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.execute(text("INSERT INTO claim_fts(claim_fts, rank) VALUES ('integrity-check', 1)"))


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The run failed the way a user error must: non-zero, one line on stderr, no traceback."""
    assert result.returncode != 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


FAIL_MARK = "EXTRACTION FAILS HERE"


def extract_or_fail(task):
    """A worker's extraction that fails on a block carrying FAIL_MARK (importable by name,
    so a worker process can run it)."""
    from factcheck.text.extract.block_extraction import extract_block

    if FAIL_MARK in task.text:
        raise RuntimeError("extractor failed")
    return extract_block(task)


def extract_or_die(task):
    """A worker's extraction whose process ends abruptly on a block carrying FAIL_MARK, as
    when the system kills it for memory."""
    from factcheck.text.extract.block_extraction import extract_block

    if FAIL_MARK in task.text:
        os._exit(9)
    return extract_block(task)


class OverBudget(Exception):
    """The work used more CPU time than it was given."""


@contextmanager
def cpu_budget(seconds: float):
    """Stop the work with OverBudget once it has used `seconds` of this process's CPU time
    (SIGPROF): a time measured against the work's own size, not against a clock."""

    def stop(signum, frame):
        raise OverBudget

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
