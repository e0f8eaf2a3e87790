"""Cheaper ingest: the ``row_part`` index goes (no query reads rows by partition: the snapshot and
the check read the school's rows or sums whole), and on PostgreSQL the stored segments and blobs
are kept out of line without compression (they are gzip already: compressing them again costs CPU
on every insert and saves nothing).

Revision ID: 0002_perf
Revises: 0001_server
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op

revision = "0002_perf"
down_revision = "0001_server"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("row_part", table_name="row")
    if op.get_bind().dialect.name == "postgresql":
        # On the partitioned parent this reaches every partition (PostgreSQL 11 and later).
        op.execute("ALTER TABLE segment ALTER COLUMN data SET STORAGE EXTERNAL")
        op.execute("ALTER TABLE blob ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE segment ALTER COLUMN data SET STORAGE EXTENDED")
        op.execute("ALTER TABLE blob ALTER COLUMN data SET STORAGE EXTENDED")
    op.create_index("row_part", "row", ["school_id", "part"])
