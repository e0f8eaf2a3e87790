"""The server's first schema: schools, devices, nonces, segments, change keys, quarantine, current
rows, blobs. On PostgreSQL the segment and change-key tables are partitioned by hash of the school
id (8 partitions; every key starts with it).

Revision ID: 0001_server
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_server"
down_revision = None
branch_labels = None
depends_on = None

S = sa.String(64)
PARTS = 8


def upgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    part = {"postgresql_partition_by": "HASH (school_id)"} if pg else {}
    op.create_table(
        "school",
        sa.Column("school_id", S, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("private_key", sa.Text, nullable=False),
        sa.Column("server_cert", sa.Text, nullable=False),
        sa.Column("server_key", sa.Text, nullable=False),
        sa.Column("revoked_doc", sa.Text),
        sa.Column("epoch", sa.String(40), nullable=False),
        sa.Column("next_cursor", sa.BigInteger, nullable=False),
        sa.Column("trust_version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created", sa.Float, nullable=False),
    )
    op.create_table(
        "device",
        sa.Column("school_id", S, nullable=False),
        sa.Column("device_id", S, nullable=False),
        sa.Column("key", S, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("classes", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("request_doc", sa.Text),
        sa.Column("cert_doc", sa.Text),
        sa.Column("serial", sa.Integer),
        sa.Column("expires", sa.Float),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("seen", sa.Text),
        sa.PrimaryKeyConstraint("school_id", "device_id"),
    )
    op.create_index("device_key", "device", ["school_id", "key"])
    op.create_table(
        "nonce",
        sa.Column("school_id", S, nullable=False),
        sa.Column("nonce", S, nullable=False),
        sa.Column("expires", sa.Float, nullable=False),
        sa.Column("used", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "nonce"),
    )
    op.create_table(
        "segment",
        sa.Column("school_id", S, nullable=False),
        sa.Column("cursor", sa.BigInteger, nullable=False),
        sa.Column("origin", S, nullable=False),
        sa.Column("first", sa.BigInteger, nullable=False),
        sa.Column("last", sa.BigInteger, nullable=False),
        sa.Column("sha256", S, nullable=False),
        sa.Column("hlc_first", sa.String(100), nullable=False, server_default=""),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("classes", sa.Text, nullable=False),
        sa.Column("device_id", S, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "cursor"),
        **part,
    )
    op.create_index("segment_origin", "segment", ["school_id", "origin", "first"], unique=True)
    op.create_table(
        "change_key",
        sa.Column("school_id", S, nullable=False),
        sa.Column("origin", S, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("part", sa.Text, nullable=False),
        sa.Column("cursor", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "origin", "seq"),
        **part,
    )
    op.create_index("change_key_part", "change_key", ["school_id", "part"])
    if pg:
        for table in ("segment", "change_key"):
            for i in range(PARTS):
                op.execute(
                    f"CREATE TABLE {table}_p{i} PARTITION OF {table} "
                    f"FOR VALUES WITH (MODULUS {PARTS}, REMAINDER {i})"
                )
    op.create_table(
        "part_sum",
        sa.Column("school_id", S, nullable=False),
        sa.Column("part", sa.Text, nullable=False),
        sa.Column("count", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "part"),
    )
    op.create_table(
        "quarantine",
        sa.Column("school_id", S, nullable=False),
        sa.Column("origin", S, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("device_id", S, nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("words", sa.Text, nullable=False),
        sa.Column("line", sa.Text, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "origin", "seq"),
    )
    op.create_table(
        "row",
        sa.Column("school_id", S, nullable=False),
        sa.Column("table_name", S, nullable=False),
        sa.Column("row_id", S, nullable=False),
        sa.Column("part", sa.Text, nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("clocks", sa.Text, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "table_name", "row_id"),
    )
    op.create_index("row_part", "row", ["school_id", "part"])
    op.create_table(
        "blob",
        sa.Column("school_id", S, nullable=False),
        sa.Column("sha256", S, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "sha256"),
    )
    op.create_table(
        "server_meta",
        sa.Column("key", S, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for t in (
        "server_meta",
        "blob",
        "row",
        "quarantine",
        "part_sum",
        "change_key",
        "segment",
        "nonce",
        "device",
        "school",
    ):
        op.drop_table(t)
