"""Apply changes from other replicas: one batch, one transaction.

In the same transaction we store each new change in the change log under its origin's replica id
and sequence number (store-and-forward: this database can hand it on, unknown fields and all),
materialize it (``merge``), keep what cannot be applied yet in ``pending_change``, and move the
version vector. A change already held (same origin and seq) is skipped, so applying a batch twice,
or resuming after a crash, does nothing more.

A change that cannot be applied for a reason in its data (a value of the wrong type for its
column, a bad stamp, a line that was not a change, a broken constraint) is *set aside*: stored and
forwarded like any other, kept whole in ``pending_change`` under QUARANTINE, named in the log and
in ``ApplyResult.problems``; the rest of its batch is applied, and sync goes on.

Changes made by a newer Tessera (``schema_version`` above ours) are stored and forwarded but
kept whole in ``pending_change``; ``apply_pending`` applies them after this Tessera is upgraded
(call it at start, after the schema migration), and also retries changes held for a missing row
(``held.py``; ``apply_pending`` and ``pending_count`` are imported from here too).
"""

from __future__ import annotations

import logging
import operator
import time
from contextlib import ExitStack
from dataclasses import replace
from typing import Any, Self

from sqlalchemy.exc import IntegrityError

from app.i18n import _
from app.store import capture, owed
from app.store.hlc import is_stamp, zero_stamp
from app.store.raw import raw_connection
from app.sync import faults, vector
from app.sync.apply_types import DATA_ERRORS, ApplyResult
from app.sync.changes import ChangeRec
from app.sync.held import (  # noqa: F401  (imported from here)
    FUTURE_HOLD,
    FUTURE_MARK,
    QUARANTINE,
    apply_pending,
    pending_count,
)
from app.sync.intake import new_changes, store, unreadable, untrim
from app.sync.merge import MergeContext, Merger
from app.sync.tables import table_info
from app.sync.validation import problems

log = logging.getLogger(__name__)

WAL_PAGES_WHILE_APPLYING = 8192  # 32 MB of WAL between checkpoints instead of 4 MB
CACHE_KIB_WHILE_APPLYING = 32_768  # 32 MB page cache while applying (SQLite default: 2 MB)


