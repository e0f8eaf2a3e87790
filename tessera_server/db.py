"""Engines and the schema's migrations, for SQLite (one school, ``--data-dir``) and PostgreSQL
(a district, ``--database``); and the one place a cursor is taken.

The pull cursor must be handed out in commit order: PostgreSQL sequences commit out of order, so
a reader paging by "id greater than the last id" could step past a row that commits later with a
smaller id and never see it. ``take_cursor`` therefore takes the school's transaction-scoped
advisory lock and bumps the school row's counter as the last step before commit; the lock is held
until the commit, so a later cursor never becomes visible before an earlier one. SQLite has one
writer at a time (``BEGIN IMMEDIATE``), which gives the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

MIGRATIONS = Path(__file__).parent / "migrations"
DB_FILE = "tessera-server.db"
T = TypeVar("T")


def url_for(data_dir: str | Path | None = None, database: str | None = None) -> str:
    if database:
        if database.startswith("postgresql://") or database.startswith("postgres://"):
            return "postgresql+psycopg://" + database.split("://", 1)[1]
        return database
    if data_dir is None:
        raise ValueError("give --data-dir or --database")
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(data_dir).resolve() / DB_FILE}"


def make_engine(url: str, pool_size: int = 10) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001
            dbapi_conn.isolation_level = None  # we say BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn) -> None:  # noqa: ANN001
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # one writer: cursors commit in order

        return engine
    # No ping before every transaction (a round trip each, the most frequent statement a busy
    # server sent): a connection found dead is replaced and the work done again (``retrying``).
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_recycle=3600)


def retrying(call: Callable[[], T]) -> T:
    """``call()``, once more if its connection turned out dead (PostgreSQL restarted, a backup
    restored): SQLAlchemy then drops every older pooled connection, so the second try gets a new
    one. Every transaction of the server may be done again (pushes are idempotent)."""
    try:
        return call()
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
    return call()


def is_pg(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic, ``migrations/``)."""
    from alembic import command  # here: the serving processes never need Alembic
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def take_cursor(conn: Connection, school_id: str, count: int) -> int:
    """Reserve ``count`` cursors for this transaction's segments; returns the first. Call it last,
    just before commit (the school's pushes wait on it until then)."""
    if is_pg(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:s, 0))"), {"s": school_id})
    first = conn.execute(
        text(
            "UPDATE school SET next_cursor = next_cursor + :n WHERE school_id = :s RETURNING next_cursor - :n"
        ),
        {"n": count, "s": school_id},
    ).scalar_one()
    return int(first)
