"""person pronouns

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 14:42:55.938217
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pronouns', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""))



def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('pronouns')

