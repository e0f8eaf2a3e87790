"""Erasure's part that lives with the change log: when a row is purged, its payload goes from
everywhere this database keeps it, in the same transaction, and a marker stays.

Capture calls ``scrub_purged`` for purges made here; sync's merge calls it for purges that arrive
(``app/sync/purge.py`` has the rest of erasure: the cascade and the markers' lookups). It lives in
the store, beside the change log it scrubs, because it must never be skipped: a hook that someone
forgot to register would leave an erased student's data in the log, to be forwarded again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from app.store.raw import raw_connection

PURGE_MARK = "@purged"
ALIAS_MARK = "@alias"  # field_clock row: this id was merged into the row named in ``hlc``


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


def pending_row(payload: str) -> tuple[str, str] | None:
    """(table, row id) of a held change: its 4th and 5th tab-separated fields (the line format of
    ``app/sync/changes.py``, ``ChangeRec.encode``; a test holds the two together)."""
    parts = payload.split("\t", 5)
    return (parts[3], parts[4]) if len(parts) == 6 else None


def _scrub_pending(raw: sqlite3.Connection, rows: set[tuple[str, str]]) -> None:
    """Held changes (for a newer schema or a missing parent) that carry a purged row's data."""
    if not rows:
        return
    doomed = [
        (rid, seq)
        for rid, seq, payload in raw.execute("SELECT replica_id, seq, payload FROM pending_change")
        if pending_row(payload) in rows
    ]
    raw.executemany("DELETE FROM pending_change WHERE replica_id = ? AND seq = ?", doomed)
