"""The report tests' corpus and how it becomes a database: two articles and two evidence
documents (some of it hostile), linked, with a few verdicts and notes, review times pinned so
every export is byte-for-byte reproducible; the Chinese corpus is in chinese_corpus.py. A
module of its own, not the conftest, so the tests can import it by a name no other folder
uses."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update
from sqlmodel import Session, col, select

ARTICLES = {
    "chipmaker.md": """# Chipmaker results <script>alert("title")</script>

Source: https://news.example.com/chipmaker?a=1&b=2
Published: 2024-05-20

The company said revenue rose 50% to $2 billion in 2023 from $1.8 billion, according to its filing.

Analysts estimate the deal is worth $51 million <img src=x onerror=alert(1)> in total.

=HYPERLINK("http://evil.example","click") says the plant produced 13 units last year.

A report | with `backticks` said the upgrade cost $5 million | per site.
""",
    "blog.txt": """Source: javascript:alert(document.cookie)
Published: 2024-06-02

The startup said it has 200 employees and grew 3x since 2022.
""",
}
EVIDENCE = {
    "filing.md": """# Annual filing 2023

Source: https://evidence.example.org/filing
Published: 2024-03-01

Revenue for 2023 was $2 billion, up 50% from the prior year.

@SUM(1+1) -cmd|' /C calc'!A0 The deal was valued at $51 million.

Each site upgrade cost $5 million.
""",
    "leak.txt": """Source: data:text/html,<script>alert(1)</script>

The plant produced 13 units <script>alert('passage')</script> last year.
""",
}
FIRST_EVENT = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
PUBLISHER = {"publisher": "Example Checks", "publisher_url": "https://checks.example.org/report"}


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def claim_id(engine, fragment: str) -> int:
    from factcheck.store.models import Claim

    with Session(engine) as session:
        return session.exec(select(Claim.id).where(col(Claim.text).contains(fragment))).one()


def link_id(engine, claim: int) -> int:
    from factcheck.store.models import Link

    with Session(engine) as session:
        return session.exec(select(Link.id).where(Link.claim_id == claim).order_by(col(Link.id))).first()


def _review(engine) -> None:
    from factcheck.services.review import add_note, record_verdict, set_link_state

    revenue, deal = claim_id(engine, "revenue rose"), claim_id(engine, "$51 million")
    formula, startup = claim_id(engine, "=HYPERLINK"), claim_id(engine, "3x")
    pipes = claim_id(engine, "| with")
    record_verdict(engine, revenue, "supported", note="The filing states $2 billion, up 50%.", reviewer="ann")
    set_link_state(engine, link_id(engine, revenue), "confirmed", reviewer="ann")
    record_verdict(engine, deal, "in_progress", reviewer="ben")
    record_verdict(engine, deal, "misleading", note="A letter of intent <script>alert('note')</script>", reviewer="ben")
    record_verdict(engine, formula, "refuted", note='=HYPERLINK("http://evil.example","note")', reviewer="@ann")
    record_verdict(engine, startup, "unverifiable", note="No filing | only a `press` release", reviewer="ann")
    add_note(engine, startup, "Asked the company for figures.", reviewer="ben")
    record_verdict(engine, pipes, "in_progress", reviewer="ann")
    set_link_state(engine, link_id(engine, pipes), "rejected", reviewer="ann")


def _pin_times(engine) -> None:
    """One event a day from 2024-06-01, in the order they were recorded."""
    from factcheck.store.models import ReviewEvent

    with Session(engine) as session:
        ids = session.exec(select(ReviewEvent.id).order_by(col(ReviewEvent.id))).all()
        for index, event_id in enumerate(ids):
            at = FIRST_EVENT + timedelta(days=index, minutes=index)
            session.execute(update(ReviewEvent).where(col(ReviewEvent.id) == event_id).values(at=at))
        session.commit()


def build(engine, folder: Path, articles: dict = ARTICLES, evidence: dict = EVIDENCE, review=None) -> None:
    from factcheck.services.ingest import ingest_paths
    from factcheck.services.linking import link_all

    _write(folder / "articles", articles)
    _write(folder / "evidence", evidence)
    here = Path.cwd()
    os.chdir(folder)  # documents keep the relative paths a user types
    try:
        ingest_paths(engine, [Path("articles")], role="article")
        ingest_paths(engine, [Path("evidence")], role="source")
    finally:
        os.chdir(here)
    link_all(engine)
    if review is None:
        _review(engine)
    else:
        review(engine, lambda fragment: claim_id(engine, fragment), lambda claim: link_id(engine, claim))
    _pin_times(engine)


def build_chinese(engine, folder: Path) -> None:
    import chinese_corpus

    build(engine, folder, chinese_corpus.ARTICLES, chinese_corpus.EVIDENCE, chinese_corpus.review)


REPORT_DATE = "2024-06-10"  # the date a public report bears, pinned


def exporter(engine):
    import io
    from dataclasses import replace

    from factcheck.report.export import ExportRequest, plan_export, write_export
    from factcheck.report.formats import format_named
    from factcheck.store.filters import ClaimFilter

    def run(fmt: str, where=None, *, audience: str | None = None, workers: int = 0, **request) -> str:
        if (audience or format_named(fmt).default_audience) == "public":
            request = PUBLISHER | request
        asked = ExportRequest(format=fmt, audience=audience, where=where or ClaimFilter(), **request)
        plan = plan_export(engine, asked)  # the settings of the test (see tests/conftest.py)
        plan = replace(plan, job=replace(plan.job, date=REPORT_DATE))
        out = io.StringIO()
        write_export(engine, plan, out, workers=workers)
        return out.getvalue()

    return run
