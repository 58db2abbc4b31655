"""`factcheck export` as a user runs it: files, stdout, options and refusals."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from factcheck.errors import UserError
from factcheck.report.export import write_atomically


def run(cwd: Path, db: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")} | env
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "--db", db, "export", *args],
        cwd=cwd, capture_output=True, text=True, env=environment, timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess, fragment: str) -> None:
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr


def test_each_format_to_a_file_and_to_stdout(tmp_path: Path, report_db: str):
    result = run(tmp_path, report_db, "--format", "html", "-o", "report.html")
    assert result.returncode == 0, result.stderr
    assert "wrote report.html (4 claims, public)" in result.stderr  # the judged ones
    written = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and written.rstrip().endswith("</html>")
    assert (tmp_path / "report.html").stat().st_mode & 0o044  # readable by others, to share
    shown = run(tmp_path, report_db, "--format", "csv", "--status", "refuted", "-o", "-")
    assert shown.returncode == 0 and shown.stdout.startswith("\ufeffid,status")
    assert len(shown.stdout.strip().splitlines()) == 2
    review = run(tmp_path, report_db, "--format", "claimreview", FACTCHECK_PUBLISHER="Desk",
                 FACTCHECK_PUBLISHER_URL="https://desk.example.org/r")
    assert review.returncode == 0 and '"name":"Desk"' in review.stdout
    # the blog's only address is a javascript: URL: its claim appears nowhere, and it is said
    assert review.stderr.splitlines() == [
        "1 claim from articles without a web address: no appearance in ClaimReview "
        "(give one with `factcheck ingest FILE --url URL` or a Source: line)"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--format", "pdf"], "unknown format 'pdf'"),
        (["--status", "true"], "unknown status 'true'"),
        (["--since", "last week"], "--since 'last week'"),
        (["--document", "nowhere.txt"], "no document matches 'nowhere.txt'"),
        (["--format", "claimreview"], "give --publisher NAME (or `factcheck config set publisher.name …`) and --publisher-url"),
        (["--format", "claimreview", "--publisher", "Desk"], "give --publisher-url URL (or"),
        (["--format", "claimreview", "--publisher", "Desk", "--publisher-url", "ftp://x.example"], "--publisher-url 'ftp://x.example': must be an http"),
        (["--format", "claimreview", "--audience", "internal"], "claimreview has no internal audience"),
        (["--format", "md", "--publisher", "Desk"], "--publisher is for the public report"),
        (["--format", "html", "--status", "unreviewed"], "the public report shows only verdicts"),
        (["--format", "html", "--language", "fr"], "--language 'fr'"),
        (["--status", "refuted,maybe"], "unknown status 'maybe'"),
        (["-o", "missing/report.md"], "folder does not exist"),
    ],
)
def test_bad_options_are_one_line_and_write_nothing(tmp_path: Path, report_db: str, args, fragment):
    one_line_error(run(tmp_path, report_db, *args), fragment)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path):
    target = tmp_path / "report.md"
    target.write_text("previous report", encoding="utf-8")

    def failing(out):
        out.write("half a report")
        raise UserError("database went away")

    with pytest.raises(UserError):
        write_atomically(target, failing)
    assert target.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_symlink_keeps_pointing_at_the_new_report(tmp_path: Path):
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(real)
    write_atomically(tmp_path / "link.md", lambda out: out.write("new"))
    assert (tmp_path / "link.md").is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_pipe_is_written_to_not_replaced(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_atomically(fifo, lambda out: out.write("report"))
    reader.join(timeout=10)
    assert received == ["report"]
    assert fifo.is_fifo()
