"""trust in sync: quarantined changes and the seals of received segments

Two local tables (neither syncs): ``quarantined_change`` keeps changes refused by the signature,
certificate, revocation or write-policy checks, with their reason; ``segment_seal`` keeps the seal
of each signed segment received, so it is forwarded with its author's proof. No synced field
changes.

Revision ID: 0008_trust
Revises: 0007_evidence
"""
import sqlalchemy as sa
from alembic import op

revision = '0008_trust'
down_revision = '0007_evidence'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'quarantined_change',
        sa.Column('replica_id', sa.String(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('digest', sa.String(), nullable=False),
        sa.Column('code', sa.String(), nullable=False),
        sa.Column('reason', sa.String(), nullable=False),
        sa.Column('device_key', sa.String(), nullable=False),
        sa.Column('device_name', sa.String(), nullable=False),
        sa.Column('stored', sa.Integer(), nullable=False),
        sa.Column('line', sa.String(), nullable=False),
        sa.Column('seal', sa.String(), nullable=False),
        sa.Column('source', sa.String(), nullable=False),
        sa.Column('at', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('replica_id', 'seq', 'digest'),
    )
    op.create_index('ix_quarantined_change_code', 'quarantined_change', ['code'], unique=False)
    op.create_table(
        'segment_seal',
        sa.Column('replica_id', sa.String(), nullable=False),
        sa.Column('first', sa.Integer(), nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.Column('seal', sa.String(), nullable=False),
        sa.PrimaryKeyConstraint('replica_id', 'first'),
    )


def downgrade() -> None:
    op.drop_table('segment_seal')
    op.drop_index('ix_quarantined_change_code', table_name='quarantined_change')
    op.drop_table('quarantined_change')
