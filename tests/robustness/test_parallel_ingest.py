"""Ingest with worker processes: the same rows as without, in the same order; a bad file
among good ones skipped as before; a failure in a worker, or Ctrl-C, leaves every
document entirely in or out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harness import FAIL_MARK
from sqlalchemy import delete
from sqlmodel import Session, SQLModel, select

from factcheck.errors import UserError
from factcheck.services import ingest
from factcheck.services.ingest import ingest_paths
from factcheck.store.models import Alias, Claim, Document, Passage, Quantity
from factcheck.text.extract import block_extraction

DEMO = Path(__file__).resolve().parents[2] / "sources"
ARTICLE = DEMO / "articles" / "tmtpost-openai-2024-05.txt"


def _articles(folder: Path, count: int, *, extra: dict[int, str] | None = None) -> Path:
    """`count` distinct articles of the demo's size (about 15 kB each)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = ARTICLE.read_text("utf-8")
    for n in range(count):
        tail = (extra or {}).get(n, "")
        (folder / f"article-{n:03d}.txt").write_text(f"{text}\n第{n}号稿件。{tail}\n", "utf-8")
    return folder


def _content(engine) -> list:
    """Every stored row that ingest writes, ids replaced by their rank, so two runs into
    one database (one after clearing it) compare equal when they wrote the same."""
    with Session(engine) as session:
        documents = session.exec(select(Document).order_by(Document.id)).all()
        claims = session.exec(select(Claim).order_by(Claim.id)).all()
        passages = session.exec(select(Passage).order_by(Passage.id)).all()
        quantities = session.exec(select(Quantity).order_by(Quantity.id)).all()
        aliases = session.exec(select(Alias.name, Alias.variant).order_by(Alias.id)).all()
    rank = {("d", d.id): n for n, d in enumerate(documents)}
    rank |= {("c", c.id): n for n, c in enumerate(claims)}
    rank |= {("p", p.id): n for n, p in enumerate(passages)}
    return [
        [(Path(d.path).name, d.sha256, d.text, d.title, d.language, d.published) for d in documents],
        [(rank["d", c.document_id], c.start, c.end, c.text, c.label, c.checkworthiness, c.status,
          c.created_by) for c in claims],
        [(rank["d", p.document_id], p.start, p.end, p.text) for p in passages],
        [(rank.get(("c", q.claim_id)), rank.get(("p", q.passage_id)), q.start, q.end, q.text,
          q.kind, q.value, q.high, q.iso, q.unit, q.display, q.qualifier) for q in quantities],
        list(aliases),
    ]


def _clear(engine) -> None:
    with Session(engine) as session:
        for table in reversed(SQLModel.metadata.sorted_tables):
            session.execute(delete(table))
        session.commit()


@pytest.fixture
def workers_always(monkeypatch):
    """Worker processes even for the small test corpora, and blocks small enough that a
    document is extracted in several."""
    monkeypatch.setattr(ingest, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(ingest, "BLOCK_CHARS", 4000)


def test_workers_store_the_same_rows_in_the_same_order(engine, tmp_path: Path, workers_always):
    articles = _articles(tmp_path / "articles", 5)
    (articles / "short.txt").write_text("OpenAI raised $10 billion in 2023.\n", "utf-8")
    results = []
    for jobs in (1, 2):
        _clear(engine)
        added = ingest_paths(engine, [articles], jobs=jobs)
        sources = ingest_paths(engine, [DEMO / "evidence"], role="source", jobs=jobs)
        results.append((added.claims, sources.passages, _content(engine)))
    assert results[0][0] > 0 and results[0][1] > 0
    assert results[1] == results[0]


def test_a_bad_file_among_good_ones_is_skipped_with_workers(engine, tmp_path: Path, workers_always):
    folder = _articles(tmp_path / "mixed", 3)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "empty.txt").write_bytes(b"")
    report = ingest_paths(engine, [folder], jobs=2)
    assert sorted(Path(p).name for p in report.added) == [f"article-{n:03d}.txt" for n in range(3)]
    reasons = {Path(path).name: why for path, why in report.skipped}
    assert set(reasons) == {"binary.txt", "empty.txt"}
    assert "binary" in reasons["binary.txt"] and "empty" in reasons["empty.txt"]
    again = ingest_paths(engine, [folder], jobs=2)
    assert not again.added and len(again.unchanged) == 3


