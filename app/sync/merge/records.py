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
from app.sync.merge.state import MergeState
from app.sync.tables import TableInfo

# Bookkeeping columns still merge by last writer wins, but a losing value is not worth archiving.
NOT_ARCHIVED = frozenset({"updated_at"})


# -- records ----------------------------------------------------------------------------
def apply_records(st: MergeState, info: TableInfo, items, prefetched: tuple[dict, dict]) -> None:
    rows, clocks = prefetched
    t = info.name
    colset = set(info.columns)
    inserted: set[str] = set()
    dirty: dict[str, set[str]] = defaultdict(set)
    removed: list[str] = []
    aliases: list[tuple[str, str]] = []
    by_unique: dict[str, dict[Any, str]] = {col: {} for col in info.unique}
    for rid, row in rows.items():
        for col in info.unique:
            if row.get(col) is not None:
                by_unique[col][_ukey(row[col])] = rid
    redirect: dict[str, str] = {}

    for it in items:
        c = it.c
        rid = redirect.get(it.eff[1], it.eff[1])
        f = it.f
        row = rows.get(rid)
        if row is None:
            other = next(
                (
                    by_unique[col].get(_ukey(f.get(col)))
                    for col in info.unique
                    if f.get(col) is not None and by_unique[col].get(_ukey(f.get(col))) not in (None, rid)
                ),
                None,
            )
            if other is not None and other < rid:
                # The row already here keeps the key; this id becomes its alias.
                aliases.append((rid, other))
                redirect[rid] = other
                merge_fields(st, info, other, rows[other], clocks[other], f, c.hlc, dirty, colset)
                st.out.applied += 1
                continue
            full = info.complete(f)
            if full is None:
                st.out.invalid.append(c)
                continue
            full["id"] = rid
            if other is not None:
                # The incoming row has the smaller id: the row here becomes its alias.
                old, old_clocks = rows.pop(other), clocks.pop(other, {})
                if other in inserted:
                    inserted.discard(other)
                else:
                    removed.append(other)
                dirty.pop(other, None)
                aliases.append((other, rid))
                redirect[other] = rid
                for col in info.unique:
                    by_unique[col].pop(_ukey(old.get(col)), None)
            rows[rid] = full
            clocks[rid] = {k: c.hlc for k in f if k in colset}
            inserted.add(rid)
            for col in info.unique:
                if full.get(col) is not None:
                    by_unique[col][_ukey(full[col])] = rid
            if other is not None:
                for k, v in old.items():
                    if k != "id":
                        merge_fields(
                            st,
                            info,
                            rid,
                            rows[rid],
                            clocks[rid],
                            {k: v},
                            old_clocks.get(k, ""),
                            dirty,
                            colset,
                        )
        else:
            merge_fields(st, info, rid, row, clocks[rid], f, c.hlc, dirty, colset)
        st.out.applied += 1
        st.affected[t].add(rid)

    raw = st.raw
    for rid in removed:
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
    for old, new in aliases:
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
    for k, v in fields.items():
        if k == "id" or k not in colset:
            continue
        lc = rclocks.get(k, "")
        if hlc > lc:
            old = row.get(k)
            if old != v and replica_of(lc) != src and k not in NOT_ARCHIVED:
                archive(st, info.name, rid, k, old, lc, hlc)
            row[k] = v
            rclocks[k] = hlc
            dirty[rid].add(k)
        elif hlc < lc and row.get(k) != v and replica_of(lc) != src and k not in NOT_ARCHIVED:
            archive(st, info.name, rid, k, v, hlc, lc)


def archive(st: MergeState, table: str, rid: str, fld: str, value: Any, hlc: str, winner: str) -> None:
    st.conflicts.append((table, rid, fld, json.dumps(value), hlc, replica_of(hlc), winner, st.now))


def _ukey(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, (list, dict)) else value
