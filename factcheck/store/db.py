"""Engines, sessions and schema migrations, for SQLite and PostgreSQL alike."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from sqlalchemy import event, inspect
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from factcheck.errors import UserError

T = TypeVar("T")

DEFAULT_URL = "sqlite:///claims.db"
WRITE_OPTION = "factcheck_write"
LOCK_RETRIES = 5
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def resolve_url(url: str | None = None) -> str:
    """`--db`, else $FACTCHECK_DB, else claims.db in the working directory; a bare path works."""
    url = url or os.environ.get("FACTCHECK_DB") or DEFAULT_URL
    if "://" not in url:  # a URL ends its path at '?' and decodes '%': escaped, the name is kept
        return "sqlite:///" + str(Path(url).expanduser()).replace("%", "%25").replace("?", "%3F")
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Transactions are begun by _sqlite_begin, not by the driver, so writers can ask for
    # BEGIN IMMEDIATE (see there) and savepoints behave.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    with suppress(Exception):  # in-memory and read-only databases keep their own journal
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection) -> None:
    """A writer takes the write lock when its transaction starts. A deferred transaction
    that reads first and writes later fails at once with "database is locked" when another
    writer committed in between (WAL cannot upgrade a stale snapshot), and the busy timeout
    does not help; an immediate one waits its turn instead. Readers stay deferred."""
    immediate = connection.get_execution_options().get(WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_sqlite_engine(url: str | URL, *, read_only: bool = False) -> Engine:
    """A SQLite engine with factcheck's pragmas; `read_only` opens an existing file without
    ever writing to it (a backup being restored, a database this user may only read). A file
    whose name holds '?' or '#' is given as a URL object (see `file_url`)."""
    database = make_url(url).database or ""
    kwargs: dict = {"connect_args": {"check_same_thread": False, "timeout": 30}}
    if database in ("", ":memory:"):
        kwargs["poolclass"] = StaticPool
    if read_only:
        path = Path(database).expanduser().resolve()
        kwargs["creator"] = lambda: _connect_read_only(path)
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def file_url(path: Path) -> URL:
    """The URL of a SQLite file, whatever characters its name holds."""
    return URL.create("sqlite", database=str(path))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes to the file, nor makes any beside it. While a writer
    has the database open, its -wal and -shm files are there and the read shares them, so
    it sees every commit. With no -wal file no one has it open, and it is opened as
    immutable: plain read-only would create the -wal and -shm files itself, owned by this
    user, and they could then bar the file's owner from writing."""
    uri = f"file:{quote(str(path))}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30)


def _cannot_write(database: str) -> bool:
    """A SQLite file that exists but that this user may not write, or whose folder they may
    not write (where SQLite keeps its journal)."""
    path = Path(database).expanduser()
    return path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def make_engine(url: str | None = None, *, migrate: bool = True, reading: bool = False) -> Engine:
    """One engine per process. Creates or upgrades the schema unless `migrate` is False.
    `reading` is for commands that only read: a SQLite file they may not write is opened
    read-only, as long as its schema is current (upgrading it would write)."""
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
        if not in_memory and Path(database).expanduser().is_dir():
            raise UserError(f"cannot open database {url}: is a folder")
        read_only = reading and not in_memory and _cannot_write(database)
        try:
            engine = create_sqlite_engine(url, read_only=read_only)
        except Exception as error:  # sqlite+somedriver:// that is not installed
            raise UserError(f"cannot open database {url}: {error}") from None
        if read_only:
            _check_readable_as_is(engine)
            return engine
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except Exception as error:  # unknown dialect or driver missing
            raise UserError(f"cannot open database {url}: {error}") from None
    if migrate:
        upgrade(engine)
    return engine


