"""Engines, sessions and schema migrations, for SQLite and PostgreSQL alike."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from factcheck.core.errors import UserError

DEFAULT_URL = "sqlite:///claims.db"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def resolve_url(url: str | None = None) -> str:
    """`--db`, else $FACTCHECK_DB, else claims.db in the working directory; a bare path works."""
    url = url or os.environ.get("FACTCHECK_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    except Exception:  # in-memory databases keep their own journal
        pass
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str | None = None, *, migrate: bool = True) -> Engine:
    """One engine per process. Creates or upgrades the schema unless `migrate` is False."""
    url = resolve_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UserError(f"not a database URL: {url}") from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        in_memory = database in ("", ":memory:")
        if not in_memory and not Path(database).expanduser().parent.is_dir():
            raise UserError(f"cannot open database {url}: folder does not exist")
        kwargs: dict = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if in_memory:
            kwargs["poolclass"] = StaticPool
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except Exception as error:  # unknown dialect or driver missing
            raise UserError(f"cannot open database {url}: {error}") from None
    if migrate:
        upgrade(engine)
    return engine


def describe(engine: Engine) -> str:
    """The URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def _alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision; refuse a database newer than the program."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = _alembic_config(engine)
    script = ScriptDirectory.from_config(config)
    heads = set(script.get_heads())
    try:
        with engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
            if current == heads:
                return
            unknown = [rev for rev in current if _revision_or_none(script, rev) is None]
            if unknown:
                raise UserError(
                    f"database {describe(engine)} has schema {unknown[0]}, newer than this "
                    "factcheck: upgrade factcheck to open it"
                )
            if not current and inspect(connection).has_table("claim"):
                raise UserError(
                    f"database {describe(engine)} has factcheck tables but no schema version"
                )
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except (OperationalError, DatabaseError) as error:
        raise UserError(f"cannot open database {describe(engine)}: {_first_line(error)}") from None


def _revision_or_none(script, revision: str):
    try:
        return script.get_revision(revision)
    except Exception:
        return None


def _first_line(error: Exception) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(error).__name__


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
