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

from app.i18n import _
from app.store import capture, what_changed
from app.store.raw import raw_connection
from app.store.replica import renew_replica
from app.sync import vector
from app.sync.apply import apply_pending, pending_count, restore_checkpointing
from app.sync.batchfile import BATCH_BYTES, BATCH_CHANGES, BatchDamaged, BatchRef
from app.sync.blobs import fetch_files, reported_bad, send_files
from app.sync.compact import ABANDONED_DAYS, LIVE_DAYS, compact, live_replicas
from app.sync.folder import FolderScan, FolderUnavailable, folder_error
from app.sync.folder_transport import FolderTransport
from app.sync.held import release_future
from app.sync.http_snapshot import bootstrap
from app.sync.lock import SyncLock
from app.sync.merge import MergeContext
from app.sync.place import Place
from app.sync.receive import Receiver
from app.sync.report import SkippedFile, SyncReport, skip
from app.sync.send import repair_own, send
from app.sync.state import load_state, pending_send, save_state
from app.sync.transport import TargetUnavailable, Transport
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
    folder: Path | str | Callable[[str], Transport],
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
    applied stays applied). ``folder`` may also be a transport factory (``me`` -> Transport,
    ``targets.py``): the sync then goes through that place, raising its ``TargetError``s."""
    opener = _opener(folder)
    report = SyncReport(folder=opener.address, started_at=time.time())
    stop = should_stop or (lambda: False)
    with SyncLock(db.path, wait=lock_wait):
        run = _Run(db, opener, report, max_files, batch_changes, batch_bytes, stop, progress)
        run.apply_group = apply_group
        run.abandoned_days = abandoned_days
        run.trim = trim
        run.go()
    report.finished_at = time.time()
    report.replica_id = db.replica_id
    return report


class _Opener:
    """Makes the transport for the current replica id (a new one after the id is renewed)."""

    def __init__(self, make: Callable[[str], Transport], folder: Path | None) -> None:
        self.make = make
        self.folder = folder  # the folder, for the trust documents; None for other places
        self.address = str(folder) if folder is not None else ""


def _opener(target) -> _Opener:
    if isinstance(target, (str, Path)):
        path = Path(target)
        return _Opener(lambda me: FolderTransport(path, me), path)
    if isinstance(target, _Opener):
        return target
    opener = _Opener(target, None)
    folder = getattr(target, "folder", None)
    opener.folder = Path(folder) if folder is not None else None
    opener.address = str(getattr(target, "address", "") or opener.folder or "")
    return opener


class _Run:
    def __init__(self, db, opener, report, max_files, batch_changes, batch_bytes, stop, progress) -> None:
        self.db = db
        self.opener: _Opener = opener
        self.folder: Path | None = opener.folder  # the trust documents' folder (None: not a folder)
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
    def open(self) -> Transport:
        old = getattr(self, "transport", None)
        if old is not None:
            old.close()  # the replica id was renewed: a new view of the place
        t = self.opener.make(self.db.replica_id)
        try:
            t.prepare()
        except BaseException:
            t.close()
            raise
        self.transport = t
        self.sf = Place(t)
        return t

    def go(self) -> None:
        with self.db.write(remote=True) as s:
            vector.settle_previous(raw_connection(s))
        t = self.open()
        self.report.folder = self.opener.address or t.describe().address
        self.report.target = t.describe().kind
        prev = load_state(self.db).get("targets", {}).get(self.report.target, {})
        self.files_known: set[str] = set(prev.get("files", [])) if isinstance(prev, dict) else set()
        try:
            bootstrap(self, t)  # a new computer's first sync with a server: its snapshot first
        except BaseException:
            restore_checkpointing(self.db)
            self.flush_rebuild(force=True)
            t.close()
            raise
        scan = t.scan()
        if self._rolled_back(self.sf, scan):
            t = self.open()
            scan = t.scan()
        # Signed sync (``app/trust``): None while the school has not moved to it.
        self.trust = TrustRun.start(self.db, self.folder)
        if self.trust is not None and self.folder is not None and equivocation.settle(self, scan):
            t = self.open()  # renewed: two versions of our changes
            scan = t.scan()
            self.trust = TrustRun.start(self.db, self.folder)
        self.report.signed = self.trust is not None
        sf = self.sf
        try:
            if self.trust is not None:
                recheck(self)
                reseal_own(self, scan)
                tidy_share(self, scan)  # encrypted under the current key; erased students' files gone
            for name, reason in scan.skipped:
                skip(self.report, name, reason)
            repair_own(self, scan)
            # Files first, so a row that names one never reaches a place without it. A file someone
            # refused (damaged or planted at the place) is put again from here.
            bad = frozenset(reported_bad(scan))
            self.files_known -= bad
            self.report.files_sent = send_files(self.db, t, self.files_known, self.stop, bad)
            send(self, scan)
            Receiver(self).receive(scan)
            if not self.stop():
                release_future(self.db)
                res = apply_pending(self.db, self.ctx)
                self.report.applied += res.applied
                self.report.dropped += res.dropped
                self.report.conflicts += res.conflicts
                refused: list[str] = []
                self.report.files_received = fetch_files(
                    self.db, t, self.report, self.files_known, self.stop, refused
                )
                for sha in refused:
                    self.damaged[f"blob:{sha}"] = {"blob": sha}
            if self.trust is not None:
                forget_arrived(self.db)
            self._write_seen()
            if self.report.complete:
                with self.db.read() as s:
                    own = vector.load(raw_connection(s))
                if t.describe().compacts:
                    compact(sf, scan, self.report, {r.name for r in self.written}, own, self.abandoned_days)
                if self.trim:
                    self.report.trimmed = trim_change_log(self.db, scan, self.abandoned_days)
        except OSError as exc:
            if self.folder is None:
                raise TargetUnavailable(f"{t.describe().label} could not be used ({exc}).") from exc
            if not sf.reachable():
                raise FolderUnavailable(
                    _("The sync folder {folder} could not be reached.", folder=self.folder)
                ) from exc
            raise folder_error(exc, self.folder) from exc  # read-only, full...
        finally:
            restore_checkpointing(self.db)
            self.flush_rebuild(force=True)
            self.report.held, self.report.newer_schema = pending_count(self.db)
            self._save_state(scan)
            t.close()

    # -- replica identity -------------------------------------------------------------------
    def _rolled_back(self, sf: Place, scan: FolderScan) -> bool:
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
            state = renew_replica(s, self.db.path, _("the sync folder holds newer changes of this database"))
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
            damaged=sorted(
                self.damaged.values(), key=lambda d: (d.get("writer", ""), d.get("name", d.get("blob")))
            ),
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
        key = self.report.target or "folder"
        own = [ref.last for ref in scan.batches if ref.origin == me]
        own += [i.vector.get(me, 0) for r, i in scan.seen.items() if r != me]
        prev = load_state(self.db)
        got = prev.get("targets")
        targets: dict = got if isinstance(got, dict) else {}
        old: dict = targets[key] if isinstance(targets.get(key), dict) else {}
        exported = max(own, default=0)
        if key == "folder" and prev.get("replica_id") == me:
            exported = max(exported, int(prev.get("exported", 0)))
        if old.get("replica_id") == me:
            exported = max(exported, int(old.get("exported", 0)))
        with self.db.read() as s:
            next_seq = raw_connection(s).execute("SELECT next_seq FROM replica_state").fetchone()[0]
        self.report.pending_send = max(0, next_seq - 1 - exported)
        self.report.unacknowledged = self.unacknowledged(scan)  # as the peers' seen.json said at the start
        if key == "folder":
            state = {
                "replica_id": me,
                "exported": exported,
                "folder": self.report.folder,
                "last_sync_at": time.time() if self.report.complete else prev.get("last_sync_at"),
                "last_attempt_at": time.time(),
            }
        else:  # the top-level fields are the folder's (``pending_send`` reads them offline)
            state = {k: v for k, v in prev.items() if k not in ("targets", "trimmed")}
        if prev.get("replica_id") == me and "trimmed" in prev:
            state["trimmed"] = prev["trimmed"]
        targets[key] = self._target_state(old, exported)
        state["targets"] = targets
        save_state(self.db, state)

    def _target_state(self, old: dict, exported: int) -> dict:
        """What the Sync page shows for this target, from what the place acknowledged."""
        now = time.time()
        refused = [s.reason for s in self.report.skipped if "refused" in s.reason][:20]
        return {
            "replica_id": self.db.replica_id,
            "address": self.report.folder,
            "exported": exported,
            "pending_send": self.report.pending_send,
            "unacknowledged": self.report.unacknowledged,
            "last_sync_at": now if self.report.complete else old.get("last_sync_at"),
            "last_attempt_at": now,
            "refused": self.report.refused + self.report.files_refused,
            "refused_reasons": refused,
            "files_waiting": self.report.files_waiting,
            "files": sorted(self.files_known),
        }


def _whole(sf: Place, ref: BatchRef) -> bool:
    try:
        sf.read_batch(ref)
        return True
    except (BatchDamaged, FileNotFoundError):
        return False
