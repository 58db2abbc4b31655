"""The consistency findings in the reports: the internal formats list every finding of a
claim with its arithmetic; the public ones tell readers of the inconsistencies of judged
claims only, in the report's language."""

from __future__ import annotations

import csv
import io
import json

import pytest

from factcheck.report.wording import WORDS
from factcheck.text.checks import CHECK_KINDS

REVENUE = "$1.8 billion → $2 billion = +11.1%; stated +50%"
CONVERSION = "1000亿美金 → 人民币5000亿元 implies 5.00 CNY/USD; ECB reference on 2024-05-17: 7.23; 30.8% apart"


def _claim(report: dict, fragment: str) -> dict:
    (found,) = [claim for claim in report["claims"] if fragment in claim["text"]]
    return found


def test_internal_json_carries_each_finding_of_a_claim(export):
    report = json.loads(export("json", audience="internal"))
    (finding,) = _claim(report, "revenue rose")["findings"]
    assert (finding["kind"], finding["result"]) == ("change", "inconsistent")
    assert finding["arithmetic"] == REVENUE
    assert finding["claims"] == [_claim(report, "revenue rose")["id"]]
    assert {q["role"] for q in finding["quantities"]} == {"from", "to", "change"}
    assert finding["figures"]["stated"] == 50
    assert _claim(report, "$51 million")["findings"] == []


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_internal_formats_show_the_arithmetic_and_result(export, fmt):
    report = export(fmt, audience="internal")
    assert f"inconsistent · change — {REVENUE}: inconsistent (" in report.replace("\\$", "$")
    assert report.count("inconsistent · change") == 1


def test_internal_csv_has_a_findings_column(export):
    rows = list(csv.DictReader(io.StringIO(export("csv", audience="internal").lstrip("\ufeff"))))
    shown = {row["claim"][:20]: row["findings"] for row in rows}
    assert shown["The company said rev"].startswith("inconsistent · change — $1.8 billion")
    assert sum(bool(value) for value in shown.values()) == 1


def test_public_reports_word_the_inconsistency_of_a_judged_claim_for_readers(export, export_zh):
    english = json.loads(export("json", audience="public"))
    assert _claim(english, "revenue rose")["inconsistencies"] == [
        f"The change stated does not match the two figures it lies between: {REVENUE}"
    ]
    chinese = json.loads(export_zh("json", audience="public"))
    assert _claim(chinese, "估值达到")["inconsistencies"] == [f"文中的货币换算与当日汇率相差过大：{CONVERSION}"]
    for fmt in ("md", "html", "csv"):
        page = export_zh(fmt, audience="public")
        assert CONVERSION in page and ("文中数字前后不符" in page or fmt == "csv")
        assert "inconsistent ·" not in page and "(more than 3%" not in page  # no internal wording


def test_public_reports_leave_out_unjudged_claims_and_consistent_findings(export, tmp_path):
    internal = json.loads(export("json", audience="internal"))
    public = json.loads(export("json", audience="public"))
    judged = {claim["id"] for claim in public["claims"]}
    shown = sum(len(claim["inconsistencies"]) for claim in public["claims"])
    expected = sum(
        finding["result"] == "inconsistent"
        for claim in internal["claims"] if claim["id"] in judged
        for finding in claim["findings"]
    )
    assert shown == expected == 1
    assert "reason" not in json.dumps(public)


@pytest.mark.parametrize("language", sorted(WORDS))
def test_every_kind_of_check_has_words_for_readers_in_each_language(language):
    assert set(WORDS[language].inconsistent) == set(CHECK_KINDS)
