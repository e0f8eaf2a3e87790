"""The base every synced table shares, and the registry sync uses to find them.

Each synced row has a UUIDv7 id made on the device, created/updated stamps (epoch seconds, UTC),
a tombstone flag, and a partition key ``school/class/student`` (empty parts allowed) that sync
uses to decide who receives the row.

Two kinds of synced tables:
- ``record``: edited in place; merged per field, last writer wins by HLC.
- ``event``: append-only (attempts, check-ins, comments, draft versions); a grow-only set.
"""

from __future__ import annotations

import time
from typing import ClassVar

from sqlmodel import Field, SQLModel

from app.ids import new_id


def now() -> float:
    return time.time()


def partition_key(school_id: str | None = "", class_id: str | None = "", student_id: str | None = "") -> str:
    return f"{school_id or ''}/{class_id or ''}/{student_id or ''}"


class SyncedModel(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: float = Field(default_factory=now)
    updated_at: float = Field(default_factory=now)
    deleted: bool = Field(default=False)
    partition: str = Field(default="//", index=True)

    # "record" (merged per field) or "event" (append-only). Subclasses override.
    sync_kind: ClassVar[str] = "record"


SYNCED_TABLES: dict[str, type[SyncedModel]] = {}


def synced(cls: type[SyncedModel]) -> type[SyncedModel]:
    """Class decorator: register a table model for change capture and merge."""
    SYNCED_TABLES[cls.__tablename__] = cls  # type: ignore[index]
    return cls
