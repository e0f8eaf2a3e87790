"""external ids: links from Tessera's rows to their ids in a school's other systems (issue 17)

Revision ID: 0006_interop
Revises: 0005
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0006_interop'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'external_id',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column('created_at', sa.Float(), nullable=False),
        sa.Column('updated_at', sa.Float(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('system', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('external_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('tessera_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
    )
    with op.batch_alter_table('external_id', schema=None) as batch_op:
        batch_op.create_index('ix_external_id_partition', ['partition'], unique=False)
        batch_op.create_index('ix_external_id_system', ['system'], unique=False)
        batch_op.create_index('ix_external_id_tessera_id', ['tessera_id'], unique=False)


def downgrade() -> None:
    op.drop_table('external_id')
