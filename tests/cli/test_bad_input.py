"""Every command given bad input, as a user runs it: one line on stderr, a non-zero exit, no
traceback, and nothing half-written: no report or backup cut short where a good one was, no
change to the database."""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import text

from factcheck.report.json_report import write_json
from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import link_all
from factcheck.store.db import make_engine

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "sources" / "articles" / "tmtpost-openai-2024-05.txt"
EVIDENCE = ROOT / "sources" / "evidence"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(cwd: Path, db: str, *args: str, file_size_limit: int | None = None, user: list[str] | None = None,
        stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DB"}
    command = [*(user or []), sys.executable, "-m", "factcheck", "--db", db, *args]

    def limit() -> None:  # a disk that fills up: writes past the limit fail (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(command, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, text=True,
                          env=env, timeout=120, preexec_fn=limit if file_size_limit else None)


def one_line(result: subprocess.CompletedProcess, *fragments: str) -> str:
    assert result.returncode not in (0, None), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factcheck: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def filled(engine, db_url: str) -> str:
    """The test's database with the demo article and evidence in it (stored here: the
    commands under test are what runs as a user runs them)."""
    ingest_paths(engine, [ARTICLE])
    ingest_paths(engine, [EVIDENCE], role="source")
    link_all(engine)
    engine.dispose()
    return db_url


def _state(db: str) -> list:
    """What a user sees of the database: every claim with its status, links and history."""
    engine = make_engine(db)
    out = io.StringIO()
    write_json(engine, out)
    engine.dispose()
    return json.loads(out.getvalue())["claims"]


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["ingest"], "Missing argument"),
        (["ingest", "--jobs", "0", "x.txt"], "--jobs"),
        (["review", "abc", "refuted"], "claim_id"),
        (["export", "--format"], "--format"),
        (["--bogus"], "--bogus"),
        (["nosuchcommand"], "nosuchcommand"),
        (["sources"], "add"),
    ],
)
def test_what_the_parser_refuses_is_one_line(tmp_path: Path, db_url: str, args, fragment):
    result = run(tmp_path, db_url, *args)
    assert result.returncode == 2
    one_line(result, fragment, "--help")


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["review", "99999999999999999999999", "refuted"], "no claim with id"),
        (["review", "1", "bogus"], "unknown status"),
        (["claims", "--kind", "bogus"], "unknown kind"),
        (["claims", "--status", "bogus"], "unknown status"),
        (["ingest", str(ARTICLE), "--date", "yesterday"], "--date"),
        (["ingest", str(ARTICLE), "--date", "2024-13-01"], "--date"),
        (["export", "--since", "2024-13-01"], "--since"),
        (["export", "--since", "yesterday"], "--since"),
        (["export", "--format", "pdf"], "unknown format"),
        (["export", "--document", "no-such-article.txt"], "no document matches"),
        (["export", "--document", ""], "--document needs a path"),
        (["export", "--format", "md", "--publisher", "Desk"], "--publisher is for the public report"),
        (["export", "--format", "claimreview"], "publisher"),
        (["export", "-o", "no/such/folder/report.md"], "folder does not exist"),
        (["backup", "no/such/folder/claims.bak"], "folder does not exist"),
        (["restore", "no-such.bak"], "no such backup file"),
        (["ingest", "no-such.txt"], "no such file"),
        (["sources", "add", "no-such-folder"], "no such file"),
    ],
)
def test_a_bad_value_is_one_line_and_changes_nothing(tmp_path: Path, filled: str, args, fragment):
    before = _state(filled)
    one_line(run(tmp_path, filled, *args), fragment)
    assert _state(filled) == before


