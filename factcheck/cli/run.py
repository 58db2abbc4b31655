"""Running a command: its exit status, and its errors said in one line (a user's mistake,
a database or disk that failed, a Ctrl-C) instead of a traceback."""

from __future__ import annotations

import sys

import typer

from factcheck.cli.app import State, _say, app
from factcheck.errors import UserError
from factcheck.start import INTERRUPTED  # exit status of a Ctrl-C, as typer returns it


def _usage_error(error: typer.TyperException) -> int:
    """The parser's complaint (a missing argument, an unknown option) in one line, with
    where to read the usage, instead of the usage block."""
    message = error.format_message().strip().rstrip(".")
    context = getattr(error, "ctx", None)
    where = f" (see '{context.command_path if context is not None else 'factcheck'} --help')"
    _say(f"factcheck: {message}{where}")
    return error.exit_code or 2


def _environment_error(error: Exception) -> UserError | None:
    """A database or a disk that failed under the command (full, read-only, locked, the
    server gone) as a message; None for anything else, which is a bug. (The database layer
    is imported only if it was in use, so --help stays fast.)"""
    if "sqlalchemy" not in sys.modules and not isinstance(error, OSError):
        return None
    from factcheck.store.db import environment_error, resolve_url

    return environment_error(error, resolve_url(State.db))


def main() -> None:
    try:
        status = _run()
    finally:
        _finished()
    raise SystemExit(status)


def _run() -> int:
    """The command's exit status, its errors said in one line."""
    try:
        status = app(standalone_mode=False)
    except UserError as error:
        _say(f"factcheck: {error}")
        if State.verbose and error.details:
            for line in error.details.splitlines():
                _say(f"  {line}")
        return error.exit_code
    except typer.TyperException as error:
        return _usage_error(error)
    except typer.Abort:
        _say("factcheck: aborted")
        return 1
    except KeyboardInterrupt:  # before or after a command runs
        status = INTERRUPTED
    except Exception as error:
        if _caused_by_interrupt(error):
            status = INTERRUPTED
        else:
            problem = _environment_error(error)
            if problem is None:
                raise
            _say(f"factcheck: {problem}")
            return problem.exit_code
    if status == INTERRUPTED:  # Ctrl-C, which typer turns into this status
        _say(f"factcheck: interrupted; {State.after_interrupt}")
    return status if isinstance(status, int) else 0


def _caused_by_interrupt(error: BaseException) -> bool:
    """Whether a Ctrl-C is what went wrong, under another error: a driver interrupted in
    the middle of a call (a PostgreSQL connection checked out of the pool) fails again
    while it cleans up, and that second error is the one raised."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        cause = pending.pop()
        if cause is None or id(cause) in seen:
            continue
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        pending += [cause.__cause__, cause.__context__]
    return False


def _finished() -> None:
    """The command is over and has said so: a Ctrl-C while the interpreter shuts down
    would only turn a finished command into a silent failure."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
