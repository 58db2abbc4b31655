"""initial schema

Revision ID: 0001
Revises: 
"""
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('variant', sa.String(), nullable=False),
    sa.Column('origin', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name', 'variant', name='uq_alias_name_variant')
    )
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alias_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_alias_variant'), ['variant'], unique=False)

    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('path', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('language', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('url', sa.String(), nullable=True),
    sa.Column('published', sa.String(), nullable=True),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_path'), ['path'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_role'), ['role'], unique=False)

    op.create_table('claim',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('checkworthiness', sa.Float(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.String(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index('ix_claim_document_start', ['document_id', 'start'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_group_id'), ['group_id'], unique=False)
        batch_op.create_index('ix_claim_queue', ['checkworthiness', 'document_id', 'start'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_status'), ['status'], unique=False)

    op.create_table('passage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passage_document_id'), ['document_id'], unique=False)

    op.create_table('link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('passage_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('relation', sa.String(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('reasons', sa.String(), nullable=False),
    sa.Column('exact', sa.Text(), server_default='', nullable=False),
    sa.Column('prefix', sa.String(), nullable=False),
    sa.Column('suffix', sa.String(), nullable=False),
    sa.Column('orphaned', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['passage_id'], ['passage.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('claim_id', 'passage_id', name='uq_link_claim_passage')
    )
    with op.batch_alter_table('link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_link_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_link_passage_id'), ['passage_id'], unique=False)

    op.create_table('quantity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=True),
    sa.Column('passage_id', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('iso', sa.String(), nullable=True),
    sa.Column('unit', sa.String(), nullable=False),
    sa.Column('display', sa.String(), nullable=False),
    sa.Column('qualifier', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['passage_id'], ['passage.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quantity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quantity_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index('ix_quantity_kind_value', ['kind', 'unit', 'value'], unique=False)
        batch_op.create_index(batch_op.f('ix_quantity_passage_id'), ['passage_id'], unique=False)

    op.create_table('reviewevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reviewer', sa.String(), nullable=False),
    sa.Column('field', sa.String(), nullable=False),
    sa.Column('old', sa.String(), nullable=True),
    sa.Column('new', sa.String(), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reviewevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviewevent_claim_id'), ['claim_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reviewevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviewevent_claim_id'))

    op.drop_table('reviewevent')
    with op.batch_alter_table('quantity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quantity_passage_id'))
        batch_op.drop_index('ix_quantity_kind_value')
        batch_op.drop_index(batch_op.f('ix_quantity_claim_id'))

    op.drop_table('quantity')
    with op.batch_alter_table('link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_link_passage_id'))
        batch_op.drop_index(batch_op.f('ix_link_claim_id'))

    op.drop_table('link')
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passage_document_id'))

    op.drop_table('passage')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_status'))
        batch_op.drop_index('ix_claim_queue')
        batch_op.drop_index(batch_op.f('ix_claim_group_id'))
        batch_op.drop_index('ix_claim_document_start')

    op.drop_table('claim')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_role'))
        batch_op.drop_index(batch_op.f('ix_document_path'))

    op.drop_table('document')
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alias_variant'))
        batch_op.drop_index(batch_op.f('ix_alias_name'))

    op.drop_table('alias')
