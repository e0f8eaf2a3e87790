"""One sync through a folder: send, receive, tidy up.

1. **Send** (``send.py``): write what a replica still syncing here lacks and no file in the folder
   carries, as batches into our own subfolder (our own changes, and others' when they are needed
   and missing, after compaction).
2. **Receive** (``receive.py``): read the batches of the others that we do not hold yet, one file
   at a time, and apply them in transactions of whole files (``apply.py``).
3. **Tidy.** Apply held changes that can now be applied, write ``seen.json`` (our version
   vector), remove batches every replica still syncing here has seen (``compact.py``, which also
   says when a replica counts as still syncing here, or as abandoned), and trim our change log
   of what every known replica has seen (``trim.py``).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from app.store import capture, what_changed
from app.store.raw import raw_connection
from app.store.replica import renew_replica
from app.sync import vector
from app.sync.apply import apply_pending, pending_count, restore_checkpointing
from app.sync.batchfile import BATCH_BYTES, BATCH_CHANGES, BatchDamaged, BatchRef
from app.sync.compact import ABANDONED_DAYS, LIVE_DAYS, compact, live_replicas
from app.sync.folder import FolderScan, FolderUnavailable, SyncFolder, os_words
from app.sync.held import release_future
from app.sync.lock import SyncLock
from app.sync.merge import MergeContext
from app.sync.receive import Receiver
from app.sync.report import SkippedFile, SyncReport, skip
from app.sync.send import repair_own, send
from app.sync.state import load_state, pending_send, save_state
from app.sync.trim import trim_change_log
from app.trust import equivocation
from app.trust.recheck import recheck
from app.trust.reseal import forget_arrived, reseal_own
from app.trust.run import TrustRun
from app.trust.tidy import tidy_share

__all__ = ["ABANDONED_DAYS", "LIVE_DAYS", "SkippedFile", "SyncReport", "pending_send", "sync_once"]

log = logging.getLogger(__name__)

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
    abandoned_days: float = ABANDONED_DAYS,
    trim: bool = True,
) -> SyncReport:
    """Sync once with ``folder``. ``max_files`` bounds how many batches are read and written
    (``report.complete`` says whether everything was done). Received batches are applied in
    transactions of up to ``apply_group`` changes (whole batches only). A replica folder with
    nothing written for ``abandoned_days`` no longer holds back compaction (``compact.py``);
    ``trim`` trims the change log of what every known replica has seen (``trim.py``). Raises
    FolderUnavailable when the folder cannot be reached (before or during the sync: whatever was
    applied stays applied)."""
    report = SyncReport(folder=str(folder), started_at=time.time())
    stop = should_stop or (lambda: False)
    with SyncLock(db.path, wait=lock_wait):
        run = _Run(db, Path(folder), report, max_files, batch_changes, batch_bytes, stop, progress)
        run.apply_group = apply_group
        run.abandoned_days = abandoned_days
        run.trim = trim
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
        self.abandoned_days: float = ABANDONED_DAYS
        self.trim = True
        self.trust: TrustRun | None = None

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
        # Signed sync (``app/trust``): None while the school has not moved to it.
        self.trust = TrustRun.start(self.db, self.folder)
        if self.trust is not None and equivocation.settle(self, scan):
            sf = SyncFolder(self.folder, self.db.replica_id)  # renewed: two versions of our changes
            sf.prepare()
            scan = sf.scan()
            self.sf = sf
            self.trust = TrustRun.start(self.db, self.folder)
        self.report.signed = self.trust is not None
        try:
            if self.trust is not None:
                recheck(self)
                reseal_own(self, scan)
                tidy_share(self, scan)  # encrypted under the current key; erased students' files gone
            for name, reason in scan.skipped:
                skip(self.report, name, reason)
            repair_own(self, scan)
            send(self, scan)
            Receiver(self).receive(scan)
            if not self.stop():
                release_future(self.db)
                res = apply_pending(self.db, self.ctx)
                self.report.applied += res.applied
                self.report.dropped += res.dropped
                self.report.conflicts += res.conflicts
            if self.trust is not None:
                forget_arrived(self.db)
            self._write_seen()
            if self.report.complete:
                with self.db.read() as s:
                    own = vector.load(raw_connection(s))
                compact(sf, scan, self.report, {r.name for r in self.written}, own, self.abandoned_days)
                if self.trim:
                    self.report.trimmed = trim_change_log(self.db, scan, self.abandoned_days)
        except OSError as exc:
            if not sf.reachable():
                raise FolderUnavailable(f"The sync folder {self.folder} could not be reached.") from exc
            raise FolderUnavailable(os_words(exc, self.folder)) from exc  # read-only, full...
        finally:
            restore_checkpointing(self.db)
            self.flush_rebuild(force=True)
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
        # A file's name is only a claim: a damaged file (random bytes under a batch-style name) is
        # never evidence that this database was copied. Only batches that read whole count.
        claims = [
            ref.last for ref in scan.batches if ref.origin == me and (ref.last <= high or _whole(sf, ref))
        ]
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

    # -- tidy -------------------------------------------------------------------------------
    def unacknowledged(self, scan: FolderScan) -> int:
        """Changes of this database (its id and every previous id) that some replica still syncing
        here has not confirmed in its ``seen.json``: until they are 0, "up to date" is not true."""
        with self.db.read() as s:
            raw = raw_connection(s)
            vv = vector.load(raw)
            previous = json.loads(raw.execute("SELECT previous_ids FROM replica_state").fetchone()[0] or "[]")
        mine = {self.db.replica_id, *previous}
        peers = [i for r, i in live_replicas(scan, self.db.replica_id).items() if r not in mine]
        if not peers:
            return 0
        return sum(max(0, vv.get(o, 0) - min(p.vector.get(o, 0) for p in peers)) for o in mine)

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

    def flush_rebuild(self, force: bool = False) -> None:
        """Publish what was applied and committed so far (derived state is rebuilt, screens refresh);
        during a long sync at least every REBUILD_FLUSH rows. ``force``: the sync is over."""
        total = sum(len(v) for v in self.ctx.affected.values())
        if total and (force or total >= REBUILD_FLUSH):
            affected = dict(self.ctx.affected)
            self.ctx.affected.clear()
            what_changed.publish(self.db, affected, source=what_changed.Source.SYNC)
        if force:
            extra = what_changed.Kind.SYNC_STATE
            if self.report.conflicts:
                extra |= what_changed.Kind.CONFLICTS
            what_changed.publish(self.db, {}, source=what_changed.Source.SYNC, extra=extra)

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
        self.report.unacknowledged = self.unacknowledged(scan)  # as the peers' seen.json said at the start
        state = {
            "replica_id": me,
            "exported": exported,
            "folder": str(self.folder),
            "last_sync_at": time.time() if self.report.complete else prev.get("last_sync_at"),
            "last_attempt_at": time.time(),
        }
        if prev.get("replica_id") == me and "trimmed" in prev:
            state["trimmed"] = prev["trimmed"]
        save_state(self.db, state)


def _whole(sf: SyncFolder, ref: BatchRef) -> bool:
    try:
        sf.read_batch(ref)
        return True
    except (BatchDamaged, FileNotFoundError):
        return False
