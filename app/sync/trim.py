"""Trimming the change log: drop payloads every known replica has acknowledged, when they can be
rebuilt.

The change log is also the archive a late joiner (a new laptop, a replica that comes back after
compaction) is served from, change by change: its rows, (origin, seq, HLC, table, row id), stay.
What goes is the payload of changes that every *known* replica has acknowledged in its
``seen.json`` and that can be rebuilt exactly enough from the row itself when it has to be sent
again: a full insert of an event (attempts, check-ins, comments, draft versions: the bulk of any
log). Events are never edited after they are written except by a tombstone, which is its own
change, so the rebuilt insert carries the row as it is now; merged anywhere, it gives the same row
(``deleted`` only goes from false to true, ``updated_at`` takes the larger value).

Kept whole, because they cannot be rebuilt from what is here now:
- record changes (profiles, plans, goals: the losing side of a later conflict, and values a later
  edit replaced, live only in these changes);
- changes made by a newer Tessera (``schema_version`` above ours: fields we do not know), and
  every change held or set aside in ``pending_change``;
- tombstones and purges (small already; a purge's payload is scrubbed to ``{}`` anyway).

Our own changes are trimmed once every *known* replica has acknowledged them: those with a
readable ``seen.json`` in the folder, except abandoned ones (``compact.py``). A recent replica
folder without a readable ``seen.json`` means we cannot tell what it lacks: nothing is trimmed
then. How far we have trimmed is remembered in the local sync state, so a sync with nothing new
does no work here, and each sync spends at most ``TRIM_SECONDS`` on it. Changes received from
other replicas are stored trimmed as they are applied (``intake.store``): they reached us, and
their origin still holds them whole until everyone has them.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time

from app.store import capture
from app.store.raw import raw_connection
from app.sync import vector
from app.sync.changes import TRIMMED, ChangeRec
from app.sync.compact import ABANDONED_DAYS, DAY, LIVE_DAYS, abandoned_replicas
from app.sync.folder import FolderScan
from app.sync.state import load_state, save_state
from app.sync.tables import all_tables, table_info

log = logging.getLogger(__name__)

TRIM_CHUNK = 2000  # sequence numbers per transaction (~10 ms), so the write lock is never held long
# Per sync, a started chunk included: a sync with nothing new stays well under 100 ms; a long log
# is trimmed over several syncs.
TRIM_SECONDS = 0.04
_CHUNK = 400


def acknowledged(scan: FolderScan, me: str, abandoned_days: float = ABANDONED_DAYS) -> dict[str, int] | None:
    """Per origin, the highest seq every known replica has seen; None when in doubt."""
    now = time.time()
    abandoned = abandoned_replicas(scan, me, abandoned_days, now)
    cutoff = now - LIVE_DAYS * DAY
    unknown = [
        r for r in scan.replicas - set(scan.seen) - {me} - abandoned if scan.folder_mtime.get(r, 0) >= cutoff
    ]
    if unknown or (scan.unreadable_seen - abandoned):
        return None
    known = [i for r, i in scan.seen.items() if r != me and r not in abandoned]
    if not known:
        return None
    origins = set().union(*(i.vector for i in known))
    return {o: min(i.vector.get(o, 0) for i in known) for o in origins}


def trim_change_log(
    db, scan: FolderScan, abandoned_days: float = ABANDONED_DAYS, budget_s: float = TRIM_SECONDS
) -> int:
    """Drop the payloads of this database's own changes (under its id and previous ids) that
    every known replica has acknowledged (see the module's docstring), for at most ``budget_s``
    seconds: a long log is trimmed over several syncs. (Changes received from others are stored
    trimmed as they are applied: ``intake.store``.) Returns how many changes were trimmed."""
    ack = acknowledged(scan, db.replica_id, abandoned_days)
    if not ack:
        return 0
    state = load_state(db)
    done: dict[str, int] = {}
    if state.get("replica_id") == db.replica_id and isinstance(state.get("trimmed"), dict):
        done = {str(k): int(v) for k, v in state["trimmed"].items()}
    with db.read() as s:
        raw = raw_connection(s)
        have = vector.load(raw)
        previous = json.loads(raw.execute("SELECT previous_ids FROM replica_state").fetchone()[0] or "[]")
    events = [t for t, info in all_tables().items() if info.kind == "event"]
    total = 0
    before = dict(done)
    deadline = time.monotonic() + budget_s
    for origin in [db.replica_id, *previous]:
        upto = min(ack.get(origin, 0), have.get(origin, 0))
        start = done.get(origin, 0) + 1
        while start <= upto and time.monotonic() < deadline:
            end = min(upto, start + TRIM_CHUNK - 1)
            with db.write(remote=True) as s:
                total += _trim_range(raw_connection(s), origin, start, end, events)
            done[origin] = end
            start = end + 1
    if done != before:
        save_state(db, {**load_state(db), "replica_id": db.replica_id, "trimmed": done})
    return total


def _trim_range(raw: sqlite3.Connection, origin: str, first: int, last: int, events: list[str]) -> int:
    exists = " ".join(
        f"WHEN '{t}' THEN EXISTS (SELECT 1 FROM \"{t}\" r WHERE r.id = change.row_id)" for t in events
    )
    names = ", ".join(f"'{t}'" for t in events)
    cur = raw.execute(
        f"""UPDATE change SET fields = ?
        WHERE replica_id = ? AND seq BETWEEN ? AND ? AND table_name IN ({names}) AND op = 'upsert'
          AND schema_version <= ? AND fields != ?
          AND CASE WHEN json_valid(fields) THEN json_type(fields, '$.id') IS NOT NULL ELSE 0 END
          AND CASE table_name {exists} ELSE 0 END
          AND NOT EXISTS (SELECT 1 FROM pending_change p
                          WHERE p.replica_id = change.replica_id AND p.seq = change.seq)""",
        (TRIMMED, origin, first, last, capture.SCHEMA_VERSION, TRIMMED),
    )
    return cur.rowcount


def rows_to_send(raw: sqlite3.Connection, rows: list[tuple]) -> list[ChangeRec]:
    """Changes from ``SELECT {CHANGE_COLUMNS} FROM change`` rows, trimmed payloads rebuilt from
    their rows."""
    changes = [ChangeRec.from_row(r) for r in rows]
    trimmed: dict[str, list[ChangeRec]] = {}
    for c in changes:
        if c.fields_text == TRIMMED:
            trimmed.setdefault(c.table, []).append(c)
    for t, cs in trimmed.items():
        info = table_info(t)
        current: dict[str, str] = {}
        if info is not None:
            cols = ", ".join(f'"{c}"' for c in info.columns)
            ids = sorted({c.row_id for c in cs})
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i : i + _CHUNK]
                q = ",".join("?" * len(chunk))
                for rec in raw.execute(f'SELECT {cols} FROM "{t}" WHERE id IN ({q})', chunk):
                    fields = {col: info.from_db(col, v) for col, v in zip(info.columns, rec)}
                    current[rec[0]] = json.dumps(
                        fields
                    )  # as capture writes it: a forwarded segment keeps its seal
        for c in cs:
            text = current.get(c.row_id)
            if text is None:  # purged meanwhile: the purge scrubs the change too, so not reached
                log.warning("sync: trimmed change %s/%s has no row to rebuild it from", c.replica_id, c.seq)
                text = "{}"
            c.fields_text = text
    return changes
