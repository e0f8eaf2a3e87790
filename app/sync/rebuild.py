"""Derived state (learner estimates, mastery, statistics) is never synced: it is rebuilt here
after changes from other replicas are committed. Capability packages register what they derive:

    register_rebuild({"attempt"}, rebuild_learners)   # rebuild_learners(db, {"attempt": {ids}})

Callbacks run after commit, on the thread doing the sync, with the ids of rows that changed per
table (bounded: a long sync calls them several times rather than holding millions of ids). A
failing callback is logged and does not undo or stop the sync; it can be run again from scratch.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

log = logging.getLogger(__name__)

Affected = dict[str, set[str]]
RebuildCallback = Callable[[Any, Affected], None]

_lock = threading.Lock()
_registry: list[tuple[frozenset[str], RebuildCallback]] = []


def register_rebuild(table_names: Iterable[str], callback: RebuildCallback) -> Callable[[], None]:
    """Call ``callback(db, affected)`` after sync applies changes to any of these tables.
    Returns a function that unregisters it."""
    entry = (frozenset(table_names), callback)
    with _lock:
        _registry.append(entry)

    def unregister() -> None:
        with _lock:
            if entry in _registry:
                _registry.remove(entry)

    return unregister


def notify(db: Any, affected: Affected) -> int:
    """Run the callbacks interested in ``affected``; returns how many ran without error."""
    with _lock:
        entries = list(_registry)
    seq = _owed(db)
    ok = failed = 0
    for tables, callback in entries:
        mine = {t: set(ids) for t, ids in affected.items() if t in tables and ids}
        if not mine:
            continue
        try:
            callback(db, mine)
            ok += 1
        except Exception:
            failed += 1
            log.exception(
                "rebuilding derived state after sync failed (%s)", getattr(callback, "__name__", callback)
            )
    if seq and entries and not failed:
        # Every rebuild this process knows ran: the owed marker (app.sync.owed) is paid. A process
        # with nothing registered (a bare sync) rebuilt nothing, so the marker waits for the next open.
        _paid(db, seq)
    return ok


def _owed(db: Any) -> int:
    from app.sync.purge import raw_connection
    from app.sync.owed import owed_seq

    try:
        with db.read() as s:
            return owed_seq(raw_connection(s))
    except Exception:  # an older schema or a test double without the table: nothing is owed
        return 0


def _paid(db: Any, seq: int) -> None:
    from app.sync.purge import raw_connection
    from app.sync.owed import clear

    with db.write(remote=True) as s:
        clear(raw_connection(s), seq)
