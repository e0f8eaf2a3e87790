"""SQLite engines: WAL, foreign keys, busy timeout. Reads run in plain deferred transactions;
writes go through one connection with BEGIN IMMEDIATE, so writers queue instead of failing
half-way, and sequence numbers in the change log are handed out without gaps."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 30_000


def _install_pragmas(engine: Engine, immediate: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (pysqlite's is broken)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engines(path: Path) -> tuple[Engine, Engine]:
    """(read_engine, write_engine) on the same file."""
    url = f"sqlite:///{path}"
    args = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    read = create_engine(url, connect_args=args, poolclass=QueuePool, pool_size=4, max_overflow=4)
    write = create_engine(
        url, connect_args=args, poolclass=QueuePool, pool_size=1, max_overflow=0, pool_timeout=120
    )
    _install_pragmas(read, immediate=False)
    _install_pragmas(write, immediate=True)
    return read, write
