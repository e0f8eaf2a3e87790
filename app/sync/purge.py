"""Purge: erasure on request removes a row's payload everywhere and keeps a marker.

A purged row id is dead for good (ids are UUIDv7, never reused), so a purge is final: any later
upsert for it, whatever its HLC, is dropped. On the replica that purges and on every replica that
receives the purge we:

- delete the row (and, when applying a remote purge, any rows whose foreign key points at it);
- drop its field clocks and leave a marker in ``field_clock`` (field ``@purged``);
- scrub the payload out of every stored change for the row (``op`` becomes ``purge`` and ``fields``
  ``{}``), so store-and-forward never hands the data on again; a scrubbed change still travels and
  tells whoever gets it that the row is purged;
- delete archived conflict values for the row, and held changes that carry its data.

``capture`` calls ``scrub_purged`` for local purges; services that erase a student call
``purge_cascade`` inside ``db.write(purge=True)`` so children go before their parent.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.sync.tables import all_tables, table_info

PURGE_MARK = "@purged"
ALIAS_MARK = "@alias"  # field_clock row: this id was merged into the row named in ``hlc``


def raw_connection(conn: Any) -> sqlite3.Connection:
    """The sqlite3 connection under a Session, a SQLAlchemy Connection, or itself."""
    if isinstance(conn, sqlite3.Connection):
        return conn
    if isinstance(conn, Session):
        conn = conn.connection()  # the Connection in the session's current transaction
    return conn.connection.driver_connection  # type: ignore[union-attr]


def scrub_purged(conn: Any, purged: Iterable[tuple[str, str, str]]) -> None:
    """For each (table, row id, hlc): drop clocks, leave the marker, scrub stored payloads."""
    raw = raw_connection(conn)
    purged = list(purged)
    for table, row_id, hlc in purged:
        raw.execute("DELETE FROM field_clock WHERE table_name = ? AND row_id = ?", (table, row_id))
        raw.execute(
            "INSERT OR REPLACE INTO field_clock (table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)",
            (table, row_id, PURGE_MARK, hlc),
        )
        raw.execute(
            "UPDATE change SET op = 'purge', fields = '{}' "
            "WHERE table_name = ? AND row_id = ? AND (op != 'purge' OR fields != '{}')",
            (table, row_id),
        )
        raw.execute("DELETE FROM conflict_record WHERE table_name = ? AND row_id = ?", (table, row_id))
    _scrub_pending(raw, {(t, r) for t, r, _ in purged})


def _scrub_pending(raw: sqlite3.Connection, rows: set[tuple[str, str]]) -> None:
    if not rows:
        return
    from app.sync.changes import BadChange, ChangeRec

    doomed = []
    for rid, seq, payload in raw.execute("SELECT replica_id, seq, payload FROM pending_change"):
        try:
            c = ChangeRec.decode(payload)
        except BadChange:
            continue
        if (c.table, c.row_id) in rows:
            doomed.append((rid, seq))
    raw.executemany("DELETE FROM pending_change WHERE replica_id = ? AND seq = ?", doomed)


def purged_rows(conn: Any, table: str, row_ids: Iterable[str]) -> set[str]:
    """Which of these rows carry a purge marker."""
    raw = raw_connection(conn)
    ids = list(row_ids)
    out: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        out.update(
            r[0]
            for r in raw.execute(
                f"SELECT row_id FROM field_clock WHERE table_name = ? AND field = ? AND row_id IN ({marks})",
                (table, PURGE_MARK, *chunk),
            )
        )
    return out


def descendants(raw: sqlite3.Connection, table: str, row_id: str) -> list[tuple[str, str]]:
    """Rows that point at (table, row_id) through foreign keys, recursively, children first."""
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def walk(t: str, rid: str) -> None:
        info = table_info(t)
        for child, col in info.children if info else ():
            for (cid,) in raw.execute(f'SELECT id FROM "{child}" WHERE "{col}" = ?', (rid,)).fetchall():
                if (child, cid) not in seen:
                    seen.add((child, cid))
                    walk(child, cid)
                    out.append((child, cid))

    walk(table, row_id)
    return out


def purge_cascade(session: Any, table: str, row_id: str) -> int:
    """Delete a row and everything that points at it, through the ORM so each purge is captured.
    Call inside ``db.write(purge=True)``. Returns how many rows were purged."""
    raw = raw_connection(session)
    doomed = [*descendants(raw, table, row_id), (table, row_id)]
    tables = all_tables()
    for t, rid in doomed:  # children first; flush each so foreign keys hold at every step
        model = tables[t].model
        obj = session.execute(select(model).where(model.id == rid)).scalars().first()
        if obj is not None:
            session.delete(obj)
            session.flush()
    return len(doomed)
