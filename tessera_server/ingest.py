"""Push: a device hands over a sealed batch. Idempotent by (origin, first sequence number): the
same batch again is acknowledged with the cursor it got the first time.

Checks, in order: the batch is whole (``wire.open_batch``), its seal and every change pass the
desktop's own gate and write policy (``app.trust.gate``) for this school. A batch whose seal fails
is refused whole and kept in quarantine; changes the policy refuses are kept in quarantine with
their reason and left out of the current rows; the batch itself is stored unchanged (every
device's gate refuses the same changes, so all hold the same). Then the current rows are merged,
and the cursor is taken last, so the school's lock is held only for the final inserts."""

from __future__ import annotations

import base64
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.sync.batchfile import BatchDamaged
from app.sync.checksum import HASH_MOD, key_hash, part_of
from app.trust.gate import Gate
from tessera_server import schools
from tessera_server.auth import Caller, Refused
from tessera_server.bulk import insert_ignore
from tessera_server.db import is_pg, take_cursor
from tessera_server.rows import CHUNK, class_of, materialize
from tessera_server.schema import change_key, part_sum, quarantine, row, segment
from tessera_server.wire import open_batch


@dataclass
class PushResult:
    status: str  # stored | duplicate | refused
    cursor: int = 0
    refused: int = 0
    words: str = ""
    codes: dict[str, int] = field(default_factory=dict)


def _same_changes(stored: bytes, b) -> bool:  # noqa: ANN001  (an opened batch)
    """Whether every change the two batches both hold (by sequence number) is the same change."""
    try:
        old = {c.seq: c.encode() for c in open_batch(stored).changes}
    except BatchDamaged:
        return False
    both = [c for c in b.changes if c.seq in old]
    return bool(both) and all(old[c.seq] == c.encode() for c in both)


def push(conn: Connection, who: Caller, data: bytes, now: float | None = None) -> PushResult:
    try:
        b = open_batch(data)
    except BatchDamaged as exc:
        raise Refused(400, f"The batch is {exc.reason}.") from None
    ref = b.ref
    sid = who.school_id
    dup = conn.execute(select(segment.c.cursor, segment.c.last, segment.c.sha256, segment.c.data).where(
        segment.c.school_id == sid, segment.c.origin == ref.origin, segment.c.first == ref.first)).first()  # fmt: skip
    if dup is not None:
        if dup.last == ref.last and dup.sha256 == b.footer.get("sha256"):
            return PushResult("duplicate", int(dup.cursor))
        if _same_changes(dup.data, b):
            # The same changes sent again in a new batch (its header's time differs): the answer to the
            # first push was lost, e.g. the server was killed after committing it. What lies beyond the
            # stored segment comes in the device's next push (it lists what the server holds).
            return PushResult("duplicate", int(dup.cursor))
        raise Refused(409, "Another batch with these sequence numbers is already here (equivocation).")
    held = conn.execute(select(change_key.c.seq).where(
        change_key.c.school_id == sid, change_key.c.origin == ref.origin,
        change_key.c.seq.between(ref.first, ref.last))).fetchall()  # fmt: skip
    if len(held) == ref.last - ref.first + 1:
        return PushResult("duplicate", 0)  # every change already came in other batches
    found = schools.trust(conn, sid)
    assert found is not None
    st, _ = found
    gate = Gate(st, now)

    stored: dict[str, dict[str, str]] = {}

    def lookup(table: str, row_id: str) -> str | None:
        """The stored partition of a row the batch edits. The gate asks of records only: at its
        first question of a table, the batch's rows of that table are read in a few queries,
        not one query per change."""
        if table not in stored:
            stored[table] = _stored_parts(conn, sid, table, {c.row_id for c in b.changes if c.table == table})
        return stored[table].get(row_id)

    v = gate.check(ref, b.body, b.footer, b.changes, lookup, verified=True)
    at = time.time()
    if v.refusal is not None:
        conn.execute(quarantine.insert().prefix_with("OR IGNORE") if not is_pg(conn) else quarantine.insert(),
                     [{"school_id": sid, "origin": ref.origin, "seq": ref.first, "device_id": who.device_id,
                       "code": v.refusal.code, "words": v.refusal.words,
                       "line": "batch:" + base64.b64encode(data).decode(), "at": at}])  # fmt: skip
        return PushResult("refused", 0, ref.last - ref.first + 1, v.refusal.words, {v.refusal.code: 1})
    refused = {c.key for c, _ in v.refused}
    codes: dict[str, int] = defaultdict(int)
    if v.refused:
        rows = []
        for c, why in v.refused:
            codes[why.code] += 1
            rows.append({"school_id": sid, "origin": c.replica_id, "seq": c.seq, "device_id": who.device_id,
                         "code": why.code, "words": why.words, "line": c.encode(), "at": at})  # fmt: skip
        _insert_ignore(conn, quarantine, rows)
    good = [c for c in b.changes if c.key not in refused and (not c.problem or c.problem.startswith("@"))]
    materialize(conn, sid, good)
    classes = sorted({class_of(c.partition) for c in b.changes})
    # Last: the cursor, under the school's lock until commit (``db.take_cursor``).
    cursor = take_cursor(conn, sid, 1)
    conn.execute(segment.insert().values(
        school_id=sid, cursor=cursor, origin=ref.origin, first=ref.first, last=ref.last,
        sha256=b.footer.get("sha256"), hlc_first=str(b.header.get("hlc_first", ""))[:100], data=data, size=len(data), classes=json.dumps(classes),
        device_id=who.device_id, at=at))  # fmt: skip
    held_seqs = {r[0] for r in held}
    keys: list[tuple] = []  # in change_key's column order (``bulk.insert_ignore``)
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    parts: dict[str, str] = {}
    for c in b.changes:
        if c.seq in held_seqs:
            continue
        part = parts.get(c.partition)
        if part is None:
            part = parts[c.partition] = part_of(c.partition)
        keys.append((sid, c.replica_id, c.seq, part, cursor))
        s = sums[part]
        s[0] += 1
        s[1] += key_hash(c.replica_id, c.seq)
    insert_ignore(conn, change_key, keys)
    _add_sums(conn, sid, {p: [n, h % HASH_MOD] for p, (n, h) in sums.items()})
    return PushResult("stored", cursor, len(refused), "", dict(codes))


def _stored_parts(conn: Connection, sid: str, table: str, ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), CHUNK):
        q = select(row.c.row_id, row.c.part).where(row.c.school_id == sid, row.c.table_name == table,
                                                   row.c.row_id.in_(ordered[i : i + CHUNK]))  # fmt: skip
        out.update((r.row_id, r.part) for r in conn.execute(q))
    return out


def _insert_ignore(conn: Connection, table, rows: list[dict]) -> None:  # noqa: ANN001
    if is_pg(conn):
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


def _add_sums(conn: Connection, sid: str, sums: dict[str, list[int]]) -> None:
    if is_pg(conn):
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    for part, (n, h) in sums.items():
        stmt = insert(part_sum).values(school_id=sid, part=part, count=n, hash=h)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["school_id", "part"],
            set_={"count": part_sum.c.count + n, "hash": (part_sum.c.hash + h) % HASH_MOD}))  # fmt: skip
