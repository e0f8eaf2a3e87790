"""Receive: read the batches of the others that we do not hold yet and apply them.

One file at a time so memory stays flat, origin by origin in sequence order, interleaving origins
by HLC so parents mostly arrive before children. Whole files go into transactions of up to
``apply_group`` changes (or half a second of work), so a cut or a crash loses at most the open
transaction, never part of a file. Damaged and temporary files are skipped with a reason, and
reported in our ``seen.json`` so their writer can check and rewrite them. Changes that cannot be
applied are set aside (``apply.py``) and the file named in the report.

"""

from __future__ import annotations

import gc
import logging
import os
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from app.i18n import _
from app.store.raw import raw_connection
from app.sync import vector
from app.sync.apply import Applier, CommitFailed, quarantine_batch
from app.sync.batchfile import BatchDamaged, BatchRef
from app.sync.folder import FolderScan
from app.sync.report import skip
from app.sync.transport import TargetUnavailable
from app.trust import equivocation
from app.trust.segment import Seal


def keep_seal(raw, seal: Seal, header: str) -> None:
    """Keep a received segment's seal and header line, to pass the segment on under its author's
    seal (``send.forwarded_segment``)."""
    import json

    raw.execute(
        "INSERT OR REPLACE INTO segment_seal (replica_id, first, last, seal) VALUES (?, ?, ?, ?)",
        (seal.origin, seal.first, seal.last, json.dumps({**seal.to_json(), "hdr": header})),
    )


log = logging.getLogger(__name__)


SET_ASIDE = _("change(s) in it could not be applied and were set aside")


def set_aside_words(res) -> str:  # res: apply.ApplyResult
    """Why changes of one file were set aside, for the report: the first reasons, then a count."""
    shown = "; ".join(res.problems[:3])
    more = _("; and {v} more", v=len(res.problems) - 3) if len(res.problems) > 3 else ""
    return _(
        "{set_aside} {SET_ASIDE} ({shown}{more}); the rest of the file was applied",
        set_aside=res.set_aside,
        SET_ASIDE=SET_ASIDE,
        shown=shown,
        more=more,
    )


def is_set_aside(reason: str) -> bool:
    """Whether a skipped-file reason says changes were set aside (not a file left for later)."""
    return SET_ASIDE in reason


