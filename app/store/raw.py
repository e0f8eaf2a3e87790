"""The sqlite3 connection under SQLAlchemy, for the few hot paths that run plain SQL (sync's merge,
the learner model's bulk reads and writes): one helper, so every caller gets the connection inside
the session's current transaction and never a second one."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy.orm import Session


def raw_connection(conn: Any) -> sqlite3.Connection:
    """The sqlite3 connection under a Session (in its current transaction), a SQLAlchemy
    Connection, or itself."""
    if isinstance(conn, sqlite3.Connection):
        return conn
    if isinstance(conn, Session):
        conn = conn.connection()  # the Connection in the session's current transaction
    return conn.connection.driver_connection
