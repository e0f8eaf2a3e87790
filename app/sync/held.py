"""Held changes: those waiting in ``pending_change`` for a row or parent that has not arrived,
for a newer Tessera (``schema_version`` above ours), or set aside because they broke a rule.

``apply_pending`` applies every held change that can be applied now (call it at start, after the
schema migration, and after each sync); ``pending_count`` says how many wait, and for what.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import IntegrityError

from app.store import capture
from app.store.raw import raw_connection
from app.sync.apply_types import DATA_ERRORS, ApplyResult
from app.sync.changes import BadChange, ChangeRec
from app.sync.merge import MergeContext, Merger
from app.sync.validation import problems

log = logging.getLogger(__name__)

# pending_change.schema_version for changes set aside because they broke a constraint: above any
# real schema version, so apply_pending never retries them on its own (see apply._quarantine).
QUARANTINE = 1_000_000_000
# pending_change.schema_version for changes whose stamp is more than 5 minutes ahead of our clock
# (``app/trust/policy.py``): kept until the clock reaches them, then applied like any held change.
FUTURE_HOLD = QUARANTINE - 1
FUTURE_MARK = "@future"  # ``ChangeRec.problem`` of such a change, on its way to ``apply._set_aside``
FUTURE_MS = 5 * 60 * 1000


def release_future(db, now_ms: int | None = None) -> int:
    """Changes held for a stamp ahead of the clock that the clock has now reached (within five
    minutes): put back with their schema version, for ``apply_pending``. Returns how many."""
    import time

    limit = f"{(now_ms if now_ms is not None else int(time.time() * 1000)) + FUTURE_MS:013d}"
    with db.read() as session:
        rows = (
            raw_connection(session)
            .execute(
                "SELECT replica_id, seq, payload FROM pending_change WHERE schema_version = ?", (FUTURE_HOLD,)
            )
            .fetchall()
        )
    due = []
    for rid, seq, payload in rows:
        try:
            c = ChangeRec.decode(payload)
        except BadChange:
            continue
        if c.hlc[:13] <= limit:
            due.append((c.schema_version, rid, seq))
    if due:
        with db.write(remote=True) as session:
            raw_connection(session).executemany(
                "UPDATE pending_change SET schema_version = ? WHERE replica_id = ? AND seq = ?", due
            )
    return len(due)


def pending_count(db) -> tuple[int, int]:
    """(changes waiting for a row or parent, changes waiting for a newer Tessera or set aside)."""
    with db.read() as session:
        raw = raw_connection(session)
        ours = capture.SCHEMA_VERSION
        held = raw.execute(
            "SELECT COUNT(*) FROM pending_change WHERE schema_version <= ?", (ours,)
        ).fetchone()[0]
        newer = raw.execute(
            "SELECT COUNT(*) FROM pending_change WHERE schema_version > ?", (ours,)
        ).fetchone()[0]
    return held, newer


def apply_pending(db, ctx: MergeContext | None = None, chunk: int = 2000) -> ApplyResult:
    """Apply every held change that can be applied now; repeat while that makes progress (a
    child may wait on a parent that was itself waiting). Call at start, after upgrading."""
    ctx = ctx or MergeContext()
    total = ApplyResult()
    while True:
        progress = 0
        after: tuple[str, int] = ("", -1)
        while True:
            with db.read() as session:
                batch = (
                    raw_connection(session)
                    .execute(
                        "SELECT replica_id, seq, payload FROM pending_change WHERE schema_version <= ? "
                        "AND (replica_id > ? OR (replica_id = ? AND seq > ?)) ORDER BY replica_id, seq LIMIT ?",
                        (capture.SCHEMA_VERSION, after[0], after[0], after[1], chunk),
                    )
                    .fetchall()
                )
            if not batch:
                break
            after = (batch[-1][0], batch[-1][1])
            try:
                progress += _apply_held(db, ctx, batch, total)
            except (IntegrityError, *DATA_ERRORS) as exc:
                log.error("sync: held changes could not be applied together (%s); trying one by one", exc)
                for row in batch:
                    try:
                        progress += _apply_held(db, ctx, [row], total)
                    except (IntegrityError, *DATA_ERRORS) as one:
                        log.error("sync: held change %s/%s set aside: %s", row[0], row[1], one)
                        with db.write(remote=True) as session:
                            raw_connection(session).execute(
                                "UPDATE pending_change SET schema_version = ? WHERE replica_id = ? AND seq = ?",
                                (QUARANTINE, row[0], row[1]),
                            )
                        progress += 1
        if progress == 0:
            break
    total.held, total.newer_schema = pending_count(db)
    return total


def _apply_held(db, ctx: MergeContext, batch: list[tuple], total: ApplyResult) -> int:
    """Try held changes in one transaction; returns how many left pending_change."""
    with db.write(remote=True) as session:
        raw = raw_connection(session)
        raw.execute("PRAGMA defer_foreign_keys = ON")
        changes, bad = [], []
        for rid, seq, payload in batch:
            try:
                changes.append(ChangeRec.decode(payload))
            except BadChange:
                bad.append((rid, seq))
        # Held for a newer Tessera, so not checked on arrival: checked now that their columns are known.
        unfit = problems(changes)
        for c, why in unfit:
            log.error("sync: held change %s/%s set aside: %s", c.replica_id, c.seq, why)
        raw.executemany(
            "UPDATE pending_change SET schema_version = ? WHERE replica_id = ? AND seq = ?",
            [(QUARANTINE, *c.key) for c, _why in unfit],
        )
        unfit_keys = {c.key for c, _why in unfit}
        changes = [c for c in changes if c.key not in unfit_keys]
        merger = Merger(raw, ctx)
        out = merger.run(changes)
        ctx.removed(merger.state)
        still = {c.key for c in out.held}
        done = [c.key for c in changes if c.key not in still] + bad
        raw.executemany("DELETE FROM pending_change WHERE replica_id = ? AND seq = ?", done)
        if out.applied:
            from app.store import owed

            owed.mark(raw)  # held changes applied at open: derived state is rebuilt by pay_owed
    ctx.commit(merger.state)
    total.applied += out.applied
    total.dropped += out.dropped
    total.ignored += out.ignored + len(bad)
    total.conflicts += out.conflicts
    return len(done) + len(unfit)
