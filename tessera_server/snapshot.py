"""The snapshot a new device starts from: the signed segments of its scope, streamed in cursor
order, so it need not page through the whole history with the incremental protocol.

Why segments and not rows: the server is not trusted to invent rows (``app/trust``). A row
snapshot would carry nothing its authors signed, so a desktop could not tell a real row from one
the server (or whoever holds its disk) made up. The stored segments carry their authors' seals:
one signature per segment of up to 5,000 changes, cheap to check, and every change in it is
checked at the desktop's gate against the write policy, as in an ordinary pull. For append-only
events (the bulk: attempts) the current rows *are* their history, so nothing is lost by this
choice; for mutable rows the superseded versions come too (a few percent of a class-year).

Scope is ``pull``'s: a segment with changes of other classes comes as a *redacted* copy (stand-ins
that keep the sequence contiguous, sealed by the server as a relay), so a lab machine of class A
never receives class B's rows through the snapshot either.

Wire format (``application/x-tessera-segments``): for each segment, one JSON line
``{"cursor", "origin", "first", "last", "size"}`` then ``size`` bytes (the segment as stored:
gzip, its seal in its footer); last, one JSON line ``{"end": true, "cursor", "more"}``. A
response stops after about ``max_bytes``; the client asks again ``after`` the last cursor it
applied (a cut connection or a Cancel resumes there). ``upto`` pins the snapshot to the cursor
the first answer named, so its chunks are one consistent picture; what came later arrives with
the incremental pull after it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

from sqlalchemy import select
from sqlalchemy.engine import Connection

from tessera_server.auth import Caller
from tessera_server.pull import in_scope, redact
from tessera_server.schema import school, segment

MAX_BYTES = 64 * 1024 * 1024
DEFAULT_BYTES = 32 * 1024 * 1024
MEDIA_TYPE = "application/x-tessera-segments"
FETCH = 8  # segments read from the database at a time (a few MB)


def head(conn: Connection, who: Caller) -> dict:
    """The school's epoch and the cursor a snapshot taken now stands for."""
    r = conn.execute(
        select(school.c.next_cursor, school.c.epoch).where(school.c.school_id == who.school_id)
    ).one()
    return {"epoch": r.epoch, "upto": int(r.next_cursor) - 1}


def stream(
    begin: Callable[[], AbstractContextManager[Connection]],
    who: Caller,
    after: int,
    upto: int,
    max_bytes: int,
) -> Iterator[bytes]:
    """The frames of segments ``after < cursor <= upto`` of the caller's scope, about
    ``max_bytes`` of them, read a few at a time (never the whole snapshot in memory)."""
    max_bytes = max(64 * 1024, min(max_bytes, MAX_BYTES))
    sent, last, more = 0, after, False
    while not more:
        # A short transaction per few segments, never one held while the client reads (on SQLite
        # a transaction holds the one write lock: pushes would wait for the whole download).
        frames = []
        with begin() as conn:
            rows = conn.execute(
                select(segment.c.cursor, segment.c.origin, segment.c.first, segment.c.last, segment.c.data,
                       segment.c.classes)
                .where(segment.c.school_id == who.school_id, segment.c.cursor > last, segment.c.cursor <= upto)
                .order_by(segment.c.cursor)
                .limit(FETCH)
            ).fetchall()  # fmt: skip
            for r in rows:
                if sent >= max_bytes:
                    more = True
                    break
                data = bytes(r.data)
                if not in_scope(who, json.loads(r.classes)):
                    data = redact(conn, who, data)
                meta = {
                    "cursor": r.cursor,
                    "origin": r.origin,
                    "first": r.first,
                    "last": r.last,
                    "size": len(data),
                }
                frames.append(json.dumps(meta).encode() + b"\n" + data)
                sent += len(data)
                last = r.cursor
        yield from frames
        if len(rows) < FETCH:
            break
    yield json.dumps({"end": True, "cursor": last, "more": more}).encode() + b"\n"
