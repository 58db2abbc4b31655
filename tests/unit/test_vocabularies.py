"""Each vocabulary is one record in one file: add a status, a currency or a report format to
its registry and it appears everywhere it must, with nothing else edited.

Every table derived from a registry is built when its module is imported, so each test runs
in a fresh interpreter that adds the record before anything else imports the registry's
users — exactly as if the record had been written in its file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ADD_STATUS = """
from factcheck.store import statuses
from factcheck.store.statuses import Rating, Status
statuses.STATUSES += (Status("disputed", "Disputed", "dsp", "text-primary", "#0a7d8c", rating=Rating(2, "Mostly false"),
                              published=statuses._words(zh="有争议"), workbench_key="t"),)
"""
ADD_CURRENCY = """
from factcheck.text.extract import currencies
from factcheck.text.extract.currencies import Currency
currencies.CURRENCIES += (Currency("GHS", "₵", before=("₵",), zh=("塞地",), en=("cedis",), codes=("GHS",)),)
"""
ADD_FORMAT = """
from types import MappingProxyType
from factcheck.report import formats
formats.FORMATS += (formats.Format("txt", ".txt", "plain text for e-mail", MappingProxyType({
    "internal": "factcheck.report.markdown:INTERNAL"})),)
formats.BY_NAME = MappingProxyType({found.name: found for found in formats.FORMATS})
formats.NAMES = tuple(formats.BY_NAME)
"""


def run(added: str, script: str, tmp_path: Path) -> dict:
    """Runs `script` after `added` in a new interpreter; the script prints one JSON value."""
    code = textwrap.dedent(added) + textwrap.dedent(script)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FACTCHECK_CONFIG": str(tmp_path / "config.toml"),
             "FACTCHECK_ENCODER": "off",
             "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_a_new_status_appears_everywhere(tmp_path):
    found = run(ADD_STATUS, """
        import json
        from typer.testing import CliRunner
        from factcheck.cli import app
        from factcheck.store.filters import parse_statuses
        from factcheck.store.models import JUDGED_STATUSES, STATUSES
        from factcheck.report import wording
        from factcheck.report import claimreview
        from factcheck.report.html import stylesheet
        from factcheck.tui.screens.queue import QueueScreen
        from factcheck.tui.widgets import key_bar, summary
        from factcheck.tui.widgets.claim_table import STATUS_COLOUR

        bindings = {b.id: (b.key, b.action, b.description) for b in QueueScreen.BINDINGS if b.id}
        runner = CliRunner()
        listed = runner.invoke(app, ["--db", "sqlite:///x.db", "claims", "--status", "disputed"])
        unknown = runner.invoke(app, ["--db", "sqlite:///x.db", "claims", "--status", "disputing"])
        helped = runner.invoke(app, ["review", "--help"], terminal_width=200)
        rating = claimreview.RATINGS["disputed"]
        print(json.dumps({
            "stored": "disputed" in STATUSES and "disputed" in JUDGED_STATUSES,
            "filter": parse_statuses("refuted, disputed"),
            "cli_ok": listed.exit_code, "cli_unknown": [unknown.exit_code, repr(unknown.exception)], "cli_help": "disputed" in helped.output,
            "key": bindings.get("claim.disputed"), "key_bar": "claim.disputed" in key_bar.ORDER,
            "summary": [summary.SHORT["disputed"], summary.COLOUR["disputed"],
                        summary.stacked_bar({"disputed": 2, "refuted": 2})],
            "queue_colour": STATUS_COLOUR["disputed"],
            "css": ["--disputed: #0a7d8c;" in stylesheet(), ".badge.disputed { background: var(--disputed); }" in stylesheet()],
            "verdicts": "disputed" in wording.VERDICTS,
            "words": [wording.ENGLISH.verdicts["disputed"], wording.CHINESE.verdicts["disputed"]],
            "rating": [rating.value, rating.name], "internal_name": wording.status_name("disputed"),
        }))
    """, tmp_path)
    assert found["stored"] and found["filter"] == "refuted,disputed"
    assert found["cli_ok"] == 0 and found["cli_unknown"][0] != 0 and "disputing" in found["cli_unknown"][1] and found["cli_help"]
    assert found["key"] == ["t", "verdict('disputed')", "Disputed"] and found["key_bar"]
    assert found["summary"][:2] == ["dsp", "$text-primary"]
    assert ["████████", "$text-primary"] in found["summary"][2]
    assert found["queue_colour"] == "text-primary"
    assert found["css"] == [True, True]
    assert found["verdicts"] and found["words"] == ["Mostly false", "有争议"]
    assert found["internal_name"] == "disputed"
    assert found["rating"] == [2, "Mostly false"]


def test_a_new_currency_is_read_and_shown(tmp_path):
    found = run(ADD_CURRENCY, """
        import json
        from factcheck.text.extract.quantities import extract_quantities

        def read(text):
            return [(q.kind, q.unit, q.value, q.display) for q in extract_quantities(text, "2024-05-20")]

        print(json.dumps({
            "symbol": read("Accra sold ₵5 billion of bonds."),
            "word": read("阿克拉发行了50亿塞地的债券。"),
            "english": read("The bonds raised 5 billion cedis last year."),
            "glued": read("Revenue was GHS34.6 million."),
        }))
    """, tmp_path)
    assert found["symbol"] == [["money", "GHS", 5e9, "₵5B"]]
    assert found["word"] == [["money", "GHS", 5e9, "₵5B"]]
    assert found["english"][0] == ["money", "GHS", 5e9, "₵5B"]
    assert found["glued"] == [["money", "GHS", 34.6e6, "₵34.6M"]]


def test_a_new_report_format_is_offered_everywhere(tmp_path):
    found = run(ADD_FORMAT, """
        import asyncio, json
        from textual.app import App
        from textual.widgets import OptionList
        from typer.testing import CliRunner
        from factcheck.cli import app
        from factcheck.store.filters import ClaimFilter
        from factcheck.services.settings import load_settings
        from factcheck.report.export import suggested_name
        from factcheck.report.formats import format_named
        from factcheck.tui.screens.export import ExportScreen

        runner = CliRunner()
        helped = runner.invoke(app, ["export", "--help"], terminal_width=200)
        written = runner.invoke(app, ["--db", "sqlite:///x.db", "export", "--format", "txt", "-o", "out.txt"])
        unknown = runner.invoke(app, ["--db", "sqlite:///x.db", "export", "--format", "text"])

        class Host(App):
            def on_mount(self):
                self.push_screen(ExportScreen(ClaimFilter(), load_settings()))

        async def dialog():
            host = Host()
            async with host.run_test() as pilot:
                await pilot.pause()
                options = host.screen.query_one("#formats", OptionList)
                return [options.get_option_at_index(i).id for i in range(options.option_count)]

        print(json.dumps({
            "help": "txt" in helped.output, "written": written.exit_code, "unknown": [unknown.exit_code, repr(unknown.exception)],
            "file": open("out.txt", encoding="utf-8").read()[:21],
            "dialog": asyncio.run(dialog()),
            "name": suggested_name(format_named("txt")),
        }))
    """, tmp_path)
    assert found["help"] and found["written"] == 0 and found["unknown"][0] != 0 and "text" in found["unknown"][1]
    assert found["file"] == "# Verification report"
    assert found["dialog"][-1] == "txt" and found["name"] == "factcheck-report.txt"


def test_a_new_status_is_set_by_its_key_and_counted_in_the_workbench(tmp_path):
    found = run(ADD_STATUS, f"""
        import asyncio, json, os
        from contextlib import suppress
        from textual.worker import WorkerCancelled
        from factcheck.services.ingest import ingest_paths
        from factcheck.store.db import make_engine
        from factcheck.tui.app import make_app
        from factcheck.tui.widgets.key_bar import KeyBar
        from factcheck.tui.widgets.summary import StatusSummary

        url = "sqlite:///" + os.path.abspath("claims.db")
        engine = make_engine(url)
        ingest_paths(engine, [{str(ROOT / "sources" / "articles")!r}], role="article")

        async def settle(app, pilot):
            for _ in range(3):
                await pilot.pause()
                while busy := [w for w in app.workers if not w.is_finished]:
                    for worker in busy:
                        with suppress(WorkerCancelled):
                            await worker.wait()
            await pilot.pause()

        async def session():
            app = make_app(url, reviewer="ann", keymap={{}}, engine=engine)
            async with app.run_test(size=(160, 50)) as pilot:
                await settle(app, pilot)
                bar = [entry.label for entry in app.screen.query_one(KeyBar).entries()]
                await pilot.press("t")
                await settle(app, pilot)
                summary = app.screen.query_one(StatusSummary)._content().plain
            return bar, summary

        bar, summary = asyncio.run(session())
        from sqlmodel import Session, select
        from factcheck.store.models import Claim
        with Session(engine) as db:
            statuses = sorted(c.status for c in db.exec(select(Claim)))
        print(json.dumps({{"bar": bar, "summary": summary, "disputed": statuses.count("disputed")}}))
    """, tmp_path)
    assert "Disputed" in found["bar"] and found["bar"].index("Disputed") < found["bar"].index("In progress")
    assert found["disputed"] == 1
    assert "dsp 1" in found["summary"], found["summary"]
