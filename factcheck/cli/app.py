"""The command line's one application and what every command shares: the database it
opens, how it speaks (one line on stderr, progress bars on a terminal) and how it writes to
standard output. The commands live in the modules beside this one, one per group. Heavy
imports happen inside commands so that `factcheck --help` stays fast."""

from __future__ import annotations

import os  # loaded by Python itself: costs nothing at start-up
import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.errors import UserError

app = typer.Typer(
    help="factcheck: extract checkable claims from articles, link evidence, record verdicts, export reports.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
sources_app = typer.Typer(help="Evidence documents.")
app.add_typer(sources_app, name="sources")
config_app = typer.Typer(help="Settings that stay: publisher, reviewer name, theme, report language.")
app.add_typer(config_app, name="config")

DEMO_FOLDER = Path("sources")
JOBS = typer.Option(
    "--jobs", min=1, help="Processes extracting at once (default: one per CPU; 1: no worker processes)."
)
FOLLOW_LINKS = typer.Option(
    "--follow-links", help="Inside a folder, also read links to files outside it (by default they are skipped)."
)


class State:
    db: str | None = None
    # said after "interrupted" when a command is stopped by Ctrl-C
    after_interrupt = "nothing half-written was kept"
    verbose = False  # a refusal's details follow its line


def _engine(*, reading: bool = False):
    """The database; `reading` for a command that only reads it, which may then open a
    SQLite file this user cannot write."""
    from factcheck.store.db import make_engine

    return make_engine(State.db, reading=reading)


def _progress(label: str):
    """A rich progress bar on stderr, or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from factcheck.text.shown import shown_path

    bar = Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False), transient=True,
    )
    task = bar.add_task("", total=None)

    def update(what: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=shown_path(Path(what).name) if what else "")

    return bar, update


def _run_with_progress(label: str, work):
    bar, update = _progress(label)
    if bar is None:
        return work(None)
    with bar:
        return work(update)


def _say(message: str) -> None:
    """One line on stderr: file names and text from the database in it are shown, not obeyed."""
    from factcheck.text.shown import visible

    typer.echo(visible(message), err=True)


def _counted(number: int, word: str) -> str:
    """1 claim, 2 claims."""
    return f"{number} {word}{'' if number == 1 else 's'}"


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL or path (env FACTCHECK_DB; default claims.db here)."),
    ] = None,
) -> None:
    """With no command: open the workbench (loading the bundled demo into an empty database)."""
    State.db = db
    if ctx.invoked_subcommand is None:
        from factcheck.cli.workbench import workbench

        workbench()


def _check_date(date: str | None, option: str = "--date") -> str | None:
    from datetime import date as Date

    if date is None:
        return None
    try:
        return Date.fromisoformat(date).isoformat()
    except ValueError:
        raise UserError(f"{option} {date!r}: expected an ISO date such as 2024-05-22") from None


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _spare_cores() -> int:
    """Processes that may render parts of a large report beside this one: one per core left,
    at most three (this process also writes every part)."""

    return max(0, min(3, _cpus() - 1)) if hasattr(os, "sched_getaffinity") else 0


def _check_not_the_database(engine, path: Path) -> None:
    from factcheck.store.db import check_not_the_database

    check_not_the_database(engine, path)


def _write_stdout(write) -> None:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    except OSError as error:  # a full disk behind a redirection, a closed terminal
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the rest cannot go out either
        raise UserError(f"cannot write to standard output ({error.strerror or error})") from None
