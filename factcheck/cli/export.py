"""`factcheck export`: the report, through the export service the workbench also uses
(report.export), in a format of the registry (report.formats)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.app import State, _check_date, _engine, _say, _spare_cores, _write_stdout, app
from factcheck.report.formats import NAMES as FORMAT_NAMES  # names only: no writer is imported
from factcheck.report.formats import audience_help

AUDIENCE_HELP = audience_help()


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMAT_NAMES)}.")] = FORMAT_NAMES[0],
    output: Annotated[str, typer.Option("-o", "--output", help="File; - or none for stdout.")] = "-",
    audience: Annotated[str | None, typer.Option("--audience", help=AUDIENCE_HELP)] = None,
    status: Annotated[str | None, typer.Option("--status", help="Only these statuses (comma-separated).")] = None,
    document: Annotated[str | None, typer.Option("--document", help="Only claims of this document (path or its end).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only claims reviewed on or after this date (UTC).")] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help="Who publishes the report (setting publisher.name).")] = None,
    publisher_url: Annotated[str | None, typer.Option("--publisher-url", help="Where the report is published (setting publisher.url).")] = None,
    language: Annotated[str | None, typer.Option("--language", help="auto, en or zh: the public report's words and dates (setting report.language).")] = None,
    credit: Annotated[bool, typer.Option("--credit", help="Name each verdict's reviewer in the public report.")] = False,
    title: Annotated[str | None, typer.Option("--title", help="The public report's title (default: from its articles).")] = None,
) -> None:
    """Write the verification report."""
    from factcheck.report.export import ExportRequest, export_to_file, plan_export, write_export
    from factcheck.store.filters import ClaimFilter, parse_statuses

    where = ClaimFilter(
        status=parse_statuses(status) if status is not None else None,
        document=document, since=_check_date(since, "--since"),
    )
    request = ExportRequest(
        format=fmt, audience=audience, where=where, publisher=publisher, publisher_url=publisher_url,
        language=language, credit=credit, title=title,
    )
    engine = _engine(reading=True)
    plan = plan_export(engine, request)
    if output == "-":
        State.after_interrupt = "the report on standard output is incomplete"
        results = []
        _write_stdout(lambda out: results.append(write_export(engine, plan, out, workers=_spare_cores())))
        result = results[0]
    else:
        result = export_to_file(engine, plan, Path(output), devices=True, workers=_spare_cores())
        _say(f"wrote {output} ({result.summary()})")
    for warning in result.warnings():
        _say(warning)
