"""drop the partition index on attempt

Every synced attempt paid for one more b-tree insert to keep an index that only erasing a student
reads. Without it, applying a class-year of attempts through sync is ~15% faster. No synced field
changes (the sync schema version stays).

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_attempt_partition")


def downgrade() -> None:
    op.create_index('ix_attempt_partition', 'attempt', ['partition'], unique=False)
