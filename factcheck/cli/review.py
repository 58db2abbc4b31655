"""Commands of a reviewer's day beside the core ones: assigning claims, listing sources,
the claim list as a table, and serving the workbench to a browser. Registered on the
command line of factcheck.cli (imported at its end)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import typer

from factcheck.cli.app import State, _counted, _engine, _say, _write_stdout, app, sources_app
from factcheck.core.errors import UserError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LOOPBACK = ("127.0.0.1", "::1", "localhost")


# --- tables for the terminal ------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    heading: str
    width: int  # in terminal cells; 0: whatever the line has left
    right: bool = False  # numbers line up on the right


def cut(text: str, width: int) -> str:
    """`text` on one line in at most `width` cells, ending with "…" when cut; control
    characters are shown, never obeyed."""
    from rich.cells import cell_len

    from factcheck.core.shown import visible

    shown = visible(" ".join(text.split()))
    if cell_len(shown) <= width:
        return shown
    kept, used = [], 0
    for char in shown:
        used += cell_len(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


UNLIMITED = 100_000  # the width of a pipe: nothing is cut


def table_lines(columns: list[Column], rows: list[list[str]], width: int) -> list[str]:
    """A heading and one line per row; the column of width 0 takes the room left. Into a
    pipe (width UNLIMITED) nothing is cut: a longer cell pushes the rest of its line on."""
    from rich.cells import cell_len

    fixed = sum(c.width + 2 for c in columns if c.width)
    rest = max(20, width - fixed)
    widths = [c.width or rest for c in columns]
    if width >= UNLIMITED:
        widths = [UNLIMITED if not c.width else max([c.width, *(cell_len(r[i]) for r in rows)]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        parts = []
        for column, size, text in zip(columns, widths, cells, strict=True):
            shown = cut(text, size)
            pad = " " * (size - cell_len(shown))
            parts.append(pad + shown if column.right else shown + pad)
        return "  ".join(parts).rstrip()

    return [line([c.heading for c in columns]), *(line(row) for row in rows)]


def terminal_width() -> int:
    """The terminal's width; piped into another program, lines are not cut (a script or
    grep wants the whole text)."""
    import shutil
    import sys

    if not sys.stdout.isatty():
        return UNLIMITED
    return shutil.get_terminal_size((120, 24)).columns


def claim_table(engine, where) -> list[str]:
    """`factcheck claims` as a human reads it: a heading, then one claim a line."""
    from sqlmodel import Session

    from factcheck.core.earlier_verdicts import checked_before_ids
    from factcheck.core.queries import document_names, list_claims, quantities_of, shown_values

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


# --- assignments ------------------------------------------------------------------------


@app.command()
def assign(
    claim_ids: Annotated[list[int], typer.Argument(help="The claims' ids.")],
    to: Annotated[str | None, typer.Option("--to", help="The reviewer to assign them to.")] = None,
    unassign: Annotated[bool, typer.Option("--unassign", help="Assign them to nobody.")] = False,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Who assigns (defaults to the reviewer.name setting, then $USER).")] = None,
) -> None:
    """Assign claims to a reviewer (or --unassign them): one change, in the history, undoable."""
    from factcheck.core.assignments import assign as assign_claims
    from factcheck.core.assignments import check_assignee
    from factcheck.core.shown import visible

    if (to is None) == (not unassign):
        raise UserError("assign: say --to NAME or --unassign")
    name = None if unassign else check_assignee(to or "")
    for claim_id in claim_ids:
        if not 0 < claim_id < 2**63:
            raise UserError(f"no claim with id {claim_id}")
    claims = assign_claims(_engine(), dict.fromkeys(claim_ids), name, reviewer=reviewer)
    whom = f"assigned to {visible(name)}" if name else "unassigned"
    _say(f"{_counted(len(claims), 'claim')} {whom}")


# --- sources ------------------------------------------------------------------------------


@sources_app.command("list")
def sources_list(
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list, one object per source.")] = False,
) -> None:
    """Evidence documents: title, URL, date, passages and links."""
    from dataclasses import asdict

    from sqlmodel import Session

    from factcheck.core.sources import list_sources

    with Session(_engine(reading=True)) as session:
        found = list_sources(session)
    if as_json:
        import json

        text = json.dumps([asdict(row) for row in found], ensure_ascii=False, indent=2)
        _write_stdout(lambda out: out.write(text + "\n"))
        return
    columns = [Column("id", 4, right=True), Column("title", 0), Column("url", 40), Column("date", 10),
               Column("passages", 8, right=True), Column("links", 5, right=True)]
    rows = [[str(r.id), r.title or r.path, r.url or "", r.published or "", str(r.passages), str(r.links)] for r in found]
    lines = table_lines(columns, rows, terminal_width()) if found else ["no sources yet: add some with 'factcheck sources add'"]
    _write_stdout(lambda out: out.write("\n".join(lines) + "\n"))


# --- the workbench in a browser -----------------------------------------------------------


@app.command()
def serve(
    host: Annotated[str | None, typer.Option("--host", help=f"Address to listen on (default {DEFAULT_HOST}: this machine only).")] = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    public_url: Annotated[str | None, typer.Option("--public-url", help="The address browsers use, when not http://HOST:PORT (a proxy, a wildcard --host).")] = None,
) -> None:
    """Serve the workbench to a web browser (textual-serve). Each page opens its own
    workbench on this database."""
    from factcheck.core.db import resolve_url
    from factcheck.serving import bind_failure, check_port_free, workbench_command

    address = host or DEFAULT_HOST
    if host is not None and host.strip() not in LOOPBACK:
        _say(f"factcheck serve: listening on {address}: the workbench has no login of its own, so anyone "
             "who can reach this address can read and change every claim")
    check_port_free(address, port)
    _engine()  # the database opens (and upgrades) here, so a bad --db is one line now, not in the page
    from textual_serve.server import Server

    url = public_url or f"http://{'localhost' if address in LOOPBACK else address}:{port}"
    _say(f"serving the workbench at {url} (Ctrl-C stops)")
    State.after_interrupt = "the server stopped"
    server = Server(workbench_command(resolve_url(State.db)), host=address, port=port, title="factcheck",
                    public_url=url)
    try:
        server.serve()
    except OSError as error:  # the port taken between the check and the start
        raise UserError(bind_failure(address, port, error)) from None
