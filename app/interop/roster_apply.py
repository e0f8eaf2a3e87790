"""Write a roster plan in one transaction: all of it or nothing. New rows go in by batch with their
change-log entries (a district is tens of thousands of rows); edits go through the ORM so change
capture records exactly the fields that changed."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from app.i18n import _
from app.interop.roster_plan import Op
from app.models import Account, AuditEvent, Enrollment, ExternalId, Person, Profile, School, SchoolClass
from app.models.base import now
from app.store.capture import Captured, write_changes
from app.sync.tables import table_info

# Parents before children: the foreign keys hold at every step.
ORDER = (School, SchoolClass, Person, Account, Profile, Enrollment, ExternalId)


def insert_synced(session: Session, model: type, rows: list[dict], chunk: int = 5000) -> None:
    """New rows of one synced table with their change-log entries: the same rows and changes as
    ``app.practice.bulk.insert_synced``, sent to SQLite's driver directly (a district is 150,000 rows)."""
    if not rows:
        return
    info = table_info(model.__tablename__)
    cols = info.columns
    probe = model(**rows[0])
    defaults = {
        c: getattr(probe, c) for c in cols if c not in rows[0] and c not in ("id", "created_at", "updated_at")
    }
    stamp = now()
    sql = (
        f'INSERT INTO "{info.name}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
        f"VALUES ({', '.join('?' * len(cols))})"
    )
    conn = session.connection()
    for start in range(0, len(rows), chunk):
        full = [
            {**defaults, "created_at": stamp, "updated_at": stamp, **r} for r in rows[start : start + chunk]
        ]
        conn.exec_driver_sql(sql, [tuple(info.to_db(c, r[c]) for c in cols) for r in full])
        write_changes(
            session, (Captured(info.name, r["id"], "upsert", r, r["partition"], info.kind) for r in full)
        )


def apply_ops(session: Session, ops: list[Op], progress: Callable[[float, str], None] | None = None) -> int:
    """Write the plan's operations; returns how many rows were written."""
    inserts: dict[type, list[dict]] = {}
    updates: list[Op] = []
    for op in ops:
        if op.row is not None:
            inserts.setdefault(op.model, []).append(op.row)
        else:
            updates.append(op)
    total = len(ops) or 1
    done = 0
    conn = session.connection()
    # A district writes ~1.5 million index entries (rows, change log, field clocks) in one transaction:
    # a bigger page cache for this connection keeps the B-trees in memory (SQLite's default is 2 MB).
    big = len(inserts.get(Enrollment, ())) > 5000
    if big:
        conn.exec_driver_sql("PRAGMA cache_size = -65536")
    for model in ORDER:
        rows = inserts.pop(model, [])
        # one batch per set of columns (insert_synced wants every row of a batch alike)
        by_cols: dict[tuple, list[dict]] = {}
        for r in rows:
            by_cols.setdefault(tuple(sorted(r)), []).append(r)
        for batch in by_cols.values():
            insert_synced(session, model, batch)
            done += len(batch)
            if progress:
                progress(0.1 + 0.8 * done / total, _("Saving the class lists..."))
    assert not inserts, f"no order for {list(inserts)}"
    session.flush()
    for op in updates:
        obj = session.get(op.model, op.id)
        if obj is None:
            continue
        for k, v in (op.fields or {}).items():
            setattr(obj, k, v)
        done += 1
    session.flush()
    if big:
        conn.exec_driver_sql("PRAGMA cache_size = -2000")
    return done


def audit(session: Session, actor_id: str, counts: dict[str, int], source: str, partition: str) -> None:
    detail = ", ".join(f"{v} {k}" for k, v in counts.items() if v and k != "unchanged")
    session.add(AuditEvent(actor_id=actor_id, action="roster.imported", subject_id="",
                           detail=f"{source}: {detail}"[:500], partition=partition))  # fmt: skip
