"""Fast inserts of many rows of one synced table (generated items, the demo's history, benchmarks).

Same rows and change log as ``app.store.capture.bulk_insert_events``, but the defaults are worked out
once per batch instead of by building a model object per row (which costs most of the time for a
class-year of attempts). Every row of a batch must name the same columns.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from app.ids import new_id
from app.models.base import SyncedModel, now
from app.store.capture import Captured, write_changes

__all__ = ["insert_synced"]


def insert_synced(
    session: Session, model: type[SyncedModel], rows: list[dict[str, Any]], chunk: int = 5000
) -> None:
    if not rows:
        return
    table = model.__table__
    cols = list(table.columns.keys())
    given = set(rows[0])
    missing = [c for c in cols if c not in given and c not in ("id", "created_at", "updated_at")]
    defaults = {}
    if missing:
        probe = model(**rows[0])  # defaults for the columns the rows leave out
        defaults = {c: getattr(probe, c) for c in missing}
    stamp = now()
    remote = session.info.get("remote")
    for start in range(0, len(rows), chunk):
        full = []
        for r in rows[start : start + chunk]:
            row = {**defaults, **r}
            if "id" not in r:
                row["id"] = new_id()
            if "created_at" not in r:
                row["created_at"] = stamp
            if "updated_at" not in r:
                row["updated_at"] = stamp
            full.append(row)
        session.connection().execute(insert(table), full)
        if not remote:
            write_changes(
                session,
                (
                    Captured(model.__tablename__, r["id"], "upsert", r, r["partition"], model.sync_kind)
                    for r in full
                ),
            )
