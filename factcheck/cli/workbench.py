"""The workbench, in the terminal (`factcheck` alone) or served to a browser (`factcheck
serve`): the only commands that import the Textual interface."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli.app import State, _engine, _say, app
from factcheck.errors import UserError

DEFAULT_HOST = "127.0.0.1"


DEFAULT_PORT = 8000


LOOPBACK = ("127.0.0.1", "::1", "localhost")


def workbench() -> None:
    from factcheck.store.db import is_read_only, resolve_url

    engine = _engine(reading=True)
    read_only = is_read_only(engine)
    if not read_only:
        from factcheck.cli.ingest import load_demo_if_empty

        load_demo_if_empty(engine)
    from factcheck.tui.app import make_app

    make_app(resolve_url(State.db), engine=engine, read_only=read_only).run()


@app.command()
def serve(
    host: Annotated[str | None, typer.Option("--host", help=f"Address to listen on (default {DEFAULT_HOST}: this machine only).")] = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    public_url: Annotated[str | None, typer.Option("--public-url", help="The address browsers use, when not http://HOST:PORT (a proxy, a wildcard --host).")] = None,
) -> None:
    """Serve the workbench to a web browser (textual-serve). Each page opens its own
    workbench on this database."""
    from factcheck.cli.serving import bind_failure, check_port_free, workbench_command
    from factcheck.store.db import resolve_url

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