@pytest.mark.sqlite_only(reason="a database that is a file")
@pytest.mark.parametrize("args", [
    ["export", "--format", "md", "-o", "{db}"],
    ["backup", "{db}"],
    ["restore", "--replace", "{db}"],
])
def test_the_database_file_is_never_an_output(tmp_path: Path, filled: str, args):
    database = filled.removeprefix("sqlite:///")
    before = _state(filled)
    one_line(run(tmp_path, filled, *[a.format(db=database) for a in args]), "is the database itself")
    assert _state(filled) == before
    os.link(database, tmp_path / "same-file.db")
    one_line(run(tmp_path, filled, *[a.format(db=tmp_path / "same-file.db") for a in args]), "is the database itself")
    assert _state(filled) == before


@pytest.mark.sqlite_only(reason="the files beside a SQLite database")
@pytest.mark.parametrize("args", [["export", "-f", "csv", "-o", "{db}-wal"], ["backup", "{db}-wal"],
                                  ["export", "-o", "{db}-shm"], ["backup", "{db}-journal"]])
def test_the_files_beside_the_database_are_never_an_output(tmp_path: Path, filled: str, args):
    """While the workbench is open, the last verdicts are in the -wal file: a report written
    over it would lose them."""
    database = filled.removeprefix("sqlite:///")
    workbench = sqlite3.connect(database, isolation_level=None)
    try:
        workbench.execute("PRAGMA wal_autocheckpoint=0")
        workbench.execute("UPDATE claim SET status = 'refuted' WHERE id = 1")
        before = _state(filled)
        one_line(run(tmp_path, filled, *[a.format(db=database) for a in args]), "name another file")
        assert _state(filled) == before
    finally:
        workbench.close()
    assert [c["status"] for c in _state(filled) if c["id"] == 1] == ["refuted"]


@pytest.mark.parametrize("args", [
    ["export", "-o", "folder"],
    ["backup", "folder"],
    ["restore", "folder"],
])
def test_a_folder_where_a_file_is_expected(tmp_path: Path, filled: str, args):
    (tmp_path / "folder").mkdir()
    one_line(run(tmp_path, filled, *args), "folder")
    assert list((tmp_path / "folder").iterdir()) == []


def test_a_folder_as_the_database(tmp_path: Path):
    (tmp_path / "folder").mkdir()
    one_line(run(tmp_path, str(tmp_path / "folder"), "claims"), "cannot open database", "is a folder")
    one_line(run(tmp_path, f"sqlite+nodriver:///{tmp_path / 'x.db'}", "claims"), "cannot open database")


@pytest.mark.parametrize("args, name", [
    (["export", "--format", "json", "-o"], "report.json"),
    (["export", "--format", "html", "--audience", "internal", "-o"], "report.html"),
    (["backup", "--portable"], "claims.jsonl"),
    pytest.param(["backup"], "claims.bak", marks=pytest.mark.sqlite_only(reason="a SQLite file backup")),
])
def test_a_full_disk_keeps_the_previous_file(tmp_path: Path, filled: str, args, name):
    target = tmp_path / "out" / name
    target.parent.mkdir()
    assert run(tmp_path, filled, *args, str(target)).returncode == 0
    good = target.read_bytes()
    assert len(good) > 40_000
    assert run(tmp_path, filled, "review", "1", "refuted").returncode == 0  # the next one differs
    one_line(run(tmp_path, filled, *args, str(target), file_size_limit=40_000), str(target), "cannot write")
    assert target.read_bytes() == good
    assert sorted(p.name for p in target.parent.iterdir()) == [name]  # no temporary file left


def test_a_full_disk_behind_standard_output(tmp_path: Path, filled: str):
    for args in (["claims", "--json"], ["export", "--format", "html", "--audience", "internal"]):
        with open(tmp_path / "out.txt", "w") as out:
            result = run(tmp_path, filled, *args, file_size_limit=40_000, stdout=out)
        one_line(result, "cannot write to standard output")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_device_is_one_line(tmp_path: Path, filled: str):
    one_line(run(tmp_path, filled, "export", "-o", "/dev/full"), "No space left on device")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_backup_never_replaces_what_is_not_a_file(tmp_path: Path, filled: str):
    """A backup is renamed into place, which would replace a device or a pipe by a file
    (/dev/full was once replaced so): it is refused. (Tested on a pipe of the test's own.)"""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    one_line(run(tmp_path, filled, "backup", str(pipe)), "not a regular file")
    one_line(run(tmp_path, filled, "backup", "--portable", str(pipe)), "not a regular file")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def _not_sqlite(path: Path) -> None:
    path.write_text("these are my notes, not a database\n" * 100)


