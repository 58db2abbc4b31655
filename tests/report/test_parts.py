"""A report rendered in parts by forked workers is the report written in one go, byte for byte."""

from __future__ import annotations

import os
import re

import pytest

from factcheck.report import layout
from factcheck.report.formats import FORMATS
from factcheck.report.gather import spans
from factcheck.store.filters import ClaimFilter

GENERATED = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


@pytest.mark.parametrize(
    "fmt, audience", [(f.name, audience) for f in FORMATS for audience in f.audiences]
)
@pytest.mark.parametrize(
    "where", [ClaimFilter(), ClaimFilter(since="2024-06-05"), ClaimFilter(status="refuted")]
)
def test_parts_rendered_by_workers_join_into_the_same_report(export, monkeypatch, fmt, audience, where):
    whole = export(fmt, where, audience=audience)
    monkeypatch.setattr(layout, "SPAN", 1)  # a part per claim: in public reports most parts are empty
    for workers in (1, 2):
        in_parts = export(fmt, where, audience=audience, workers=workers)
        # the generation time is written once, by this process, at the start
        assert GENERATED.sub("T", in_parts) == GENERATED.sub("T", whole)


def test_spans_cover_every_claim_once_in_order(report_engine):
    found = spans(report_engine, ClaimFilter(), 4)
    assert len(found) == 2  # 6 claims: four, then the rest
    (first, cut), (after, last) = found
    assert first is None and cut == after and last is None
    refuted = spans(report_engine, ClaimFilter(status="refuted"), 1)
    assert len(refuted) == 2 and refuted[0][0] is None and refuted[1][1] is None


def test_a_failing_worker_fails_the_report(export, monkeypatch):
    parent, render = os.getpid(), layout._render

    def broken_in_workers(*args):
        if os.getpid() != parent:  # the forked worker has the same, patched, module
            raise RuntimeError("worker lost its database")
        return render(*args)

    monkeypatch.setattr(layout, "SPAN", 1)
    monkeypatch.setattr(layout, "_render", broken_in_workers)
    with pytest.raises(RuntimeError, match="lost its database"):
        export("md", workers=1)
