"""Ingesting HTML and PDF from the command line: the article's numbers come through, and a
PDF without a text layer is one line on stderr with nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sample_documents import HTML
from sample_documents import pdf as _pdf


def run(cwd: Path, db: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("FACTCHECK_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "--db", db, *args],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=120,
    )


def test_html_and_pdf_articles_are_ingested(tmp_path: Path, db_url: str):
    (tmp_path / "page.html").write_text(HTML, "utf-8")
    (tmp_path / "report.pdf").write_bytes(_pdf(b"BT /F1 12 Tf 72 720 Td (Revenue rose 12% to $3.2 billion.) Tj ET"))
    result = run(tmp_path, db_url, "ingest", "page.html", "report.pdf")
    assert result.returncode == 0, result.stderr
    exported = json.loads(run(tmp_path, db_url, "export", "--format", "json").stdout)
    displays = {q["display"] for c in exported["claims"] for q in c["quantities"]}
    assert {"5.25%", "3.4%", "12%", "$3.2B"} <= displays
    assert "$1M" not in displays  # the aside's advertisement is not the article


def test_pdf_without_text_layer_is_one_line_and_writes_nothing(tmp_path: Path, db_url: str):
    (tmp_path / "scan.pdf").write_bytes(_pdf(None))
    result = run(tmp_path, db_url, "ingest", "scan.pdf")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no text layer" in lines[0], result.stderr
    exported = json.loads(run(tmp_path, db_url, "export", "--format", "json").stdout)
    assert exported["claims"] == []
