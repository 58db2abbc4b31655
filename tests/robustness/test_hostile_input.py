"""Hostile files, each named alone and all together inside a folder.

Alone, a bad file is one clear line on stderr, a non-zero exit and no rows. Inside a folder
it is skipped with a warning naming it, the run ends with a summary, and the good documents
go in whole. Files that are odd but valid (GB18030 without BOM, UTF-16, a path with spaces
and non-ASCII) go in with their text decoded correctly.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from harness import one_line_error, row_counts
from sqlmodel import Session, select

from factcheck.errors import UserError
from factcheck.services.ingest import ingest_paths
from factcheck.store.models import Document

CORPUS = Path(__file__).resolve().parent.parent / "data" / "bad"
ARTICLE = Path(__file__).resolve().parents[2] / "sources" / "articles" / "tmtpost-openai-2024-05.txt"
SPACED = "空格 与 中文 ü/报道 一 ü.txt"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# file -> words of which the one-line refusal must contain one (None: any line naming the file)
REFUSED = {
    "empty.txt": ("empty",),
    "whitespace-only.txt": ("empty",),
    "binary.txt": ("binary",),
    "nul-byte.txt": ("binary", "nul"),
    "truncated.pdf": None,
    "utf16-cut-mid-character.txt": None,
    "sparse-1gb.txt": ("too large", "limit"),
    "loop-a.txt": ("regular file", "link"),
    "pipe.txt": ("regular file", "pipe"),
}
DECODED = {"gb18030-no-bom.txt": "gb18030", "utf16-bom.txt": "utf-16", SPACED: "utf-8"}
EITHER = ("invalid-utf8.txt", "nested.html")  # readable or refused, but never a crash


def _make_generated(folder: Path) -> None:
    """The files git cannot hold: a sparse 1 GB file, a symlink loop, a named pipe."""
    with open(folder / "sparse-1gb.txt", "wb") as sparse:
        sparse.truncate(2**30)
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.mkfifo(folder / "pipe.txt")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("*.py"))
    _make_generated(folder)
    return folder


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_bad_file_alone_is_one_line_and_no_rows(cli, engine, corpus: Path, name: str):
    line = one_line_error(cli("ingest", str(corpus / name), timeout=60))
    assert name in line
    if REFUSED[name]:
        assert any(word in line.lower() for word in REFUSED[name]), line
    assert row_counts(engine)["document"] == 0 and row_counts(engine)["claim"] == 0


@pytest.mark.parametrize("name", sorted(DECODED))
def test_an_odd_but_valid_file_alone_is_decoded(cli, engine, corpus: Path, name: str):
    result = cli("ingest", str(corpus / name))
    assert result.returncode == 0, result.stderr
    original = (corpus / name).read_bytes().decode(DECODED[name])
    with Session(engine) as session:
        (document,) = session.exec(select(Document)).all()
    assert document.path == str(corpus / name)
    assert "1000亿美金" in document.text and document.text[:20] == original.lstrip("\ufeff")[:20]
    assert row_counts(engine)["claim"] > 0


@pytest.mark.parametrize("name", EITHER)
def test_a_doubtful_file_alone_is_read_or_refused_whole(cli, engine, corpus: Path, name: str):
    result = cli("ingest", str(corpus / name), timeout=60)
    assert "Traceback" not in result.stderr
    documents = row_counts(engine)["document"]
    if result.returncode == 0:
        assert documents == 1
    else:
        one_line_error(result)
        assert documents == 0 and row_counts(engine)["claim"] == 0


def test_a_folder_of_bad_files_skips_each_with_a_warning(cli, engine, corpus: Path):
    shutil.copy(ARTICLE, corpus / "good.txt")
    result = cli("ingest", str(corpus), timeout=90)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    for name in REFUSED:
        if name == "loop-a.txt":
            continue  # checked below with its partner
        assert any(str(corpus / name) in line for line in warnings), (name, result.stderr)
    assert any("loop-a.txt" in line for line in warnings) and any("loop-b.txt" in line for line in warnings)
    with Session(engine) as session:
        stored = {Path(p).relative_to(corpus).as_posix() for p in session.exec(select(Document.path))}
    assert {"good.txt", *DECODED} <= stored
    assert not stored & set(REFUSED)
    summary = result.stderr.strip().splitlines()[-1]
    assert f"{len(stored)} added" in summary and f"{len(warnings)} skipped" in summary


def test_a_failed_document_leaves_no_partial_rows(engine, corpus: Path, monkeypatch):
    """A failure while a document is being stored (here: in claim extraction) rolls the
    whole document back; a folder run reports nothing half-written."""
    import factcheck.text.extract.block_extraction as extraction

    def broken(text, date=None):
        raise RuntimeError("extractor failed")

    before = row_counts(engine)
    monkeypatch.setattr(extraction, "extract_claims", broken)
    with pytest.raises(RuntimeError):
        ingest_paths(engine, [ARTICLE])
    assert row_counts(engine) == before


def _unreadable_by_us(path: Path, monkeypatch) -> None:
    """chmod 000 keeps ordinary users out; root reads everything, so there the refusal the
    kernel would give is simulated."""
    path.chmod(0)
    if IS_ROOT:
        real = Path.read_bytes

        def read_bytes(self):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_an_unreadable_file_is_refused_alone_and_skipped_in_a_folder(engine, tmp_path: Path, monkeypatch):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / "good.txt")
    locked = folder / "locked.txt"
    locked.write_text("OpenAI raised $10 billion.", encoding="utf-8")
    _unreadable_by_us(locked, monkeypatch)
    with pytest.raises(UserError, match="cannot read"):
        ingest_paths(engine, [locked])
    assert row_counts(engine)["document"] == 0
    report = ingest_paths(engine, [folder])
    assert [Path(p).name for p in report.added] == ["good.txt"]
    assert [(Path(p).name, "cannot read" in why) for p, why in report.skipped] == [("locked.txt", True)]


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their mode; simulated in the test above")
def test_an_unreadable_file_through_the_command_line(cli, engine, tmp_path: Path):
    locked = tmp_path / "locked.txt"
    locked.write_text("OpenAI raised $10 billion.", encoding="utf-8")
    locked.chmod(0)
    assert "cannot read" in one_line_error(cli("ingest", str(locked)))
    assert row_counts(engine)["document"] == 0


def test_a_symlink_loop_between_folders_does_not_hang(engine, tmp_path: Path):
    folder = tmp_path / "tree"
    (folder / "inner").mkdir(parents=True)
    shutil.copy(ARTICLE, folder / "inner" / "good.txt")
    os.symlink("..", folder / "inner" / "up")
    report = ingest_paths(engine, [folder])
    assert [Path(p).name for p in report.added] == ["good.txt"]
