"""sign-in events (synced) replace the per-machine wrong-PIN table; teachers' machine settings

``signin_event`` is a synced, append-only table: wrong PINs and passwords, sign-ins after wrong
ones, and teachers' unlocks; every machine of the school derives the same lock-out from it.
``signin_attempt`` (a per-machine count any OS user could delete) goes; counts in it are not carried
over (a wrong-PIN wait of at most 15 minutes ends at the upgrade). ``machine_setting`` (local) keeps
what a teacher set for this computer in Tessera, which a lab machine reads instead of the shared
settings.json.

Revision ID: 0009_signin
Revises: 0008_trust
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0009_signin'
down_revision = '0008_trust'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('signin_event',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('by_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('signin_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signin_event_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_signin_event_person_id'), ['person_id'], unique=False)
    op.create_table('machine_setting',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('set_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('set_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.drop_table('signin_attempt')


def downgrade() -> None:
    op.create_table('signin_attempt',
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('person_id')
    )
    op.drop_table('machine_setting')
    with op.batch_alter_table('signin_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signin_event_person_id'))
        batch_op.drop_index(batch_op.f('ix_signin_event_partition'))
    op.drop_table('signin_event')