def test_a_failure_in_a_worker_stops_the_run_with_whole_documents(engine, tmp_path: Path, workers_always, monkeypatch):
    import harness

    folder = _articles(tmp_path / "articles", 4, extra={2: FAIL_MARK})
    monkeypatch.setattr(block_extraction, "extract_block", harness.extract_or_fail)
    with pytest.raises(RuntimeError, match="extractor failed"):
        ingest_paths(engine, [folder], jobs=2)
    monkeypatch.undo()
    with Session(engine) as session:
        stored = {Path(p).name for p in session.exec(select(Document.path))}
    assert stored == {"article-000.txt", "article-001.txt"}  # the run stops at the failing one
    kept = _content(engine)[1]
    _clear(engine)
    ingest_paths(engine, [folder / "article-000.txt"])
    ingest_paths(engine, [folder / "article-001.txt"])
    assert kept == _content(engine)[1]  # the two stored documents are whole


def test_a_worker_killed_is_one_clear_error_with_whole_documents(engine, tmp_path: Path, workers_always, monkeypatch):
    import harness

    folder = _articles(tmp_path / "articles", 4, extra={2: FAIL_MARK})
    monkeypatch.setattr(block_extraction, "extract_block", harness.extract_or_die)
    with pytest.raises(UserError, match="extraction process stopped unexpectedly"):
        ingest_paths(engine, [folder], jobs=2)
    monkeypatch.undo()
    with Session(engine) as session:
        stored = sorted(Path(p).name for p in session.exec(select(Document.path)))
    assert "article-002.txt" not in stored
    kept = _content(engine)[1]
    _clear(engine)
    for name in stored:
        ingest_paths(engine, [folder / name])
    assert kept == _content(engine)[1]  # what was stored is whole


def test_the_command_with_two_jobs_stores_what_one_job_does(cli, engine, tmp_path: Path):
    count = ingest.PARALLEL_MIN_BYTES // ARTICLE.stat().st_size + 2  # enough for the workers
    folder = _articles(tmp_path / "articles", count)
    results = []
    for jobs in ("1", "2"):
        _clear(engine)
        engine.dispose()
        result = cli("ingest", "--jobs", jobs, str(folder), timeout=300)
        assert result.returncode == 0, result.stderr
        assert f"{count} added" in result.stderr
        results.append(_content(engine))
    assert results[1] == results[0]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process groups from /proc")
def test_ctrl_c_with_workers_leaves_whole_documents_and_no_workers(engine, db_url: str, tmp_path: Path):
    count = 3 * ingest.PARALLEL_MIN_BYTES // ARTICLE.stat().st_size
    folder = _articles(tmp_path / "articles", count)
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DB"}
    command = [sys.executable, "-m", "factcheck", "--db", db_url, "ingest", "--jobs", "2", str(folder)]
    # its own process group, as a terminal's job: Ctrl-C reaches the workers too
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while _stored(engine) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the run ended before the interrupt")
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr, stderr
    with Session(engine) as session:
        per_document = {
            d.id: len(session.exec(select(Claim.id).where(Claim.document_id == d.id)).all())
            for d in session.exec(select(Document))
        }
    assert per_document and len(set(per_document.values())) == 1  # every one whole
    time.sleep(1)
    assert _group_members(process.pid) == []  # the workers have stopped


def _stored(engine) -> int:
    with Session(engine) as session:
        return len(session.exec(select(Document.id)).all())


def _group_members(group: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                members.append(int(entry.name))
    return members