def _newer(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()


COMMANDS = [
    [],  # the workbench
    ["claims"],
    ["ingest", str(ARTICLE)],
    ["sources", "add", str(EVIDENCE)],
    ["link"],
    ["review", "1", "refuted"],
    ["export", "-o", "report.md"],
    ["backup", "claims.bak"],
    ["restore", "--replace", str(ARTICLE)],
]


@pytest.mark.parametrize("make, fragment", [(_not_sqlite, "not a database"), (_newer, "newer")])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]) or "workbench")
def test_every_command_refuses_a_database_it_cannot_use(tmp_path: Path, make, fragment, args):
    database = tmp_path / "claims.db"
    make(database)
    before = database.read_bytes()
    one_line(run(tmp_path, str(database), *args), fragment)
    assert database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"]  # nothing written beside it


def _as_another_user(folder: Path) -> list[str]:
    """Run as a user for whom file modes count (root reads and writes whatever the mode):
    nobody, or where this interpreter is out of nobody's reach, root without its
    capabilities (it then owns the files it made but obeys their modes); skipped where
    neither can be run."""
    if not IS_ROOT:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("needs setpriv to run as an ordinary user")
    marker = folder / "modes-probe"
    marker.write_text("")
    marker.chmod(0o444)
    try:
        for user in ([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"],
                     [setpriv, "--bounding-set=-all", "--inh-caps=-all"]):
            probe = subprocess.run([*user, sys.executable, "-c", "import factcheck.cli, os, sys; "
                                    f"sys.exit(os.access({str(marker)!r}, os.W_OK))"],
                                   cwd=folder, capture_output=True, timeout=60)
            if probe.returncode == 0:
                return user
    finally:
        marker.unlink()
    pytest.skip("this interpreter cannot be run as an ordinary user here")


@pytest.fixture
def shared_folder():
    """A folder every user may read (pytest's own is private to its user)."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-modes-"))
    folder.chmod(0o755)
    yield folder
    for entry in folder.iterdir():  # what the test closed, opened again to be removed
        entry.chmod(0o755)
    shutil.rmtree(folder)


@pytest.mark.sqlite_only(reason="file modes of a SQLite database")
def test_a_read_only_database_and_unreadable_files(shared_folder: Path):
    user = _as_another_user(shared_folder)
    team = shared_folder / "team"  # the database and its folder: neither may be written
    team.mkdir()
    database = team / "claims.db"
    assert run(shared_folder, str(database), "ingest", str(ARTICLE)).returncode == 0
    team.chmod(0o555)
    locked = shared_folder / "locked.txt"
    locked.write_text("OpenAI raised $10 billion.\n")
    locked.chmod(0)
    closed = shared_folder / "closed"
    closed.mkdir()
    shutil.copy(ARTICLE, closed / "article.txt")
    closed.chmod(0)
    read_only = shared_folder / "read-only"
    read_only.mkdir(mode=0o555)
    read_only.chmod(0o555)
    database.chmod(0o444)
    before = database.read_bytes()
    for args, fragments in [
        (["review", "1", "refuted"], ("read-only",)),
        (["ingest", str(locked)], ("read-only",)),
    ]:
        one_line(run(shared_folder, str(database), *args, user=user), *fragments)
    assert database.read_bytes() == before
    # with a database of its own, the same user meets the files it cannot read or write
    own = shared_folder / "own"
    own.mkdir()
    own.chmod(0o777)
    mine = str(own / "claims.db")
    for args, fragments in [
        (["ingest", str(locked)], ("locked.txt", "cannot read")),
        (["ingest", str(closed)], ("closed", "cannot read")),
        (["restore", str(locked)], ("locked.txt", "cannot read")),
        (["export", "-o", str(read_only / "report.md")], ("report.md", "cannot write")),
        (["backup", str(read_only / "claims.bak")], ("claims.bak", "cannot write")),
    ]:
        one_line(run(shared_folder, mine, *args, user=user), *fragments)
    assert list(read_only.iterdir()) == []


@pytest.mark.sqlite_only(reason="file modes of a SQLite database")
def test_a_read_only_database_in_a_closed_folder_can_be_listed_exported_and_backed_up(shared_folder: Path):
    """An editor given the team's database read-only (the file and its folder) can still
    list, report and copy it; what would write is refused, and nothing appears beside it."""
    closed = shared_folder / "archive"
    closed.mkdir()
    database = closed / "claims.db"
    assert run(closed, str(database), "ingest", str(ARTICLE)).returncode == 0
    assert run(closed, str(database), "review", "14", "refuted", "--note", "valuation").returncode == 0
    database.chmod(0o444)
    closed.chmod(0o555)
    user = _as_another_user(shared_folder)
    own = shared_folder / "own"
    own.mkdir()
    own.chmod(0o777)
    before = database.read_bytes()

    listed = run(own, str(database), "claims", "--status", "refuted", user=user)
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines()[1:]] == ["14"]  # under the heading
    exported = run(own, str(database), "export", "-f", "json", "-o", str(own / "report.json"), user=user)
    assert exported.returncode == 0, exported.stderr
    report = json.loads((own / "report.json").read_text("utf-8"))
    assert [c["id"] for c in report["claims"] if c["status"] == "refuted"] == [14]
    backed_up = run(own, str(database), "backup", str(own / "copy.db"), user=user)
    assert backed_up.returncode == 0, backed_up.stderr
    copy = own / "copy.db"
    assert run(own, str(copy), "claims", "--status", "refuted").stdout == listed.stdout

    one_line(run(own, str(database), "review", "14", "supported", user=user), "read-only")
    one_line(run(own, str(database), "ingest", str(ARTICLE), user=user), "read-only")
    assert database.read_bytes() == before
    assert sorted(p.name for p in closed.iterdir()) == ["claims.db"]


@pytest.mark.sqlite_only(reason="file modes of a SQLite database")
def test_a_read_only_database_of_an_older_schema_says_it_needs_an_upgrade(shared_folder: Path):
    closed = shared_folder / "old"
    closed.mkdir()
    database = closed / "claims.db"
    shutil.copy(ROOT / "tests" / "data" / "claims-v0001.db", database)
    database.chmod(0o444)
    closed.chmod(0o555)
    user = _as_another_user(shared_folder)
    before = database.read_bytes()
    one_line(run(shared_folder, str(database), "claims", user=user), "read-only", "older factcheck", "upgrade")
    assert database.read_bytes() == before


@pytest.mark.sqlite_only(reason="file modes of a SQLite database")
def test_a_read_only_reader_sees_what_a_writer_has_open_committed(shared_folder: Path):
    """While the owner works on the database, its last commits are in the -wal file; a
    reader who may not write it reads them too, through the owner's -shm."""
    closed = shared_folder / "live"
    closed.mkdir()
    database = closed / "claims.db"
    assert run(closed, str(database), "ingest", str(ARTICLE)).returncode == 0
    database.chmod(0o444)
    closed.chmod(0o555)
    user = _as_another_user(shared_folder)
    owner = sqlite3.connect(database, isolation_level=None)
    try:
        owner.execute("PRAGMA wal_autocheckpoint=0")  # the commit stays in the -wal file
        owner.execute("UPDATE claim SET status = 'misleading' WHERE id = 14")
        assert (closed / "claims.db-wal").stat().st_size > 0
        listed = run(shared_folder, str(database), "claims", "--status", "misleading", user=user)
        assert listed.returncode == 0, listed.stderr
        assert [line.split()[0] for line in listed.stdout.splitlines()[1:]] == ["14"]  # under the heading
    finally:
        owner.close()
