"""All derived state, rebuilt from synced rows alone, and the rebuild owed after a crash.

Entry points (plain functions, so the composition root can wire them however it likes):

- ``rebuild_all_derived(db)``: the learner model replayed from the attempts log (snapshots, item and
  skill statistics, practice's figures) and every level combined with the synced judgements: exactly
  what a fresh replica holding the same rows would compute.
- ``levels_after_sync(db, affected)``: judgements given, withdrawn or purged elsewhere: their pairs'
  levels are combined again (registered with ``app.store.what_changed``).
- ``pay_owed(db)``: at open (GUI or headless, ``app.bootstrap.open_context``), when a sync committed
  changes but the process died before the rebuild after them (``app.store.owed``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from app.practice.judged_levels import rebuild_judged, refresh_pairs
from app.store import owed
from app.store.raw import raw_connection

__all__ = ["install_sync_hook", "levels_after_sync", "pay_owed", "rebuild_all_derived"]

log = logging.getLogger(__name__)
Progress = Callable[[float, str], None]


def rebuild_all_derived(db, progress: Progress | None = None) -> None:  # noqa: ANN001
    """Every derived table from synced rows: the practice replay writes its tables and the combined
    levels (``model_store.replace_all`` calls ``levels.rebuild_judged``)."""
    from app.practice.live import live_model

    live_model(db).rebuild(None, progress)


def levels_after_sync(db, affected: dict[str, set[str]]) -> None:  # noqa: ANN001
    """``app.store.what_changed`` callback for the ``judgement`` table."""
    ids = sorted(affected.get("judgement", ()))
    if not ids:
        return
    with db.write(remote=True) as s:
        conn = raw_connection(s)
        pairs: set[tuple[str, str]] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            pairs |= set(conn.execute(
                f"SELECT student_id, skill_id FROM judgement WHERE id IN ({','.join('?' * len(chunk))})", chunk))  # fmt: skip
        if len(pairs) < len(ids):  # some were purged: look at every pair that shows a judgement
            rebuild_judged(conn)
        refresh_pairs(conn, pairs)


def pay_owed(db, progress: Progress | None = None) -> bool:  # noqa: ANN001
    """Rebuild derived state if a sync left it owed; returns whether it did."""
    with db.read() as s:
        seq = owed.owed_seq(raw_connection(s))
    if not seq:
        return False
    log.info("derived state is owed a rebuild after an interrupted sync: rebuilding it now")
    rebuild_all_derived(db, progress)
    with db.write(remote=True) as s:
        owed.clear(raw_connection(s), seq)
    return True


_installed = False
_lock = threading.Lock()


def install_sync_hook() -> None:
    """Register ``levels_after_sync`` with the sync package, once per process."""
    global _installed
    with _lock:
        if _installed:
            return
        from app.store.what_changed import register_rebuild

        register_rebuild({"judgement"}, levels_after_sync)
        _installed = True


# What two replicas holding the same synced rows must show alike (bookkeeping such as rowids, build
# times and checkpoints differs between machines and is left out).
DERIVED_TABLES: dict[str, str] = {
    "learner_skill_state": "SELECT * FROM learner_skill_state ORDER BY student_id, skill_id",
    "learner_snapshot": "SELECT student_id, data FROM learner_snapshot ORDER BY student_id",
    "item_stat": "SELECT item_id, difficulty, uses FROM item_stat ORDER BY item_id",
    "skill_stat": "SELECT skill_id, difficulty, uses, weights FROM skill_stat ORDER BY skill_id",
    "practice_model": "SELECT weights, last_at, last_id, count FROM practice_model WHERE count > 0",
}


def derived_rows(conn) -> dict[str, list[tuple]]:  # noqa: ANN001
    """Every derived table's rows that must be equal on replicas holding the same synced rows."""
    return {name: conn.execute(sql).fetchall() for name, sql in DERIVED_TABLES.items()}


def derived_summary(conn) -> dict:  # noqa: ANN001
    """Counts and a digest per derived table, to compare machines (``python -m app info --json``)."""
    import hashlib

    out: dict = {}
    for name, rows in derived_rows(conn).items():
        out[name] = {"rows": len(rows), "sha256": hashlib.sha256(repr(rows).encode()).hexdigest()[:16]}
    mastered, answers, judged = conn.execute(
        "SELECT COALESCE(SUM(mastered), 0), COALESCE(SUM(attempts), 0), COALESCE(SUM(judged_level > 0), 0) "
        "FROM learner_skill_state"
    ).fetchone()
    out["levels"] = {"mastered": mastered, "answers_counted": answers, "judged": judged,
                     "owed": owed.owed_seq(conn) > 0}  # fmt: skip
    return out
