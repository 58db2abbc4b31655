"""Every refusal is one line, and nothing is half-done: PDF bombs (made here, at run time)
stop at the reader's limits, a dump with a byte that is not UTF-8 and a backup with a
damaged page or a full-text index out of step with its rows are refused (the details with
--verbose), numbers of a thousand digits are no amounts, and a link inside a folder is
followed only to a file inside it."""

from __future__ import annotations

import os
import sqlite3
import zlib
from pathlib import Path

import pytest
from harness import one_line_error, row_counts

TEXT = b"BT /F1 12 Tf 72 720 Td (Revenue rose 5 percent to $3 billion, the company said.) Tj ET"
ARTICLE = "Revenue rose 5 percent to $3 billion, the company said.\n"


def pdf(content: bytes, *, compressed: bool = False, entries: int | None = None) -> bytes:
    """A one-page PDF whose page shows `content`; `entries`: the count its cross-reference
    table claims."""
    head = f"<< /Length {len(content)}{' /Filter /FlateDecode' if compressed else ''} >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        head.encode() + b"\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    table = len(out)
    count = entries or len(objects) + 1
    out += f"xref\n0 {count}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {count} /Root 1 0 R >>\nstartxref\n{table}\n%%EOF\n".encode()
    return bytes(out)


def flate_bomb(expanded: int = 100_000_000) -> bytes:
    """A page that inflates to `expanded` bytes, compressed about a thousand to one."""
    packer, chunk = zlib.compressobj(9), b" " * 1_000_000
    body = packer.compress(TEXT) + b"".join(packer.compress(chunk) for _ in range(expanded // len(chunk)))
    return pdf(body + packer.flush(), compressed=True)


PDFS = {
    "flate-bomb.pdf": (flate_bomb, "compressed stream expands"),
    "xref-billion.pdf": (lambda: pdf(TEXT, entries=1_000_000_000), "cross-reference table"),
    "deep.pdf": (lambda: pdf(b"BT " + b"[" * 100_000 + b"(x)" + b"]" * 100_000 + b" TJ ET"), "nest deeper"),
}


@pytest.mark.parametrize("name", sorted(PDFS))
def test_a_pdf_bomb_is_refused_in_one_line_naming_the_limit(cli, engine, tmp_path: Path, name: str):
    make, words = PDFS[name]
    (tmp_path / name).write_bytes(make())
    line = one_line_error(cli("ingest", name))
    assert name in line and words in line, line
    assert row_counts(engine)["document"] == 0


def test_a_sound_pdf_beside_the_bombs_is_read(cli, engine, tmp_path: Path):
    (tmp_path / "good.pdf").write_bytes(pdf(TEXT))
    assert cli("ingest", "good.pdf").returncode == 0
    assert row_counts(engine)["claim"] == 1


def test_numbers_of_a_thousand_digits_are_stored_as_no_amount(cli, engine, tmp_path: Path):
    digits = "1" * 1000
    (tmp_path / "digits.txt").write_text(
        f"The key is {digits} dollars. 营收为{'一' * 1000}元。Revenue rose to $3 billion, it said.\n",
        encoding="utf-8",
    )
    result = cli("ingest", "digits.txt")
    assert result.returncode == 0, result.stderr
    listed = cli("claims")
    assert listed.returncode == 0 and "inf" not in listed.stdout and "$3B" in listed.stdout


# --- restore ---------------------------------------------------------------------------


@pytest.fixture
def dump(cli, tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", "a.txt").returncode == 0
    assert cli("backup", "all.jsonl").returncode == 0
    return tmp_path / "all.jsonl"


def test_a_dump_line_that_is_not_utf8_is_refused_in_one_line(cli, dump: Path, tmp_path: Path):
    lines = dump.read_bytes().splitlines(keepends=True)
    claim = next(i for i, line in enumerate(lines) if b'"table": "claim"' in line)
    lines[claim] = lines[claim].replace(b"Revenue", b"Rev\xffnue")
    dump.write_bytes(b"".join(lines))
    other = f"sqlite:///{tmp_path / 'other.db'}"
    result = cli("--db", other, "restore", str(dump))
    line = one_line_error(result)
    assert f"line {claim + 1}" in line and "UTF-8" in line, line


@pytest.fixture
def sqlite_backup(cli, tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE * 40, encoding="utf-8")  # enough rows for an index page
    (tmp_path / "b.txt").write_text("Profit fell 7 percent to $2 billion, the firm said.\n", encoding="utf-8")
    assert cli("ingest", "a.txt", "b.txt").returncode == 0
    assert cli("backup", "all.bak").returncode == 0
    return tmp_path / "all.bak"


def _restore_into_new(cli, tmp_path: Path, backup: Path, *options: str):
    target = tmp_path / "restored.db"
    return cli("--db", f"sqlite:///{target}", "restore", *options, str(backup)), target


def _claims_in(database: Path) -> int:
    if not database.exists():
        return 0
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        return connection.execute("SELECT count(*) FROM claim").fetchone()[0] if "claim" in tables else 0


@pytest.mark.sqlite_only(reason="a SQLite backup, restored into a SQLite file")
def test_a_backup_with_a_damaged_index_page_is_one_line_and_details_with_verbose(cli, tmp_path, sqlite_backup):
    data = bytearray(sqlite_backup.read_bytes())
    with sqlite3.connect(sqlite_backup) as connection:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_claim_document_start'").fetchone()
    start = (root - 1) * size + 8  # after a leaf page's header: its cell pointers
    data[start : start + 40] = b"\xff" * 40
    sqlite_backup.write_bytes(bytes(data))
    result, target = _restore_into_new(cli, tmp_path, sqlite_backup)
    line = one_line_error(result)
    assert "damaged" in line and "more" in line, line
    verbose, _ = _restore_into_new(cli, tmp_path, sqlite_backup, "--verbose")
    details = verbose.stderr.strip().splitlines()
    assert verbose.returncode != 0 and len(details) > 2 and details[0] == line
    assert _claims_in(target) == 0


@pytest.mark.sqlite_only(reason="a SQLite backup, restored into a SQLite file")
def test_a_backup_whose_text_index_disagrees_with_its_claims_is_refused(cli, tmp_path, sqlite_backup):
    """One byte of a claim changed behind the index's back (its update trigger dropped for
    the edit, then put back): SQLite's own check passes, the index no longer matches."""
    with sqlite3.connect(sqlite_backup) as connection:
        (trigger,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'claim_fts_update'").fetchone()
        connection.execute("DROP TRIGGER claim_fts_update")
        connection.execute("UPDATE claim SET text = 'P' || substr(text, 2) WHERE id = (SELECT min(id) FROM claim)")
        connection.execute(trigger)
        assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    result, target = _restore_into_new(cli, tmp_path, sqlite_backup)
    line = one_line_error(result)
    assert "claim_fts" in line and "nothing was restored" in line, line
    assert _claims_in(target) == 0


@pytest.mark.sqlite_only(reason="a SQLite backup, restored into a SQLite file")
def test_a_backup_with_a_row_its_table_cannot_hold_is_refused(cli, tmp_path, sqlite_backup):
    with sqlite3.connect(sqlite_backup) as connection:
        connection.execute("UPDATE claim SET status = 'approved' WHERE id = (SELECT min(id) FROM claim)")
    line = one_line_error(_restore_into_new(cli, tmp_path, sqlite_backup)[0])
    assert "claim.status" in line and "approved" in line, line


@pytest.mark.sqlite_only(reason="a SQLite backup, restored into a SQLite file")
def test_a_sound_backup_still_restores(cli, tmp_path, sqlite_backup):
    result, target = _restore_into_new(cli, tmp_path, sqlite_backup)
    assert result.returncode == 0, result.stderr
    assert _claims_in(target) == 41  # forty in a.txt, one in b.txt
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".factcheck-restore")]


# --- links inside folders --------------------------------------------------------------


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    outside, folder = tmp_path / "private", tmp_path / "articles"
    outside.mkdir()
    (folder / "sub").mkdir(parents=True)
    (outside / "secret.txt").write_text("Profit fell 7 percent to $2 billion, the firm said.\n", encoding="utf-8")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(outside / "secret.txt", folder / "secret.txt")
    os.symlink("../a.txt", folder / "sub" / "again.txt")  # inside the folder: followed
    return folder


def test_a_link_out_of_an_ingested_folder_is_skipped_with_a_line(cli, engine, linked: Path):
    result = cli("ingest", str(linked))
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 1 and "secret.txt" in skipped[0] and "--follow-links" in skipped[0]
    assert row_counts(engine)["claim"] == 1  # a.txt, once (its link inside is the same bytes)


def test_follow_links_reads_a_link_out_of_the_folder(cli, engine, linked: Path):
    result = cli("ingest", "--follow-links", str(linked))
    assert result.returncode == 0, result.stderr
    assert row_counts(engine)["claim"] == 2


def test_a_link_named_on_the_command_line_is_read_as_named(cli, engine, linked: Path):
    result = cli("sources", "add", str(linked / "secret.txt"))
    assert result.returncode == 0, result.stderr
    assert row_counts(engine)["document"] == 1
