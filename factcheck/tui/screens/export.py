"""Exporting the report from the workbench: a format (from the format registry), who it is
for, the publisher (filled from the settings and saved back to them), and a file. The export
itself is the command line's service (report.export), run in a worker by the queue screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from factcheck.errors import UserError
from factcheck.report.export import ExportRequest, suggested_name
from factcheck.report.formats import AUDIENCES, FORMATS, format_named
from factcheck.services.settings import Settings, check_value
from factcheck.store.filters import ClaimFilter
from factcheck.text.shown import visible

PUBLISHER_FIELDS = (  # input id, setting, how it is named in a message
    ("publisher-name", "publisher.name", "publisher"),
    ("publisher-url", "publisher.url", "publisher URL"),
)


@dataclass(frozen=True)
class ExportChoice:
    """What the dialog was asked: the export, where to write it, the publisher to keep."""

    request: ExportRequest
    path: str
    publisher: dict[str, str]  # setting → value typed, to save


class ExportScreen(ModalScreen[ExportChoice | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, where: ClaimFilter, settings: Settings, fmt: str | None = None) -> None:
        super().__init__()
        self.where, self.settings = where, settings
        self.format_given = fmt is not None  # from the command palette: straight to the file
        self.fmt = format_named(fmt or FORMATS[0].name)
        self.audience = self.fmt.default_audience

    def compose(self) -> ComposeResult:
        scope = self.where.describe() or "all claims"
        with Vertical(classes="dialog", id="export"):
            yield Label(Content(f"Export report ({visible(scope)}) — choose a format, then a file; Enter exports"))
            yield OptionList(*(Option(f"{f.name:<12} {f.description}", id=f.name) for f in FORMATS), id="formats")
            with Horizontal(classes="field"):
                yield Label("For", classes="name")
                yield Select(self._audiences(), value=self.audience, allow_blank=False, id="audience")
            with Horizontal(classes="field publisher"):
                yield Label("Publisher", classes="name")
                yield Input(self._setting("publisher.name"), placeholder="name", id="publisher-name")
                yield Input(self._setting("publisher.url"), placeholder="https://…", id="publisher-url")
            with Horizontal(classes="field"):
                yield Label("File", classes="name")
                yield Input(value=suggested_name(self.fmt, self.audience), id="path")

    def _setting(self, key: str) -> str:
        try:
            value = self.settings.get(key)
        except UserError:  # an environment variable that breaks the rule: shown as empty
            return ""
        return str(value) if value else ""

    def _audiences(self) -> list[tuple[str, str]]:
        return [(f"{name} — {AUDIENCES[name]}", name) for name in self.fmt.audiences]

    def on_mount(self) -> None:
        formats = self.query_one(OptionList)
        formats.highlighted = formats.get_option_index(self.fmt.name)
        self._show_publisher()
        if self.format_given:
            self.query_one("#path", Input).focus()
        else:
            formats.focus()

    def _show_publisher(self) -> None:
        self.query_one(".publisher").display = self.audience == "public"

    def _propose_path(self, before: str) -> None:
        path = self.query_one("#path", Input)
        if path.value == before:  # the reviewer has not typed a name of their own
            path.value = suggested_name(self.fmt, self.audience)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is None or event.option.id == self.fmt.name:
            return
        before = suggested_name(self.fmt, self.audience)
        self.fmt = format_named(event.option.id)
        self.audience = self.fmt.default_audience
        audience = self.query_one("#audience", Select)
        audience.set_options(self._audiences())
        audience.value = self.audience
        self._show_publisher()
        self._propose_path(before)

    @on(Select.Changed, "#audience")
    def _audience_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.audience:
            before = suggested_name(self.fmt, self.audience)
            self.audience = event.value
            self._show_publisher()
            self._propose_path(before)

    def on_option_list_option_selected(self, _event: OptionList.OptionSelected) -> None:
        missing = self._missing_publisher()
        self.query_one(f"#{missing[0]}" if missing else "#path", Input).focus()

    def _missing_publisher(self) -> tuple[str, str] | None:
        """The first publisher field the format needs and the dialog lacks: (id, name)."""
        if self.audience != "public" or not self.fmt.needs_publisher:
            return None
        for field, _, named in PUBLISHER_FIELDS:
            if not self.query_one(f"#{field}", Input).value.strip():
                return field, named
        return None

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        """Enter in any field exports, or says what is missing and goes there."""
        try:
            choice = self._choice(self.query_one("#path", Input).value.strip())
        except UserError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        if choice is not None:
            self.dismiss(choice)

    def _choice(self, path: str) -> ExportChoice | None:
        if not path:
            return None
        public = self.audience == "public"
        typed = {key: self.query_one(f"#{field}", Input).value.strip() for field, key, _ in PUBLISHER_FIELDS}
        for field, key, named in PUBLISHER_FIELDS:
            if public and typed[key]:
                try:
                    check_value(key, typed[key], named)
                except UserError:
                    self.query_one(f"#{field}", Input).focus()
                    raise
        missing = self._missing_publisher()
        if missing:
            self.query_one(f"#{missing[0]}", Input).focus()
            raise UserError(f"{self.fmt.name} needs the {missing[1]} (it is kept for the next export)")
        request = ExportRequest(
            format=self.fmt.name, audience=self.audience, where=self.where,
            publisher=(typed["publisher.name"] or None) if public else None,
            publisher_url=(typed["publisher.url"] or None) if public else None,
        )
        kept = {key: value for key, value in typed.items() if public and value and value != self._setting(key)}
        return ExportChoice(request, path, kept)

    def action_cancel(self) -> None:
        self.dismiss(None)
