"""Exporting the report from the workbench: choose a format and a file; the writers are the
CLI's, run in a worker, and the file is written whole or not at all (core.files)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from factcheck.core.db import check_not_the_database
from factcheck.core.errors import UserError
from factcheck.core.files import replacing
from factcheck.core.queries import ClaimFilter
from factcheck.core.shown import visible
from factcheck.report import FORMATS, SUFFIXES, writer_for
from factcheck.report.gather import ReportOptions


def available_formats() -> list[str]:
    found = []
    for fmt in FORMATS:
        try:
            writer_for(fmt)
        except ValueError:
            continue
        found.append(fmt)
    return found


def export_report(engine: Engine, fmt: str, path: Path, where: ClaimFilter) -> int:
    """Write the report for the claims `where` selects (its status, kind and document);
    returns how many claims it holds."""
    try:
        write = writer_for(fmt)
    except ValueError:
        raise UserError(f"the {fmt} format is not available yet") from None
    publisher = publisher_url = None
    if fmt == "claimreview":  # from FACTCHECK_PUBLISHER / _URL, as on the command line
        from factcheck.report.claimreview import resolve_publisher

        publisher, publisher_url = resolve_publisher(None, None)
    check_not_the_database(engine, path)
    options = ReportOptions(status=where.status, kind=where.kind, document=where.document)
    # a device is refused: what the workbench writes to its own terminal would garble it
    with replacing(path.expanduser(), what="report", shared=True) as target, \
            open(target, "w", encoding="utf-8", newline="") as out:
        return write(engine, out, options, publisher=publisher, publisher_url=publisher_url)


class ExportScreen(ModalScreen[tuple[str, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, where: ClaimFilter, fmt: str | None = None) -> None:
        super().__init__()
        self.where, self.fmt = where, fmt

    def compose(self) -> ComposeResult:
        formats = available_formats()
        scope = self.where.describe() or "all claims"
        with Vertical(classes="dialog"):
            yield Label(Content(f"Export report ({visible(scope)}) — choose a format, then a file"))
            yield OptionList(*(Option(fmt, id=fmt) for fmt in formats), id="formats")
            yield Input(value=self._default_path(self.fmt or formats[0]), id="path")

    def on_mount(self) -> None:
        formats = self.query_one(OptionList)
        if self.fmt:
            formats.highlighted = formats.get_option_index(self.fmt)
            self.query_one(Input).focus()
        else:
            formats.highlighted = 0
            formats.focus()

    @staticmethod
    def _default_path(fmt: str) -> str:
        return f"factcheck-report{SUFFIXES.get(fmt, '.' + fmt)}"

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.fmt = event.option.id
        path = self.query_one(Input)
        if path.value.startswith("factcheck-report"):
            path.value = self._default_path(self.fmt)

    def on_option_list_option_selected(self, _event: OptionList.OptionSelected) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip() and self.fmt:
            self.dismiss((self.fmt, event.value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
