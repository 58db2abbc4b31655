"""Alembic environment: runs on the connection handed over by factcheck.store.db.upgrade."""

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import factcheck.store.models  # noqa: F401  (registers every table on SQLModel.metadata)

target_metadata = SQLModel.metadata


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:  # the alembic command line, for writing new revisions
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        run_migrations(connection)
