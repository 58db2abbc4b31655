"""Listing what was extracted: `factcheck claims` and the consistency checks' findings,
`factcheck checks`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.app import State, _counted, _engine, _say, _write_stdout, app
from factcheck.cli.tables import Column, table_lines, terminal_width
from factcheck.errors import UserError


@app.command()
def claims(
    status: Annotated[str | None, typer.Option("--status", help="Only these statuses (comma-separated).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only claims with a quantity of this kind.")] = None,
    previously_checked: Annotated[bool, typer.Option("--previously-checked", help="Only claims not judged yet whose twin in another article was.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the export json shape.")] = False,
) -> None:
    """List claims, most check-worthy first (↺: checked before in another article)."""
    from factcheck.store.filters import ClaimFilter, check_kind, parse_statuses

    if status is not None:
        status = parse_statuses(status)
    if kind:
        check_kind(kind)
    engine = _engine(reading=True)
    if as_json:
        from factcheck.report.json_report import write_json

        _write_stdout(lambda out: write_json(
            engine, out, ClaimFilter(status=status, kind=kind, previously_checked=previously_checked)
        ))
        return
    where = ClaimFilter(status=status, kind=kind, previously_checked=previously_checked)
    lines = claim_table(engine, where)
    _write_stdout(lambda out: out.write("\n".join(lines) + "\n"))


def claim_table(engine, where) -> list[str]:
    """`factcheck claims` as a human reads it: a heading, then one claim a line."""
    from sqlmodel import Session

    from factcheck.store.judged_twins import checked_before_ids
    from factcheck.store.queries import document_names, list_claims, quantities_of, shown_values

    with Session(engine) as session:
        claims = list_claims(session, where)
        quantities = quantities_of(session, [c.id for c in claims])
        names = document_names(session, {c.document_id for c in claims})
        earlier = checked_before_ids(session, claims)
    columns = [Column("id", 6, right=True), Column("status", 12), Column("assignee", 10), Column("label", 24),
               Column("values", 18), Column("document", 20), Column("claim", 0)]
    rows = [
        [str(c.id), c.status + (" ↺" if c.id in earlier else ""), c.assignee or "", c.label,
         shown_values(quantities[c.id]), names.get(c.document_id, ""), c.text]
        for c in claims
    ]
    return table_lines(columns, rows, terminal_width())


@app.command()
def checks(
    result: Annotated[str | None, typer.Option("--result", help="consistent, inconsistent or unchecked.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only this kind of check (conversion, change, ...).")] = None,
    document: Annotated[str | None, typer.Option("--document", help="Only findings of this document (path or its end).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print {generated_at, counts, findings} as JSON.")] = False,
    recompute: Annotated[bool, typer.Option("--recompute", help="Compute every article's findings again first.")] = False,
) -> None:
    """List the consistency checks' findings (an article's own numbers that do or do not add up)."""
    from sqlmodel import Session

    from factcheck.services.findings import list_findings, recompute_all
    from factcheck.store.filters import ClaimFilter, check_result
    from factcheck.text.checks import CHECK_KINDS

    if result:
        check_result(result)
    if kind and kind not in CHECK_KINDS:
        raise UserError(f"unknown check kind {kind!r}: choose one of {', '.join(CHECK_KINDS)}")
    engine = _engine(reading=not recompute)
    if document:
        from factcheck.report.export import check_document

        check_document(engine, document)
    if recompute:
        State.after_interrupt = "the articles checked before it have their new findings, the others their old ones"
        done = recompute_all(engine)
        _say(f"{_counted(done.documents, 'article')} checked: {_counted(done.findings, 'finding')}, {done.inconsistent} inconsistent")
    with Session(engine) as session:
        found = list_findings(session, result=result, kind=kind, where=ClaimFilter(document=document))
    _write_stdout(lambda out: _write_findings(out, found, as_json))


def _write_findings(out, found, as_json: bool) -> None:
    from factcheck.text.checks import RESULTS
    from factcheck.text.shown import visible

    counts = {name: sum(f.result == name for f in found) for name in RESULTS}
    if as_json:
        import json

        from factcheck.report.gather import iso
        from factcheck.store.models import utc_now

        shape = {"generated_at": iso(utc_now()), "counts": counts, "findings": [f.as_json() for f in found]}
        out.write(json.dumps(shape, ensure_ascii=False, indent=1) + "\n")
        return
    for f in found:
        claims = ", ".join(str(claim_id) for claim_id in f.claims)
        label = "claim" if len(f.claims) == 1 else "claims"
        out.write(f"#{f.id:<5} {f.result:<12} {f.kind:<17} {visible(Path(f.document).name)}  {label} {claims}\n")
        out.write(f"       {visible(f.sentence)}\n")
    out.write(", ".join(f"{count} {name}" for name, count in counts.items()) + "\n")
