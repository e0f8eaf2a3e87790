"""The conflict archive: values that lost a merge, for a teacher to see and restore.

Plain functions taking the database; the caller checks permissions. Restoring is an ordinary
local edit (captured, stamped now, so it wins everywhere once synced); the value it replaces is
archived in turn, so a restore can itself be undone.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.errors import InvalidInput, NotFound
from app.i18n import _
from app.models.sync import ConflictRecord, FieldClock
from app.store.hlc import replica_of
from app.sync.tables import table_info


@dataclass(frozen=True)
class Conflict:
    id: int
    table: str
    row_id: str
    field: str
    value: Any  # the losing value
    hlc: str  # when it was written
    replica_id: str  # the device that wrote it
    winner_hlc: str
    at: float  # when it was archived here
    restored: bool
    current: Any = None  # the value the row holds now (None if the row is gone)
    row_exists: bool = False


def list_conflicts(
    db,
    table: str | None = None,
    row_id: str | None = None,
    *,
    include_restored: bool = True,
    limit: int = 500,
) -> list[Conflict]:
    """Archived values, newest first, optionally for one table or one row."""
    with db.read() as s:
        q = select(ConflictRecord)
        if table:
            q = q.where(ConflictRecord.table_name == table)
        if row_id:
            q = q.where(ConflictRecord.row_id == row_id)
        if not include_restored:
            q = q.where(ConflictRecord.restored == False)
        q = q.order_by(ConflictRecord.at.desc(), ConflictRecord.id.desc()).limit(limit)
        recs = s.execute(q).scalars().all()
        out = []
        rows: dict[tuple[str, str], Any] = {}
        for r in recs:
            key = (r.table_name, r.row_id)
            if key not in rows:
                info = table_info(r.table_name)
                rows[key] = s.get(info.model, r.row_id) if info else None
            obj = rows[key]
            out.append(
                Conflict(
                    id=r.id,
                    table=r.table_name,
                    row_id=r.row_id,
                    field=r.field,
                    value=json.loads(r.value),
                    hlc=r.hlc,
                    replica_id=r.replica_id,
                    winner_hlc=r.winner_hlc,
                    at=r.at,
                    restored=r.restored,
                    current=getattr(obj, r.field, None) if obj is not None else None,
                    row_exists=obj is not None,
                )
            )
        return out


def restore_conflict(db, conflict_id: int) -> None:
    """Put an archived value back as a new local edit (it then syncs like any edit)."""
    with db.write() as s:
        rec = s.get(ConflictRecord, conflict_id)
        if rec is None:
            raise NotFound(_("That earlier value is no longer in the archive."))
        info = table_info(rec.table_name)
        if info is None or info.kind != "record" or rec.field not in info.columns or rec.field == "id":
            raise InvalidInput(_("This value cannot be restored."))
        obj = s.get(info.model, rec.row_id)
        if obj is None:
            raise NotFound(_("The record this value belonged to no longer exists."))
        value = json.loads(rec.value)
        current = getattr(obj, rec.field)
        old_hlc = _clock(s, rec.table_name, rec.row_id, rec.field)
        setattr(obj, rec.field, value)
        rec.restored = True
        s.flush()  # captures the edit and stamps the field
        if current != value:
            s.add(
                ConflictRecord(
                    table_name=rec.table_name,
                    row_id=rec.row_id,
                    field=rec.field,
                    value=json.dumps(current),
                    hlc=old_hlc,
                    replica_id=replica_of(old_hlc),
                    winner_hlc=_clock(s, rec.table_name, rec.row_id, rec.field),
                    at=time.time(),
                )
            )


def _clock(session, table: str, row_id: str, field: str) -> str:
    return (
        session.execute(
            select(FieldClock.hlc).where(
                FieldClock.table_name == table, FieldClock.row_id == row_id, FieldClock.field == field
            )
        ).scalar()
        or ""
    )
