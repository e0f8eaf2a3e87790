"""Received changes into the change log: which are new here, storing them (a new event's insert
stored trimmed: the row it makes carries the same values), putting a payload back when a change
stored trimmed is not applied after all, and saying which changes cannot be applied at all
(``problems``: values of the wrong type for their column, a bad stamp, an unreadable line).
Inside ``apply``'s transaction."""

from __future__ import annotations

import logging
import operator
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Float, Integer

from app.store import capture
from app.store.hlc import STAMP_RE
from app.sync import vector
from app.sync.changes import TRIMMED, BadChange, ChangeRec
from app.sync.tables import TableInfo, table_info

if TYPE_CHECKING:
    from app.sync.apply import ApplyResult

log = logging.getLogger(__name__)


def new_changes(raw, me: str, changes: list[ChangeRec], res: ApplyResult) -> list[ChangeRec]:
    """The changes not held here yet (by origin and sequence number)."""
    origins = {c.replica_id for c in changes}
    by_origin: dict[str, list[ChangeRec]]
    if len(origins) == 1:  # a batch file: one origin
        by_origin = {changes[0].replica_id: changes}
    else:
        by_origin = defaultdict(list)
        for c in changes:
            by_origin[c.replica_id].append(c)
    new: list[ChangeRec] = []
    for origin, cs in by_origin.items():
        if origin == me:
            res.duplicates += len(cs)  # our own changes coming back
            continue
        floor = vector.stored(raw, origin)
        cand = [c for c in cs if c.seq > floor]
        res.duplicates += len(cs) - len(cand)
        if not cand:
            continue
        seqs = [c.seq for c in cand]
        lo, hi = min(seqs), max(seqs)
        have = {
            r[0]
            for r in raw.execute(
                "SELECT seq FROM change WHERE replica_id = ? AND seq BETWEEN ? AND ?", (origin, lo, hi)
            )
        }
        if not have and len(set(seqs)) == len(seqs):
            new.extend(cand)  # the usual case: all new, no repeats
            continue
        for c in cand:
            if c.seq in have:
                res.duplicates += 1
            else:
                have.add(c.seq)
                new.append(c)
    return new


