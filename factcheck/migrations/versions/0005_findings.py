"""findings of the consistency checks, on the claims they are about

Revision ID: 0005_findings
Revises: 0004_assignments

The findings of articles already stored are not computed here (a migration carries no
extraction code): `factcheck checks --recompute` computes them.
"""
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0005_findings"
down_revision: str | None = "0004_assignments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("result", sa.String(), nullable=False),
        sa.Column("arithmetic", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quantities", sa.String(), nullable=False),
        sa.Column("figures", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_finding_result"), ["result"], unique=False)

    op.create_table(
        "findingclaim",
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("raised", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["finding_id"], ["finding.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("finding_id", "claim_id"),
    )
    with op.batch_alter_table("findingclaim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_findingclaim_claim_id"), ["claim_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("findingclaim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findingclaim_claim_id"))
    op.drop_table("findingclaim")
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_result"))
        batch_op.drop_index(batch_op.f("ix_finding_document_id"))
    op.drop_table("finding")
