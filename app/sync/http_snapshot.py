"""A new computer's first sync with the school server starts from its snapshot
(``tessera_server/snapshot.py``) instead of paging through the whole history.

The snapshot is the signed segments of this computer's scope, streamed in large chunks. Nothing
in it is taken on the server's word: each segment's checksum is checked (``decode_batch``), its
seal and every change go through the same gate as an ordinary receive (``receive.Receiver``:
seal, certificate, revocation, write policy, equivocation), and it is applied by the same
``Applier`` (change log, merge, version vector, clock), in transactions of many segments. So
after a snapshot this database is exactly what a full replay would have made, and the ordinary
sync that follows in the same run lists only what came after the snapshot's cursor.

Resuming: after each commit the last applied cursor is kept in the transport's state file, so a
Cancel or a cut connection goes on from there at the next sync (or the next try, a cut is tried
again a few times at once), never from zero. A segment refused at the gate or damaged is
reported and kept aside as usual; the incremental cursor is then left before it, so the ordinary
listing offers it again, exactly as in a replay.

While it applies, the change log's and the event tables' plain indexes are dropped and made once
at its end (``bulk_index``: a sorted build instead of a million random index inserts); a crash
mid-snapshot leaves them missing, and the next sync makes them again before anything else.
"""

from __future__ import annotations

import http.client
import json
import logging
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

from app.i18n import _
from app.store.raw import raw_connection
from app.sync import bulk_index, vector
from app.sync.apply import Applier, CommitFailed
from app.sync.batchfile import BatchDamaged, BatchRef, batch_name, decode_batch, parse_batch
from app.sync.receive import Receiver, set_aside_words
from app.sync.report import skip
from app.sync.transport import TargetBusy, TargetError, TargetRefused, TargetUnavailable, Transport

if TYPE_CHECKING:
    from app.sync.http_transport import HttpTransport

log = logging.getLogger(__name__)

ENABLED = True  # off: a first sync pages through the history (``benchmarks/server_bootstrap.py --replay``)
CHUNK_BYTES = 32 * 1024 * 1024  # asked per request; the server answers about this much
APPLY_CHANGES = 100_000  # changes per transaction
APPLY_SECONDS = 2.0
# Page cache while the snapshot goes in (allocated as used, given back after): a class-year's
# indexes stay in memory instead of thrashing the default 32 MB (which made a bigger history
# slower per change than a small one).
CACHE_KIB = 256 * 1024
DROP_INDEXES = True  # the big tables' secondary indexes are made once at the end (``bulk_index``)
TRIES = 3  # a cut connection is tried again this often at once, from the last applied cursor
KEY = "snapshot"  # its progress in the transport's state file
META_BYTES = 64 * 1024
MAX_SEGMENT = 16 * 1024 * 1024  # a stored segment is at most what a push may carry (``wire.MAX_PUSH_BYTES``)


# Where the last snapshot's time went (seconds), for ``benchmarks/server_bootstrap.py``.
TIMES: dict[str, float] = {}


def _tick(key: str, t0: float) -> float:
    now = time.perf_counter()
    TIMES[key] = TIMES.get(key, 0.0) + now - t0
    return now


class _Applier(Applier):
    def _begin(self) -> None:
        super()._begin()
        self.raw.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if DROP_INDEXES:
            bulk_index.drop(self.raw)  # made again at the snapshot's end (``bulk_index``)


class SnapshotDamaged(TargetUnavailable):
    """The stream itself is not what the protocol says (not a segment's damage: a framing error)."""


def wanted(run, t) -> bool:  # noqa: ANN001
    """Whether this sync starts from the snapshot: a server this database never synced with
    (no cursor kept for it) and holding nothing of others yet, or a snapshot left unfinished."""
    # Not an import of the HTTP transport: the folder works where that cannot be imported.
    if not ENABLED or t.describe().kind != "server" or not hasattr(t, "_state"):
        return False
    st = t._state()
    if isinstance(st.get(KEY), dict):
        return True
    if st.get("epoch"):
        return False
    with run.db.read() as s:
        raw = raw_connection(s)
        vv = vector.load(raw)
        previous = json.loads(raw.execute("SELECT previous_ids FROM replica_state").fetchone()[0] or "[]")
    mine = {run.db.replica_id, *previous}
    return not any(v > 0 for o, v in vv.items() if o not in mine)


