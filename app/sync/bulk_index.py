"""While a snapshot goes into a fresh database, the secondary indexes of the big tables (the
change log and the event tables: a class-year is mostly attempts) are dropped, and made again
once at its end: a sorted build is much cheaper than keeping each index in order through a
million random inserts (``benchmarks/server_bootstrap.py``).

Only plain (not unique) indexes the models declare are dropped: a unique index is a rule the
merge relies on, and what the models declare is what ``restore`` can make again from them, even
when nothing else remembers what was dropped. Nothing reads by these indexes while a snapshot is
applied (rows are found by their id, changes by origin and sequence), so the result is the same,
only the time differs.

Safe after a crash: dropping is part of the snapshot's first transaction, so a crash leaves either
the indexes or the rows applied with them gone; ``restore`` makes missing ones again, and the
snapshot calls it when it ends (done, cancelled or failed) and every later sync checks it
(``missing``, one cheap read) before anything else.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex
from sqlmodel import SQLModel

from app.store.raw import raw_connection
from app.sync.tables import all_tables


@cache
def _declared() -> dict[str, str]:
    """The droppable indexes, name -> the statement that makes it (if not there)."""
    tables = ["change", *sorted(t for t, info in all_tables().items() if info.kind == "event")]
    out: dict[str, str] = {}
    dialect = sqlite.dialect()
    for t in tables:
        table = SQLModel.metadata.tables.get(t)
        if table is None:
            continue
        for ix in sorted(table.indexes, key=lambda i: str(i.name)):
            if not ix.unique and ix.name:
                out[str(ix.name)] = str(CreateIndex(ix, if_not_exists=True).compile(dialect=dialect))
    return out


def _present(raw) -> set[str]:  # noqa: ANN001
    return {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def drop(raw) -> list[str]:  # noqa: ANN001
    """Drop the droppable indexes present, inside the caller's transaction. Returns their names."""
    gone = sorted(set(_declared()) & _present(raw))
    for name in gone:
        raw.execute(f'DROP INDEX "{name}"')
    return gone


def missing(db) -> list[str]:  # noqa: ANN001
    """The droppable indexes not in ``db`` (after a crash mid-snapshot)."""
    with db.read() as s:
        have = _present(raw_connection(s))
    return sorted(set(_declared()) - have)


def restore(db) -> list[str]:  # noqa: ANN001
    """Make the dropped indexes again, in one transaction. Returns the names made."""
    todo = missing(db)
    if not todo:
        return []
    made = _declared()
    with db.write(remote=True) as s:
        raw = raw_connection(s)
        for name in todo:
            raw.execute(made[name])
    return todo
