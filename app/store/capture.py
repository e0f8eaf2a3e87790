"""Change capture: every write to a synced table appends to the change log in the same
transaction. This is the one hook; services never write the change log themselves.

Applying changes that came from another replica sets ``session.info["remote"] = True`` so they
are not captured again (sync records them under their origin's replica and sequence).

What was written is noted in ``session.info["written"]`` (table -> row ids); ``Database.write``
publishes it through ``app.store.what_changed`` once the transaction has committed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, insert, inspect, text
from sqlalchemy.orm import Session

from app.errors import TesseraError
from app.i18n import _
from app.models.base import SyncedModel, now
from app.store.scrub import scrub_purged

SCHEMA_VERSION = 4  # bump with each migration that changes synced tables
LOCAL_IDS_KEPT = 10_000  # row ids per table that a local write reports to what_changed

# The newest stamp in the change log, kept in replica_state (where the clock resumes at start) and
# only ever moved forward; every transaction that writes the log runs this (sync's receive too).
NEWEST_STAMP_SQL = (
    "UPDATE replica_state SET hlc_wall = :w, hlc_counter = :c "
    "WHERE key = 1 AND (hlc_wall, hlc_counter) < (:w, :c)"
)


def newest_stamp_params(hlc: str) -> dict[str, int] | None:
    """Parameters of NEWEST_STAMP_SQL for an encoded stamp; None if it is not one."""
    try:
        wall, counter, _ = hlc.split("-", 2)
        return {"w": int(wall), "c": int(counter)}
    except ValueError:
        return None


@dataclass
class Captured:
    table: str
    row_id: str
    op: str
    fields: dict[str, Any]
    partition: str
    kind: str


def _columns(obj: SyncedModel) -> list[str]:
    return list(obj.__table__.columns.keys())


def _snapshot(obj: SyncedModel) -> dict[str, Any]:
    return {c: getattr(obj, c) for c in _columns(obj)}


def _changed(obj: SyncedModel) -> dict[str, Any]:
    state = inspect(obj)
    out = {}
    for col in _columns(obj):
        if state.attrs[col].history.has_changes():
            out[col] = getattr(obj, col)
    return out


def _before_flush(session: Session, _ctx, _instances) -> None:  # noqa: ANN001
    if session.info.get("remote"):
        return
    entries: list[Captured] = []
    for obj in list(session.new):
        if isinstance(obj, SyncedModel):
            entries.append(
                Captured(obj.__tablename__, obj.id, "upsert", _snapshot(obj), obj.partition, obj.sync_kind)
            )
    for obj in list(session.dirty):
        if isinstance(obj, SyncedModel) and session.is_modified(obj, include_collections=False):
            if obj.sync_kind == "event":
                # Events are append-only; the only edit allowed is a tombstone.
                changed = _changed(obj)
                if set(changed) - {"deleted", "updated_at"}:
                    raise TesseraError(
                        _("{tablename} entries cannot be changed once written.", tablename=obj.__tablename__)
                    )
            obj.updated_at = now()
            fields = _changed(obj)
            entries.append(
                Captured(obj.__tablename__, obj.id, "upsert", fields, obj.partition, obj.sync_kind)
            )
    for obj in list(session.deleted):
        if isinstance(obj, SyncedModel):
            if not session.info.get("purge"):
                raise TesseraError(_("Synced rows are archived or tombstoned, not deleted."))
            entries.append(Captured(obj.__tablename__, obj.id, "purge", {}, obj.partition, obj.sync_kind))
    if entries:
        write_changes(session, entries)


_CHANGE_SQL = (
    'INSERT INTO "change" (replica_id, seq, hlc, table_name, row_id, op, fields, partition, '
    "schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_CLOCK_SQL = (
    "INSERT INTO field_clock (table_name, row_id, field, hlc) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (table_name, row_id, field) DO UPDATE SET hlc = excluded.hlc"
)


def write_changes(session: Session, entries: Iterable[Captured]) -> None:
    """Append captured writes to the change log, with gap-free sequence numbers and HLC stamps.
    Also used by bulk inserts, so there is one place that writes the log."""
    entries = list(entries)
    if not entries:
        return
    # What changed, published after commit. A purge keeps every id (derived state forgets those
    # rows); an ordinary local write keeps a bounded sample, which is all screens need (a demo
    # or an import writes hundreds of thousands of rows in one transaction).
    written = session.info.setdefault("written", {})
    for e in entries:
        ids = written.setdefault(e.table, set())
        if len(ids) < LOCAL_IDS_KEPT or session.info.get("purge"):
            ids.add(e.row_id)
    db = session.info["db"]
    conn = session.connection()
    start = conn.execute(
        text("UPDATE replica_state SET next_seq = next_seq + :n WHERE key = 1 RETURNING next_seq - :n"),
        {"n": len(entries)},
    ).scalar_one()
    rows: list[dict[str, Any]] = []
    clocks: list[dict[str, Any]] = []
    for i, e in enumerate(entries):
        if e.kind == "record" and e.op == "upsert" and "id" not in e.fields:
            _after_current_clocks(conn, db.clock, e)
        stamp = db.clock.tick()
        rows.append(
            {
                "replica_id": db.replica_id,
                "seq": start + i,
                "hlc": stamp,
                "table_name": e.table,
                "row_id": e.row_id,
                "op": e.op,
                "fields": e.fields,
                "partition": e.partition,
                "schema_version": SCHEMA_VERSION,
            }
        )
        if e.kind == "record" and e.op == "upsert":
            clocks.extend(
                {"table_name": e.table, "row_id": e.row_id, "field": f, "hlc": stamp} for f in e.fields
            )
    # Straight to the driver: for a bulk import (a district's roster) SQLAlchemy's per-row parameter
    # handling cost as much as SQLite's own work. Same rows as insert(Change.__table__) wrote.
    conn.exec_driver_sql(_CHANGE_SQL, [
        (r["replica_id"], r["seq"], r["hlc"], r["table_name"], r["row_id"], r["op"], json.dumps(r["fields"]),
         r["partition"], r["schema_version"]) for r in rows])  # fmt: skip
    conn.execute(text(NEWEST_STAMP_SQL), newest_stamp_params(stamp))  # the clock only moves forward
    if clocks:
        conn.exec_driver_sql(
            _CLOCK_SQL, [(c["table_name"], c["row_id"], c["field"], c["hlc"]) for c in clocks]
        )
    purged = [(r["table_name"], r["row_id"], r["hlc"]) for r in rows if r["op"] == "purge"]
    if purged:
        # Erasure removes the payload everywhere: from this replica's change log (which it would
        # otherwise forward), field clocks and conflict archive too; a marker stops a late copy.
        scrub_purged(conn, purged)


def _after_current_clocks(conn, clock, e: Captured) -> None:
    """An edit comes after the value it replaces, even when that value was stamped by a device
    whose clock runs far ahead of ours (which the clock does not follow on its own)."""
    fields = [f for f in e.fields if f != "id"]
    if not fields:
        return
    marks = ", ".join(f":f{i}" for i in range(len(fields)))
    latest = conn.execute(
        text(
            f"SELECT MAX(hlc) FROM field_clock WHERE table_name = :t AND row_id = :r AND field IN ({marks})"
        ),
        {"t": e.table, "r": e.row_id, **{f"f{i}": f for i, f in enumerate(fields)}},
    ).scalar()
    if latest:
        clock.observe(latest, force=True)


def bulk_insert_events(session: Session, model: type[SyncedModel], rows: list[dict[str, Any]]) -> None:
    """Insert many rows of one synced table fast (imports, demo history), with their changes."""
    if not rows:
        return
    table = model.__table__
    cols = list(table.columns.keys())
    full = []
    for r in rows:
        obj = model(**r)  # applies defaults and ids
        full.append({c: getattr(obj, c) for c in cols})
    session.connection().execute(insert(table), full)
    if not session.info.get("remote"):
        write_changes(
            session,
            (
                Captured(model.__tablename__, r["id"], "upsert", r, r["partition"], model.sync_kind)
                for r in full
            ),
        )


def install(session_factory) -> None:  # noqa: ANN001
    event.listen(session_factory, "before_flush", _before_flush)
