"""Exporting a report: the one service behind `factcheck export` and the workbench's export
dialog. A request says what is wanted (format, audience, claims, publisher, language); the
plan is that request checked and completed from the settings; the report is then written to
a stream, or to a file whole or not at all.

A value comes from the request (an option, a dialog field) first, then from the settings
(their environment variables, then the settings file), then the default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from sqlalchemy.engine import Engine

from factcheck.errors import UserError
from factcheck.report.formats import Format, format_named
from factcheck.report.gather import ReportDocument, report_documents
from factcheck.report.layout import Publisher, ReportJob, write_report
from factcheck.report.wording import LANGUAGES, VERDICTS, WORDS, web_url
from factcheck.store.filters import ClaimFilter
from factcheck.text.shown import visible

if TYPE_CHECKING:
    from factcheck.services.settings import Settings

LANGUAGE_CHOICES = ("auto", *LANGUAGES)


@dataclass(frozen=True)
class ExportRequest:
    format: str
    audience: str | None = None  # None: the format's default
    where: ClaimFilter = field(default_factory=ClaimFilter)
    publisher: str | None = None  # None: from the settings
    publisher_url: str | None = None
    language: str | None = None  # auto, en or zh; None: from the settings
    credit: bool = False
    title: str | None = None


@dataclass(frozen=True)
class ExportPlan:
    """A request checked and completed: everything needed to write the report."""

    format: Format
    audience: str
    job: ReportJob
    without_url: int = 0  # claims in a public report whose article has no web address


@dataclass(frozen=True)
class ExportResult:
    plan: ExportPlan
    count: int  # claims the report shows

    def summary(self) -> str:
        """How the export is reported: "4 claims, public"."""
        return f"{self.count} claim{'' if self.count == 1 else 's'}, {self.plan.audience}"

    def warnings(self) -> list[str]:
        missing = self.plan.without_url
        if not missing or not self.count:
            return []
        what = "no appearance in ClaimReview" if self.plan.format.needs_publisher else "no link to it"
        return [
            f"{missing} claim{'' if missing == 1 else 's'} from articles without a web address: {what} "
            "(give one with `factcheck ingest FILE --url URL` or a Source: line)"
        ]


def plan_export(engine: Engine, request: ExportRequest, settings: Settings | None = None) -> ExportPlan:
    """Check the request and fill it in from the settings; a UserError says what is wrong."""
    fmt = format_named(request.format)
    audience = request.audience or fmt.default_audience
    if audience not in fmt.audiences:
        raise UserError(f"{fmt.name} has no {audience} audience: choose {' or '.join(fmt.audiences)}")
    where = _checked_where(engine, request.where)
    if audience == "internal":  # the settings say nothing an internal report uses
        _refuse_public_options(request)
        return ExportPlan(fmt, audience, ReportJob(where=where))
    from factcheck.services.settings import load_settings  # here: an internal report needs none

    settings = settings if settings is not None else load_settings()
    judged = public_where(where)
    documents = report_documents(engine, judged)
    # with nothing judged yet, the articles asked for still tell the language
    asked_for = documents or report_documents(engine, ClaimFilter(document=where.document))
    language = _language(request.language, settings, asked_for)
    job = ReportJob(
        where=judged,
        audience=audience,
        words=WORDS[language],
        publisher=_publisher(request, settings, fmt),
        credit=request.credit,
        title=_title(request.title),
    )
    missing = sum(document.claims for document in documents if web_url(document.url) is None)
    return ExportPlan(fmt, audience, job, without_url=missing)


def public_where(where: ClaimFilter) -> ClaimFilter:
    """The filter narrowed to claims with a verdict: a public report shows no others."""
    if not where.status:
        return replace(where, status=",".join(VERDICTS))
    judged = [status for status in where.statuses if status in VERDICTS]
    if not judged:
        raise UserError(
            f"the public report shows only verdicts ({', '.join(VERDICTS)}), not {where.status}: "
            "use --audience internal"
        )
    return replace(where, status=",".join(judged))


def _checked_where(engine: Engine, where: ClaimFilter) -> ClaimFilter:
    if where.document is not None:
        check_document(engine, where.document)
    return where


def check_document(engine: Engine, document: str) -> None:
    """A --document that matches nothing is a typo, not an empty report."""
    if not document.strip():
        raise UserError("--document needs a path (or the end of one)")
    if not report_documents(engine, ClaimFilter(document=document)):
        raise UserError(f"no document matches {visible(document)!r}")


def _refuse_public_options(request: ExportRequest) -> None:
    given = [
        option for option, value in (
            ("--publisher", request.publisher), ("--publisher-url", request.publisher_url),
            ("--language", request.language), ("--credit", request.credit or None), ("--title", request.title),
        ) if value is not None
    ]
    if given:
        raise UserError(f"{given[0]} is for the public report, not --audience internal")


def _publisher(request: ExportRequest, settings: Settings, fmt: Format) -> Publisher:
    name = _given("publisher.name", request.publisher, "--publisher") or settings.get("publisher.name")
    url = _given("publisher.url", request.publisher_url, "--publisher-url") or settings.get("publisher.url")
    if fmt.needs_publisher and not (name and url):
        lacking = " and ".join(
            f"{option} (or `factcheck config set {key} …`)"
            for option, key, value in (("--publisher NAME", "publisher.name", name),
                                       ("--publisher-url URL", "publisher.url", url))
            if not value
        )
        raise UserError(f"{fmt.name} names its publisher and the address of the published report: give {lacking}")
    return Publisher(name=str(name) if name else None, url=str(url) if url else None)


def _given(key: str, raw: str | None, option: str) -> str | None:
    from factcheck.services.settings import check_value

    return None if raw is None else str(check_value(key, raw, option))


def _language(asked: str | None, settings: Settings, documents: list[ReportDocument]) -> str:
    """The language asked for, else the setting's; "auto" is the language most of the
    report's claims are written in (English when that cannot be told)."""
    language = asked or str(settings.get("report.language") or "auto")
    if language not in LANGUAGE_CHOICES:
        raise UserError(f"--language {language!r}: choose one of {', '.join(LANGUAGE_CHOICES)}")
    if language != "auto":
        return language
    claims = {found: 0 for found in LANGUAGES}
    for document in documents:
        if document.language in claims:
            claims[document.language] += document.claims
    return max(LANGUAGES, key=lambda found: claims[found]) if any(claims.values()) else LANGUAGES[0]


