"""A reviewer's writes from the command line: `factcheck review` (a verdict) and
`factcheck assign`."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli.app import _counted, _engine, _say, app
from factcheck.errors import UserError
from factcheck.store.statuses import STATUSES

STATUS_HELP = ", ".join(status.key for status in sorted(STATUSES, key=lambda status: status.open)) + "."


@app.command()
def review(
    claim_id: Annotated[int, typer.Argument(help="The claim's id.")],
    status: Annotated[str, typer.Argument(help=STATUS_HELP)],
    note: Annotated[str | None, typer.Option("--note", help="Why.")] = None,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Defaults to $USER.")] = None,
) -> None:
    """Record a verdict: the status changes and the history gains an entry, together."""
    from factcheck.services.review import record_verdict
    from factcheck.store.filters import check_status

    check_status(status)
    if not 0 < claim_id < 2**63:  # beyond what a database id can be
        raise UserError(f"no claim with id {claim_id}")
    claim = record_verdict(_engine(), claim_id, status, note=note, reviewer=reviewer)
    _say(f"claim {claim.id}: {claim.status}")


@app.command()
def assign(
    claim_ids: Annotated[list[int], typer.Argument(help="The claims' ids.")],
    to: Annotated[str | None, typer.Option("--to", help="The reviewer to assign them to.")] = None,
    unassign: Annotated[bool, typer.Option("--unassign", help="Assign them to nobody.")] = False,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Who assigns (defaults to the reviewer.name setting, then $USER).")] = None,
) -> None:
    """Assign claims to a reviewer (or --unassign them): one change, in the history, undoable."""
    from factcheck.services.assignments import assign as assign_claims
    from factcheck.services.assignments import check_assignee
    from factcheck.text.shown import visible

    if (to is None) == (not unassign):
        raise UserError("assign: say --to NAME or --unassign")
    name = None if unassign else check_assignee(to or "")
    for claim_id in claim_ids:
        if not 0 < claim_id < 2**63:
            raise UserError(f"no claim with id {claim_id}")
    claims = assign_claims(_engine(), dict.fromkeys(claim_ids), name, reviewer=reviewer)
    whom = f"assigned to {visible(name)}" if name else "unassigned"
    _say(f"{_counted(len(claims), 'claim')} {whom}")
