"""The version vector: per replica, the highest sequence number up to which this database holds
every change without a gap. Changes that arrive out of order are stored in the change log at once
(so they are never lost or fetched twice); the vector moves past them when the gap fills."""

from __future__ import annotations

import json
import sqlite3

_WALK = 2000


def load(raw: sqlite3.Connection) -> dict[str, int]:
    """The vector as stored, plus this replica's own changes and those of its previous ids."""
    vv = dict(raw.execute("SELECT replica_id, seq FROM version_vector").fetchall())
    rid, next_seq, previous = raw.execute(
        "SELECT replica_id, next_seq, previous_ids FROM replica_state WHERE key = 1"
    ).fetchone()
    vv[rid] = next_seq - 1
    for old in json.loads(previous or "[]"):
        if old not in vv:
            # History made under an id this database had before it was copied or restored: still
            # valid, held here, never to be fetched again nor re-sent under a new name.
            vv[old] = advance(raw, old, 0)
    return vv


def settle_previous(raw: sqlite3.Connection) -> None:
    """Store the vector entry of every previous id of this database (once, after it was copied
    or restored), so later loads need not walk its history again."""
    (previous,) = raw.execute("SELECT previous_ids FROM replica_state WHERE key = 1").fetchone()
    for old in json.loads(previous or "[]"):
        if raw.execute("SELECT 1 FROM version_vector WHERE replica_id = ?", (old,)).fetchone() is None:
            save(raw, old, advance(raw, old, 0))


def stored(raw: sqlite3.Connection, origin: str) -> int:
    row = raw.execute("SELECT seq FROM version_vector WHERE replica_id = ?", (origin,)).fetchone()
    return row[0] if row else 0


def advance(raw: sqlite3.Connection, origin: str, current: int) -> int:
    """Walk the change log from ``current`` while sequence numbers are contiguous."""
    while True:
        rows = raw.execute(
            "SELECT seq FROM change WHERE replica_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            (origin, current, _WALK),
        ).fetchall()
        for (seq,) in rows:
            if seq != current + 1:
                return current
            current = seq
        if len(rows) < _WALK:
            return current


def save(raw: sqlite3.Connection, origin: str, seq: int) -> None:
    raw.execute(
        "INSERT INTO version_vector (replica_id, seq) VALUES (?, ?) "
        "ON CONFLICT(replica_id) DO UPDATE SET seq = excluded.seq WHERE excluded.seq > seq",
        (origin, seq),
    )


def refresh(raw: sqlite3.Connection, origin: str, upto: int = 0) -> int:
    """Move the stored entry for ``origin`` forward over any contiguous run; returns it.
    ``upto``: the highest seq just stored. When the log holds every seq from the entry to it
    (one count on the primary key, the usual case for a batch in order) the walk starts there
    instead of reading each seq into Python."""
    cur = stored(raw, origin)
    start = cur
    if upto > cur:
        (n,) = raw.execute(
            "SELECT COUNT(*) FROM change WHERE replica_id = ? AND seq > ? AND seq <= ?", (origin, cur, upto)
        ).fetchone()
        if n == upto - cur:
            start = upto
    new = advance(raw, origin, start)
    if new != cur or cur == 0:
        save(raw, origin, new)
    return new
