"""Pull: pages of segments in cursor order, bounded in count and bytes, filtered to the device's
scope; the server's vector; the per-partition check; a snapshot of current rows.

Scope: a device whose certificate names classes (a lab machine of one class) gets only those
classes, plus what belongs to no class (the school's own rows, the shared skill framework). A
segment that mixes in other classes is sent as a *redacted* copy: each change out of scope is
replaced by a stand-in that keeps its place in its origin's sequence (so version vectors stay
contiguous) and names no table, row or class; the copy is sealed by the server's own admin
certificate as a relay (``app/trust/segment.py``), which the desktop's gate accepts from a teacher
or admin key. A segment with nothing in scope is all stand-ins."""

from __future__ import annotations

import base64
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.sync.changes import ChangeRec
from app.trust.segment import Seal, make_seal
from tessera_server import schools
from tessera_server.auth import Caller
from tessera_server.ingest import HASH_MOD
from tessera_server.rows import class_of
from tessera_server.schema import part_sum, row, school, segment
from tessera_server.wire import open_batch, rebuild

MAX_PAGE_COUNT = 200
MAX_PAGE_BYTES = 4 * 1024 * 1024  # a page is built in memory (base64, JSON, gzip): about 4x this at its peak
REDACTED = "redacted"


@dataclass
class Page:
    epoch: str
    cursor: int  # the last cursor this page covers: ask after it next
    more: bool
    batches: list[dict]  # what each segment is (``meta``)
    raw: list[str] | None = None  # else: each segment's entry as JSON text (``_Fragments``)

    def body(self) -> bytes:
        """The answer's JSON: the entries as they were made and kept, not encoded again."""
        if self.raw is None:
            return json.dumps({"epoch": self.epoch, "cursor": self.cursor, "more": self.more,
                               "batches": self.batches}).encode()  # fmt: skip
        head = json.dumps({"epoch": self.epoch, "cursor": self.cursor, "more": self.more})[:-1]
        return f'{head}, "batches": [{", ".join(self.raw)}]}}'.encode()


class _Fragments:
    """Each recent segment's page entry (its bytes in base64, in JSON), kept per process: every
    device of a school asks for the same new segments within a minute, and a stored segment
    never changes (a restore from backup brings a new epoch, part of the key). A redacted copy is
    kept per scope. Bounded in bytes; big ones (a backlog) are not kept."""

    LIMIT = 8 * 1024 * 1024
    BIGGEST = 256 * 1024

    def __init__(self) -> None:
        self.items: OrderedDict[tuple, tuple[list[str], str]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: tuple) -> tuple[list[str], str] | None:
        with self.lock:
            hit = self.items.get(key)
            if hit is not None:
                self.items.move_to_end(key)
            return hit

    def put(self, key: tuple, value: tuple[list[str], str]) -> None:
        n = len(value[1])
        if n > self.BIGGEST:
            return
        with self.lock:
            if key in self.items:
                return
            self.items[key] = value
            self.size += n
            while self.size > self.LIMIT:
                _, (_, old) = self.items.popitem(last=False)
                self.size -= len(old)


_FRAGMENTS = _Fragments()


def _entry(r, data: bytes) -> str:  # noqa: ANN001
    return json.dumps({"cursor": r.cursor, "origin": r.origin, "first": r.first, "last": r.last,
                       "data": base64.b64encode(data).decode()})  # fmt: skip


def in_scope(who: Caller, classes: list[str]) -> bool:
    return who.every_class or all(k == "" or k in who.classes for k in classes)


