"""document metadata and archived copies of fetched pages

A document read from a web page keeps its author and site name (its language, title,
publication date and canonical URL already have columns). A page fetched from the web
keeps the bytes as they were fetched, with the address asked for, the address they came
from after redirects, the server's Date header and the time of the fetch, in a table of
its own: a report cites the page "as fetched on" that day, and fetching it again tells
whether it changed. Deleting a document deletes its copies.

Revision ID: 0006_document_metadata
Revises: 0005_findings
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_document_metadata"
down_revision: str | None = "0005_findings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("author", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("site_name", sa.String(), nullable=True))
    op.create_table(
        "archive",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id", sa.Integer(),
            sa.ForeignKey("document.id", ondelete="CASCADE"), nullable=False,
        ),
        sa.Column("requested_url", sa.String(), nullable=False),
        sa.Column("final_url", sa.String(), nullable=False),
        sa.Column("content_type", sa.String(), nullable=False, server_default=""),
        sa.Column("http_date", sa.String(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ix_archive_document_id", "archive", ["document_id"])
    op.create_index("ix_archive_requested_url", "archive", ["requested_url"])
    op.create_index("ix_archive_final_url", "archive", ["final_url"])


def downgrade() -> None:
    op.drop_index("ix_archive_final_url", table_name="archive")
    op.drop_index("ix_archive_requested_url", table_name="archive")
    op.drop_index("ix_archive_document_id", table_name="archive")
    op.drop_table("archive")
    # SQLite drops a column in place (3.35 and later): batch mode would copy the document
    # table, which the claim and passage text indexes' triggers keep locked
    for column in ("site_name", "author"):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE document DROP COLUMN {column}")
        else:
            op.drop_column("document", column)
