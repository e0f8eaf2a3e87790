"""Merge: turn changes from other replicas into rows, inside the caller's transaction.

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

import json
import logging
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from app.sync.changes import BadChange, ChangeRec
from app.sync.hlc import replica_of
from app.sync.purge import ALIAS_MARK, PURGE_MARK, descendants, scrub_purged
from app.sync.tables import TableInfo, table_info

log = logging.getLogger(__name__)

CHUNK = 400  # ids per IN (...) query, below SQLite's variable limit
# Bookkeeping columns still merge by last writer wins, but a losing value is not worth archiving.
NOT_ARCHIVED = frozenset({"updated_at"})
KNOWN_CAP = 300_000  # parent ids remembered per sync before the cache starts afresh


def _chunks(items: list, n: int = CHUNK):
    for i in range(0, len(items), n):
        yield items[i : i + n]


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

    def removed(self, merger: Merger) -> None:
        """Forget rows a merger purged, and note its markers, at once (before its transaction
        commits): being wrong this way only costs a query, never a wrong shortcut."""
        for t, rid in merger.gone:
            self.known[t].discard(rid)
        if self._marked is not None:
            self._marked |= merger.new_marked

    def commit(self, merger: Merger) -> None:
        """Take what a merger learnt, once its transaction has committed."""
        if sum(len(v) for v in self.known.values()) > KNOWN_CAP:
            self.known.clear()
        for t, ids in merger.new_known.items():
            self.known[t].update(ids)
        for t, rid in merger.gone:
            self.known[t].discard(rid)
        if self._marked is not None:
            self._marked |= merger.new_marked
        for t, ids in merger.affected.items():
            self.affected[t].update(ids)


@dataclass
class Outcome:
    held: list[ChangeRec] = field(default_factory=list)
    applied: int = 0
    dropped: int = 0  # for purged rows
    ignored: int = 0  # unknown table, malformed, or unusable
    conflicts: int = 0
    invalid: list[ChangeRec] = field(default_factory=list)  # cannot make a row: set aside


class Merger:
    def __init__(self, raw: sqlite3.Connection, ctx: MergeContext, now: float | None = None) -> None:
        self.raw = raw
        self.ctx = ctx
        self.now = now if now is not None else time.time()
        self.out = Outcome()
        self.new_known: dict[str, set[str]] = defaultdict(set)
        self.gone: set[tuple[str, str]] = set()
        self.new_marked: set[str] = set()
        self.affected: dict[str, set[str]] = defaultdict(set)
        self._conflicts: list[tuple] = []

    # -- entry point ------------------------------------------------------------------------
    def run(self, changes: list[ChangeRec]) -> Outcome:
        items: list[_Item] = []
        purges: list[ChangeRec] = []
        marked = self.ctx.marked_tables(self.raw) | self.new_marked
        fast = not any(c.op == "purge" for c in changes)
        fast_rows: dict[str, list[tuple]] = defaultdict(list)
        known = self.ctx.known
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
            if fast and info.kind == "event" and c.op == "upsert" and c.table not in marked:
                # The bulk of any backlog: a new event whose parents are known to be here.
                f = c._fields  # parsed when stored; if not, the careful path below parses it
                if f is not None and "id" in f and not f.get("deleted"):
                    ok = True
                    for col, ptable in info.fks:
                        v = f.get(col)
                        if v and v not in known[ptable] and v not in self.new_known[ptable]:
                            ok = False
                            break
                    if ok:
                        row = info.row_tuple(f, c.row_id)
                        if row is not None:
                            fast_rows[c.table].append(row)
                            continue
            if c.op not in ("upsert", "delete"):
                self.out.ignored += 1
                continue
            try:
                f = c.fields
            except (BadChange, ValueError):
                self.out.ignored += 1
                continue
            if c.op == "delete":
                f.setdefault("deleted", True)
            items.append(_Item(c, info, f))

        for t, rows in fast_rows.items():
            self._insert_events(t, rows)
            self.out.applied += len(rows)
        marks = (
            self._marks(
                [(it.c.table, it.c.row_id) for it in items if it.c.table in marked]
                + [(c.table, c.row_id) for c in purges if c.table in marked]
            )
            if marked
            else {}
        )
        if marks:
            for it in items:
                m = marks.get((it.c.table, it.c.row_id))
                if m and m[0] == ALIAS_MARK:
                    it.eff = (it.c.table, m[1])
        doomed: dict[tuple[str, str], str] = {}  # rows to purge now -> hlc
        for c in purges:
            key = (c.table, c.row_id)
            doomed[key] = max(doomed.get(key, ""), c.hlc)
        already = {k for k, (kind, _) in marks.items() if kind == PURGE_MARK}

        records = self._prefetch_records(items)
        exists = self._exists_events(items)
        for t, (rows, _) in records.items():
            exists.update((t, r) for r in rows)
        self._hold(items, exists, doomed, already)

        self._purge(doomed)
        live = [it for it in items if it.state == APPLY]
        dropped = [it for it in items if it.state == DROP]
        self.out.held = [it.c for it in items if it.state == HOLD]
        self.out.dropped += len(dropped) + len(purges)
        self._rescrub(dropped, doomed)
        self._apply_events([it for it in live if it.info.kind == "event"])
        by_table: dict[str, list[_Item]] = defaultdict(list)
        for it in live:
            if it.info.kind == "record":
                by_table[it.info.name].append(it)
        for t, its in by_table.items():
            self._apply_records(table_info(t), its, records.get(t, ({}, {})))
        if self._conflicts:
            self.raw.executemany(
                "INSERT INTO conflict_record (table_name, row_id, field, value, hlc, replica_id, "
                "winner_hlc, at, restored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                self._conflicts,
            )
            self.out.conflicts += len(self._conflicts)
        return self.out

    # -- lookups ----------------------------------------------------------------------------
    def _marks(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
        marked = self.ctx.marked_tables(self.raw) | self.new_marked
        by_table: dict[str, set[str]] = defaultdict(set)
        for t, r in keys:
            if t in marked:
                by_table[t].add(r)
        out: dict[tuple[str, str], tuple[str, str]] = {}
        for t, ids in by_table.items():
            for chunk in _chunks(sorted(ids)):
                q = ",".join("?" * len(chunk))
                for rid, fld, hlc in self.raw.execute(
                    f"SELECT row_id, field, hlc FROM field_clock WHERE table_name = ? "
                    f"AND field IN (?, ?) AND row_id IN ({q})",
                    (t, PURGE_MARK, ALIAS_MARK, *chunk),
                ):
                    if fld == PURGE_MARK or (t, rid) not in out:
                        out[(t, rid)] = (fld, hlc)
        return out

    def _ids_present(self, table: str, ids: set[str]) -> set[str]:
        known = self.ctx.known.get(table, set())
        found = {i for i in ids if i in known}
        rest = sorted(ids - found)
        for chunk in _chunks(rest):
            q = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.raw.execute(f'SELECT id FROM "{table}" WHERE id IN ({q})', chunk))
        return found

    def _exists_events(self, items: list[_Item]) -> set[tuple[str, str]]:
        """Existing event rows that partial changes (tombstones) refer to."""
        want: dict[str, set[str]] = defaultdict(set)
        for it in items:
            if not it.full and it.info.kind == "event":
                want[it.eff[0]].add(it.eff[1])
        return {(t, r) for t, ids in want.items() for r in self._ids_present(t, ids)}

    def _prefetch_records(self, items: list[_Item]) -> dict[str, tuple[dict, dict]]:
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
            info = table_info(t)
            for col, values in uniq.get(t, {}).items():
                for chunk in _chunks(sorted(values, key=str)):
                    q = ",".join("?" * len(chunk))
                    ids.update(
                        r[0] for r in self.raw.execute(f'SELECT id FROM "{t}" WHERE "{col}" IN ({q})', chunk)
                    )
            rows: dict[str, dict[str, Any]] = {}
            clocks: dict[str, dict[str, str]] = defaultdict(dict)
            cols = ", ".join(f'"{c}"' for c in info.columns)
            for chunk in _chunks(sorted(ids)):
                q = ",".join("?" * len(chunk))
                for rec in self.raw.execute(f'SELECT {cols} FROM "{t}" WHERE id IN ({q})', chunk):
                    rows[rec[0]] = {c: info.from_db(c, v) for c, v in zip(info.columns, rec)}
                for rid, fld, hlc in self.raw.execute(
                    f"SELECT row_id, field, hlc FROM field_clock WHERE table_name = ? AND row_id IN ({q})",
                    (t, *chunk),
                ):
                    if not fld.startswith("@"):
                        clocks[rid][fld] = hlc
            out[t] = (rows, clocks)
        return out

    # -- what can be applied now --------------------------------------------------------------
    def _hold(self, items: list[_Item], exists: set, doomed: dict, already: set) -> None:
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
            found = self._ids_present(t, ids)
            in_db.update((t, r) for r in found)
            self.new_known[t].update(found)
        missing = {(t, r) for t, ids in want.items() for r in ids} - in_db
        purged_parents: set[tuple[str, str]] = set()
        if missing:
            marks = self._marks(sorted(missing))
            purged_parents = {k for k, (kind, _) in marks.items() if kind == PURGE_MARK}

        # Fast path: nothing purged around here, parents all present, row present or inserted.
        if doomed or already or purged_parents:
            doubt = items
        elif missing:
            doubt = [
                it
                for it in items
                if not (it.full or it.eff in exists) or not all(p in in_db for p in it.parents)
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

    # -- purge ------------------------------------------------------------------------------
    def _purge(self, doomed: dict[tuple[str, str], str]) -> None:
        if not doomed:
            return
        scrub: list[tuple[str, str, str]] = []
        for (t, r), hlc in doomed.items():
            for dt, dr in [*descendants(self.raw, t, r), (t, r)]:
                self.raw.execute(f'DELETE FROM "{dt}" WHERE id = ?', (dr,))
                scrub.append((dt, dr, hlc))
                self.gone.add((dt, dr))
                self.affected[dt].add(dr)
                self.new_marked.add(dt)
        scrub_purged(self.raw, scrub)

    def _rescrub(self, dropped: list[_Item], doomed: dict) -> None:
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
    def _apply_events(self, items: list[_Item]) -> None:
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
            self.affected[t].add(r)

    def _insert_events(self, t: str, rows: list[tuple]) -> None:
        info = table_info(t)
        cols = ", ".join(f'"{c}"' for c in info.columns)
        marks = ", ".join("?" * len(info.columns))
        self.raw.executemany(f'INSERT OR IGNORE INTO "{t}" ({cols}) VALUES ({marks})', rows)
        ids = {row[0] for row in rows}
        self.affected[t].update(ids)
        if info.children:
            self.new_known[t].update(ids)

    # -- records ----------------------------------------------------------------------------
    def _apply_records(self, info: TableInfo, items, prefetched: tuple[dict, dict]) -> None:
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
                    self._merge_fields(info, other, rows[other], clocks[other], f, c.hlc, dirty, colset)
                    self.out.applied += 1
                    continue
                full = info.complete(f)
                if full is None:
                    self.out.invalid.append(c)
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
                            self._merge_fields(
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
                self._merge_fields(info, rid, row, clocks[rid], f, c.hlc, dirty, colset)
            self.out.applied += 1
            self.affected[t].add(rid)

        raw = self.raw
        for rid in removed:
            raw.execute(f'DELETE FROM "{t}" WHERE id = ?', (rid,))
            raw.execute(
                "DELETE FROM field_clock WHERE table_name = ? AND row_id = ? AND field NOT LIKE '@%'",
                (t, rid),
            )
            self.gone.add((t, rid))
        if inserted:
            cols = ", ".join(f'"{c}"' for c in info.columns)
            q = ", ".join("?" * len(info.columns))
            raw.executemany(
                f'INSERT INTO "{t}" ({cols}) VALUES ({q})',
                [tuple(info.to_db(col, rows[rid][col]) for col in info.columns) for rid in inserted],
            )
            self.new_known[t].update(inserted)
        for rid, fields in dirty.items():
            if rid in inserted or rid not in rows:
                continue
            names = sorted(fields)
            sets = ", ".join(f'"{n}" = ?' for n in names)
            raw.execute(
                f'UPDATE "{t}" SET {sets} WHERE id = ?',
                (*(info.to_db(n, rows[rid][n]) for n in names), rid),
            )
        clock_rows = []
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
            self.new_marked.add(t)

    def _merge_fields(self, info, rid, row, rclocks, fields, hlc, dirty, colset) -> None:
        """Per-field last writer wins against what this replica holds now."""
        src = replica_of(hlc)
        for k, v in fields.items():
            if k == "id" or k not in colset:
                continue
            lc = rclocks.get(k, "")
            if hlc > lc:
                old = row.get(k)
                if old != v and replica_of(lc) != src and k not in NOT_ARCHIVED:
                    self._archive(info.name, rid, k, old, lc, hlc)
                row[k] = v
                rclocks[k] = hlc
                dirty[rid].add(k)
            elif hlc < lc and row.get(k) != v and replica_of(lc) != src and k not in NOT_ARCHIVED:
                self._archive(info.name, rid, k, v, hlc, lc)

    def _archive(self, table: str, rid: str, fld: str, value: Any, hlc: str, winner: str) -> None:
        self._conflicts.append((table, rid, fld, json.dumps(value), hlc, replica_of(hlc), winner, self.now))


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


def _ukey(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, (list, dict)) else value
