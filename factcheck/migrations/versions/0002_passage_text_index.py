"""text index over passages, retired passages

SQLite: an FTS5 table with the trigram tokenizer (works for Chinese, which has no spaces),
kept in sync with passage.text by triggers. PostgreSQL: pg_trgm with a GIN trigram index,
which serves ILIKE '%term%'. A passage is `retired` when its document was re-ingested with
edits and only an orphaned link still points at it: it is kept for the reviewer, never
retrieved as evidence again.

Revision ID: 0002
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_UP = [
    "CREATE VIRTUAL TABLE passage_fts USING fts5("
    "text, content='passage', content_rowid='id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE passage_fts_terms USING fts5vocab(passage_fts, 'row')",
    "CREATE TRIGGER passage_fts_insert AFTER INSERT ON passage BEGIN "
    "INSERT INTO passage_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER passage_fts_delete AFTER DELETE ON passage BEGIN "
    "INSERT INTO passage_fts(passage_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER passage_fts_update AFTER UPDATE OF text ON passage BEGIN "
    "INSERT INTO passage_fts(passage_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO passage_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO passage_fts(passage_fts) VALUES ('rebuild')",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS passage_fts_update",
    "DROP TRIGGER IF EXISTS passage_fts_delete",
    "DROP TRIGGER IF EXISTS passage_fts_insert",
    "DROP TABLE IF EXISTS passage_fts_terms",
    "DROP TABLE IF EXISTS passage_fts",
]
_POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_passage_text_trgm ON passage USING gin (text gin_trgm_ops)",
]
_POSTGRES_DOWN = ["DROP INDEX IF EXISTS ix_passage_text_trgm"]


def upgrade() -> None:
    with op.batch_alter_table("passage", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_UP if dialect == "sqlite" else _POSTGRES_UP if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_DOWN if dialect == "sqlite" else _POSTGRES_DOWN if dialect == "postgresql" else []:
        op.execute(statement)
    with op.batch_alter_table("passage", schema=None) as batch_op:
        batch_op.drop_column("retired")
