"""text index over claims, for the workbench's free-text filter

The filter is a case-insensitive substring of a claim's text or label. Without an index a
word that few claims contain reads every claim. SQLite: an FTS5 table with the trigram
tokenizer over claim.text and claim.label (external content: the text is stored once, in
claim), kept in sync by triggers and filled from the claims already there. PostgreSQL:
pg_trgm GIN indexes on both columns, which serve ILIKE '%term%'.

A later migration that rebuilds the claim table on SQLite (batch mode copies and renames
it) drops these triggers with the old table and must create them again.

Revision ID: 0003
Revises: 0002
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_UP = [
    "CREATE VIRTUAL TABLE claim_fts USING fts5("
    "text, label, content='claim', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, text, label) VALUES (new.id, new.text, new.label); END",
    "CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text, label) "
    "VALUES ('delete', old.id, old.text, old.label); END",
    "CREATE TRIGGER claim_fts_update AFTER UPDATE OF text, label ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text, label) "
    "VALUES ('delete', old.id, old.text, old.label); "
    "INSERT INTO claim_fts(rowid, text, label) VALUES (new.id, new.text, new.label); END",
    "INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS claim_fts_update",
    "DROP TRIGGER IF EXISTS claim_fts_delete",
    "DROP TRIGGER IF EXISTS claim_fts_insert",
    "DROP TABLE IF EXISTS claim_fts",
]
_POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_claim_text_trgm ON claim USING gin (text gin_trgm_ops)",
    "CREATE INDEX ix_claim_label_trgm ON claim USING gin (label gin_trgm_ops)",
]
_POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_claim_label_trgm",
    "DROP INDEX IF EXISTS ix_claim_text_trgm",
]


def _statements(sqlite: list[str], postgres: list[str]) -> list[str]:
    dialect = op.get_bind().dialect.name
    return sqlite if dialect == "sqlite" else postgres if dialect == "postgresql" else []


def upgrade() -> None:
    for statement in _statements(_SQLITE_UP, _POSTGRES_UP):
        op.execute(statement)


def downgrade() -> None:
    for statement in _statements(_SQLITE_DOWN, _POSTGRES_DOWN):
        op.execute(statement)
