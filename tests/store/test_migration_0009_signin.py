"""0009_signin on a database made by 0008_trust: the per-machine wrong-PIN table goes, the synced sign-in
events and the teacher's machine settings arrive, every person stays; a new event is captured for
sync like any synced row."""

from __future__ import annotations

import sqlite3

from alembic import command
from sqlalchemy import text

from app.models import SignInEvent
from app.store.database import Database
from app.store.migrate import alembic_config, head_revision


def _at(path, revision: str, down: bool = False) -> None:  # noqa: ANN001
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    (command.downgrade if down else command.upgrade)(cfg, revision)


def _tables(path) -> set[str]:  # noqa: ANN001
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()


def test_0009_replaces_the_local_wrong_pin_table_with_synced_events(tmp_path):
    path = tmp_path / "tessera.db"
    _at(path, "0008_trust")
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO school (id, created_at, updated_at, deleted, partition, name, checkins_enabled) "
        "VALUES ('s1', 1, 1, 0, 's1//', 'Old School', 1)"
    )
    con.execute(
        "INSERT INTO person (id, created_at, updated_at, deleted, partition, school_id, role, given_name, "
        "family_name, display_name, archived, target_success, pronouns) "
        "VALUES ('p1', 1, 1, 0, 's1//p1', 's1', 'student', 'Kid', 'X', '', 0, 0.75, '')"
    )
    con.execute("INSERT INTO signin_attempt (person_id, failures, locked_until) VALUES ('p1', 2, 0)")
    con.commit()
    con.close()

    db = Database.open(path, tmp_path / "backups")
    try:
        assert db.schema_revision() == head_revision()  # 0009_signin or a later head
        tables = _tables(path)
        assert "signin_attempt" not in tables and {"signin_event", "machine_setting"} <= tables
        with db.write() as s:
            s.add(SignInEvent(person_id="p1", kind="fail", at=5.0, partition="s1//p1"))
        with db.read() as s:
            assert s.execute(text("SELECT given_name FROM person")).scalar_one() == "Kid"
            assert (
                s.execute(text("SELECT COUNT(*) FROM change WHERE table_name = 'signin_event'")).scalar_one()
                == 1
            )
    finally:
        db.close()

    _at(path, "0008_trust", down=True)  # and back, for a school that must return to the older version
    tables = _tables(path)
    assert "signin_attempt" in tables and not {"signin_event", "machine_setting"} & tables
