"""`factcheck backup` and `factcheck restore`: the whole database, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.app import State, _check_not_the_database, _engine, _say, app


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="The backup file to write (replaced atomically).", readable=False)],
    portable: Annotated[
        bool, typer.Option("--portable", help="A JSON-lines dump any factcheck database can restore.")
    ] = False,
) -> None:
    """Back up the whole database: a SQLite copy made online, or (PostgreSQL, --portable or a
    .jsonl name) a portable dump."""
    from factcheck.store.backup import backup as write_backup

    engine = _engine(reading=True)
    _check_not_the_database(engine, file)
    counts = write_backup(engine, file, portable=portable or None)
    _say(f"backed up {counts.rows} rows to {file}")


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by `factcheck backup`.", readable=False)],
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite a database that already holds data.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="On refusal, every problem found, not only the first.")
    ] = False,
) -> None:
    """Restore a backup into the database, all or nothing. Refuses a non-empty database
    unless --replace."""
    from factcheck.store.backup import restore as load_backup

    State.verbose = verbose
    engine = _engine()
    _check_not_the_database(engine, file)
    State.after_interrupt = "the database is as it was"
    counts = load_backup(engine, file, replace=replace)
    _say(f"restored {counts.rows} rows from {file}")
