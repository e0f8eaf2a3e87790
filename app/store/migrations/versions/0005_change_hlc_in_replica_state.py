"""drop the hlc index on the change log; the newest stamp is kept in replica_state

The index was read once, at start (the newest stamp in the log, where the clock resumes), yet every
change written or received paid a b-tree insert for it. ``replica_state.hlc_wall``/``hlc_counter``
(there since 0001, unused until now) now hold that newest stamp, moved forward in the transaction
that writes the changes. Set here from the log before the index goes. No synced field changes.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    last = conn.execute(sa.text("SELECT MAX(hlc) FROM change")).scalar()
    if last:
        try:
            wall, counter, _ = str(last).split("-", 2)
            conn.execute(
                sa.text("UPDATE replica_state SET hlc_wall = :w, hlc_counter = :c"),
                {"w": int(wall), "c": int(counter)},
            )
        except ValueError:
            pass  # not a stamp (never written by Tessera): the clock starts from the wall clock
    op.drop_index('ix_change_hlc', table_name='change')


def downgrade() -> None:
    op.create_index('ix_change_hlc', 'change', ['hlc'], unique=False)
