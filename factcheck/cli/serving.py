"""Serving the workbench to a browser: textual-serve starts one workbench process per page
and relays its screen over a websocket. This module holds what the `serve` command checks
before it starts, so a mistake is one line rather than a server that fails later."""

from __future__ import annotations

import errno
import shlex
import socket
import sys

from factcheck.errors import UserError
from factcheck.text.shown import visible


def check_port_free(host: str, port: int) -> None:
    """Refuse, in one line, an address this machine cannot listen on or a port in use.
    SO_REUSEADDR as the server itself sets it: a port left in TIME_WAIT is free."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        raise UserError(f"--host {visible(host)!r}: not an address of this machine ({error})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            raise UserError(bind_failure(host, port, error)) from None


def bind_failure(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return f"port {port} on {visible(host)} is already in use: stop what holds it or choose another with --port"
    if error.errno == errno.EACCES:
        return f"port {port} needs privileges this user lacks: choose one above 1023 with --port"
    return f"cannot listen on {visible(host)} port {port}: {error.strerror or error}"


def workbench_command(db_url: str) -> str:
    """The shell command textual-serve runs for each page: this Python, this database."""
    return f"{shlex.quote(sys.executable)} -m factcheck --db {shlex.quote(db_url)}"
