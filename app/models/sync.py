"""Local bookkeeping for sync: replica identity, the change log, what we have seen, field clocks,
the conflict archive, and changes held back until the app is upgraded. None of these sync."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel


class ReplicaState(SQLModel, table=True):
    """One row: who this database is. ``fingerprint`` notices a copied or restored file."""

    __tablename__ = "replica_state"
    key: int = Field(default=1, primary_key=True)
    replica_id: str
    next_seq: int = 1
    # The newest HLC stamp in the change log (wall ms, counter), where the clock resumes at start;
    # moved forward by every transaction that writes the log (an index on change.hlc cost more).
    hlc_wall: int = 0
    hlc_counter: int = 0
    fingerprint: str = ""  # machine + path + inode of the file at last start
    previous_ids: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))


class Change(SQLModel, table=True):
    """The change log: one row per write to a synced table, written in the same transaction."""

    __tablename__ = "change"
    __table_args__ = (Index("ix_change_table_row", "table_name", "row_id"),)
    replica_id: str = Field(primary_key=True)
    seq: int = Field(primary_key=True)
    hlc: str  # no index (0005): the newest stamp is kept in replica_state
    table_name: str
    row_id: str
    op: str = "upsert"  # "upsert" | "delete" | "purge"
    fields: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    partition: str = ""
    schema_version: int = 1


class VersionVector(SQLModel, table=True):
    """Per replica, the highest contiguous sequence number applied here."""

    __tablename__ = "version_vector"
    replica_id: str = Field(primary_key=True)
    seq: int = 0


class FieldClock(SQLModel, table=True):
    """The HLC of the value each field of an in-place record holds now (per-field LWW)."""

    __tablename__ = "field_clock"
    table_name: str = Field(primary_key=True)
    row_id: str = Field(primary_key=True)
    field: str = Field(primary_key=True)
    hlc: str


class ConflictRecord(SQLModel, table=True):
    """A value that lost a merge; a teacher can see it and restore it."""

    __tablename__ = "conflict_record"
    id: int | None = Field(default=None, primary_key=True)
    table_name: str = Field(index=True)
    row_id: str = Field(index=True)
    field: str
    value: str  # JSON text of the losing value
    hlc: str
    replica_id: str
    winner_hlc: str
    at: float
    restored: bool = False


class PendingChange(SQLModel, table=True):
    """A change from a newer schema, kept whole and applied after the app is upgraded."""

    __tablename__ = "pending_change"
    replica_id: str = Field(primary_key=True)
    seq: int = Field(primary_key=True)
    schema_version: int
    payload: str  # the change as JSON
