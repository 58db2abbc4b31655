"""Writes tests/data/claims-v0001.db: a database made by the first schema version (alembic
revision 0001) holding the demo, links, verdicts, notes and aliases. It was made once with
the 0001 code and is kept as it is; the migration test upgrades a copy to the current
schema. Regenerate it only from a checkout whose head is 0001."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "tests" / "data" / "claims-v0001.db"


def main() -> None:
    from alembic import command

    from factcheck.services.ingest import ingest_paths
    from factcheck.services.linking import link_all
    from factcheck.services.review import add_note, record_verdict
    from factcheck.store.db import _alembic_config, make_engine

    TARGET.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{TARGET}", migrate=False)
    with engine.begin() as connection:
        config = _alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    ingest_paths(engine, [ROOT / "sources" / "articles"], date="2024-05-22")
    ingest_paths(engine, [ROOT / "sources" / "evidence"], role="source")
    link_all(engine)
    record_verdict(engine, 1, "refuted", reviewer="ann", note="the source gives another figure")
    record_verdict(engine, 2, "supported", reviewer="bo")
    add_note(engine, 2, "checked against the filing", reviewer="bo")
    engine.dispose()
    with sqlite3.connect(TARGET) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        connection.execute("PRAGMA journal_mode=DELETE")
    with sqlite3.connect(TARGET) as connection:
        connection.execute("VACUUM")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
