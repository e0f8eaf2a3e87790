"""The server's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL. Every key starts with
the school id, so a district can shard by school (Citus: ``school_id`` as distribution column), and
on PostgreSQL the segment and change-key tables are partitioned by hash of the school id (the
migration says so; SQLite ignores it)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

# One row per school: its signed document, its key (the server holds it: it signs certificates and
# proves itself to clients, who pin its fingerprint), the revocation list, the epoch and the cursor.
school = Table(
    "school",
    metadata,
    Column("school_id", String(64), primary_key=True),  # the school key's fingerprint
    Column("name", Text, nullable=False),
    Column("doc", Text, nullable=False),  # the signed school document (JSON)
    Column("private_key", Text, nullable=False),  # base64 seed; see docs/server.md on protecting it
    Column("server_cert", Text, nullable=False),  # the server's own admin certificate (relays)
    Column("server_key", Text, nullable=False),  # its private key (base64)
    Column("revoked_doc", Text),
    Column("epoch", String(40), nullable=False),  # new after a restore from backup
    Column("next_cursor", BigInteger, nullable=False, default=1),
    Column("trust_version", Integer, nullable=False, default=0),  # bumped by every trust change
    Column("created", Float, nullable=False),
)

device = Table(
    "device",
    metadata,
    Column("school_id", String(64), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("key", String(64), nullable=False),
    Column("name", Text, nullable=False, default=""),
    Column("role", String(16), nullable=False),
    Column("classes", Text, nullable=False, default="[]"),  # JSON list; ["*"]: every class
    Column("status", String(16), nullable=False),  # waiting | enrolled | refused | revoked
    Column("request_doc", Text),
    Column("cert_doc", Text),
    Column("serial", Integer),
    Column("expires", Float),
    Column("at", Float, nullable=False),
    Column("seen", Text),  # the vector the device last published (JSON)
    PrimaryKeyConstraint("school_id", "device_id"),
)

nonce = Table(
    "nonce",
    metadata,
    Column("school_id", String(64), nullable=False),
    Column("nonce", String(64), nullable=False),
    Column("expires", Float, nullable=False),
    Column("used", Boolean, nullable=False, default=False),
    PrimaryKeyConstraint("school_id", "nonce"),
)

# A segment exactly as its author sealed it (the batch file's bytes), in commit order per school.
segment = Table(
    "segment",
    metadata,
    Column("school_id", String(64), nullable=False),
    Column("cursor", BigInteger, nullable=False),
    Column("origin", String(64), nullable=False),
    Column("first", BigInteger, nullable=False),
    Column("last", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("hlc_first", String(100), nullable=False, default=""),  # the header's, for ordering
    Column("data", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    Column("classes", Text, nullable=False),  # JSON: the class ids its changes touch ("" school-wide)
    Column("device_id", String(64), nullable=False),
    Column("at", Float, nullable=False),
    PrimaryKeyConstraint("school_id", "cursor"),
)

# One row per change held (no payload: that is in the segment): the per-partition check and the
# repair of one partition by version vector read it.
change_key = Table(
    "change_key",
    metadata,
    Column("school_id", String(64), nullable=False),
    Column("origin", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("part", Text, nullable=False),  # school/class (the check's partition)
    Column("cursor", BigInteger, nullable=False),
    PrimaryKeyConstraint("school_id", "origin", "seq"),
)

# Per partition (school/class): how many changes the server holds and the sum of their hashes
# (``check.key_hash``), kept as they arrive so the end-of-sync check is one small query.
part_sum = Table(
    "part_sum",
    metadata,
    Column("school_id", String(64), nullable=False),
    Column("part", Text, nullable=False),
    Column("count", BigInteger, nullable=False),
    Column("hash", BigInteger, nullable=False),
    PrimaryKeyConstraint("school_id", "part"),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("school_id", String(64), nullable=False),
    Column("origin", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("code", String(32), nullable=False),
    Column("words", Text, nullable=False),
    Column("line", Text, nullable=False),
    Column("at", Float, nullable=False),
    PrimaryKeyConstraint("school_id", "origin", "seq"),
)

# The current rows, by the desktop's merge rules (``rows.py``): fields and per-field stamps as JSON.
row = Table(
    "row",
    metadata,
    Column("school_id", String(64), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("part", Text, nullable=False),
    Column("fields", Text, nullable=False),
    Column("clocks", Text, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    PrimaryKeyConstraint("school_id", "table_name", "row_id"),
)

blob = Table(
    "blob",
    metadata,
    Column("school_id", String(64), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    PrimaryKeyConstraint("school_id", "sha256"),
)

server_meta = Table(
    "server_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