def bootstrap(run, t: Transport) -> bool:  # noqa: ANN001
    """Take the snapshot (or the rest of an unfinished one) into ``run.db``. True when it is
    all here; False when it was not wanted, or stopped (Cancel). Raises TargetUnavailable when
    the server stays unreachable (what was applied stays, and the next sync resumes)."""
    from app.trust.run import TrustRun

    if bulk_index.missing(run.db):  # a snapshot cut short by a crash: its indexes first
        bulk_index.restore(run.db)
    if not wanted(run, t):
        return False
    run.trust = TrustRun.start(run.db, None)
    if run.trust is None:
        return False  # the server only speaks signed sync; without a school key, nothing to check against
    TIMES.clear()
    snap = _Snapshot(run, cast("HttpTransport", t))
    try:
        return snap.go()
    finally:
        t0 = time.perf_counter()
        bulk_index.restore(run.db)  # done, cancelled or failed: the indexes are back
        _tick("indexes", t0)


class _Snapshot:
    def __init__(self, run, t: HttpTransport) -> None:  # noqa: ANN001
        self.run, self.t = run, t
        self.receiver = Receiver(run)
        st = t._state()
        got = st.get(KEY)
        self.state: dict = dict(got) if isinstance(got, dict) else {}
        self.gap: int | None = self.state.get("gap")

    def go(self) -> bool:
        run, t = self.run, self.t
        tries = idle = 0
        with _Applier(run.db, run.ctx, max_changes=APPLY_CHANGES, max_seconds=APPLY_SECONDS) as ap:
            last = self.state.get("last")
            if last and not ap.holds(*last):
                # The state file said more than the database kept (a power cut after the file was
                # written): go over the snapshot again; what is here is skipped cheaply.
                self.state.update(after=0, last=None)
            while True:
                before = self.state.get("after")
                try:
                    more = self._chunk(ap)
                except (OSError, http.client.HTTPException, TargetUnavailable) as exc:
                    self._commit(ap)
                    tries += 1
                    if tries >= TRIES or isinstance(exc, (TargetBusy, SnapshotDamaged)):
                        if isinstance(exc, TargetUnavailable):
                            raise
                        raise TargetUnavailable(
                            _("The school server cannot be reached ({exc}).", exc=exc)
                        ) from exc
                    self.t._drop()
                    log.warning("sync: the snapshot's connection was cut (%s); going on from cursor %s", exc,
                             self.state.get("after"))  # fmt: skip
                    continue
                except CommitFailed:
                    run.ctx.forget()
                    self._leave()  # the ordinary receive takes it from the last cursor, batch by batch
                    return False
                if run.stop():
                    self._commit(ap)
                    run.report.complete = False
                    # Not the end-of-sync check either: it would fetch all that is missing at once.
                    t.after_sync = None
                    return False
                if not more:
                    break
                idle = idle + 1 if self.state.get("after") == before else 0
                if idle > 2:  # "more", and never anything: a server that would keep us here forever
                    self._commit(ap)
                    raise SnapshotDamaged(_("The school server sent a snapshot Tessera cannot read."))
            self._commit(ap)
        self._finish()
        return True

    # -- one request ---------------------------------------------------------------------------
    def _chunk(self, ap: Applier) -> bool:
        """One request's worth of segments, applied. True when there are more after it."""
        t, st = self.t, self.state
        resp = self._open(int(st.get("after", 0)), st.get("upto"))
        epoch, upto = resp.getheader("X-Tessera-Epoch") or "", int(resp.getheader("X-Tessera-Upto") or -1)
        if st.get("epoch") and st["epoch"] != epoch:  # restored from a backup meanwhile: start over
            log.info("sync: the server's epoch changed during the snapshot; starting it again")
            t._drop()
            self.state = {"epoch": epoch, "after": 0}
            self.gap = None
            self._save()
            return True
        if st.get("upto") is None:  # the first answer names the cursor the snapshot stands for
            st.update(epoch=epoch, upto=upto, after=int(st.get("after") or 0))
            self._save()
        reader = _Reader(resp)
        try:
            t0 = time.perf_counter()
            for kind, meta, ref, fetched, batch, damage in reader:
                t0 = _tick("wait_for_reader", t0)
                if kind == "end":
                    return bool(meta["more"])
                self._segment(ap, int(meta["cursor"]), ref, fetched, batch, damage)
                if ap.due():
                    t0 = time.perf_counter()
                    self._commit(ap)
                    t0 = _tick("commit", t0)
                    self.run.flush_rebuild()
                t0 = time.perf_counter()
                if self.run.stop():
                    return False
        finally:
            if not reader.finished:
                t._drop()  # the rest of this answer is not wanted (or the connection broke)
            reader.close()
        raise AssertionError("unreachable")

    def _open(self, after: int, upto: int | None) -> http.client.HTTPResponse:
        t = self.t
        q = f"/snapshot/segments?after={after}&max_bytes={CHUNK_BYTES}" + (
            f"&upto={upto}" if upto is not None else ""
        )
        busy = 0
        renewed = False
        while True:
            # The token first: getting one may replace this thread's connection (``_once``).
            headers = {"Authorization": f"Bearer {t._bearer()}", "User-Agent": "Tessera"}
            conn = t._conn()
            try:
                conn.request("GET", t.base + t._s(q), headers=headers)
                resp = conn.getresponse()
            except (OSError, http.client.HTTPException) as exc:
                t._drop()
                stale = isinstance(
                    exc, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
                )
                if stale and not renewed:  # a kept-alive connection the server had closed: once more
                    log.warning(
                        "sync: the snapshot request met a closed connection (%s); trying a new one", exc
                    )
                    renewed = True
                    continue
                raise TargetUnavailable(_("The school server cannot be reached ({exc}).", exc=exc)) from exc
            if resp.status == 200:
                return resp
            raw = resp.read()
            if resp.status == 401 and not renewed:
                renewed, t.session.token = True, None
                continue
            if resp.status == 429 and busy < 4:
                busy += 1
                time.sleep(float(resp.getheader("Retry-After") or 1) * (1 + t.rng.random()))
                continue
            words = _words(raw)
            if resp.status == 429:
                raise TargetBusy(_("The school server is busy; Tessera will try again shortly."), 1.0)
            if resp.status in (401, 403):
                raise TargetRefused(_("The school server refused this computer: {why}", why=words))
            if resp.status >= 500:
                raise TargetUnavailable(
                    _("The school server had a problem ({status}); try again later.", status=resp.status)
                )
            raise TargetError(_("The school server refused the request: {why}", why=words))

    # -- one segment ---------------------------------------------------------------------------
    def _segment(self, ap: Applier, cursor: int, ref: BatchRef, fetched, batch, damage: str | None) -> None:  # noqa: ANN001
        run = self.run
        self.state["after"] = cursor  # durable with the next commit (``_commit``)
        run.progress("receive", cursor, max(cursor, int(self.state.get("upto") or 0)))
        if ap.holds(ref.origin, ref.first, ref.last) or ref.origin == run.db.replica_id:
            return
        if damage is not None:
            skip(run.report, ref.name, damage)
            self._gap(cursor)
            return
        run.report.files_read += 1
        t0 = time.perf_counter()
        trusted = self.receiver._trusted(ap, ref, batch, fetched)
        t0 = _tick("gate", t0)
        if not trusted:
            self._gap(cursor)
            return
        res = ap.add(batch.changes, tag=ref)
        _tick("apply", t0)
        self.state["last"] = [ref.origin, ref.first, ref.last]
        run.report.add(res)
        if res.set_aside:
            skip(run.report, ref.name, set_aside_words(res))

    def _gap(self, cursor: int) -> None:
        """A segment not applied: the incremental cursor stays before it (offered again)."""
        if self.gap is None:
            self.gap = cursor
            self.state["gap"] = cursor

    # -- bookkeeping ---------------------------------------------------------------------------
    def _commit(self, ap: Applier) -> None:
        ap.commit()
        self._save()

    def _save(self) -> None:
        st = self.t._state()
        st[KEY] = self.state
        self.t._save_state(st)

    def _finish(self) -> None:
        """Hand over to the incremental pull: its cursor where the snapshot ended (before the
        first segment not applied, if any)."""
        st = self.t._state()
        st.pop(KEY, None)
        upto = int(self.state.get("upto") or 0)
        st.update(epoch=self.state.get("epoch", ""), cursor=upto if self.gap is None else self.gap - 1)
        self.t._save_state(st)

    def _leave(self) -> None:
        """Give up on the snapshot (a group that would not commit): the ordinary receive goes on
        from the last cursor committed, batch by batch, setting aside only the change at fault."""
        st = self.t._state()
        saved = st.pop(KEY, None) or {}
        done = int(saved.get("after", 0))
        if saved.get("gap"):
            done = min(done, int(saved["gap"]) - 1)
        st.update(epoch=self.state.get("epoch", ""), cursor=done)
        self.t._save_state(st)


