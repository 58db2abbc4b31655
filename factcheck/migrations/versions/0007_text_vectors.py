"""sentence-encoder vectors of passages and claims; a confidence for each link's relation

Two tables hold the vectors of the multilingual sentence encoder, one row per passage or
claim: the model's name and version, a hash of the text as encoded (both say when a vector
is stale and must be computed again) and the vector itself (512 float16 values, 1 KB).
They start empty: the next `factcheck link` computes them, with a progress bar. A link
gains the confidence (0-1) of its relation; links suggested before stay without one until
the next link run replaces them.

Revision ID: 0007_text_vectors
Revises: 0006_document_metadata
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_text_vectors"
down_revision: str | None = "0006_document_metadata"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _vector_table(name: str, owner: str) -> None:
    op.create_table(
        name,
        sa.Column(f"{owner}_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("text_hash", sa.String(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint([f"{owner}_id"], [f"{owner}.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint(f"{owner}_id"),
    )


def upgrade() -> None:
    _vector_table("passage_vector", "passage")
    _vector_table("claim_vector", "claim")
    with op.batch_alter_table("link", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("link", schema=None) as batch_op:
        batch_op.drop_column("confidence")
    op.drop_table("claim_vector")
    op.drop_table("passage_vector")
