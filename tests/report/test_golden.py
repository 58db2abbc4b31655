"""Each format against a reviewed golden file. After a deliberate change to a report (or to
extraction or linking, which feed it), regenerate with FACTCHECK_UPDATE_GOLDEN=1 and review
the diff before committing it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
FILES = {"md": "report.md", "html": "report.html", "csv": "report.csv", "json": "report.json"}
GENERATED = re.compile(r'("generated_at": "|Generated )\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ')


def normalised(text: str) -> str:
    """The report without its generation time, the one part allowed to differ."""
    return GENERATED.sub(r"\g<1>GENERATED", text)


@pytest.mark.parametrize("fmt", list(FILES))
def test_internal_report_matches_golden_file(export, fmt: str):
    """The internal reports keep their content byte for byte."""
    produced = normalised(export(fmt, audience="internal"))
    golden = GOLDEN / FILES[fmt]
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8", newline="")
    with golden.open(encoding="utf-8", newline="") as stored:
        assert produced == stored.read()


@pytest.mark.parametrize("audience", ["internal", "public"])
@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json", "claimreview"])
def test_same_database_same_bytes_apart_from_generation_time(export, fmt: str, audience: str):
    if fmt == "claimreview" and audience == "internal":
        pytest.skip("ClaimReview is public only")
    first, second = export(fmt, audience=audience), export(fmt, audience=audience)
    assert normalised(first) == normalised(second)
    assert GENERATED.search(first) or fmt in ("csv", "claimreview") or audience == "public"


def test_generation_time_is_the_only_difference_normalised():
    assert normalised('{"generated_at": "2026-01-02T03:04:05Z", "claims": []}') == (
        '{"generated_at": "GENERATED", "claims": []}'
    )
