"""Merge, records: edited in place. Last writer wins per field by HLC; the losing value
goes to ``conflict_record`` unless its own replica superseded it. Two rows made offline for the
same unique key: the smaller id keeps the key, the other becomes its alias (``@alias`` marker) and
its values are merged in field by field. Functions of a ``MergeState``."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from app.store.hlc import replica_of
from app.store.scrub import ALIAS_MARK
from app.sync.merge import rules
from app.sync.merge.state import Item, MergeState
from app.sync.tables import TableInfo

# Bookkeeping columns still merge by last writer wins, but a losing value is not worth archiving.
NOT_ARCHIVED = frozenset({"updated_at"})


# -- records ----------------------------------------------------------------------------
def apply_records(st: MergeState, info: TableInfo, items: list[Item], prefetched: tuple[dict, dict]) -> None:
    """Merge changes to one record table, given its rows and field clocks as they are here."""
    table = _TableMerge(st, info, prefetched)
    for it in items:
        table.add(it)
    table.write()


class _TableMerge:
    """The rows of one table as the merge changes them, written back at the end (``write``)."""

    def __init__(self, st: MergeState, info: TableInfo, prefetched: tuple[dict, dict]) -> None:
        self.st = st
        self.info = info
        self.rows, self.clocks = prefetched
        self.colset = set(info.columns)
        self.inserted: set[str] = set()
        self.dirty: dict[str, set[str]] = defaultdict(set)
        self.removed: list[str] = []
        self.aliases: list[tuple[str, str]] = []  # (alias, the row it stands for)
        self.redirect: dict[str, str] = {}
        self.by_unique: dict[str, dict[Any, str]] = {col: {} for col in info.unique}
        for rid, row in self.rows.items():
            for col in info.unique:
                if row.get(col) is not None:
                    self.by_unique[col][_ukey(row[col])] = rid

    def add(self, it: Item) -> None:
        rid = self.redirect.get(it.eff[1], it.eff[1])
        if rid in self.rows:
            self._merge(rid, it.f, it.c.hlc)
        elif not self._insert(it, rid):
            return
        self.st.out.applied += 1
        self.st.affected[self.info.name].add(rid)

    def _merge(self, rid: str, fields: dict[str, Any], hlc: str) -> None:
        merge_fields(
            self.st, self.info, rid, self.rows[rid], self.clocks[rid], fields, hlc, self.dirty, self.colset
        )

    def _insert(self, it: Item, rid: str) -> bool:
        """A row not here yet. Returns False when that is the change done with: it became an alias
        of a row here with the same unique key, or it cannot make a row (set aside)."""
        c, f = it.c, it.f
        other = self._same_key(f, rid)
        if other is not None and other < rid:
            # The row already here keeps the key; this id becomes its alias.
            self.aliases.append((rid, other))
            self.redirect[rid] = other
            self._merge(other, f, c.hlc)
            self.st.out.applied += 1
            return False
        full = self.info.complete(f)
        if full is None:
            self.st.out.invalid.append(c)
            return False
        full["id"] = rid
        old, old_clocks = self._displace(other, rid) if other is not None else ({}, {})
        self.rows[rid] = full
        self.clocks[rid] = {k: c.hlc for k in f if k in self.colset}
        self.inserted.add(rid)
        for col in self.info.unique:
            if full.get(col) is not None:
                self.by_unique[col][_ukey(full[col])] = rid
        for k, v in old.items():
            if k != "id":
                self._merge(rid, {k: v}, old_clocks.get(k, ""))
        return True

    def _same_key(self, f: dict[str, Any], rid: str) -> str | None:
        """Another row here holding one of this row's unique values."""
        for col in self.info.unique:
            if f.get(col) is not None:
                other = self.by_unique[col].get(_ukey(f.get(col)))
                if other not in (None, rid):
                    return other
        return None

    def _displace(self, other: str, rid: str) -> tuple[dict[str, Any], dict[str, str]]:
        """The incoming row has the smaller id: the row here (``other``) becomes its alias. Returns
        the row's values and clocks, to merge into the incoming row."""
        old, old_clocks = self.rows.pop(other), self.clocks.pop(other, {})
        if other in self.inserted:
            self.inserted.discard(other)
        else:
            self.removed.append(other)
        self.dirty.pop(other, None)
        self.aliases.append((other, rid))
        self.redirect[other] = rid
        for col in self.info.unique:
            self.by_unique[col].pop(_ukey(old.get(col)), None)
        return old, old_clocks

    def write(self) -> None:
        st, info, rows, clocks = self.st, self.info, self.rows, self.clocks
        inserted, dirty = self.inserted, self.dirty
        t = info.name
        raw = st.raw
        for rid in self.removed:
            raw.execute(f'DELETE FROM "{t}" WHERE id = ?', (rid,))
            raw.execute(
                "DELETE FROM field_clock WHERE table_name = ? AND row_id = ? AND field NOT LIKE '@%'",
                (t, rid),
            )
            st.gone.add((t, rid))
        if inserted:
            cols = ", ".join(f'"{c}"' for c in info.columns)
            q = ", ".join("?" * len(info.columns))
            raw.executemany(
                f'INSERT INTO "{t}" ({cols}) VALUES ({q})',
                [tuple(info.to_db(col, rows[rid][col]) for col in info.columns) for rid in inserted],
            )
            st.new_known[t].update(inserted)
        for rid, fields in dirty.items():
            if rid in inserted or rid not in rows:
                continue
            names = sorted(fields)
            sets = ", ".join(f'"{n}" = ?' for n in names)
            raw.execute(
                f'UPDATE "{t}" SET {sets} WHERE id = ?',
                (*(info.to_db(n, rows[rid][n]) for n in names), rid),
            )
        clock_rows: list[tuple[str, str, str, str]] = []
        for rid in inserted:
            clock_rows.extend((t, rid, k, h) for k, h in clocks[rid].items())
        for rid, fields in dirty.items():
            if rid not in inserted and rid in rows:
                clock_rows.extend((t, rid, k, clocks[rid][k]) for k in fields)
        raw.executemany(
            "INSERT OR REPLACE INTO field_clock (table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)",
            clock_rows,
        )
        for old, new in self.aliases:
            raw.execute(
                "UPDATE field_clock SET hlc = ? WHERE table_name = ? AND field = ? AND hlc = ?",
                (new, t, ALIAS_MARK, old),
            )
            raw.execute(
                "INSERT OR REPLACE INTO field_clock (table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)",
                (t, old, ALIAS_MARK, new),
            )
            st.new_marked.add(t)


def merge_fields(st: MergeState, info, rid, row, rclocks, fields, hlc, dirty, colset) -> None:
    """Per-field last writer wins against what this replica holds now."""
    src = replica_of(hlc)

    def lost(k: str, value: Any, stamp: str, winner: str) -> None:
        # The value here lost (stamp: its clock) or the incoming one did (winner: the clock here).
        here = stamp if winner == hlc else winner
        other = fields[k] if winner == hlc else row.get(k)
        if value != other and replica_of(here) != src and k not in NOT_ARCHIVED:
            archive(st, info.name, rid, k, value, stamp, winner)

    changed = rules.merge_record(row, rclocks, fields, hlc, colset, lost)
    if changed:
        dirty[rid].update(changed)


def archive(st: MergeState, table: str, rid: str, fld: str, value: Any, hlc: str, winner: str) -> None:
    st.conflicts.append((table, rid, fld, json.dumps(value), hlc, replica_of(hlc), winner, st.now))


def _ukey(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, (list, dict)) else value