def _title(title: str | None) -> str | None:
    if title is None:
        return None
    if not title.strip():
        raise UserError("--title needs some text")
    return title


def write_export(engine: Engine, plan: ExportPlan, out: TextIO, *, workers: int = 0) -> ExportResult:
    count = write_report(plan.format.layout(plan.audience), engine, out, plan.job, workers=workers)
    return ExportResult(plan, count)


def export_to_file(
    engine: Engine, plan: ExportPlan, path: Path, *, devices: bool = False, workers: int = 0
) -> ExportResult:
    """Write the report whole or not at all (see store.files.replacing), never over the
    database; `devices`: a device or pipe such as /dev/null is written directly."""
    from factcheck.store.db import check_not_the_database

    path = Path(path).expanduser()
    check_not_the_database(engine, path)
    return write_atomically(path, lambda out: write_export(engine, plan, out, workers=workers), devices=devices)


def write_atomically(path: Path, write: Callable[[TextIO], ExportResult], *, devices: bool = True):
    from factcheck.store.files import replacing

    with replacing(path, what="report", devices=devices, shared=True) as target, \
            open(target, "w", encoding="utf-8", newline="") as out:
        return write(out)


def suggested_name(fmt: Format, audience: str | None = None) -> str:
    """The file name the workbench proposes: factcheck-report.html, factcheck-internal.md."""
    internal = audience == "internal" and fmt.default_audience != "internal"
    return f"factcheck-{'internal' if internal else 'report'}{fmt.suffix}"
