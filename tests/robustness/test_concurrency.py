"""Several reviewers' processes record verdicts on the same claims at once (SQLite with WAL,
busy timeout and retries; PostgreSQL). No verdict is lost or applied twice, every accepted
one is in the audit log in order, a stale one is refused with a clear message, and no
process dies of "database is locked"."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from sqlmodel import Session, col, select

from factcheck.services.ingest import ingest_paths
from factcheck.store.models import Claim, ReviewEvent

WORKER = Path(__file__).resolve().parent / "verdict_worker.py"
ARTICLE = Path(__file__).resolve().parents[2] / "sources" / "articles" / "tmtpost-openai-2024-05.txt"
REVIEWERS = 4
ROUNDS = 40


def test_concurrent_verdicts_lose_nothing(engine, db_url: str):
    ingest_paths(engine, [ARTICLE])
    with Session(engine) as session:
        claim_ids = list(session.exec(select(Claim.id).order_by(Claim.id).limit(3)))
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), db_url, f"reviewer-{n}", str(ROUNDS), ",".join(map(str, claim_ids))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n in range(REVIEWERS)
    ]
    accepted, refused = [], []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        assert "locked" not in err.lower()
        result = json.loads(out)
        accepted += result["accepted"]
        refused += result["refused"]
    assert len(accepted) + len(refused) == REVIEWERS * ROUNDS
    assert accepted, "no verdict was accepted"
    for message in refused:
        assert "changed by someone else" in message and "reload" in message

    with Session(engine) as session:
        events = list(session.exec(
            select(ReviewEvent).where(ReviewEvent.field == "status").order_by(col(ReviewEvent.id))
        ))
        claims = {c.id: c for c in session.exec(select(Claim).where(col(Claim.id).in_(claim_ids)))}
    # every accepted verdict is in the log exactly once, and nothing else is
    logged = sorted((e.claim_id, int(e.note.rsplit("v", 1)[1]), e.new) for e in events)
    assert logged == sorted(tuple(a) for a in accepted)
    by_claim = defaultdict(list)
    for event in events:
        by_claim[event.claim_id].append(event)
    for claim_id, claim in claims.items():
        chain = by_claim[claim_id]
        # no lost update: each verdict started from the one before it, and from the version it saw
        assert [e.old for e in chain] == ["unreviewed"] + [e.new for e in chain[:-1]]
        assert [int(e.note.rsplit("v", 1)[1]) for e in chain] == list(range(1, len(chain) + 1))
        assert claim.version == 1 + len(chain)
        assert claim.status == (chain[-1].new if chain else "unreviewed")
