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

The scrubbing itself (``scrub_purged``, and the markers) lives in ``app/store/scrub.py``, beside
the change log: capture calls it for local purges, merge for purges that arrive. Services that erase
a student call ``purge_cascade`` inside ``db.write(purge=True)`` so children go before their parent.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from app.store.raw import raw_connection
from app.store.scrub import PURGE_MARK
from app.sync.tables import all_tables, table_info


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
