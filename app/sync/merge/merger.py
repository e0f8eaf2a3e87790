"""Merge, the whole: turn changes from other replicas into rows, inside the caller's transaction.

Rules (DESIGN.md, "Sync"):
- ``record`` tables: last writer wins per field, by HLC (the text form sorts, replica id breaks
  ties). The value that loses, local or remote, goes to ``conflict_record`` unless it was
  superseded by its own replica (a later edit by the same device is an edit, not a conflict).
- ``event`` tables: a grow-only set. Insert if absent; the only later change is a tombstone
  (``deleted`` only ever goes from false to true; ``updated_at`` takes the larger value).
- ``purge``: final (see ``purge.py``); rows pointing at a purged row go with it.
- A change whose row or parent row is not here yet is *held* (returned to the caller, who keeps it
  in ``pending_change``) and applied when what it needs arrives. Foreign keys are deferred to the
  end of the transaction, so parents and children in one batch may come in any order.
- Two rows made offline for the same unique key (a student's profile made on two devices): the
  row with the smaller id keeps the key; the other id becomes an alias of it (``@alias`` marker)
  and its values are merged in field by field, so every replica ends with the same row.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict

from app.store.scrub import ALIAS_MARK, PURGE_MARK, scrub_purged
from app.sync.changes import BadChange, ChangeRec
from app.sync.merge.lookup import decide, exists_events, marks, prefetch_records
from app.sync.merge.records import apply_records
from app.sync.merge.state import APPLY, DROP, HOLD, Item, MergeContext, MergeState, Outcome
from app.sync.purge import descendants
from app.sync.tables import TableInfo, table_info

log = logging.getLogger(__name__)


class Merger:
    """Merges one list of changes into the caller's transaction (``run``). What it did and learnt
    is in ``state``, for ``MergeContext.removed`` and ``commit``."""

    def __init__(self, raw: sqlite3.Connection, ctx: MergeContext, now: float | None = None) -> None:
        self.state = MergeState(raw, ctx) if now is None else MergeState(raw, ctx, now)
        self.raw = raw
        self.out = self.state.out

    # -- entry point ------------------------------------------------------------------------
    def run(self, changes: list[ChangeRec]) -> Outcome:
        st = self.state
        marked = st.marked()
        items, purges, fast_rows = self._triage(changes, marked)
        for t, rows in fast_rows.items():
            self._insert_events(t, rows)
            self.out.applied += len(rows)
        found = self._redirect(items, purges, marked)
        doomed: dict[tuple[str, str], str] = {}  # rows to purge now -> hlc
        for c in purges:
            key = (c.table, c.row_id)
            doomed[key] = max(doomed.get(key, ""), c.hlc)
        already = {k for k, (kind, _) in found.items() if kind == PURGE_MARK}

        records = prefetch_records(st, items)
        exists = exists_events(st, items)
        for t, (by_id, _) in records.items():
            exists.update((t, r) for r in by_id)
        decide(st, items, exists, doomed, already)

        self._purge(doomed)
        dropped = [it for it in items if it.state == DROP]
        self.out.held = [it.c for it in items if it.state == HOLD]
        self.out.dropped += len(dropped) + len(purges)
        self._rescrub(dropped, doomed)
        self._apply(items, records)
        return self.out

    def _triage(
        self, changes: list[ChangeRec], marked: set[str]
    ) -> tuple[list[Item], list[ChangeRec], dict[str, list[tuple]]]:
        """Sort changes into the fast path (new events whose parents are known to be here: rows to
        insert as they are), purges, and the careful path (``Item``s)."""
        items: list[Item] = []
        purges: list[ChangeRec] = []
        fast = not any(c.op == "purge" for c in changes)
        fast_rows: dict[str, list[tuple]] = defaultdict(list)
        known = self.state.ctx.known
        new_known = self.state.new_known
        infos: dict[str, TableInfo | None] = {}
        for c in changes:
            t = c.table
            info = infos[t] if t in infos else infos.setdefault(t, table_info(t))
            if info is None:
                self.out.ignored += 1
                continue
            if c.op == "purge":
                purges.append(c)
                continue
            if fast and info.kind == "event" and c.op == "upsert" and t not in marked:
                # The bulk of any backlog: a new event whose parents are known to be here.
                f = c.parsed  # parsed when stored; if not, the careful path below parses it
                if f is not None and "id" in f and not f.get("deleted"):
                    for col, ptable in info.fks:
                        v = f.get(col)
                        if v and v not in known[ptable] and v not in new_known[ptable]:
                            break
                    else:
                        row = info.row_tuple(f, c.row_id)
                        if row is not None:
                            fast_rows[t].append(row)
                            continue
            self._careful(c, info, items)
        return items, purges, fast_rows

    def _redirect(
        self, items: list[Item], purges: list[ChangeRec], marked: set[str]
    ) -> dict[tuple[str, str], tuple[str, str]]:
        """The purge and alias markers of the rows these changes name; a change for an alias
        lands on the row it is an alias of (``Item.eff``)."""
        if not marked:
            return {}
        found = marks(
            self.state,
            [(it.c.table, it.c.row_id) for it in items if it.c.table in marked]
            + [(c.table, c.row_id) for c in purges if c.table in marked],
        )
        if found:
            for it in items:
                m = found.get((it.c.table, it.c.row_id))
                if m and m[0] == ALIAS_MARK:
                    it.eff = (it.c.table, m[1])
        return found

    def _apply(self, items: list[Item], records: dict[str, tuple[dict, dict]]) -> None:
        """Write the changes that can be applied now, and the conflicts they make."""
        st = self.state
        live = [it for it in items if it.state == APPLY]
        self._apply_events([it for it in live if it.info.kind == "event"])
        by_table: dict[str, list[Item]] = defaultdict(list)
        for it in live:
            if it.info.kind == "record":
                by_table[it.info.name].append(it)
        for t, its in by_table.items():
            apply_records(st, its[0].info, its, records.get(t, ({}, {})))
        if st.conflicts:
            self.raw.executemany(
                "INSERT INTO conflict_record (table_name, row_id, field, value, hlc, replica_id, "
                "winner_hlc, at, restored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                st.conflicts,
            )
            self.out.conflicts += len(st.conflicts)

    # -- purge ------------------------------------------------------------------------------
    def _purge(self, doomed: dict[tuple[str, str], str]) -> None:
        if not doomed:
            return
        scrub: list[tuple[str, str, str]] = []
        for (t, r), hlc in doomed.items():
            for dt, dr in [*descendants(self.raw, t, r), (t, r)]:
                self.raw.execute(f'DELETE FROM "{dt}" WHERE id = ?', (dr,))
                scrub.append((dt, dr, hlc))
                self.state.gone.add((dt, dr))
                self.state.affected[dt].add(dr)
                self.state.new_marked.add(dt)
        scrub_purged(self.raw, scrub)

    def _rescrub(self, dropped: list[Item], doomed: dict) -> None:
        """Changes that arrived for rows already purged: keep the change, not its payload."""
        rows = {(it.c.table, it.c.row_id) for it in dropped} | {it.eff for it in dropped}
        rows -= set(doomed)
        for t, r in rows:
            self.raw.execute(
                "UPDATE change SET op = 'purge', fields = '{}' WHERE table_name = ? AND row_id = ? "
                "AND (op != 'purge' OR fields != '{}')",
                (t, r),
            )

    # -- events -----------------------------------------------------------------------------
    def _careful(self, c: ChangeRec, info: TableInfo, items: list[Item]) -> None:
        """Queue a change for the careful path (looks at what is here, may hold or drop it)."""
        if c.op not in ("upsert", "delete"):
            self.out.ignored += 1
            return
        try:
            f = c.fields
        except (BadChange, ValueError):
            # Stored without its fields (the caller rewrites the change log's copy), as it always was.
            log.warning("change %s/%s has unreadable fields; stored without them", c.replica_id, c.seq)
            f = c.without_fields()
            self.out.unreadable.append(c)
        if c.op == "delete":
            f.setdefault("deleted", True)
        items.append(Item(c, info, f))

    def _apply_events(self, items: list[Item]) -> None:
        inserts: dict[str, list[tuple]] = defaultdict(list)
        tombs: list[tuple[str, float, str]] = []
        for it in items:
            t, r = it.eff
            f = it.f
            if it.full:
                row = it.info.row_tuple(f, r)
                if row is None:
                    self.out.invalid.append(it.c)
                    continue
                inserts[t].append(row)
            if f.get("deleted"):
                tombs.append((t, float(f.get("updated_at") or 0.0), r))
            self.out.applied += 1
        for t, rows in inserts.items():
            self._insert_events(t, rows)
        for t, updated, r in tombs:
            self.raw.execute(
                f'UPDATE "{t}" SET deleted = 1, updated_at = MAX(updated_at, ?) WHERE id = ?', (updated, r)
            )
            self.state.affected[t].add(r)

    def _insert_events(self, t: str, rows: list[tuple]) -> None:
        info = table_info(t)
        assert info is not None  # only changes to known tables get this far
        cols = ", ".join(f'"{c}"' for c in info.columns)
        marks = ", ".join("?" * len(info.columns))
        self.raw.executemany(f'INSERT OR IGNORE INTO "{t}" ({cols}) VALUES ({marks})', rows)
        ids = {row[0] for row in rows}
        self.state.affected[t].update(ids)
        if info.children:
            self.state.new_known[t].update(ids)