def page(conn: Connection, who: Caller, after: int, limit: int = MAX_PAGE_COUNT, max_bytes: int = MAX_PAGE_BYTES,
         vector: dict[str, int] | None = None, meta: bool = False) -> Page:  # fmt: skip
    """Segments after ``after``. ``vector``: skip segments it already covers (after an epoch change,
    a client reconciles by version vector rather than by a cursor the server never handed out).
    ``meta``: what each segment is, without its bytes (``GET segments/{cursor}`` gives them)."""
    sid = who.school_id
    limit = max(1, min(limit, MAX_PAGE_COUNT))
    max_bytes = max(64 * 1024, min(max_bytes, MAX_PAGE_BYTES))
    epoch_q = select(school.c.epoch).where(school.c.school_id == sid).scalar_subquery()
    metas = conn.execute(
        select(
            segment.c.cursor,
            segment.c.origin,
            segment.c.first,
            segment.c.last,
            segment.c.size,
            segment.c.hlc_first,
            epoch_q.label("epoch"),  # in the same round trip
        )
        .where(segment.c.school_id == sid, segment.c.cursor > after)
        .order_by(segment.c.cursor)
        .limit(limit + 1)
    ).fetchall()
    if metas:
        epoch = metas[0].epoch
    else:
        epoch = conn.execute(select(school.c.epoch).where(school.c.school_id == sid)).scalar_one()
    more = len(metas) > limit
    chosen, total = [], 0
    for m in metas[:limit]:
        if chosen and total + m.size > max_bytes:
            more = True
            break
        chosen.append(m)
        total += m.size
    cursor = chosen[-1].cursor if chosen else after
    wanted = [m.cursor for m in chosen if not (vector and vector.get(m.origin, 0) >= m.last)]
    batches: list[dict] = []
    if meta:
        sizes = {m.cursor: m for m in chosen}
        return Page(epoch, cursor, more, [{"cursor": c, "origin": sizes[c].origin, "first": sizes[c].first,
                                           "last": sizes[c].last, "size": sizes[c].size, "hlc_first": sizes[c].hlc_first}
                                          for c in wanted])  # fmt: skip
    scope = tuple(sorted(who.classes))
    entries: dict[int, str] = {}
    todo = []
    for c in wanted:
        red = None if who.every_class else _FRAGMENTS.get((sid, epoch, c, scope))
        hit = red or _FRAGMENTS.get((sid, epoch, c))
        if hit is not None and (red is not None or in_scope(who, hit[0])):
            entries[c] = hit[1]
        else:
            todo.append(c)
    if todo:
        for r in conn.execute(select(segment.c.cursor, segment.c.origin, segment.c.first, segment.c.last,
                                     segment.c.data, segment.c.classes)
                              .where(segment.c.school_id == sid, segment.c.cursor.in_(todo))):  # fmt: skip
            classes = json.loads(r.classes)
            if in_scope(who, classes):
                entries[r.cursor] = _entry(r, bytes(r.data))
                _FRAGMENTS.put((sid, epoch, r.cursor), (classes, entries[r.cursor]))
            else:
                entries[r.cursor] = _entry(r, redact(conn, who, bytes(r.data)))
                _FRAGMENTS.put((sid, epoch, r.cursor, scope), (classes, entries[r.cursor]))
    return Page(epoch, cursor, more, batches, [entries[c] for c in sorted(entries)])


def one(conn: Connection, who: Caller, cursor: int) -> bytes | None:
    r = conn.execute(select(segment.c.data, segment.c.classes).where(
        segment.c.school_id == who.school_id, segment.c.cursor == cursor)).first()  # fmt: skip
    if r is None:
        return None
    return bytes(r.data) if in_scope(who, json.loads(r.classes)) else redact(conn, who, bytes(r.data))


def redact(conn: Connection, who: Caller, data: bytes) -> bytes:
    b = open_batch(data)
    changes = []
    for c in b.changes:
        if who.every_class or class_of(c.partition) in ("", *who.classes):
            changes.append(c)
        else:
            changes.append(
                ChangeRec(c.replica_id, c.seq, c.hlc, "", "", REDACTED, "", c.schema_version, "{}")
            )
    found = schools.trust(conn, who.school_id)
    assert found is not None
    _, srow = found
    old = Seal.from_json(b.footer.get("seal"))

    def sealer(origin: str, first: int, last: int, sha: str) -> dict:
        return make_seal(srow.server_private, srow.server_cert.serial, origin, first, last,
                         old.schema if old else 0, sha).to_json()  # fmt: skip

    return rebuild(srow.server_cert.device, b.header_line, changes, sealer)


# Per school, what this process last worked out of the vector: (epoch, the last cursor read, that
# segment's origin and first, per origin the contiguous top, the spans held beyond a gap). Each
# call reads only the segments stored since: cursors become visible in commit order
# (``db.take_cursor``), so none can appear later below the last one read. A new epoch (a restore),
# a counter below what was read, or another segment under the last cursor read: read from nothing.
_VECTORS: dict[str, tuple[str, int, tuple, dict[str, int], dict[str, list[tuple[int, int]]]]] = {}
_VLOCK = threading.Lock()


def vector(conn: Connection, school_id: str, origins: list[str] | None = None) -> dict[str, int]:
    """Per origin, the highest sequence number up to which the server holds every change."""
    return vector_and_epoch(conn, school_id, origins)[0]


