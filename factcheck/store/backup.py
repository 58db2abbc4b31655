"""Backing up and restoring a whole database.

Two formats. A SQLite database backs up to a SQLite file through SQLite's online backup API
(a consistent copy while others keep working). Any database can also be written as a
portable dump: JSON lines, a header then one line per row, table by table in dependency
order — the format for PostgreSQL, and the way to move a laptop's claims.db onto a shared
server. Restore reads either format and is all or nothing: a SQLite file onto SQLite is one
backup step, everything else is loaded in one transaction.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    String,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlmodel import SQLModel

import factcheck.store.models  # noqa: F401  (registers every table)
from factcheck.errors import UserError
from factcheck.store.db import (
    WRITE_OPTION,
    _alembic_config,
    create_sqlite_engine,
    describe,
    file_url,
    schema_revision,
    upgrade,
)
from factcheck.store.files import replacing
from factcheck.store.models import LINK_STATES, RELATIONS, ROLES, STATUSES

DUMP_FORMAT = "factcheck-dump"
DUMP_VERSION = 2  # 2: an end line counts the rows, so a dump cut short is refused
READABLE_DUMPS = (1, 2)
SQLITE_MAGIC = b"SQLite format 3\x00"
BATCH = 1000


@dataclass
class Counts:
    rows: int = 0
    tables: int = 0


def tables():
    """The tables a backup carries: derived ones (the encoder's vectors) are computed again
    by the next link run, and a dump could not hold their bytes anyway."""
    return [t for t in SQLModel.metadata.sorted_tables if not t.info.get("derived")]


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def backup(engine: Engine, target: Path, *, portable: bool | None = None) -> Counts:
    """Write a backup of the whole database to `target`, replacing it atomically. SQLite
    gives a SQLite file unless `portable` (or a .jsonl name) asks for the dump."""
    target = Path(target)
    if portable is None:
        portable = not is_sqlite(engine) or target.suffix.lower() in (".jsonl", ".json")
    if not portable and not is_sqlite(engine):
        raise UserError("only a SQLite database can be backed up as a SQLite file; use a .jsonl name")
    with replacing(target, what="backup", errors=(OSError, sqlite3.Error)) as temporary:
        if portable:
            with open(temporary, "w", encoding="utf-8") as out:
                return write_dump(engine, out)
        return _sqlite_backup(engine, temporary)


def _sqlite_backup(engine: Engine, temporary: Path) -> Counts:
    destination = sqlite3.connect(temporary)
    try:
        raw = engine.raw_connection()
        try:
            raw.driver_connection.backup(destination)
        finally:
            raw.close()
        # One self-contained file, whatever the journal mode of the live database.
        destination.execute("PRAGMA journal_mode=DELETE")
        counts = Counts(tables=len(tables()))
        for table in tables():
            counts.rows += destination.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
        return counts
    finally:
        destination.close()


def write_dump(engine: Engine, out: IO[str]) -> Counts:
    """Every row of every table, read in one transaction so the dump is consistent."""
    counts = Counts()
    with engine.connect() as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        header = {"format": DUMP_FORMAT, "version": DUMP_VERSION, "schema": schema_revision(connection)}
        out.write(json.dumps(header) + "\n")
        for table in tables():
            counts.tables += 1
            ordered = select(table).order_by(*table.primary_key.columns)
            for row in connection.execution_options(yield_per=BATCH).execute(ordered):
                values = {key: _plain(value) for key, value in row._mapping.items()}
                out.write(json.dumps({"table": table.name, "row": values}, ensure_ascii=False) + "\n")
                counts.rows += 1
        out.write(json.dumps({"end": {"rows": counts.rows}}) + "\n")
    return counts


def _plain(value):
    if isinstance(value, bytes | memoryview):  # an archived page: JSON holds it as base64
        return base64.b64encode(bytes(value)).decode("ascii")
    return value.isoformat() if isinstance(value, datetime) else value


def restore(engine: Engine, source: Path, *, replace: bool = False) -> Counts:
    """Load a backup into the database behind `engine`, which must be empty unless
    `replace`. Nothing changes unless everything loads."""
    source = Path(source)
    if source.is_dir():
        raise UserError(f"{source}: is a folder, not a backup file")
    if not source.is_file():
        raise UserError(f"{source}: no such backup file")
    try:
        with open(source, "rb") as probe:
            magic = probe.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise UserError(f"{source}: cannot read ({error.strerror or error})") from None
    try:
        if magic == SQLITE_MAGIC:
            return _restore_sqlite_file(engine, source, replace=replace)
        return _restore_dump(engine, source, replace=replace)
    except (IntegrityError, DataError) as error:  # rows that contradict each other or the schema
        reason = str(error.orig).strip().splitlines()[0]
        raise UserError(f"{source}: cannot be restored ({reason}); nothing was restored") from None


def _check_empty(connection, replace: bool) -> None:
    if replace:
        return
    for table in tables():
        if connection.execute(select(func.count()).select_from(table)).scalar_one():
            raise UserError(
                f"database {describe(connection.engine)} is not empty (table {table.name}); "
                "use --replace to overwrite it"
            )


def _restore_sqlite_file(engine: Engine, source: Path, *, replace: bool) -> Counts:
    backup_engine = create_sqlite_engine(file_url(source), read_only=True)
    try:
        revision = _checked_revision(engine, _whole_file_revision(backup_engine, source), source)
        if is_sqlite(engine):
            with engine.connect() as connection:
                _check_empty(connection, replace)
            with _checked_copy(backup_engine, engine, source) as checked:
                _sqlite_copy_over(checked, engine)
            with engine.connect() as connection:
                return _count(connection)
        if revision != _head(engine):
            raise UserError(f"{source}: made by an older factcheck; open it once with this one first")
        return _load_rows(engine, _checked_rows(_rows_of(backup_engine), source), replace=replace)
    finally:
        backup_engine.dispose()


def _whole_file_revision(backup_engine: Engine, source: Path) -> str | None:
    """The schema revision of a SQLite backup, checked whole first: a file cut short or
    damaged would otherwise be copied page by page over a good database."""
    try:
        with backup_engine.connect() as connection:
            found = list(connection.exec_driver_sql("PRAGMA quick_check(100)").scalars())
            if found == ["ok"]:
                return schema_revision(connection)
    except DBAPIError as error:
        found = [str(error.orig)]
    raise _damaged(source, "the SQLite file is damaged", found)


def _damaged(source: Path, what: str, reports: list[str]) -> UserError:
    """One line naming the first problem SQLite reports and how many more there are; all
    of them as the details."""
    problems = [line.strip() for report in reports for line in str(report).splitlines()
                if line.strip() and not line.startswith("*** in database")] or ["no reason given"]
    more = f", and {len(problems) - 1} more" if len(problems) > 1 else ""
    return UserError(f"{source}: {what} ({problems[0]}{more}); nothing was restored",
                     details="\n".join(problems))


@contextmanager
def _checked_copy(backup_engine: Engine, target: Engine, source: Path) -> Iterator[Engine]:
    """A copy of the backup at this program's schema, checked as a dump is: its full-text
    indexes against their rows (a backup edited by hand passes SQLite's own check, and
    would leave the claim filter finding what is no longer there), and every row against
    its table. The copy sits beside the target, which must have room for it anyway."""
    folder = Path(target.url.database).parent if target.url.database not in (None, "", ":memory:") else None
    with tempfile.TemporaryDirectory(prefix=".factcheck-restore-", dir=folder) as work:
        copy = create_sqlite_engine(file_url(Path(work) / "restore.db"))
        try:
            _sqlite_copy_over(backup_engine, copy)
            upgrade(copy)  # an older backup comes back at the program's schema
            _check_text_indexes(copy, source)
            for _ in _checked_rows(_rows_of(copy), source):
                pass
            yield copy
        finally:
            copy.dispose()


def _check_text_indexes(engine: Engine, source: Path) -> None:
    with engine.connect() as connection:
        names = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%'"
        ).scalars().all()
        for name in names:
            try:  # rank 1: the index is also compared with the rows it indexes
                connection.exec_driver_sql(f'INSERT INTO "{name}"("{name}", rank) VALUES (\'integrity-check\', 1)')
            except DBAPIError as error:
                raise _damaged(source, f"its text index {name} does not match its rows", [str(error.orig)]) from None
            finally:
                connection.rollback()


def _checked_rows(rows: Iterator[tuple[str, dict]], source: Path) -> Iterator[tuple[str, dict]]:
    """The rows of a SQLite backup, each checked against its table as a dump's are."""
    shapes = {table.name: _RowShape(table) for table in tables()}
    try:
        for name, row in rows:
            if problem := shapes[name].problem(row):
                raise UserError(f"{source}: a row is damaged ({problem}); nothing was restored")
            yield name, row
    except (ValueError, TypeError, OverflowError, DBAPIError) as error:  # a value the driver cannot read
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0].split(" with text ")[0]
        raise UserError(f"{source}: a row is damaged ({reason}); nothing was restored") from None


