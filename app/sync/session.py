"""One sync through a folder: send, receive, tidy up.

1. **Send.** For every origin this database holds changes of (itself, its previous ids, others),
   work out what some replica that still syncs here lacks (its ``seen.json``) and no file in the
   folder carries, and write those changes as batches into our own subfolder. Our own changes go
   out as soon as they are made; other origins' changes are *forwarded* only when they are needed
   and missing, which happens after compaction: a replica that joins late, or comes back after a
   long time, still gets the whole history, from whoever has it, without every replica copying
   every other's files in the normal case.
2. **Receive.** Read the batches of the others that we do not hold yet, one file at a time so
   memory stays flat, origin by origin in sequence order, interleaving origins by HLC so parents
   mostly arrive before children. Whole files go into transactions of up to ``apply_group``
   changes (or half a second of work), so a cut or a crash loses at most the open transaction,
   never part of a file. Damaged and temporary files are skipped with a reason, and reported in our
   ``seen.json`` so their writer can check and rewrite them.
3. **Tidy.** Apply held changes that can now be applied, write ``seen.json`` (our version
   vector), and delete our own batches that every replica still syncing here has seen.

A replica counts as *still syncing here* when its ``seen.json`` changed in the last
``LIVE_DAYS``; one that comes back after longer declares what it lacks and gets it forwarded.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import defaultdict, deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Self

from app.store import capture
from app.store.replica import renew_replica
from app.sync import rebuild, vector
from app.sync.apply import (
    Applier,
    CommitFailed,
    apply_pending,
    pending_count,
    quarantine_batch,
    restore_checkpointing,
)
from app.sync.changes import CHANGE_COLUMNS, ChangeRec
from app.sync.folder import (
    BATCH_BYTES,
    BATCH_CHANGES,
    BatchDamaged,
    BatchRef,
    FolderScan,
    FolderUnavailable,
    SeenInfo,
    SyncFolder,
    os_words,
)
from app.sync.lock import SyncLock
from app.sync.merge import MergeContext
from app.sync.purge import raw_connection
from app.sync.report import SkippedFile, SyncReport, skip
from app.sync.state import load_state, pending_send, save_state

__all__ = ["SkippedFile", "SyncReport", "pending_send", "sync_once"]

log = logging.getLogger(__name__)

LIVE_DAYS = 60
REBUILD_FLUSH = 20_000  # rows; derived state is rebuilt at least this often during a long sync


def sync_once(
    db,
    folder: Path | str,
    *,
    max_files: int | None = None,
    batch_changes: int = BATCH_CHANGES,
    batch_bytes: int = BATCH_BYTES,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    lock_wait: float = 30.0,
    apply_group: int = 20_000,
) -> SyncReport:
    """Sync once with ``folder``. ``max_files`` bounds how many batches are read and written
    (``report.complete`` says whether everything was done). Received batches are applied in
    transactions of up to ``apply_group`` changes (whole batches only). Raises FolderUnavailable when the
    folder cannot be reached (before or during the sync: whatever was applied stays applied)."""
    report = SyncReport(folder=str(folder), started_at=time.time())
    stop = should_stop or (lambda: False)
    with SyncLock(db.path, wait=lock_wait):
        run = _Run(db, Path(folder), report, max_files, batch_changes, batch_bytes, stop, progress)
        run.apply_group = apply_group
        run.go()
    report.finished_at = time.time()
    report.replica_id = db.replica_id
    return report


class _Run:
    def __init__(self, db, folder, report, max_files, batch_changes, batch_bytes, stop, progress) -> None:
        self.db = db
        self.folder = folder
        self.report = report
        self.budget = max_files if max_files is not None else 1 << 60
        self.batch_changes = batch_changes
        self.batch_bytes = batch_bytes
        self.stop = stop
        self.progress = progress or (lambda phase, done, total: None)
        self.ctx = MergeContext()
        self.damaged: dict[str, dict] = {}  # rel path -> report entry for seen.json
        self.written: list[BatchRef] = []
        self.apply_group = 20_000

    # -- the whole run ----------------------------------------------------------------------
    def go(self) -> None:
        with self.db.write(remote=True) as s:
            vector.settle_previous(raw_connection(s))
        sf = SyncFolder(self.folder, self.db.replica_id)
        sf.prepare()
        sf.clean_temp()
        scan = sf.scan()
        if self._rolled_back(sf, scan):
            sf = SyncFolder(self.folder, self.db.replica_id)
            sf.prepare()
            scan = sf.scan()
        self.sf = sf
        try:
            for name, reason in scan.skipped:
                skip(self.report, name, reason)
            self._repair_own(scan)
            self._send(scan)
            self._receive(scan)
            if not self.stop():
                res = apply_pending(self.db, self.ctx)
                self.report.applied += res.applied
                self.report.dropped += res.dropped
                self.report.conflicts += res.conflicts
            self._write_seen()
            if self.report.complete:
                self._compact(scan)
        except OSError as exc:
            if not sf.reachable():
                raise FolderUnavailable(f"The sync folder {self.folder} could not be reached.") from exc
            raise FolderUnavailable(os_words(exc, self.folder)) from exc  # read-only, full...
        finally:
            restore_checkpointing(self.db)
            self._flush_rebuild(force=True)
            self.report.held, self.report.newer_schema = pending_count(self.db)
            self._save_state(scan)

    # -- replica identity -------------------------------------------------------------------
    def _rolled_back(self, sf: SyncFolder, scan: FolderScan) -> bool:
        """The folder knows changes of ours that this database does not have: the file was put
        back to an earlier state in place. Take a new id so no sequence number is used twice."""
        me = self.db.replica_id
        with self.db.read() as s:
            vv = vector.load(raw_connection(s))
        high = vv.get(me, 0)
        claims = [ref.last for ref in scan.batches if ref.origin == me]
        claims += [info.vector.get(me, 0) for info in scan.seen.values()]
        own = scan.seen.get(me)
        behind = own is not None and any(seq > vv.get(origin, 0) for origin, seq in own.vector.items())
        if max(claims, default=0) <= high and not behind:
            return False
        with self.db.write(remote=True) as s:
            state = renew_replica(s, self.db.path, "the sync folder holds newer changes of this database")
            new = state.replica_id
            s.flush()
            vector.settle_previous(raw_connection(s))
        self.db.replica_id = new
        self.db.clock.replica = new
        self.report.renewed_replica = True
        return True

    # -- send -------------------------------------------------------------------------------
    def _live(self, scan: FolderScan) -> dict[str, SeenInfo]:
        cutoff = time.time() - LIVE_DAYS * 86400
        return {r: i for r, i in scan.seen.items() if r != self.db.replica_id and i.updated >= cutoff}

    def _repair_own(self, scan: FolderScan) -> None:
        """Others said a file of ours is damaged: check it, and remove it if so (it is then
        written again from the database, since someone lacks what it carried)."""
        reported = {
            (d.get("writer"), d.get("name"), d.get("size")) for i in scan.seen.values() for d in i.damaged
        }
        for ref in list(scan.batches):
            if ref.writer == self.db.replica_id and (ref.writer, ref.name, ref.size) in reported:
                try:
                    self.sf.read_batch(ref)
                except BatchDamaged as exc:
                    log.warning("sync: our file %s is damaged (%s); writing it again", ref.name, exc.reason)
                    self.sf.remove(ref)
                    scan.batches.remove(ref)
                except FileNotFoundError:
                    scan.batches.remove(ref)

    def _send(self, scan: FolderScan) -> None:
        me = self.db.replica_id
        live = self._live(scan)
        everyone = {r: i for r, i in scan.seen.items() if r != me}
        stale_writers = set(scan.replicas) - set(live) - {me}
        reported = {(d.get("writer"), d.get("name")) for i in live.values() for d in i.damaged}
        avail: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for ref in scan.batches:
            if ref.writer in stale_writers and (ref.writer, ref.name) in reported:
                continue  # its writer is not around to repair it
            avail[ref.origin].append((ref.first, ref.last))
        with self.db.read() as s:
            vv = vector.load(raw_connection(s))
        plan: list[tuple[str, int, int]] = []
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
            for a, b in _missing(low + 1, high, avail[origin]):
                plan.append((origin, a, b))
        total = sum(b - a + 1 for _, a, b in plan)
        done = 0
        for origin, a, b in plan:
            start = a
            while start <= b:
                if self.budget <= 0 or self.stop():
                    self.report.complete = False
                    return
                with self.db.read() as s:
                    rows = (
                        raw_connection(s)
                        .execute(
                            f"SELECT {CHANGE_COLUMNS} FROM change WHERE replica_id = ? AND seq BETWEEN ? AND ? "
                            "ORDER BY seq LIMIT ?",
                            (origin, start, b, self.batch_changes),
                        )
                        .fetchall()
                    )
                if not rows or rows[0][1] != start:
                    log.error("sync: change log of %s has a gap at %s; not sending further", origin, start)
                    break
                out = self.sf.write_batch(
                    origin,
                    (ChangeRec.from_row(r) for r in rows),
                    max_changes=self.batch_changes,
                    max_bytes=self.batch_bytes,
                )
                del rows
                if out is None:
                    break
                ref, n = out
                self.written.append(ref)
                scan.batches.append(ref)
                self.budget -= 1
                self.report.files_written += 1
                if origin == me:
                    self.report.sent += n
                else:
                    self.report.forwarded += n
                done += n
                start = ref.last + 1
                self.progress("send", done, total)

    # -- receive ----------------------------------------------------------------------------
    def _receive(self, scan: FolderScan) -> None:
        me = self.db.replica_id
        with self.db.read() as s:
            vv = vector.load(raw_connection(s))
        by_origin: dict[str, list[BatchRef]] = defaultdict(list)
        for ref in scan.batches:
            if ref.writer == me or ref.origin == me or ref.last <= vv.get(ref.origin, 0):
                continue
            by_origin[ref.origin].append(ref)
        self.queues: dict[str, deque[BatchRef]] = {}
        for origin, refs in by_origin.items():
            refs.sort(key=lambda r: (r.first, -r.last, r.writer))
            self.queues[origin] = deque(refs)
        self.heads: dict[str, str] = {}  # rel -> hlc of its first change
        self.total = sum(len(q) for q in self.queues.values())
        self.done = 0
        # On a share or a stick, the next file is read, decompressed and verified on a second
        # thread while this one applies the current file, hiding the wait for the network or
        # the stick. (On the local disk that only costs GIL hand-overs, so it is not done.)
        # Parsing stays on this thread. Two files in memory at most.
        pool = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="tessera-sync-read")
            if _elsewhere(self.folder, Path(self.db.path).parent)
            else _Inline()
        )
        with pool, Applier(self.db, self.ctx, max_changes=self.apply_group) as applier:
            try:
                self._receive_files(pool, applier)
            except (OSError, FolderUnavailable):
                self._commit(applier)  # keep what was applied before the folder went away
                raise
            self._commit(applier)
        if self.queues:
            self.report.complete = False

    def _pick(self, applier: Applier) -> BatchRef | None:
        """The next file worth reading: earliest first change by HLC among the origins' next
        files, skipping files whose changes are all here already."""
        while self.queues:
            origin = self._next_origin(self.queues, self.heads)
            if origin is None:
                continue
            ref = self.queues[origin].popleft()
            if not self.queues[origin]:
                del self.queues[origin]
            self.done += 1
            if not applier.holds(ref.origin, ref.first, ref.last):
                return ref
        return None

    def _receive_files(self, pool: ThreadPoolExecutor | _Inline, applier: Applier) -> None:
        ref = self._pick(applier)
        future = pool.submit(self.sf.fetch_batch, ref) if ref else None
        while future is not None:
            if self.budget <= 0 or self.stop():
                self.report.complete = False
                future.cancel()
                return
            current = ref
            try:
                batch = self.sf.parse_batch(current, *future.result())
            except FileNotFoundError:
                batch = None  # removed by its writer meanwhile: someone else carries it, or will
            except BatchDamaged as exc:
                batch = None
                skip(self.report, current.rel, exc.reason)
                self.damaged[current.rel] = {
                    "writer": current.writer,
                    "name": current.name,
                    "size": current.size,
                }
            ref = self._pick(applier) if self.budget > 1 or batch is None else None
            future = pool.submit(self.sf.fetch_batch, ref) if ref else None
            if batch is None:
                continue
            self.budget -= 1
            self.report.files_read += 1
            res = applier.add(batch.changes, tag=current)
            del batch
            self.report.add(res)
            if applier.due():
                self._commit(applier)
                self._flush_rebuild()
            self.progress("receive", self.done, self.total)

    def _commit(self, applier: Applier) -> None:
        try:
            applier.commit()
        except CommitFailed as exc:
            # Rare (a bug, a malformed change that passed every check, or a parent erased here
            # meanwhile): forget what we thought we knew, apply those files one by one and set
            # aside only the one that cannot be applied.
            self.ctx.forget()
            log.error(
                "sync: a group of %d file(s) could not be committed (%s); retrying one by one",
                len(exc.tags),
                exc,
            )
            for ref in exc.tags:
                try:
                    changes = self.sf.read_batch(ref).changes
                except (FileNotFoundError, BatchDamaged):
                    continue
                try:
                    with Applier(self.db, self.ctx, max_changes=1 << 60, max_seconds=1e9) as single:
                        single.add(changes, tag=ref)
                except CommitFailed as one:
                    self.report.add(quarantine_batch(self.db, changes, str(one)))

    def _next_origin(self, queues: dict[str, deque[BatchRef]], heads: dict[str, str]) -> str | None:
        """The origin whose next file starts earliest by HLC (headers read lazily)."""
        best, best_hlc = None, None
        for origin, q in list(queues.items()):
            ref = q[0]
            if ref.rel not in heads:
                try:
                    heads[ref.rel] = str(self.sf.read_header(ref).get("hlc_first", ""))
                except FileNotFoundError:
                    q.popleft()
                    if not q:
                        del queues[origin]
                    return None
                except BatchDamaged:
                    heads[ref.rel] = ""  # read_batch will say why
            h = heads[ref.rel]
            if best_hlc is None or h < best_hlc:
                best, best_hlc = origin, h
        return best

    # -- tidy -------------------------------------------------------------------------------
    def _write_seen(self) -> None:
        with self.db.read() as s:
            raw = raw_connection(s)
            vv = vector.load(raw)
            previous = json.loads(raw.execute("SELECT previous_ids FROM replica_state").fetchone()[0] or "[]")
        self.sf.write_seen(
            {k: v for k, v in vv.items() if v > 0},
            schema_version=capture.SCHEMA_VERSION,
            damaged=sorted(self.damaged.values(), key=lambda d: (d["writer"], d["name"])),
            previous_ids=previous,
        )

    def _compact(self, scan: FolderScan) -> None:
        """Remove our batches that every replica still syncing here has seen. Any doubt (a
        seen.json we cannot read, a replica folder without one) keeps everything."""
        me = self.db.replica_id
        live = self._live(scan)
        cutoff = time.time() - LIVE_DAYS * 86400
        unknown = [r for r in scan.replicas - set(scan.seen) - {me} if scan.folder_mtime.get(r, 0) >= cutoff]
        if not live or unknown or scan.unreadable_seen:
            return
        written = {ref.name for ref in self.written}
        for ref in scan.batches:
            if ref.writer != me or ref.name in written:
                continue
            covered = all(i.vector.get(ref.origin, 0) >= ref.last for i in live.values())
            if covered and self.sf.remove(ref):
                self.report.compacted += 1

    def _flush_rebuild(self, force: bool = False) -> None:
        total = sum(len(v) for v in self.ctx.affected.values())
        if total and (force or total >= REBUILD_FLUSH):
            affected = dict(self.ctx.affected)
            self.ctx.affected.clear()
            rebuild.notify(self.db, affected)

    def _save_state(self, scan: FolderScan) -> None:
        me = self.db.replica_id
        own = [ref.last for ref in scan.batches if ref.origin == me]
        own += [i.vector.get(me, 0) for r, i in scan.seen.items() if r != me]
        prev = load_state(self.db)
        exported = max(own, default=0)
        if prev.get("replica_id") == me:
            exported = max(exported, int(prev.get("exported", 0)))
        with self.db.read() as s:
            next_seq = raw_connection(s).execute("SELECT next_seq FROM replica_state").fetchone()[0]
        self.report.pending_send = max(0, next_seq - 1 - exported)
        state = {
            "replica_id": me,
            "exported": exported,
            "folder": str(self.folder),
            "last_sync_at": time.time() if self.report.complete else prev.get("last_sync_at"),
            "last_attempt_at": time.time(),
        }
        save_state(self.db, state)


class _Inline:
    """An executor that runs the task at once, on this thread."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn: Callable, *args: object) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # noqa: BLE001  (handed over like a thread's exception)
            future.set_exception(exc)
        return future


def _elsewhere(folder: Path, local: Path) -> bool:
    """Whether the folder is on another device than the database (a share or a stick)."""
    try:
        return os.stat(folder).st_dev != os.stat(local).st_dev
    except OSError:
        return True


def _missing(lo: int, hi: int, have: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
