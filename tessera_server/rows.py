"""The school's current rows, kept by the desktop's merge rules (``app.sync.merge.rules``) as
segments arrive: per-field last writer wins for records, a grow-only set for events, purges final.
What the table metadata (``app.sync.tables``) says of a table decides its kind, so a synced table
added later is kept without a change here. The payload stays in the segments; these rows are what
a new device's snapshot and an admin's questions read."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.sync.changes import ChangeRec
from app.sync.merge import rules
from app.sync.tables import table_info
from tessera_server.db import is_pg
from tessera_server.schema import row

PURGED = "@purge"
CHUNK = 500


def class_of(partition: str) -> str:
    parts = partition.split("/")
    return parts[1] if len(parts) > 1 else ""


def materialize(conn: Connection, school_id: str, changes: list[ChangeRec]) -> int:
    """Merge the changes (already checked by the gate) into the current rows; returns how many
    rows were written. New events (the bulk of any backlog) go in as they are, insert-if-absent;
    records, tombstones and purges are merged against the rows here."""
    fresh: list[tuple] = []  # in the row table's column order (``bulk.insert_ignore``)
    todo: list[ChangeRec] = []
    kinds: dict[str, str | None] = {}
    for c in changes:
        kind = kinds.get(c.table, "?")
        if kind == "?":
            info = table_info(c.table)
            kind = kinds[c.table] = None if info is None else info.kind
        if kind is None:
            continue
        if kind == "event" and c.op == "upsert":
            try:
                f = c.fields
            except ValueError:
                continue
            if "id" in f and not f.get("deleted"):
                fresh.append(
                    (school_id, c.table, c.row_id, c.partition, c.fields_text, '{"*":"%s"}' % c.hlc, False)
                )
                continue
        todo.append(c)
    if fresh:
        insert_new(conn, fresh)
    if not todo:
        return len(fresh)
    here: dict[tuple[str, str], dict] = {}
    by_table: dict[str, set[str]] = defaultdict(set)
    for c in todo:
        by_table[c.table].add(c.row_id)
    for t, ids in by_table.items():
        ordered = sorted(ids)
        for i in range(0, len(ordered), CHUNK):
            chunk = ordered[i : i + CHUNK]
            for r in conn.execute(select(row).where(row.c.school_id == school_id, row.c.table_name == t,
                                                    row.c.row_id.in_(chunk))):  # fmt: skip
                here[(r.table_name, r.row_id)] = {"part": r.part, "fields": json.loads(r.fields),
                                                  "clocks": json.loads(r.clocks)}  # fmt: skip
    dirty: dict[tuple[str, str], dict] = {}
    for c in todo:
        key = (c.table, c.row_id)
        cur = dirty.get(key) or here.get(key)
        if cur is not None and PURGED in cur["clocks"]:
            continue  # purged for good
        if c.op == "purge":
            dirty[key] = {"part": c.partition, "fields": {}, "clocks": {PURGED: c.hlc}}
            continue
        try:
            f = c.fields
        except ValueError:
            continue
        info = table_info(c.table)
        assert info is not None
        if info.kind == "event":
            merged = rules.merge_event(cur["fields"] if cur else None, f)
            if merged is None:
                continue
            dirty[key] = {"part": c.partition, "fields": merged, "clocks": {"*": c.hlc}}
        else:
            fields = dict(cur["fields"]) if cur else {}
            clocks = dict(cur["clocks"]) if cur else {}
            rules.merge_record(fields, clocks, f, c.hlc, frozenset(info.columns))
            part = cur["part"] if cur else c.partition
            dirty[key] = {"part": part, "fields": fields, "clocks": clocks}
    values = [
        {"school_id": school_id, "table_name": t, "row_id": r, "part": d["part"],
         "fields": json.dumps(d["fields"], sort_keys=True), "clocks": json.dumps(d["clocks"], sort_keys=True),
         "deleted": bool(d["fields"].get("deleted")) or PURGED in d["clocks"]}
        for (t, r), d in dirty.items()
    ]  # fmt: skip
    if values:
        upsert(conn, values)
    return len(fresh) + len(values)


def _insert(conn: Connection):  # noqa: ANN202
    if is_pg(conn):
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    return insert


def insert_new(conn: Connection, values: list[tuple]) -> None:
    """New event rows: a grow-only set, so a row already here (the same event again) stays."""
    from tessera_server.bulk import insert_ignore

    insert_ignore(conn, row, values)


def upsert(conn: Connection, values: list[dict]) -> None:
    if is_pg(conn):
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    stmt = insert(row)
    stmt = stmt.on_conflict_do_update(
        index_elements=["school_id", "table_name", "row_id"],
        set_={
            "part": stmt.excluded.part,
            "fields": stmt.excluded.fields,
            "clocks": stmt.excluded.clocks,
            "deleted": stmt.excluded.deleted,
        },  # fmt: skip
    )
    conn.execute(stmt, values)


def rows_of(conn: Connection, school_id: str, parts: list[str] | None = None) -> dict[tuple[str, str], dict]:
    q = select(row).where(row.c.school_id == school_id)
    out: dict[tuple[str, str], dict] = defaultdict(dict)
    for r in conn.execute(q):
        if parts is None or r.part in parts:
            out[(r.table_name, r.row_id)] = json.loads(r.fields)
    return dict(out)
