"""Ingest stores a large document a block at a time: same claims as one pass, offsets into
the whole text, progress in bytes, and nothing stored when the document is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from factcheck.errors import UserError
from factcheck.services import ingest
from factcheck.store.models import Claim, Document, Quantity
from factcheck.text.extract.claims import extract_claims

ARTICLE = Path(__file__).resolve().parents[2] / "sources" / "articles" / "tmtpost-openai-2024-05.txt"


def test_blocks_give_the_same_claims_as_one_pass(engine, tmp_path, monkeypatch):
    text = ARTICLE.read_text("utf-8")
    path = tmp_path / "article.txt"
    path.write_text(text, "utf-8")
    monkeypatch.setattr(ingest, "BLOCK_CHARS", 700)
    steps: list[tuple[int, int]] = []
    report = ingest.ingest_paths(engine, [path], progress=lambda what, done, total: steps.append((done, total)))
    expected = extract_claims(text)
    assert report.claims == len(expected)
    with Session(engine) as session:
        claims = session.exec(select(Claim).order_by(Claim.start)).all()
        quantities = session.exec(select(Quantity).order_by(Quantity.start)).all()
        stored = session.exec(select(Document)).one().text
    assert [(c.start, c.end, c.label) for c in claims] == [(c.start, c.end, c.label) for c in expected]
    assert [q.text for q in quantities] == [q.text for c in expected for q in c.quantities]
    for quantity in quantities:
        assert stored[quantity.start : quantity.end] == quantity.text
    done = [d for d, _ in steps]
    assert done == sorted(done) and steps[-1][0] == steps[-1][1] == path.stat().st_size
    assert len(steps) > 3  # progress moves inside the one file


def test_text_blocks_cut_at_line_breaks():
    text = "a\n" * 10 + "第一句。第二句。" + "b" * 30
    blocks = list(ingest.text_blocks(text, size=7))
    assert "".join(text[s:e] for s, e in blocks) == text
    ends = [text[s:e][-1] for s, e in blocks]
    assert ends[:4] == ["\n"] * 4 and ends[4:6] == ["。", "。"]


def test_sources_get_passages_with_their_quantities(engine, tmp_path):
    path = tmp_path / "release.md"
    path.write_text("# Release\n\nPayrolls rose by 142,000.\n\nThe rate was 4.2 percent.\n", "utf-8")
    report = ingest.ingest_paths(engine, [path], role="source")
    assert report.passages >= 2
    with Session(engine) as session:
        displays = [q.display for q in session.exec(select(Quantity).order_by(Quantity.start))]
    assert displays == ["142K", "4.2%"]


def test_a_refused_file_leaves_nothing(engine, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\nnot a pdf at all")
    with pytest.raises(UserError):
        ingest.ingest_paths(engine, [path])
    with Session(engine) as session:
        assert session.exec(select(Document)).all() == []


def _reachable(root) -> list:
    """Every object the report holds, directly or through its lists, tuples and fields."""
    import gc

    seen, todo, found = set(), [root], []
    while todo:
        item = todo.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        found.append(item)
        todo.extend(gc.get_referents(item) if not isinstance(item, type) else [])
    return found


def test_the_report_holds_paths_and_counts_not_documents(engine, tmp_path):
    """Many large files must not pile up in memory until the command ends: what is reported
    is paths and counts, so no document (nor its text) stays held once stored."""
    text = ARTICLE.read_text("utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3):
        (folder / f"article-{n}.txt").write_text(f"{text}\n第{n}号稿件。\n", "utf-8")
    report = ingest.ingest_paths(engine, [folder])
    assert sorted(Path(p).name for p in report.added) == ["article-0.txt", "article-1.txt", "article-2.txt"]
    held = _reachable(report)
    assert not [item for item in held if isinstance(item, Document)]
    longest = max(len(item) for item in held if isinstance(item, str))
    assert longest <= max(len(p) for p in report.added)  # a path at most, never a text
