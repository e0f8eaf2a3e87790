"""Merge, lookups: what the merge needs to know about the rows a batch touches, and which changes
can be applied now, which must wait for a row or parent (held) and which are for purged rows
(dropped). Functions of a ``MergeState``, inside its transaction."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from app.store.scrub import ALIAS_MARK, PURGE_MARK
from app.sync.merge.state import APPLY, DROP, HOLD, Item, MergeState
from app.sync.tables import table_info

CHUNK = 400  # ids per IN (...) query, below SQLite's variable limit


def chunks(items: list, n: int = CHUNK):
    for i in range(0, len(items), n):
        yield items[i : i + n]


# -- lookups ----------------------------------------------------------------------------
def marks(st: MergeState, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    marked = st.marked()
    by_table: dict[str, set[str]] = defaultdict(set)
    for t, r in keys:
        if t in marked:
            by_table[t].add(r)
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for t, ids in by_table.items():
        for chunk in chunks(sorted(ids)):
            q = ",".join("?" * len(chunk))
            for rid, fld, hlc in st.raw.execute(
                f"SELECT row_id, field, hlc FROM field_clock WHERE table_name = ? "
                f"AND field IN (?, ?) AND row_id IN ({q})",
                (t, PURGE_MARK, ALIAS_MARK, *chunk),
            ):
                if fld == PURGE_MARK or (t, rid) not in out:
                    out[(t, rid)] = (fld, hlc)
    return out


def ids_present(st: MergeState, table: str, ids: set[str]) -> set[str]:
    known = st.ctx.known.get(table, set())
    found = {i for i in ids if i in known}
    rest = sorted(ids - found)
    for chunk in chunks(rest):
        q = ",".join("?" * len(chunk))
        found.update(r[0] for r in st.raw.execute(f'SELECT id FROM "{table}" WHERE id IN ({q})', chunk))
    return found


def exists_events(st: MergeState, items: list[Item]) -> set[tuple[str, str]]:
    """Existing event rows that partial changes (tombstones) refer to."""
    want: dict[str, set[str]] = defaultdict(set)
    for it in items:
        if not it.full and it.info.kind == "event":
            want[it.eff[0]].add(it.eff[1])
    return {(t, r) for t, ids in want.items() for r in ids_present(st, t, ids)}


def prefetch_records(st: MergeState, items: list[Item]) -> dict[str, tuple[dict, dict]]:
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
                ids.update(
                    r[0] for r in st.raw.execute(f'SELECT id FROM "{t}" WHERE "{col}" IN ({q})', chunk)
                )
        rows: dict[str, dict[str, Any]] = {}
        clocks: dict[str, dict[str, str]] = defaultdict(dict)
        cols = ", ".join(f'"{c}"' for c in info.columns)
        for chunk in chunks(sorted(ids)):
            q = ",".join("?" * len(chunk))
            for rec in st.raw.execute(f'SELECT {cols} FROM "{t}" WHERE id IN ({q})', chunk):
                rows[rec[0]] = {c: info.from_db(c, v) for c, v in zip(info.columns, rec)}
            for rid, fld, hlc in st.raw.execute(
                f"SELECT row_id, field, hlc FROM field_clock WHERE table_name = ? AND row_id IN ({q})",
                (t, *chunk),
            ):
                if not fld.startswith("@"):
                    clocks[rid][fld] = hlc
        out[t] = (rows, clocks)
    return out


# -- what can be applied now --------------------------------------------------------------
_ORPHAN = "orphan"  # a verdict of ``_verdict`` only: a parent is purged, so this row goes too


def decide(st: MergeState, items: list[Item], exists: set, doomed: dict, already: set) -> None:
    """Mark each change APPLY, HOLD (its row or a parent is missing) or DROP (row purged). Rows
    found purged on the way (a change made for a row whose parent is purged) join ``doomed``."""
    want = _parents(items)
    in_db = _parents_here(st, want)
    missing = {(t, r) for t, ids in want.items() for r in ids} - in_db
    purged_parents: set[tuple[str, str]] = set()
    if missing:
        markers = marks(st, sorted(missing))
        purged_parents = {k for k, (kind, _) in markers.items() if kind == PURGE_MARK}

    doubt = _in_doubt(items, exists, in_db, bool(missing), bool(doomed or already or purged_parents))
    if doubt:
        _settle(doubt, items, exists, in_db, doomed, already, purged_parents)


def _in_doubt(items: list[Item], exists: set, in_db: set, missing: bool, purges: bool) -> list[Item]:
    """The changes that may have to wait or go. Fast path: nothing purged around here, parents
    all present, row present or inserted by this batch."""
    if purges:
        return items
    if missing:
        return [
            it for it in items if not (it.full or it.eff in exists) or not all(p in in_db for p in it.parents)
        ]
    return [it for it in items if not (it.full or it.eff in exists)]


def _parents_here(st: MergeState, want: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Which of these parent rows are here (remembered for the rest of the sync)."""
    in_db: set[tuple[str, str]] = set()
    for t, ids in want.items():
        found = ids_present(st, t, ids)
        in_db.update((t, r) for r in found)
        st.new_known[t].update(found)
    return in_db


def _parents(items: list[Item]) -> dict[str, set[str]]:
    """Note each change's parent rows (``Item.parents``); returns them by table."""
    want: dict[str, set[str]] = defaultdict(set)
    for it in items:
        fks = it.info.fks
        if fks:
            f = it.f
            ps = [(ptable, f[col]) for col, ptable in fks if f.get(col)]
            for ptable, v in ps:
                want[ptable].add(v)
            it.parents = ps
    return want


def _settle(
    doubt: list[Item], items: list[Item], exists: set, in_db: set, doomed: dict, already: set, purged: set
) -> None:
    """Hold or drop the changes in doubt until nothing moves: holding an insert can leave its
    children without a parent, and dropping a row drops the rows made for it. ``already``: rows
    purged before this merge; ``purged``: parents found purged."""
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
            verdict = _verdict(it, in_db, avail, doomed, already, purged)
            if verdict == _ORPHAN:
                # Made for a row that has been purged: this row goes too.
                doomed[e] = max(doomed.get(e, ""), it.c.hlc)
                verdict = DROP
            if verdict == DROP:
                it.state = DROP
                avail.discard(e)
                changed = True
            elif verdict == HOLD:
                it.state = HOLD
                if it.full and e not in exists:
                    avail.discard(e)
                changed = True


def _verdict(it: Item, in_db: set, avail: set, doomed: dict, already: set, purged: set) -> str:
    """APPLY, HOLD, DROP (its row is purged) or _ORPHAN (a parent is purged)."""
    e = it.eff
    if e in doomed or e in already or (it.c.table, it.c.row_id) in already:
        return DROP
    verdict = APPLY
    for pk in it.parents:
        if pk in purged or pk in doomed or pk in already:
            return _ORPHAN
        if pk not in in_db and pk not in avail:
            verdict = HOLD
    if verdict == APPLY and e not in avail:
        verdict = HOLD
    return verdict
