"""A read-only peek at the sign-in lists with the standard library's sqlite3 only, so the first
window can show the class while SQLAlchemy, migrations and services load in the background.
Any surprise (no file yet, old schema, locked) returns None and the window simply waits."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.store.schema import SCHEMA_HEAD


@dataclass(frozen=True)
class QuickClass:
    id: str
    name: str
    students: tuple[tuple[str, str], ...]  # (person id, "Given F.")


def sign_in_lists(db_path: Path) -> list[QuickClass] | None:
    if not db_path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        if con.execute("SELECT version_num FROM alembic_version").fetchone() != (SCHEMA_HEAD,):
            return None
        classes = con.execute(
            "SELECT id, name FROM school_class WHERE archived = 0 AND deleted = 0 ORDER BY name"
        ).fetchall()
        out = []
        for class_id, name in classes:
            rows = con.execute(
                "SELECT p.id, p.given_name, p.family_name FROM person p JOIN enrollment e ON e.person_id = p.id "
                "WHERE e.class_id = ? AND e.role = 'student' AND e.deleted = 0 AND p.archived = 0 "
                "AND p.deleted = 0 AND NOT EXISTS (SELECT 1 FROM account a WHERE a.person_id = p.id AND a.disabled = 1) "
                "ORDER BY p.given_name, p.family_name",
                (class_id,),
            ).fetchall()
            students = tuple(
                (pid, given + (f" {family[:1]}." if family else "")) for pid, given, family in rows
            )
            out.append(QuickClass(class_id, name, students))
        return out
    except sqlite3.Error:
        return None
    finally:
        con.close()
