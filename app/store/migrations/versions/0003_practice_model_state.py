"""practice model state: learner snapshots, skill stats, model bookkeeping, checkpoints

Derived, local tables (never synced); indexes on attempt (at, id), for replaying in order, and on
item (skill_id, deleted), for counting the bank per skill. No synced field changes.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('learner_snapshot',
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('student_id')
    )
    op.create_table('skill_stat',
    sa.Column('skill_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('difficulty', sa.Float(), nullable=False),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.Column('weights', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('skill_id')
    )
    op.create_table('practice_model',
    sa.Column('key', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('params', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('weights', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('last_at', sa.Float(), nullable=True),
    sa.Column('last_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('max_rowid', sa.Integer(), nullable=False),
    sa.Column('dirty_at', sa.Float(), nullable=True),
    sa.Column('dirty_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('generation', sa.Integer(), nullable=False),
    sa.Column('built_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('practice_checkpoint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_at', sa.Float(), nullable=False),
    sa.Column('last_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    # A plain CREATE INDEX (not a batch table copy): fast on a class-year of attempts.
    op.create_index('ix_attempt_at_id', 'attempt', ['at', 'id'], unique=False)
    op.create_index('ix_item_skill_deleted', 'item', ['skill_id', 'deleted'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_item_skill_deleted', table_name='item')
    op.drop_index('ix_attempt_at_id', table_name='attempt')
    op.drop_table('practice_checkpoint')
    op.drop_table('practice_model')
    op.drop_table('skill_stat')
    op.drop_table('learner_snapshot')