class Receiver:
    def __init__(self, run) -> None:
        self.run = run
        self.sf = run.sf
        self.queues: dict[str, deque[BatchRef]] = {}
        self.heads: dict[str, str] = {}  # rel -> hlc of its first change
        self.total = 0
        self.done = 0
        self.trust = getattr(run, "trust", None)
        self.skip: set[str] = self.trust.skip_sources if self.trust is not None else set()

    def receive(self, scan: FolderScan) -> None:
        run = self.run
        me = run.db.replica_id
        with run.db.read() as s:
            vv = vector.load(raw_connection(s))
        by_origin: dict[str, list[BatchRef]] = defaultdict(list)
        for ref in scan.batches:
            if ref.writer == me or ref.origin == me or ref.last <= vv.get(ref.origin, 0):
                continue
            by_origin[ref.origin].append(ref)
        for origin, refs in by_origin.items():
            refs.sort(key=lambda r: (r.first, -r.last, r.writer))
            self.queues[origin] = deque(refs)
        self.total = sum(len(q) for q in self.queues.values())
        # On a share or a stick, the next file is read, decompressed and verified on a second
        # thread while this one applies the current file, hiding the wait for the network or
        # the stick. (On the local disk that only costs GIL hand-overs, so it is not done.)
        # Parsing stays on this thread. Two files in memory at most.
        pool = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="tessera-sync-read")
            if run.folder is None or _elsewhere(run.folder, Path(run.db.path).parent)
            else _Inline()
        )
        with _fewer_collections(), pool, Applier(run.db, run.ctx, max_changes=run.apply_group) as applier:
            try:
                self._files(pool, applier)
            except (OSError, TargetUnavailable):
                self._commit(applier)  # keep what was applied before the folder went away
                raise
            self._commit(applier)
        if self.queues:
            run.report.complete = False

    def _pick(self, applier: Applier) -> BatchRef | None:
        """The next file worth reading: earliest first change by HLC among the origins' next
        files, skipping files whose changes are all here already."""
        while self.queues:
            origin = self._next_origin()
            if origin is None:
                continue
            ref = self.queues[origin].popleft()
            if not self.queues[origin]:
                del self.queues[origin]
            self.done += 1
            if self.skip and f"{ref.rel}#{ref.size}" in self.skip:
                continue  # refused whole before (kept aside); re-checked from the quarantine
            if not applier.holds(ref.origin, ref.first, ref.last):
                return ref
        return None

    def _files(self, pool: ThreadPoolExecutor | _Inline, applier: Applier) -> None:
        run = self.run
        ref = self._pick(applier)
        future = pool.submit(self.sf.fetch_batch, ref) if ref else None
        while future is not None:
            if run.budget <= 0 or run.stop():
                run.report.complete = False
                future.cancel()
                return
            current = ref
            assert current is not None  # a file is fetched only once one was picked
            fetched = None
            try:
                fetched = future.result()
                batch = self.sf.parse_batch(current, *fetched)
            except FileNotFoundError:
                batch = None  # removed by its writer meanwhile: someone else carries it, or will
            except BatchDamaged as exc:
                batch = None
                skip(run.report, current.rel, exc.reason)
                if not exc.no_key:  # a file we hold no key for is not damaged (app/trust/keyring.py)
                    run.damaged[current.rel] = {
                        "writer": current.writer,
                        "name": current.name,
                        "size": current.size,
                    }
            ref = self._pick(applier) if run.budget > 1 or batch is None else None
            future = pool.submit(self.sf.fetch_batch, ref) if ref else None
            if batch is None:
                continue
            run.budget -= 1
            run.report.files_read += 1
            if self.trust is not None and not self._trusted(applier, current, batch, fetched):
                del batch, fetched
                continue
            res = applier.add(batch.changes, tag=current)
            del batch, fetched
            run.report.add(res)
            if res.set_aside:
                skip(run.report, current.rel, set_aside_words(res))
            if applier.due():
                self._commit(applier)
                run.flush_rebuild()
            run.progress("receive", self.done, self.total)

    def _trusted(self, applier: Applier, ref: BatchRef, batch, fetched) -> bool:
        """Signed sync: check the batch at the gate (``app/trust``) and keep aside what it refuses.
        False when the whole batch is refused; else the refused changes carry a ``problem`` and
        ``apply`` stores them and sets them aside, and the batch's seal is kept to forward it."""
        trust, run = self.trust, self.run
        assert trust is not None  # called only in signed sync
        body, footer = fetched
        v = trust.check(ref, body, footer, batch.changes, applier.lookup_partition, verified=True)
        if v.refusal is None and ref.origin not in trust.own_ids:
            seen = applier.run_in(lambda raw: equivocation.check(raw, ref, batch.changes))
            if seen is not None:
                v.refusal = equivocation.REFUSAL
                if run.folder is not None:
                    equivocation.report(run.folder, ref.origin, *seen)
        if v.refusal is not None or v.refused:
            applier.run_in(lambda raw: trust.keep_refused(raw, ref, body, v))
        if v.refusal is not None:
            n = ref.last - ref.first + 1
            run.report.refused += n
            skip(
                run.report,
                ref.rel,
                _("%n change(s) refused and kept aside: {words}", n=n, words=v.refusal.words),
            )
            return False
        run.report.refused += len(v.refused)
        if v.seal is not None and ref.origin not in trust.own_ids:
            header = body[: body.find(b"\n")].decode("utf-8", "replace")
            applier.run_in(lambda raw: keep_seal(raw, v.seal, header))
        return True

    def _commit(self, applier: Applier) -> None:
        run = self.run
        try:
            applier.commit()
        except CommitFailed as exc:
            # Rare (a bug, a malformed change that passed every check, or a parent erased here
            # meanwhile): forget what we thought we knew, apply those files one by one and set
            # aside only the one that cannot be applied.
            run.ctx.forget()
            log.error(
                "sync: a group of %d file(s) could not be committed (%s); retrying one by one",
                len(exc.tags),
                exc,
            )
            for ref in exc.tags:
                try:
                    fetched = self.sf.fetch_batch(ref)
                    batch = self.sf.parse_batch(ref, *fetched)
                except (FileNotFoundError, BatchDamaged):
                    continue
                changes = batch.changes
                try:
                    with Applier(run.db, run.ctx, max_changes=1 << 60, max_seconds=1e9) as single:
                        # Checked at the gate again: nothing reaches the merge unchecked.
                        if self.trust is not None and not self._trusted(single, ref, batch, fetched):
                            continue
                        single.add(changes, tag=ref)
                except CommitFailed as one:
                    res = quarantine_batch(run.db, changes, str(one))
                    run.report.add(res)
                    if res.set_aside:
                        skip(run.report, ref.rel, set_aside_words(res))

    def _next_origin(self) -> str | None:
        """The origin whose next file starts earliest by HLC (headers read lazily)."""
        queues, heads = self.queues, self.heads
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


YOUNG_THRESHOLD = 20_000  # allocations between young-generation collections while receiving


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """A backlog is millions of short-lived objects (changes, their fields, rows) that form no
    cycles and are freed by reference counting; the cycle collector would still walk the young
    ones every 700 allocations and everything every few hundred thousand, about a tenth of the
    time spent applying. Collect less often while receiving, and put the thresholds back after."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


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