class Applier:
    """Applies batches of remote changes in transactions that may span several batches (one
    transaction per file would rewrite the same index pages over and over on a big backlog).
    Commits when ``max_changes`` have gone in or ``max_seconds`` have passed, so the write lock
    is never held long, and on ``commit()``/leaving the ``with`` block. Whole batches only: a
    crash rolls back the open transaction, never half a batch."""

    def __init__(
        self, db, ctx: MergeContext | None = None, max_changes: int = 20_000, max_seconds: float = 0.5
    ) -> None:
        self.db = db
        self.ctx = ctx or MergeContext()
        self.max_changes = max_changes
        self.max_seconds = max_seconds
        self._stack: ExitStack | None = None
        self.raw: Any = None  # the transaction's sqlite3 connection, from _begin on
        self._mergers: list[Merger] = []
        self._count = 0
        self._since = 0.0
        self._max_hlc = ""
        self._tags: list[object] = []

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()

    def _begin(self) -> None:
        self._stack = ExitStack()
        self._session = self._stack.enter_context(self.db.write(remote=True))
        self.raw = raw_connection(self._session)
        self.raw.execute("PRAGMA defer_foreign_keys = ON")
        # Checkpoint the WAL less often while a backlog streams in: fewer fsyncs, and index
        # pages changed by many batches are copied into the database once, not every 4 MB.
        # (``restore_checkpointing`` puts SQLite's default back when the sync is over.)
        self.raw.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES_WHILE_APPLYING}")
        if CACHE_KIB_WHILE_APPLYING:
            self.raw.execute(f"PRAGMA cache_size = -{CACHE_KIB_WHILE_APPLYING}")
        self._since = time.monotonic()

    def add(self, changes: list[ChangeRec], tag: object = None) -> ApplyResult:
        """Apply one batch inside the open transaction (opening one if needed). Changes that
        cannot be applied are set aside (see the module's words); when one slips past the checks
        and SQLite or the merge refuses the batch, the batch is applied again change by change and
        only the change at fault is set aside (``_quarantine``). ``tag`` names the batch in
        CommitFailed."""
        if self._stack is None:
            self._begin()
        res = ApplyResult()
        self.raw.execute("SAVEPOINT tessera_batch")
        try:
            merger = _receive(self.raw, self.db.replica_id, changes, self.ctx, res)
        except DATA_ERRORS as exc:
            self.raw.execute("ROLLBACK TO tessera_batch")
            log.error("sync: a batch could not be applied whole (%s); applying it change by change",
                      _words(exc))  # fmt: skip
            res, merger = self._one_by_one(changes), None
        self.raw.execute("RELEASE tessera_batch")
        if merger is not None:
            self._mergers.append(merger)
        self._tags.append(tag)
        self._count += len(changes)
        self._max_hlc = max(self._max_hlc, res.max_hlc)
        return res

    def run_in(self, fn):
        """Run ``fn(raw)`` inside the open transaction (opening one if needed) and return what it
        returns: bookkeeping that must commit with the batches (``app/trust`` keeps refused
        changes aside this way)."""
        if self._stack is None:
            self._begin()
        return fn(self.raw)

    def lookup_partition(self, table: str, row_id: str) -> str | None:
        """The partition of a row held here (None: not here, or not a synced table)."""
        if table_info(table) is None:
            return None
        if self._stack is None:
            self._begin()
        row = self.raw.execute(f'SELECT partition FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
        return row[0] if row else None

    def _one_by_one(self, changes: list[ChangeRec]) -> ApplyResult:
        total = ApplyResult()
        for c in changes:
            one = ApplyResult()
            self.raw.execute("SAVEPOINT tessera_one")
            try:
                merger = _receive(self.raw, self.db.replica_id, [c], self.ctx, one)
                if merger is not None:
                    self._mergers.append(merger)
            except DATA_ERRORS as exc:
                self.raw.execute("ROLLBACK TO tessera_one")
                one = ApplyResult()
                _quarantine(self.raw, self.db.replica_id, [c], one, _words(exc))
            self.raw.execute("RELEASE tessera_one")
            total.add(one)
        return total

    def due(self) -> bool:
        """Time to commit: enough changes, or the write lock held long enough."""
        return self._stack is not None and (
            self._count >= self.max_changes or time.monotonic() - self._since >= self.max_seconds
        )

    def holds(self, origin: str, first: int, last: int) -> bool:
        """Whether every change origin/first..last is already here (committed or not)."""
        if self._stack is not None:
            return _holds(self.raw, origin, first, last)
        with self.db.read() as s:
            return _holds(raw_connection(s), origin, first, last)

    def commit(self) -> None:
        if self._stack is None:
            return
        if self._count:
            owed.mark(self.raw)  # derived state is owed a rebuild, durably with the changes themselves
        faults.hit("apply:before_commit")
        stack, self._stack, self.raw = self._stack, None, None
        tags, self._tags = self._tags, []
        try:
            stack.close()  # commits (db.write rolls back if the commit fails)
        except IntegrityError as exc:
            self._mergers, self._count, self._max_hlc = [], 0, ""
            raise CommitFailed(tags, str(exc)) from exc
        for m in self._mergers:
            self.ctx.commit(m.state)
        self._mergers, self._count = [], 0
        if self._max_hlc:
            self.db.clock.observe(self._max_hlc)
            self._max_hlc = ""
        faults.hit("apply:after_commit")

    def rollback(self) -> None:
        if self._stack is None:
            return
        stack, self._stack, self.raw = self._stack, None, None
        self._mergers, self._count, self._max_hlc, self._tags = [], 0, "", []
        try:
            self._session.rollback()
        finally:
            stack.close()  # nothing left to commit


class CommitFailed(Exception):
    """A transaction of several batches could not commit (a deferred constraint). The caller
    applies those batches again one by one, quarantining the one at fault."""

    def __init__(self, tags: list[Any], detail: str) -> None:
        super().__init__(detail)
        self.tags = tags


def quarantine_batch(db, changes: list[ChangeRec], detail: str) -> ApplyResult:
    """Keep a batch that cannot be applied, unapplied, in its own transaction."""
    res = ApplyResult()
    with db.write(remote=True) as session:
        _quarantine(raw_connection(session), db.replica_id, changes, res, detail)
    return res


def _holds(raw, origin: str, first: int, last: int) -> bool:
    if last <= vector.stored(raw, origin):
        return True
    n = raw.execute(
        "SELECT COUNT(*) FROM change WHERE replica_id = ? AND seq BETWEEN ? AND ?", (origin, first, last)
    ).fetchone()[0]
    return n == last - first + 1


def restore_checkpointing(db) -> None:
    """Back to SQLite's default checkpoint interval on the write connection."""
    with db.write(remote=True) as session:
        raw = raw_connection(session)
        raw.execute("PRAGMA wal_autocheckpoint = 1000")
        if CACHE_KIB_WHILE_APPLYING:
            raw.execute("PRAGMA cache_size = -2000")


def apply_batch(db, changes: list[ChangeRec], ctx: MergeContext | None = None) -> ApplyResult:
    """Apply changes received from elsewhere, in one transaction."""
    with Applier(db, ctx, max_changes=1 << 60, max_seconds=1e9) as ap:
        return ap.add(changes)


def _quarantine(raw, me: str, changes: list[ChangeRec], res: ApplyResult, detail: str) -> None:
    """A batch that breaks the schema's rules: store its changes (so they are forwarded and the
    vector moves on) and keep them whole in pending_change under QUARANTINE, never retried
    automatically, so one bad change cannot stop sync for good. Logged as an error."""
    new = new_changes(raw, me, changes, res)
    if not new:
        return
    problems(new)  # marks bad stamps, so ``store`` keeps them off the clock
    untrim(raw, new, store(raw, new, res))
    _set_aside(raw, [(c, c.problem or detail) for c in new], res)
    for origin in {c.replica_id for c in new}:
        vector.refresh(raw, origin)


_PENDING_SQL = (
    "INSERT OR REPLACE INTO pending_change (replica_id, seq, schema_version, payload) VALUES (?, ?, ?, ?)"
)
LOGGED_PER_BATCH = 20  # changes set aside named one by one in the log; the rest are counted


def _set_aside(raw, bad: list[tuple[ChangeRec, str]], res: ApplyResult) -> None:
    """Keep changes that cannot be applied whole in pending_change under QUARANTINE (never
    retried on their own), and say which and why in the log and in ``res.problems``. A change
    whose stamp is ahead of our clock (``FUTURE_MARK``, from ``app/trust``) waits instead, under
    FUTURE_HOLD, until the clock reaches it (``held.release_future``)."""
    if any(why == FUTURE_MARK for _x, why in bad):
        waiting = [c for c, why in bad if why == FUTURE_MARK]
        raw.executemany(_PENDING_SQL, [(c.replica_id, c.seq, FUTURE_HOLD, c.encode()) for c in waiting])
        res.held += len(waiting)
        bad = [(c, why) for c, why in bad if why != FUTURE_MARK]
        if not bad:
            return
    for c, why in bad[:LOGGED_PER_BATCH]:
        log.error("sync: change %s/%s (%s) could not be applied and was set aside: %s", c.replica_id,
                  c.seq, c.table or "unreadable", why)  # fmt: skip
    if len(bad) > LOGGED_PER_BATCH:
        log.error("sync: and %d more change(s) set aside", len(bad) - LOGGED_PER_BATCH)
    raw.executemany(
        _PENDING_SQL,
        [(c.replica_id, c.seq, QUARANTINE, _aside_payload(c)) for c, _x in bad],
    )
    res.problems.extend(_("change {seq}: {why}", seq=c.seq, why=why) for c, why in bad)
    res.set_aside += len(bad)
    res.ignored += len(bad)


def _aside_payload(c: ChangeRec) -> str:
    # Kept with the earliest stamp instead of one that is not a stamp, so that what reads set-aside
    # changes back (an erasure scrubbing them) can; the change log keeps it as it came.
    return c.encode() if is_stamp(c.hlc) else replace(c, hlc=zero_stamp(c.replica_id)).encode()


def _words(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _receive(raw, me: str, changes: list[ChangeRec], ctx: MergeContext, res: ApplyResult):
    new = new_changes(raw, me, changes, res)
    if not new:
        return None
    bad = problems(new)  # before ``store``, which then keeps their fields as they came
    trimmed = store(raw, new, res)
    if bad:
        _set_aside(raw, bad, res)
        keys = {c.key for c, _x in bad}
        good = [c for c in new if c.key not in keys]
    else:
        good = new
    ours = capture.SCHEMA_VERSION
    newer = [c for c in good if c.schema_version > ours]
    now = [c for c in good if c.schema_version <= ours]
    if newer:
        _hold(raw, newer)
        res.newer_schema += len(newer)
    merger = Merger(raw, ctx)
    out = merger.run(now)
    ctx.removed(merger.state)
    if out.unreadable:
        unreadable(raw, out.unreadable)
    if trimmed and (out.held or out.invalid):
        untrim(raw, out.held + out.invalid, trimmed)
    if out.held:
        _hold(raw, out.held)
    if out.invalid:
        _set_aside(raw, [(c, _("a required value is missing")) for c in out.invalid], res)
    res.applied += out.applied
    res.held += len(out.held)
    res.dropped += out.dropped
    res.ignored += out.ignored
    res.conflicts += out.conflicts
    origins = {c.replica_id for c in new}
    for origin in origins:
        if len(origins) == 1:  # a batch file: one origin
            upto = max(map(_seq_of, new))
        else:
            upto = max(c.seq for c in new if c.replica_id == origin)
        vector.refresh(raw, origin, upto)
    return merger


_seq_of = operator.attrgetter("seq")


def _hold(raw, changes: list[ChangeRec]) -> None:
    raw.executemany(
        _PENDING_SQL,
        [(c.replica_id, c.seq, c.schema_version, c.encode()) for c in changes],
    )