class _Reader:
    """Reads, decompresses, checks (checksum) and parses the stream's segments on a second
    thread, a few ahead, while this one checks them at the gate and applies them: zlib, SHA-256
    and SQLite let go of the GIL, so reading the next segment overlaps writing this one."""

    AHEAD = 3

    def __init__(self, resp: http.client.HTTPResponse) -> None:
        self.resp = resp
        self.q: queue.Queue = queue.Queue(self.AHEAD)
        self.stopped = threading.Event()
        self.finished = False  # the whole answer was read (the connection can be used again)
        self.th = threading.Thread(target=self._run, name="tessera-snapshot-read", daemon=True)
        self.th.start()

    def __iter__(self) -> Iterator[tuple]:
        while True:
            item = self.q.get()
            if item[0] == "error":
                raise item[1]
            yield item
            if item[0] == "end":
                return

    def _put(self, item: tuple) -> bool:
        while not self.stopped.is_set():
            try:
                self.q.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        resp = self.resp
        try:
            while not self.stopped.is_set():
                line = resp.readline(META_BYTES)
                if not line.endswith(b"\n"):
                    raise TargetUnavailable(_("The school server's snapshot ended early."))
                try:
                    meta = json.loads(line)
                    if meta.get("end"):
                        resp.read()  # the chunked stream's end: the connection is used again
                        self.finished = True
                        self._put(("end", meta, None, None, None, None))
                        return
                    size, origin, first, last = (
                        int(meta["size"]),
                        str(meta["origin"]),
                        int(meta["first"]),
                        int(meta["last"]),
                    )
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise SnapshotDamaged(
                        _("The school server sent a snapshot Tessera cannot read.")
                    ) from exc
                if not 0 < size <= MAX_SEGMENT:
                    raise SnapshotDamaged(_("The school server sent a snapshot Tessera cannot read."))
                data = resp.read(size)
                if len(data) != size:
                    raise TargetUnavailable(_("The school server's snapshot ended early."))
                name = batch_name(origin, first, last)
                ref = BatchRef("server", name, Path(name), origin, first, last, size)
                try:
                    t0 = time.perf_counter()
                    body, footer = decode_batch(data)
                    t0 = _tick("reader_decompress_checksum", t0)
                    batch = parse_batch(ref, body, footer)
                    _parse_fields(batch.changes)
                    _tick("reader_parse", t0)
                except BatchDamaged as exc:
                    self._put(("seg", meta, ref, None, None, exc.reason))
                    continue
                del data
                if not self._put(("seg", meta, ref, (body, footer), batch, None)):
                    return
        except BaseException as exc:  # noqa: BLE001  (handed to the applying thread)
            self._put(("error", exc, None, None, None, None))

    def close(self) -> None:
        self.stopped.set()
        while True:
            try:
                self.q.get_nowait()
            except queue.Empty:
                break
        self.th.join(5)


def _parse_fields(changes: list) -> None:
    """Read each change's fields here, on the reading thread (``ChangeRec.fields`` keeps them):
    the applying thread would otherwise do it. One that cannot be read is left for the applying
    thread, which sets it aside with its reason as always."""
    for c in changes:
        if not c.problem:
            try:
                c.fields  # noqa: B018  (parsed and kept)
            except ValueError:
                pass


def _words(raw: bytes) -> str:
    try:
        return str(json.loads(raw).get("error") or "no reason given")
    except (ValueError, AttributeError):
        return raw[:200].decode("utf-8", "replace") or "no reason given"
