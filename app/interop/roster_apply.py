"""Write a roster plan in one transaction: all of it or nothing. New rows go in by batch with their
change-log entries (a district is tens of thousands of rows); edits go through the ORM so change
capture records exactly the fields that changed."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from app.interop.roster_plan import Op
from app.models import Account, AuditEvent, Enrollment, ExternalId, Person, Profile, School, SchoolClass
from app.practice.bulk import insert_synced

# Parents before children: the foreign keys hold at every step.
ORDER = (School, SchoolClass, Person, Account, Profile, Enrollment, ExternalId)


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
                progress(0.1 + 0.8 * done / total, "Saving the class lists...")
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
    return done


def audit(session: Session, actor_id: str, counts: dict[str, int], source: str, partition: str) -> None:
    detail = ", ".join(f"{v} {k}" for k, v in counts.items() if v and k != "unchanged")
    session.add(AuditEvent(actor_id=actor_id, action="roster.imported", subject_id="",
                           detail=f"{source}: {detail}"[:500], partition=partition))  # fmt: skip
