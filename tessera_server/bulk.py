"""Many rows in at once. On PostgreSQL through COPY into a temporary table, then one
``INSERT ... SELECT ... ON CONFLICT DO NOTHING`` (COPY alone cannot skip rows already there):
several times faster than row-by-row inserts, which is most of the ingest's time otherwise. A few
rows, and every insert on SQLite: ``executemany``."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from tessera_server.db import is_pg

# At most this many rows go in as a plain multi-row insert (a device's incremental push): the
# temporary table and COPY pay off only for more.
SMALL = 64


def insert_ignore(conn: Connection, table: Table, rows: list[dict] | list[tuple]) -> None:
    """``rows``: dicts by column name, or tuples in the table's column order (cheaper for many)."""
    if not rows:
        return
    cols = [c.name for c in table.columns]
    if not is_pg(conn) or len(rows) <= SMALL:
        if is_pg(conn):
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
        dicts = [r if isinstance(r, dict) else dict(zip(cols, r)) for r in rows]
        conn.execute(insert(table).on_conflict_do_nothing(), dicts)
        return
    tmp = f"bulk_{table.name}"
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur:
        cur.execute(f'CREATE TEMP TABLE IF NOT EXISTS {tmp} (LIKE "{table.name}" INCLUDING DEFAULTS) '
                    "ON COMMIT DELETE ROWS")  # fmt: skip
        names = ", ".join(f'"{c}"' for c in cols)
        with cur.copy(f"COPY {tmp} ({names}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(tuple(r[c] for c in cols) if isinstance(r, dict) else r)
        cur.execute(f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM {tmp} ON CONFLICT DO NOTHING')
        cur.execute(f"TRUNCATE {tmp}")
