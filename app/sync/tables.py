"""What sync needs to know about each synced table, read once from the models: columns, how values
are stored in SQLite, defaults for columns an older sender did not have, foreign keys (to hold back
children whose parent has not arrived, and to cascade purges) and unique keys (to merge two rows
made offline for the same thing)."""

from __future__ import annotations

import json
import operator
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import JSON, Boolean, UniqueConstraint

import app.models  # noqa: F401  (registers every synced table)
from app.models.base import SYNCED_TABLES, SyncedModel

_MISSING = object()


@dataclass
class TableInfo:
    name: str
    model: type[SyncedModel]
    kind: str  # "record" | "event"
    columns: tuple[str, ...]
    json_cols: frozenset[str]
    bool_cols: frozenset[str]
    defaults: dict[str, Any]  # column -> value, or a zero-argument callable
    fks: tuple[tuple[str, str], ...]  # (column, parent table)
    unique: tuple[str, ...]  # single columns with a unique constraint (besides id)
    children: list[tuple[str, str]] = field(default_factory=list)  # (child table, column)
    _plan: tuple = ()
    _convert: tuple = ()
    _not_null: tuple = ()
    _get: Any = None

    def __post_init__(self) -> None:
        # (column, 0 plain / 1 JSON / 2 boolean, default or _MISSING): one pass per row, no lookups
        self._plan = tuple(
            (c, 1 if c in self.json_cols else 2 if c in self.bool_cols else 0, self.defaults.get(c, _MISSING))
            for c in self.columns
        )
        self._convert = tuple((i, kind) for i, (_, kind, _) in enumerate(self._plan) if kind)
        table = self.model.__table__  # type: ignore[attr-defined]
        self._not_null = tuple(i for i, c in enumerate(self.columns) if not table.columns[c].nullable)
        self._get = operator.itemgetter(*self.columns)  # all columns of a full snapshot, at C speed

    def to_db(self, col: str, value: Any) -> Any:
        """A Python value as SQLite stores it."""
        if value is None:
            return None
        if col in self.json_cols:
            return json.dumps(value)
        if col in self.bool_cols:
            return 1 if value else 0
        return value

    def from_db(self, col: str, value: Any) -> Any:
        if value is None:
            return None
        if col in self.json_cols:
            return json.loads(value) if isinstance(value, str) else value
        if col in self.bool_cols:
            return bool(value)
        return value

    def default(self, col: str) -> Any:
        """The model's default for a column, or _MISSING when the column is required."""
        d = self.defaults.get(col, _MISSING)
        return d() if callable(d) else d

    def row_tuple(self, fields: dict[str, Any], row_id: str) -> tuple | None:
        """Values for ``INSERT (columns...)`` as SQLite stores them, id first; defaults fill
        columns the sender did not have; None if a required one is missing or null."""
        try:
            got = self._get(fields)
        except KeyError:
            got = None
        if got is not None and not self.json_cols and got[0] == row_id and None not in got:
            return got  # every column there, none null: as is (SQLite stores a bool as 0/1)
        try:
            vals = [fields[c] for c in self.columns]
        except KeyError:
            vals = []
            for col, _, dflt in self._plan:
                v = fields.get(col, _MISSING)
                if v is _MISSING:
                    if dflt is _MISSING:
                        return None
                    v = dflt() if callable(dflt) else dflt
                vals.append(v)
        if None in vals:
            for i in self._not_null:
                if vals[i] is None and i:
                    return None
        for i, kind in self._convert:
            v = vals[i]
            if v is not None:
                vals[i] = json.dumps(v) if kind == 1 else (1 if v else 0)
        vals[0] = row_id
        return tuple(vals)

    def complete(self, fields: dict[str, Any]) -> dict[str, Any] | None:
        """All known columns for an insert: the sender's values, defaults for the rest.
        None when a required column is missing (the change cannot make a row)."""
        out = {}
        for col in self.columns:
            if col in fields:
                out[col] = fields[col]
            else:
                d = self.default(col)
                if d is _MISSING:
                    return None
                out[col] = d
        return out


_INFO: dict[str, TableInfo] = {}


def _defaults(model: type[SyncedModel]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, f in model.model_fields.items():
        if f.default_factory is not None:
            out[name] = f.default_factory
        elif f.default is not PydanticUndefined:
            out[name] = f.default
    return out


def _build() -> None:
    for name, model in SYNCED_TABLES.items():
        table = model.__table__  # type: ignore[attr-defined]
        cols = tuple(table.columns.keys())
        unique = tuple(c.name for c in table.columns if c.unique and not c.primary_key) + tuple(
            next(iter(con.columns)).name
            for con in table.constraints
            if isinstance(con, UniqueConstraint) and len(con.columns) == 1
        )
        _INFO[name] = TableInfo(
            name=name,
            model=model,
            kind=model.sync_kind,
            columns=cols,
            json_cols=frozenset(c.name for c in table.columns if isinstance(c.type, JSON)),
            bool_cols=frozenset(c.name for c in table.columns if isinstance(c.type, Boolean)),
            defaults=_defaults(model),
            fks=tuple((fk.parent.name, fk.column.table.name) for fk in table.foreign_keys),
            unique=unique,
        )
    for info in _INFO.values():
        for col, parent in info.fks:
            if parent in _INFO:
                _INFO[parent].children.append((info.name, col))


def table_info(name: str) -> TableInfo | None:
    if not _INFO:
        _build()
    return _INFO.get(name)


def all_tables() -> dict[str, TableInfo]:
    if not _INFO:
        _build()
    return _INFO
