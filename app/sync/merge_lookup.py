"""Merge, part two: what the merge needs to know about the rows a batch touches, and which changes
can be applied now, which must wait for a row or parent (held) and which are for purged rows
(dropped). Functions of a ``merge.Merger``, inside its transaction."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from app.store.scrub import ALIAS_MARK, PURGE_MARK
from app.sync.changes import ChangeRec
from app.sync.tables import TableInfo, table_info

if TYPE_CHECKING:
    from app.sync.merge import Merger

CHUNK = 400  # ids per IN (...) query, below SQLite's variable limit


def chunks(items: list, n: int = CHUNK):
    for i in range(0, len(items), n):
        yield items[i : i + n]


APPLY, HOLD, DROP = "apply", "hold", "drop"


class _Item:
    """One upsert being merged, with what the merge works out about it."""

    __slots__ = ("c", "eff", "f", "full", "info", "parents", "state")

    def __init__(self, c: ChangeRec, info: TableInfo, f: dict[str, Any]) -> None:
        self.c = c
        self.info = info
        self.f = f
        self.full = "id" in f
        self.eff = (c.table, c.row_id)
        self.parents: list[tuple[str, str]] = _NONE
        self.state = APPLY


_NONE: list = []


# -- lookups ----------------------------------------------------------------------------
def marks(m: Merger, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    marked = m.ctx.marked_tables(m.raw) | m.new_marked
    by_table: dict[str, set[str]] = defaultdict(set)
    for t, r in keys:
        if t in marked:
            by_table[t].add(r)
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for t, ids in by_table.items():
        for chunk in chunks(sorted(ids)):
            q = ",".join("?" * len(chunk))
            for rid, fld, hlc in m.raw.execute(
                f"SELECT row_id, field, hlc FROM field_clock WHERE table_name = ? "
                f"AND field IN (?, ?) AND row_id IN ({q})",
                (t, PURGE_MARK, ALIAS_MARK, *chunk),
            ):
                if fld == PURGE_MARK or (t, rid) not in out:
                    out[(t, rid)] = (fld, hlc)
    return out


def ids_present(m: Merger, table: str, ids: set[str]) -> set[str]:
    known = m.ctx.known.get(table, set())
    found = {i for i in ids if i in known}
    rest = sorted(ids - found)
    for chunk in chunks(rest):
        q = ",".join("?" * len(chunk))
        found.update(r[0] for r in m.raw.execute(f'SELECT id FROM "{table}" WHERE id IN ({q})', chunk))
    return found


def exists_events(m: Merger, items: list[_Item]) -> set[tuple[str, str]]:
    """Existing event rows that partial changes (tombstones) refer to."""
    want: dict[str, set[str]] = defaultdict(set)
    for it in items:
        if not it.full and it.info.kind == "event":
            want[it.eff[0]].add(it.eff[1])
    return {(t, r) for t, ids in want.items() for r in ids_present(m, t, ids)}


def prefetch_records(m: Merger, items: list[_Item]) -> dict[str, tuple[dict, dict]]:
    """Current rows and field clocks of the records these changes touch, plus rows holding
    the same unique key as an incoming insert."""
    want: dict[str, set[str]] = defaultdict(set)
    uniq: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for it in items:
        info = it.info
        if info.kind == "record":
            t, r = it.eff
            want[t].add(r)
            for col in info.unique:
                v = it.f.get(col)
                if isinstance(v, (str, int, float)):
                    uniq[t][col].add(v)
    out: dict[str, tuple[dict, dict]] = {}
    for t, ids in want.items():
        found_info = table_info(t)
        assert found_info is not None  # records of known tables only
        info = found_info
        for col, values in uniq.get(t, {}).items():
            for chunk in chunks(sorted(values, key=str)):
                q = ",".join("?" * len(chunk))
                ids.update(r[0] for r in m.raw.execute(f'SELECT id FROM "{t}" WHERE "{col}" IN ({q})', chunk))
        rows: dict[str, dict[str, Any]] = {}
        clocks: dict[str, dict[str, str]] = defaultdict(dict)
        cols = ", ".join(f'"{c}"' for c in info.columns)
        for chunk in chunks(sorted(ids)):
            q = ",".join("?" * len(chunk))
            for rec in m.raw.execute(f'SELECT {cols} FROM "{t}" WHERE id IN ({q})', chunk):
                rows[rec[0]] = {c: info.from_db(c, v) for c, v in zip(info.columns, rec)}
            for rid, fld, hlc in m.raw.execute(
                f"SELECT row_id, field, hlc FROM field_clock WHERE table_name = ? AND row_id IN ({q})",
                (t, *chunk),
            ):
                if not fld.startswith("@"):
                    clocks[rid][fld] = hlc
        out[t] = (rows, clocks)
    return out


# -- what can be applied now --------------------------------------------------------------
def decide(m: Merger, items: list[_Item], exists: set, doomed: dict, already: set) -> None:
    """Mark each change APPLY, HOLD (its row or a parent is missing) or DROP (row purged)."""
    want: dict[str, set[str]] = defaultdict(set)
    for it in items:
        fks = it.info.fks
        if fks:
            f = it.f
            ps = [(ptable, f[col]) for col, ptable in fks if f.get(col)]
            for ptable, v in ps:
                want[ptable].add(v)
            it.parents = ps
    in_db: set[tuple[str, str]] = set()
    for t, ids in want.items():
        found = ids_present(m, t, ids)
        in_db.update((t, r) for r in found)
        m.new_known[t].update(found)
    missing = {(t, r) for t, ids in want.items() for r in ids} - in_db
    purged_parents: set[tuple[str, str]] = set()
    if missing:
        markers = marks(m, sorted(missing))
        purged_parents = {k for k, (kind, _) in markers.items() if kind == PURGE_MARK}

    # Fast path: nothing purged around here, parents all present, row present or inserted.
    if doomed or already or purged_parents:
        doubt = items
    elif missing:
        doubt = [
            it for it in items if not (it.full or it.eff in exists) or not all(p in in_db for p in it.parents)
        ]
    else:
        doubt = [it for it in items if not (it.full or it.eff in exists)]
    if not doubt:
        return

    avail = set(exists)
    for it in items:
        if it.full:
            avail.add(it.eff)
    changed = True
    while changed:
        changed = False
        for it in doubt:
            if it.state != APPLY:
                continue
            e = it.eff
            if e in doomed or e in already or (it.c.table, it.c.row_id) in already:
                it.state = DROP
                avail.discard(e)
                changed = True
                continue
            verdict = APPLY
            for pk in it.parents:
                if pk in purged_parents or pk in doomed or pk in already:
                    verdict = "orphan"
                    break
                if pk not in in_db and pk not in avail:
                    verdict = HOLD
            if verdict == APPLY and e not in avail:
                verdict = HOLD
            if verdict == "orphan":
                # Made for a row that has been purged: this row goes too.
                doomed[e] = max(doomed.get(e, ""), it.c.hlc)
                it.state = DROP
                avail.discard(e)
                changed = True
            elif verdict == HOLD:
                it.state = HOLD
                if it.full and e not in exists:
                    avail.discard(e)
                changed = True
