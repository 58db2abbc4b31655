"""The report formats, one record each: what the command line offers, what the workbench's
export dialog lists, and where each format's writers live. A new format is one record here
and a module with its layouts (see layout.Layout).

Imported by `factcheck --help`: it names modules, it does not import them.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING

from factcheck.errors import UserError

if TYPE_CHECKING:
    from factcheck.report.layout import Layout

AUDIENCES = MappingProxyType({
    "public": "judged claims only, in words a reader understands: nothing internal",
    "internal": "every claim with its scores, offsets, links, history and reviewers",
})


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    description: str
    layouts: MappingProxyType[str, str]  # audience → "module:LAYOUT"; the first is the default
    needs_publisher: bool = False  # it names the publisher and links to the published report

    @property
    def audiences(self) -> tuple[str, ...]:
        return tuple(self.layouts)

    @property
    def default_audience(self) -> str:
        return self.audiences[0]

    def layout(self, audience: str) -> Layout:
        module, name = self.layouts[audience].split(":")
        return getattr(import_module(module), name)


def _layouts(**by_audience: str) -> MappingProxyType[str, str]:
    return MappingProxyType(by_audience)


FORMATS: tuple[Format, ...] = (
    Format("md", ".md", "Markdown, for a terminal or a code host", _layouts(
        internal="factcheck.report.markdown:INTERNAL", public="factcheck.report.public_markdown:PUBLIC")),
    Format("html", ".html", "one self-contained page to publish or print", _layouts(
        public="factcheck.report.public_html:PUBLIC", internal="factcheck.report.html:INTERNAL")),
    Format("csv", ".csv", "a row per claim, for a spreadsheet", _layouts(
        internal="factcheck.report.csv_report:INTERNAL", public="factcheck.report.public_data:PUBLIC_CSV")),
    Format("json", ".json", "every field, for programs", _layouts(
        internal="factcheck.report.json_report:INTERNAL", public="factcheck.report.public_data:PUBLIC_JSON")),
    Format("claimreview", ".jsonld", "schema.org ClaimReview markup for search engines", _layouts(
        public="factcheck.report.claimreview:PUBLIC"), needs_publisher=True),
)
BY_NAME = MappingProxyType({found.name: found for found in FORMATS})
NAMES = tuple(BY_NAME)


def format_named(name: str) -> Format:
    try:
        return BY_NAME[name]
    except KeyError:
        raise UserError(f"unknown format {name!r}: choose one of {', '.join(NAMES)}") from None


def audience_help() -> str:
    """Who each audience is, with the formats it is the default of: "public (html,
    claimreview) or internal (md, csv, json): who the report is for"."""
    defaults = {audience: [f.name for f in FORMATS if f.default_audience == audience] for audience in AUDIENCES}
    return " or ".join(f"{audience} ({', '.join(names)})" for audience, names in defaults.items()) + \
        ": who the report is for."
