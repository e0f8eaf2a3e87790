"""Helpers for interop tests (a module of its own: ``conftest`` names clash across test folders)."""

from __future__ import annotations

from sqlalchemy import text


def change_count(db) -> int:
    with db.read() as s:
        return s.execute(text("SELECT COUNT(*) FROM change")).scalar_one()