def store(raw, new: list[ChangeRec], res: ApplyResult) -> set[tuple[str, int]]:
    """Into the change log. A new event's insert is stored trimmed (``changes.TRIMMED``): the row
    it makes carries the same values, and it is rebuilt from the row when it is sent on, so the
    bulk of a backlog is not written twice. Returns the keys stored trimmed (``untrim`` puts the
    payload back for any of them that is not applied after all)."""
    ours = capture.SCHEMA_VERSION
    trimmed: set[tuple[str, int]] = set()
    rows = []
    infos: dict[str, TableInfo | None] = {}
    for c in new:
        ftext = c.fields_text
        if c.schema_version <= ours and not c.problem:
            try:
                f = c.fields
            except (BadChange, ValueError):
                log.warning("change %s/%s has unreadable fields; stored without them", c.replica_id, c.seq)
                c.fields_text, c._fields = "{}", {}
                ftext = "{}"
            else:
                if c.op == "upsert" and c.schema_version == ours and "id" in f and not f.get("deleted"):
                    t = c.table
                    info = infos[t] if t in infos else infos.setdefault(t, table_info(t))
                    if info is not None and info.kind == "event":
                        ftext = TRIMMED
                        trimmed.add((c.replica_id, c.seq))
        rows.append(
            (c.replica_id, c.seq, c.hlc, c.table, c.row_id, c.op, ftext, c.partition, c.schema_version)
        )
    raw.executemany(
        "INSERT INTO change (replica_id, seq, hlc, table_name, row_id, op, fields, partition, "
        "schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    # A stamp that is not one never moves the clock (it would sort after every real one): such a
    # change carries a ``problem`` (``problems`` runs first), so set-aside changes are left out.
    top = max((c.hlc for c in new if not c.problem), default="")
    stamp = capture.newest_stamp_params(top) if top else None
    if stamp is not None:
        raw.execute(capture.NEWEST_STAMP_SQL, stamp)
    res.max_hlc = max(res.max_hlc, top)
    res.received += len(new)
    return trimmed


def untrim(raw, changes: list[ChangeRec], trimmed: set[tuple[str, int]]) -> None:
    """Changes stored trimmed that were not applied (held, set aside): keep their payload."""
    back = [(c.fields_text, c.replica_id, c.seq) for c in changes if (c.replica_id, c.seq) in trimmed]
    if back:
        raw.executemany("UPDATE change SET fields = ? WHERE replica_id = ? AND seq = ?", back)


def unreadable(raw, changes: list[ChangeRec]) -> None:
    """Changes whose fields are not a JSON object are kept without them (forwarded as such)."""
    raw.executemany(
        "UPDATE change SET fields = '{}' WHERE replica_id = ? AND seq = ?", [c.key for c in changes]
    )


def problems(new: list[ChangeRec]) -> list[tuple[ChangeRec, str]]:
    """The changes that cannot be applied, with why (also noted in their ``problem``): a line
    that was not a well-formed change, a stamp that is not one, an update whose fields are not a
    JSON object, or a value whose type its column cannot hold (SQLite would store "abc" in a
    number column, and a list or an object not at all). One cheap pass, before ``store`` and the
    merge. A delete whose fields cannot be read is still a delete: the merge applies it without
    them, as it always has. Changes for a newer Tessera are not checked here (their columns are
    not all known to us)."""
    ours = capture.SCHEMA_VERSION
    out: list[tuple[ChangeRec, str]] = []
    checks: dict[str, _Check | None] = {}
    stamp = STAMP_RE.fullmatch
    for c in new:
        if c.problem:
            out.append((c, c.problem))
            continue
        if type(c.hlc) is not str or stamp(c.hlc) is None:
            out.append((c, f"its time stamp {c.hlc[:40]!r} is not valid"))
            continue
        if c.schema_version > ours:
            continue
        t = c.table
        check = checks[t] if t in checks else checks.setdefault(t, _check_for(t))
        if check is None:
            continue  # not a table of ours: the merge ignores it
        if not c.row_id:
            out.append((c, "it names no row"))
            continue
        try:
            why = check.why(c.fields)
        except (BadChange, ValueError):
            why = "its fields are not readable (not a JSON object)" if c.op == "upsert" else ""
        if why:
            out.append((c, why))
    for c, why in out:
        c.problem = why
    return out


class _Check:
    """The Python types each column of a table accepts, as decoded from JSON."""

    def __init__(self, info: TableInfo) -> None:
        table = info.model.__table__  # type: ignore[attr-defined]
        self.table = info.name
        self.types: dict[str, tuple[type, ...]] = {}
        for col in table.columns:
            if col.name == "id" or col.name in info.json_cols:
                continue  # the id is the change's row id; JSON columns hold any JSON value
            if col.name in info.bool_cols or isinstance(col.type, Boolean):
                kinds: tuple[type, ...] = (bool, int)
            elif isinstance(col.type, Integer):
                kinds = (int,)
            elif isinstance(col.type, Float):
                kinds = (int, float)
            elif isinstance(col.type, JSON):
                continue
            else:
                kinds = (str,)
            self.types[col.name] = kinds + ((type(None),) if col.nullable else ())
        # Every synced table has several such columns (created_at, updated_at, deleted, partition),
        # so the getter returns a tuple.
        self._all = operator.itemgetter(*self.types)
        self._kinds = tuple(self.types.values())

    def why(self, fields: dict[str, Any]) -> str:
        try:  # the usual case, a full snapshot that is fine: checked at C speed
            if all(map(isinstance, self._all(fields), self._kinds)):
                return ""
        except KeyError:
            pass
        types = self.types
        for k, v in fields.items():
            kinds = types.get(k)
            if kinds is not None and not isinstance(v, kinds):
                if v is None:
                    return f"{self.table}.{k} is empty but must have a value"
                return f"{self.table}.{k} holds {_kind(v)}, which that column cannot hold"
        return ""


def _check_for(table: str) -> _Check | None:
    info = table_info(table)
    if info is None:
        return None
    check = _CHECKS.get(table)
    if check is None:
        check = _CHECKS[table] = _Check(info)
    return check


_CHECKS: dict[str, _Check] = {}


def _kind(v: Any) -> str:
    return _KINDS.get(type(v), type(v).__name__)


_KINDS = {
    str: "text",
    bool: "true/false",
    int: "a number",
    float: "a number",
    list: "a list",
    dict: "an object",
}
