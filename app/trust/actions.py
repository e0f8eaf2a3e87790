"""Erasures, class and people deletions and role changes that arrived from other computers, with
who made them and, where it can be undone, an undo. (The gate already refused such changes from
lab machines, and erasures from any device but the school's admin computer.)"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from app.i18n import _
from app.models import Person, SchoolClass
from app.store.raw import raw_connection
from app.store.scrub import PURGE_MARK
from app.trust.state import TrustState

_TABLES = {"school_class": SchoolClass, "person": Person}


@dataclass
class SyncedAction:
    origin: str
    seq: int
    table: str
    row_id: str
    kind: str  # erased | deleted | role
    what: str  # the record, in words ("class 5B", "Ana Diaz")
    detail: str  # "student → admin" for a role change
    device: str  # the computer that did it ("" when not known)
    at: float
    undo: bool


def recent(db, limit: int = 50) -> list[SyncedAction]:
    st = TrustState.load(Path(db.path).parent)
    out: list[SyncedAction] = []
    with db.read() as s:
        raw = raw_connection(s)
        own = _own_ids(raw)
        for table in _TABLES:
            rows = raw.execute(
                "SELECT replica_id, seq, hlc, row_id, fields FROM change WHERE table_name = ? AND op = 'upsert' "
                "AND (fields LIKE '%\"deleted\": true%' OR fields LIKE '%\"deleted\":true%' OR fields LIKE '%\"role\"%')",
                (table,),
            ).fetchall()
            for origin, seq, hlc, row_id, ftext in rows:
                if origin in own:
                    continue
                try:
                    fields = json.loads(ftext)
                except ValueError:
                    continue
                if "id" in fields and not fields.get("deleted"):
                    continue  # a new row, not a change to one
                if fields.get("deleted"):
                    out.append(_action(raw, st, origin, seq, hlc, table, row_id, "deleted", "", True))
                elif "role" in fields:
                    before = _before(raw, row_id, hlc)
                    detail = f"{before or '?'} → {fields['role']}"
                    out.append(
                        _action(raw, st, origin, seq, hlc, table, row_id, "role", detail, bool(before))
                    )
        for table, row_id, hlc in raw.execute(
            "SELECT table_name, row_id, hlc FROM field_clock WHERE field = ?", (PURGE_MARK,)
        ).fetchall():
            origin = hlc.split("-", 2)[2] if hlc.count("-") >= 2 else ""
            if origin in own or table not in ("school_class", "person", "school"):
                continue
            out.append(_action(raw, st, origin, 0, hlc, table, row_id, "erased", "", False))
    out.sort(key=lambda a: -a.at)
    return out[:limit]


def undo(db, origin: str, seq: int) -> None:
    """Undo a deletion or a role change that came from another computer (as a new local edit)."""
    with db.read() as s:
        raw = raw_connection(s)
        row = raw.execute(
            "SELECT table_name, row_id, hlc, fields FROM change WHERE replica_id = ? AND seq = ?",
            (origin, seq),
        ).fetchone()
        before = _before(raw, row[1], row[2]) if row and row[0] == "person" else None
    if row is None or row[0] not in _TABLES:
        raise ValueError("That change cannot be undone.")
    fields = json.loads(row[3])
    with db.write() as s:
        obj = s.exec(select(_TABLES[row[0]]).where(_TABLES[row[0]].id == row[1])).first()
        if obj is None:
            raise ValueError("That record is no longer here.")
        if fields.get("deleted"):
            obj.deleted = False
        elif "role" in fields and before:
            obj.role = before


def _own_ids(raw) -> set[str]:
    rid, previous = raw.execute("SELECT replica_id, previous_ids FROM replica_state").fetchone()
    return {rid, *json.loads(previous or "[]")}


def _before(raw, row_id: str, hlc: str) -> str:
    """The role a person had before the change stamped ``hlc``."""
    for (ftext,) in raw.execute(
        "SELECT fields FROM change WHERE table_name = 'person' AND row_id = ? AND hlc < ? ORDER BY hlc DESC",
        (row_id, hlc),
    ):
        try:
            f = json.loads(ftext)
        except ValueError:
            continue
        if "role" in f:
            return str(f["role"])
    return ""


def _action(raw, st: TrustState, origin, seq, hlc, table, row_id, kind, detail, can_undo) -> SyncedAction:
    what = _name(raw, table, row_id)
    device = next((c.name for c in st.certs.values() if c.may_sign_for(origin)), "")
    try:
        at = int(hlc[:13]) / 1000
    except ValueError:
        at = 0.0
    return SyncedAction(origin, seq, table, row_id, kind, what, detail, device, at, can_undo)


def _name(raw, table: str, row_id: str) -> str:
    if table == "school_class":
        r = raw.execute("SELECT name FROM school_class WHERE id = ?", (row_id,)).fetchone()
        return _("class {v}", v=r[0]) if r else _("a class")
    if table == "person":
        r = raw.execute("SELECT given_name, family_name FROM person WHERE id = ?", (row_id,)).fetchone()
        return " ".join(x for x in r if x) if r else _("a person")
    return _("the school") if table == "school" else table
