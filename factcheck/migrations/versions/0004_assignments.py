"""assignments: who is to check a claim

`claim.assignee` names the reviewer a claim is assigned to (none by default), indexed for
the `assignee:NAME` and `mine` filters. The column is added in place (ALTER TABLE ADD
COLUMN), not by rebuilding the table in batch mode: a rebuild on SQLite would drop the
triggers that keep the claim text index of 0003 in step.

Revision ID: 0004_assignments
Revises: 0003
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_assignments"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("claim", sa.Column("assignee", sa.String(), nullable=True))
    op.create_index("ix_claim_assignee", "claim", ["assignee"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_claim_assignee", table_name="claim")
    op.drop_column("claim", "assignee")  # in place (SQLite 3.35 and later), triggers kept