def sqlite_file(engine: Engine) -> Path | None:
    """The file of a SQLite database; None in memory or on a server."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database or ""
    return None if database in ("", ":memory:") or database.startswith("file:") else Path(database).expanduser()


def is_read_only(engine: Engine) -> bool:
    """Was this SQLite database opened read-only (see `make_engine`'s `reading`)?"""
    database = sqlite_file(engine)
    return database is not None and _cannot_write(str(database))


# Files SQLite keeps beside a database: the write-ahead log holds the last commits until
# they are copied into the file, so replacing it (or the index of it) loses them.
_COMPANIONS = {"-wal": "write-ahead log", "-shm": "shared-memory index", "-journal": "rollback journal"}


def check_not_the_database(engine: Engine, path: Path) -> None:
    """A report or a backup named like the database, or like a file SQLite keeps beside it,
    would replace it; also by another name for the same file (a link)."""
    database = sqlite_file(engine)
    if database is None:
        return
    target = Path(path).expanduser()
    if _same_file(target, database):
        raise UserError(f"{path}: is the database itself; name another file")
    for suffix, what in _COMPANIONS.items():
        if _same_file(target, database.with_name(database.name + suffix)):
            raise UserError(f"{path}: is the database's {what}; name another file")


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def describe(engine: Engine) -> str:
    """The URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def _alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # the option is read through ConfigParser, for which '%' starts an interpolation: a URL
    # escapes every character outside ASCII that way (a database in a folder named 核查)
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


# The newest migration. Checked against the migrations folder by a test; it lets every start
# on a current database skip loading Alembic and its scripts (a quarter of a second).
HEAD_REVISION = "0007_text_vectors"


def _is_current(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    except (OperationalError, DatabaseError):
        return False  # no version table yet, or not a database: the full path says which
    return [row[0] for row in rows] == [HEAD_REVISION]


def _check_readable_as_is(engine: Engine) -> None:
    """A database opened read-only is read at the schema it has, which must be this
    program's: a newer one is refused as always, an older one could only be read after an
    upgrade, which writes."""
    if _is_current(engine):
        return
    try:
        upgrade(engine)
        return
    except UserError as error:
        if "is read-only" not in str(error):
            raise
    raise UserError(
        f"cannot open database {describe(engine)}: is read-only and made by an older factcheck; "
        "open it once where it can be written, to upgrade it"
    )


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision; refuse a database newer than the program."""
    if _is_current(engine):
        return
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
        with engine.connect().execution_options(**{WRITE_OPTION: True}) as connection, \
                _foreign_keys_deferred(connection), connection.begin():
            _lock_for_migration(connection)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            _check_foreign_keys(connection)
    except (OperationalError, DatabaseError) as error:
        reason = _sqlite_failure(error) if engine.dialect.name == "sqlite" else None
        raise UserError(f"cannot open database {describe(engine)}: {reason or _first_line(error)}") from None


@contextmanager
def _foreign_keys_deferred(connection) -> Iterator[None]:
    """SQLite alters a table by copying it and dropping the old one; with foreign keys on,
    that drop cascades and deletes every row pointing at the table (links, quantities).
    So enforcement is off while migrating (the pragma only works outside a transaction)
    and the result is checked before commit instead."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _check_foreign_keys(connection) -> None:
    if connection.dialect.name == "sqlite":
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise UserError(f"upgrade stopped: {len(broken)} rows would lose their parent ({broken[0][0]})")


def _lock_for_migration(connection) -> None:
    """Two commands started together on a fresh database must not both create the tables:
    SQLite serialises them by BEGIN IMMEDIATE, PostgreSQL by an advisory lock; the second
    then finds the schema current and alembic does nothing."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7406281)")


def schema_revision(connection) -> str | None:
    """The alembic revision a database is at, None when it has none."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


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
    """One unit of work: commit on success, roll back on any error. On SQLite it holds the
    write lock from its first statement (see _sqlite_begin)."""
    with Session(engine, expire_on_commit=False) as session:
        session.connection(execution_options={WRITE_OPTION: True})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# What SQLite says when the file or the disk fails it, and what a user can do about it
_SQLITE_FAILURES = {
    "readonly database": "is read-only (factcheck writes to the file and, for its journal, to its folder)",
    "database or disk is full": "the disk is full",
    "disk i/o error": "the disk failed to read or write (disk I/O error)",
    "database disk image is malformed": "the file is damaged (database disk image is malformed)",
    "file is not a database": "file is not a database",
    "unable to open database file": "unable to open database file",
}


def _sqlite_failure(error: BaseException) -> str | None:
    text = str(getattr(error, "orig", None) or error).lower()
    return next((said for cause, said in _SQLITE_FAILURES.items() if cause in text), None)


def environment_error(error: BaseException, url: str) -> UserError | None:
    """The database or the disk failing under a command, as one line a user can act on:
    locked past every retry, full, read-only, damaged, or the server gone. Anything else
    (None here) is a bug and keeps its traceback. Each write is one transaction, so the
    change in progress was rolled back."""
    where = _hide_password(url)
    if isinstance(error, OperationalError) and is_locked_error(error):
        busy = UserError("the database stayed busy (another command is writing); try again")
        busy.exit_code = 4
        return busy
    if isinstance(error, (OperationalError, DatabaseError)):
        if make_url(url).get_backend_name() != "sqlite" and isinstance(error, OperationalError):
            return UserError(f"database {where}: {_first_line(error)}")  # the connection, not the SQL
        said = _sqlite_failure(error)
        return UserError(f"database {where}: {said}") if said else None
    if isinstance(error, OSError) and error.strerror:
        named = f"{error.filename}: " if error.filename else ""
        return UserError(f"{named}{error.strerror}")
    return None


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def is_locked_error(error: BaseException) -> bool:
    text = str(getattr(error, "orig", None) or error).lower()
    return "database is locked" in text or "database is busy" in text


def retry_when_locked(work: Callable[[], T], *, attempts: int = LOCK_RETRIES) -> T:
    """Run a whole unit of work again when SQLite stayed locked past its busy timeout (a
    long ingest holding the write lock); after the last attempt, say so in one line."""
    for attempt in range(attempts):
        try:
            return work()
        except OperationalError as error:
            if not is_locked_error(error):
                raise
            if attempt == attempts - 1:
                raise UserError(
                    "the database stayed busy (another command is writing to it); try again"
                ) from None
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")
