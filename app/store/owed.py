"""A durable marker that derived state is owed a rebuild after sync.

Sync commits remote changes first and rebuilds derived state (levels, statistics) after, on the same
thread. A process killed in between used to leave the derived tables stale until something happened
to rebuild them. Now the applier bumps ``derived_owed.seq`` in the very transaction that commits the
changes (``mark``), ``app.store.what_changed.publish`` clears the marks it saw once every rebuilder ran (``clear``), and
``app.evidence.derived.pay_owed`` rebuilds at the next open when the marker is still there.
"""

from __future__ import annotations

import sqlite3
import time

__all__ = ["clear", "mark", "owed_seq"]


def mark(conn: sqlite3.Connection) -> None:
    """Inside the transaction that applies remote changes."""
    conn.execute(
        "INSERT INTO derived_owed (key, seq, since) VALUES (1, 1, ?) "
        "ON CONFLICT(key) DO UPDATE SET seq = derived_owed.seq + 1",
        (time.time(),),
    )


def owed_seq(conn: sqlite3.Connection) -> int:
    """0 when nothing is owed, else the mark's sequence number."""
    row = conn.execute("SELECT seq FROM derived_owed WHERE key = 1").fetchone()
    return row[0] if row else 0


def clear(conn: sqlite3.Connection, seq: int) -> None:
    """Clear the marks up to ``seq`` (read before the rebuild began): a commit made during the rebuild
    bumped it, and stays owed."""
    conn.execute("DELETE FROM derived_owed WHERE key = 1 AND seq = ?", (seq,))