def _sqlite_copy_over(source: Engine, target: Engine) -> None:
    """The online backup API in reverse: the target's pages are replaced in one step."""
    raw_source, raw_target = source.raw_connection(), target.raw_connection()
    try:
        raw_source.driver_connection.backup(raw_target.driver_connection)
    except sqlite3.Error as error:
        raise UserError(f"cannot restore into {describe(target)}: {error}") from None
    finally:
        raw_source.close()
        raw_target.close()


def _rows_of(engine: Engine) -> Iterator[tuple[str, dict]]:
    with engine.connect() as connection:
        for table in tables():
            ordered = select(table).order_by(*table.primary_key.columns)
            for row in connection.execute(ordered):
                yield table.name, dict(row._mapping)


def _restore_dump(engine: Engine, source: Path, *, replace: bool) -> Counts:
    # bytes, each line decoded on its own: a byte that is not UTF-8 is one damaged line
    with open(source, "rb") as lines:
        try:
            header = json.loads((lines.readline() or b"null").decode("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            header = None
        if not isinstance(header, dict) or header.get("format") != DUMP_FORMAT:
            raise UserError(f"{source}: not a factcheck backup (neither a SQLite file nor a dump)")
        if header.get("version") not in READABLE_DUMPS:
            raise UserError(f"{source}: dump format {header.get('version')} is not supported")
        revision = _checked_revision(engine, header.get("schema"), source)
        if revision != _head(engine):
            raise UserError(f"{source}: made by an older factcheck schema ({revision}); "
                            "restore it with that version, then upgrade")
        counted = header["version"] >= 2
        return _load_rows(engine, _dump_rows(lines, source, counted=counted), replace=replace)


def _dump_rows(lines, source: Path, *, counted: bool) -> Iterator[tuple[str, dict]]:
    """The rows of a dump; with `counted`, its end line must come last and count them."""
    known = {table.name: table for table in tables()}
    moments = {table.name: [c.name for c in table.columns if _is_moment(c)] for table in tables()}
    binaries = {table.name: [c.name for c in table.columns if isinstance(c.type, LargeBinary)] for table in tables()}
    shapes = {table.name: _RowShape(table) for table in tables()}
    rows, ended = 0, False
    for number, line in enumerate(lines, start=2):
        try:
            entry = json.loads(line.decode("utf-8"))
            if counted and not ended and "end" in entry and entry["end"]["rows"] == rows:
                ended = True
                continue
            if ended:
                raise KeyError("after the end")
            table = known[entry["table"]]
            row = entry["row"]
        except UnicodeDecodeError:
            raise UserError(f"{source}: line {number} is damaged (not UTF-8 text); nothing was restored") from None
        except (json.JSONDecodeError, KeyError, TypeError):
            raise UserError(f"{source}: line {number} is damaged; nothing was restored") from None
        rows += 1
        for name in moments[table.name]:
            if isinstance(row.get(name), str):
                row[name] = _moment(row[name], source, number)
        for name in binaries[table.name]:
            if isinstance(row.get(name), str):
                row[name] = _binary(row[name], source, number)
        if problem := shapes[table.name].problem(row):
            raise UserError(f"{source}: line {number} is damaged ({problem}); nothing was restored")
        yield table.name, row
    if counted and not ended:
        raise UserError(f"{source}: the dump is cut short (no end line); nothing was restored")


# What each column holds, by its type; and the columns that hold one of a few words
_KINDS = ((Boolean, bool), (Integer, int), (Float, float), (DateTime, datetime), (String, str),
          (LargeBinary, bytes))
_WORDS = {("claim", "status"): STATUSES, ("link", "relation"): RELATIONS, ("link", "state"): LINK_STATES,
          ("document", "role"): ROLES}
_LARGEST = 2**63  # a database integer is signed 64-bit


class _RowShape:
    """What a row of one table must be. The database would refuse some rows mid-insert
    (a traceback rather than a line) and SQLite would take others as they are, leaving a
    status or a score no screen can show. Worked out once per table: restore checks every
    row of a dump."""

    def __init__(self, table) -> None:
        self.table = table.name
        self.names = set(table.columns.keys())
        self.columns = []
        for column in table.columns:
            sql_type = getattr(column.type, "impl", column.type)  # sqlmodel wraps some types
            kind = next((python for sql, python in _KINDS if isinstance(sql_type, sql)), object)
            self.columns.append((column.name, kind, column.nullable, _WORDS.get((table.name, column.name))))

    def problem(self, row) -> str | None:
        """Why `row` cannot go into the table as it is: a column missing or unknown, empty
        where it may not be, of the wrong type or out of range, or a word that column
        never holds; None when it can."""
        if not isinstance(row, dict):
            return f"a {self.table} row that is not an object"
        if row.keys() != self.names:
            unknown = sorted(set(row) - self.names)
            missing = [name for name, *_ in self.columns if name not in row]
            return f"{self.table} has no column {unknown[0]!r}" if unknown else f"{self.table}.{missing[0]} is missing"
        for name, kind, nullable, words in self.columns:
            value = row[name]
            if value is None:
                if not nullable:
                    return f"{self.table}.{name} is empty"
                continue
            found = type(value)
            if found is not kind and not (kind is float and found is int) and kind is not object:
                return f"{self.table}.{name} is {found.__name__}, not {kind.__name__}"
            if found is int and not -_LARGEST <= value < _LARGEST or found is float and not math.isfinite(value):
                return f"{self.table}.{name} is out of range"
            if words is not None and value not in words:
                return f"{self.table}.{name} is {value!r}, not one of {', '.join(words)}"
        return None


def _moment(text: str, source: Path, number: int) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise UserError(f"{source}: line {number} is damaged; nothing was restored") from None


def _binary(text: str, source: Path, number: int) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise UserError(f"{source}: line {number} is damaged; nothing was restored") from None


def _is_moment(column) -> bool:
    kind = getattr(column.type, "impl", column.type)  # sqlmodel wraps DateTime in a decorator
    return isinstance(kind, DateTime)


def _load_rows(engine: Engine, rows: Iterator[tuple[str, dict]], *, replace: bool) -> Counts:
    known = {table.name: table for table in tables()}
    counts = Counts()
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as connection, \
            connection.begin():
            _check_empty(connection, replace)
            for table in reversed(tables()):
                connection.execute(delete(table))
            batch: list[dict] = []
            current = None
            for name, row in rows:
                if name != current and batch:
                    connection.execute(insert(known[current]), batch)
                    batch = []
                current = name
                batch.append(row)
                counts.rows += 1
                if len(batch) >= BATCH:
                    connection.execute(insert(known[current]), batch)
                    batch = []
            if batch:
                connection.execute(insert(known[current]), batch)
            _reset_sequences(connection)
    counts.tables = len(known)
    return counts


def _reset_sequences(connection) -> None:
    """Rows came with their ids; PostgreSQL's counters must move past them."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables():
        if "id" in table.columns:
            connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM \"{table.name}\""
            ))


def _head(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(_alembic_config(engine)).get_heads()
    return heads[0] if len(heads) == 1 else None


def _checked_revision(engine: Engine, revision: str | None, source: Path) -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(engine))
    if not revision:
        raise UserError(f"{source}: the backup has no factcheck schema version")
    try:
        script.get_revision(revision)
    except Exception:
        raise UserError(
            f"{source}: schema {revision} is newer than this factcheck: upgrade factcheck to restore it"
        ) from None
    return revision


def _count(connection) -> Counts:
    counts = Counts(tables=len(tables()))
    for table in tables():
        counts.rows += connection.execute(select(func.count()).select_from(table)).scalar_one()
    return counts
