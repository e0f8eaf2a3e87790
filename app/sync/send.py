"""Send: write what some replica still syncing here lacks, and no file in the folder carries, as
batches into our own subfolder.

For every origin this database holds changes of (itself, its previous ids, others) we work out the
lowest sequence number a live replica has (its ``seen.json``) and the ranges above it that no batch
in the folder covers. Our own changes go out as soon as they are made; other origins' changes are
*forwarded* only when they are needed and missing, which happens after compaction: a replica that
joins late, or comes back after a long time, still gets the whole history, from whoever has it,
without every replica copying every other's files in the normal case.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict

from app.store.raw import raw_connection
from app.sync import vector
from app.sync.batchfile import BatchDamaged
from app.sync.changes import CHANGE_COLUMNS
from app.sync.compact import live_replicas
from app.sync.folder import FolderScan
from app.sync.trim import rows_to_send
from app.trust.run import Unsealable

log = logging.getLogger(__name__)


def previous_ids(db) -> set[str]:
    with db.read() as s:
        row = raw_connection(s).execute("SELECT previous_ids FROM replica_state").fetchone()
    return set(json.loads(row[0] or "[]")) if row else set()


def repair_own(run, scan: FolderScan) -> None:
    """Others said a file of ours is damaged: check it, and remove it if so (it is then written
    again from the database, since someone lacks what it carried). Ours includes the files written
    under this database's previous replica ids: after a new id, nobody else would ever repair them."""
    me = run.db.replica_id
    before = previous_ids(run.db) - {me}
    reported = {
        (d.get("writer"), d.get("name"), d.get("size")) for i in scan.seen.values() for d in i.damaged
    }
    for ref in list(scan.batches):
        if ref.writer in (me, *before) and (ref.writer, ref.name, ref.size) in reported:
            try:
                run.sf.read_batch(ref)
            except BatchDamaged as exc:
                log.warning("sync: our file %s is damaged (%s); writing it again", ref.name, exc.reason)
                if ref.writer == me:
                    run.sf.remove(ref)
                else:
                    run.sf.remove_previous(ref, before)
                scan.batches.remove(ref)
            except FileNotFoundError:
                scan.batches.remove(ref)


def plan(run, scan: FolderScan) -> list[tuple[str, int, int]]:
    """(origin, first, last) ranges to write."""
    me = run.db.replica_id
    live = live_replicas(scan, me)
    everyone = {r: i for r, i in scan.seen.items() if r != me}
    reported = {(d.get("writer"), d.get("name")) for i in scan.seen.values() for d in i.damaged}
    signed = getattr(run, "trust", None) is not None
    with run.db.read() as s:
        vv = vector.load(raw_connection(s))
    avail: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ref in scan.batches:
        if ref.writer != me and (ref.writer, ref.name) in reported:
            continue  # damaged for a reader: it carries nothing until its writer repairs it
        if ref.origin == me and ref.last > vv.get(me, 0):
            continue  # claims more of our changes than we ever made: not ours, whatever its name says
        if signed and ref.origin == me and ref.writer != me:
            continue  # a file in another's folder under our name may be forged: it never stands for ours
        avail[ref.origin].append((ref.first, ref.last))
    out: list[tuple[str, int, int]] = []
    for origin, high in sorted(vv.items(), key=lambda kv: kv[0] != me):
        if high <= 0:
            continue
        if origin == me:
            pool = live or everyone
            low = min((i.vector.get(me, 0) for i in pool.values()), default=0)
        else:
            if not live:
                continue
            low = min(i.vector.get(origin, 0) for i in live.values())
        for a, b in missing(low + 1, high, avail[origin]):
            out.append((origin, a, b))
    return out


def send(run, scan: FolderScan) -> None:
    me = run.db.replica_id
    trust = getattr(run, "trust", None)
    ranges = plan(run, scan)
    total = sum(b - a + 1 for _, a, b in ranges)
    done = 0
    for origin, a, b in ranges:
        start = a
        while start <= b:
            if run.budget <= 0 or run.stop():
                run.report.complete = False
                return
            limit, sealer, hi, header = run.batch_changes, None, b, None
            with run.db.read() as s:
                raw = raw_connection(s)
                if trust is not None:
                    # Signed sync: our own changes under our seal; others' as the segments their
                    # author sealed (whole, from its first change), or under our relay seal.
                    if origin == me or origin in trust.own_ids:
                        sealer = trust.seal_own
                    else:
                        start, limit, stored = forwarded_segment(raw, origin, start, limit)
                        sealer = trust.forwarder(stored)
                        hi = max(b, start + limit - 1)
                        header = json.loads(stored).get("hdr") if stored else None
                rows = raw.execute(
                    f"SELECT {CHANGE_COLUMNS} FROM change WHERE replica_id = ? AND seq BETWEEN ? AND ? "
                    "ORDER BY seq LIMIT ?",
                    (origin, start, hi, limit),
                ).fetchall()
                changes = rows_to_send(raw, rows)
            del rows
            if not changes or changes[0].seq != start:
                log.error("sync: change log of %s has a gap at %s; not sending further", origin, start)
                break
            try:
                out = run.sf.write_batch(
                    origin,
                    iter(changes),
                    max_changes=limit,
                    max_bytes=run.batch_bytes,
                    sealer=sealer,
                    header_line=header,
                )
            except Unsealable as exc:
                log.info("sync: not passing on changes of %s from %s: %s", origin, start, exc)
                break
            del changes
            if out is None:
                break
            ref, n = out
            run.written.append(ref)
            scan.batches.append(ref)
            run.budget -= 1
            run.report.files_written += 1
            if origin == me:
                run.report.sent += n
            else:
                run.report.forwarded += n
            done += n
            start = ref.last + 1
            run.progress("send", done, total)


def forwarded_segment(raw, origin: str, start: int, limit: int) -> tuple[int, int, str | None]:
    """Where a forwarded file starts, how many changes it holds and the author's seal to keep:
    the sealed segment holding ``start`` is sent whole (its first changes may be here already:
    they are skipped as duplicates), so its seal still holds."""
    row = raw.execute(
        "SELECT first, last, seal FROM segment_seal WHERE replica_id = ? AND first <= ? ORDER BY first DESC LIMIT 1",
        (origin, start),
    ).fetchone()
    if row is None or row[1] < start:
        return start, limit, None
    return row[0], row[1] - row[0] + 1, row[2]


def missing(lo: int, hi: int, have: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [lo, hi] not covered by the intervals in ``have``."""
    out = []
    cur = lo
    for a, b in sorted(have):
        if b < cur:
            continue
        if a > hi:
            break
        if a > cur:
            out.append((cur, min(a - 1, hi)))
        cur = max(cur, b + 1)
        if cur > hi:
            break
    if cur <= hi:
        out.append((cur, hi))
    return out