def vector_and_epoch(
    conn: Connection, school_id: str, origins: list[str] | None = None
) -> tuple[dict[str, int], str]:
    """``vector`` and the school's epoch, read with it."""
    with _VLOCK:
        hit = _VECTORS.get(school_id)
    # The segment last read must still be there, as it was: a database put back from a backup
    # (before the epoch is renewed) shows at once, whatever its counter says.
    at = segment.c.school_id == school_id, segment.c.cursor == (hit[1] if hit else 0)
    top_row = conn.execute(
        select(school.c.epoch, school.c.next_cursor,
               select(segment.c.origin).where(*at).scalar_subquery().label("mark_origin"),
               select(segment.c.first).where(*at).scalar_subquery().label("mark_first"))
        .where(school.c.school_id == school_id)
    ).first()  # fmt: skip
    if top_row is None:
        return {}, ""
    epoch, upto_now = top_row.epoch, int(top_row.next_cursor) - 1
    mark = (top_row.mark_origin, top_row.mark_first)
    if hit is None or hit[0] != epoch or hit[1] > upto_now or (hit[1] and mark != hit[2]):
        hit = (epoch, 0, (None, None), {}, {})
    _, upto, mark, old_tops, old_gaps = hit
    tops = dict(old_tops)
    gaps: dict[str, list[tuple[int, int]]] = {}
    for cur, o, f, last in conn.execute(select(segment.c.cursor, segment.c.origin, segment.c.first, segment.c.last)
                                        .where(segment.c.school_id == school_id, segment.c.cursor > upto)):  # fmt: skip
        if int(cur) > upto:
            upto, mark = int(cur), (o, int(f))
        if o not in gaps:
            gaps[o] = list(old_gaps.get(o, ()))
        gaps[o].append((int(f), int(last)))
    new_gaps = dict(old_gaps)
    for o, spans in gaps.items():
        top, rest = tops.get(o, 0), []
        for f, last in sorted(spans):
            if f > top + 1:
                rest.append((f, last))  # beyond a gap: kept until what fills it comes
            else:
                top = max(top, last)
        tops[o] = top
        if rest:
            new_gaps[o] = rest
        else:
            new_gaps.pop(o, None)
    with _VLOCK:
        old = _VECTORS.get(school_id)
        if old is None or old[0] != epoch or old[1] <= upto:
            _VECTORS[school_id] = (epoch, upto, mark, tops, new_gaps)
    if origins:
        return {o: tops[o] for o in origins if o in tops}, epoch
    return tops, epoch


def check(conn: Connection, who: Caller) -> dict[str, dict[str, int]]:
    """Per partition in the device's scope: how many changes the server holds, and their hash."""
    out = {}
    for part, n, h in conn.execute(select(part_sum.c.part, part_sum.c.count, part_sum.c.hash).where(
            part_sum.c.school_id == who.school_id)):  # fmt: skip
        if in_scope(who, [class_of(part)]):
            out[part] = {"count": int(n), "hash": int(h) % HASH_MOD}
    return out


def partition_segments(conn: Connection, who: Caller, part: str) -> list[dict]:
    """The segments holding changes of one partition: what a device re-reads to repair it."""
    from tessera_server.schema import change_key

    if not in_scope(who, [class_of(part)]):
        return []
    cursors = sorted({r[0] for r in conn.execute(select(change_key.c.cursor).where(
        change_key.c.school_id == who.school_id, change_key.c.part == part).distinct())})  # fmt: skip
    rows = conn.execute(select(segment.c.cursor, segment.c.origin, segment.c.first, segment.c.last).where(
        segment.c.school_id == who.school_id, segment.c.cursor.in_(cursors))).fetchall() if cursors else []  # fmt: skip
    return [{"cursor": r.cursor, "origin": r.origin, "first": r.first, "last": r.last} for r in rows]


def snapshot(conn: Connection, who: Caller) -> dict:
    """The current rows of the device's scope and the cursor they stand for (read in one
    transaction), so a new device can start from them and pull only what came after."""
    sid = who.school_id
    top = conn.execute(select(school.c.next_cursor, school.c.epoch).where(school.c.school_id == sid)).one()
    out = []
    for r in conn.execute(select(row).where(row.c.school_id == sid).order_by(row.c.table_name, row.c.row_id)):
        if in_scope(who, [class_of(r.part)]):
            out.append({"table": r.table_name, "id": r.row_id, "partition": r.part,
                        "fields": json.loads(r.fields), "clocks": json.loads(r.clocks), "deleted": r.deleted})  # fmt: skip
    return {"epoch": top.epoch, "cursor": int(top.next_cursor) - 1, "vector": vector(conn, sid), "rows": out}
