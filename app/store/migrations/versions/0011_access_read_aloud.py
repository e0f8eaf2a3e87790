"""profile.read_aloud: a teacher turns read aloud on for a student (issue 18, item 5)

A synced field of the profile, written by teachers only (the write policy lists what students may
write, and this is not among it). Existing profiles start with it off.

Revision ID: 0011_access
Revises: 0010_leaders
"""
import sqlalchemy as sa
from alembic import op

revision = '0011_access'
down_revision = '0010_leaders'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('read_aloud', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('profile', schema=None) as batch_op:
        batch_op.drop_column('read_aloud')
