"""What a merge carries: ``MergeContext`` (caches for one sync session), ``MergeState`` (what one
merge, inside one transaction, has done and learnt so far), ``Outcome`` (what it reports) and
``Item`` (one change being merged, with what the merge works out about it).

The other modules of the merge are functions of a ``MergeState``: ``lookup`` reads what is here,
``records`` merges record rows, ``merger`` runs the whole. This module imports none of them.
"""

from __future__ import annotations

import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from app.store.scrub import ALIAS_MARK, PURGE_MARK
from app.sync.changes import ChangeRec
from app.sync.tables import TableInfo

KNOWN_CAP = 300_000  # parent ids remembered per sync before the cache starts afresh

APPLY, HOLD, DROP = "apply", "hold", "drop"  # Item.state: apply now, wait for a row, row purged


class MergeContext:
    """Caches that live for one sync session: parent rows known to exist, and which tables
    carry purge or alias markers at all (most never do, which saves a query per batch)."""

    def __init__(self) -> None:
        self.known: dict[str, set[str]] = defaultdict(set)
        self._marked: set[str] | None = None
        self.affected: dict[str, set[str]] = defaultdict(set)

    def forget(self) -> None:
        self.known.clear()
        self._marked = None

    def marked_tables(self, raw: sqlite3.Connection) -> set[str]:
        if self._marked is None:
            self._marked = {
                r[0]
                for r in raw.execute(
                    "SELECT DISTINCT table_name FROM field_clock WHERE field IN (?, ?)",
                    (PURGE_MARK, ALIAS_MARK),
                )
            }
        return self._marked

    def removed(self, st: MergeState) -> None:
        """Forget rows a merge purged, and note its markers, at once (before its transaction
        commits): being wrong this way only costs a query, never a wrong shortcut."""
        for t, rid in st.gone:
            self.known[t].discard(rid)
        if self._marked is not None:
            self._marked |= st.new_marked

    def commit(self, st: MergeState) -> None:
        """Take what a merge learnt, once its transaction has committed."""
        if sum(len(v) for v in self.known.values()) > KNOWN_CAP:
            self.known.clear()
        for t, ids in st.new_known.items():
            self.known[t].update(ids)
        for t, rid in st.gone:
            self.known[t].discard(rid)
        if self._marked is not None:
            self._marked |= st.new_marked
        for t, ids in st.affected.items():
            self.affected[t].update(ids)


@dataclass
class Outcome:
    held: list[ChangeRec] = field(default_factory=list)
    applied: int = 0
    dropped: int = 0  # for purged rows
    ignored: int = 0  # unknown table, malformed, or unusable
    conflicts: int = 0
    invalid: list[ChangeRec] = field(default_factory=list)  # cannot make a row: set aside
    unreadable: list[ChangeRec] = field(default_factory=list)  # fields not a JSON object: kept without


@dataclass
class MergeState:
    """One merge inside its caller's transaction: the connection, the session's caches, and what
    this merge has done so far (handed to ``MergeContext`` when the transaction commits)."""

    raw: sqlite3.Connection
    ctx: MergeContext
    now: float = field(default_factory=time.time)
    out: Outcome = field(default_factory=Outcome)
    new_known: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # parents seen here
    gone: set[tuple[str, str]] = field(default_factory=set)  # rows purged or merged away
    new_marked: set[str] = field(default_factory=set)  # tables given a purge or alias marker
    affected: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # rows written
    conflicts: list[tuple] = field(default_factory=list)  # conflict_record rows, written at the end

    def marked(self) -> set[str]:
        """Tables that carry purge or alias markers, this merge's included."""
        return self.ctx.marked_tables(self.raw) | self.new_marked


_NONE: list = []


class Item:
    """One upsert or delete being merged, with what the merge works out about it: the row it
    lands on (``eff``: another id when the row is an alias), its parents, and its ``state``."""

    __slots__ = ("c", "eff", "f", "full", "info", "parents", "state")

    def __init__(self, c: ChangeRec, info: TableInfo, f: dict[str, Any]) -> None:
        self.c = c
        self.info = info
        self.f = f
        self.full = "id" in f
        self.eff = (c.table, c.row_id)
        self.parents: list[tuple[str, str]] = _NONE
        self.state = APPLY
