"""Validation: which received changes cannot be applied at all, and why (``problems``): a line that
was not a well-formed change, a stamp that is not one, fields that are not a JSON object, a value
whose type its column cannot hold. Such a change is set aside by ``apply``; the rest go on to the
merge. One cheap pass, before ``intake.store`` and the merge."""

from __future__ import annotations

import operator
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer

from app.i18n import _
from app.store import capture
from app.store.hlc import STAMP_RE
from app.sync.changes import BadChange, ChangeRec
from app.sync.tables import TableInfo, table_info


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
            out.append((c, _("its time stamp {v!r} is not valid", v=c.hlc[:40])))
            continue
        if c.schema_version > ours:
            continue
        t = c.table
        check = checks[t] if t in checks else checks.setdefault(t, _check_for(t))
        if check is None:
            continue  # not a table of ours: the merge ignores it
        if not c.row_id:
            out.append((c, _("it names no row")))
            continue
        try:
            why = check.why(c.fields)
        except (BadChange, ValueError):
            why = _("its fields are not readable (not a JSON object)") if c.op == "upsert" else ""
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
                    return _("{table}.{k} is empty but must have a value", table=self.table, k=k)
                return _(
                    "{table}.{k} holds {kind}, which that column cannot hold",
                    table=self.table,
                    k=k,
                    kind=_kind(v),
                )
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
    int: _("a number"),
    float: _("a number"),
    list: _("a list"),
    dict: _("an object"),
}
