"""0010_leaders on a database made by 0009_signin: the school tables arrive (synced ones captured for
sync like any synced row, the overview's local caches not), and everything already there stays."""

from __future__ import annotations

import sqlite3

from alembic import command
from sqlalchemy import text

from app.models import LibraryItem
from app.store.database import Database
from app.store.migrate import alembic_config, head_revision

NEW = {"teacher_note", "framework_version", "framework_adoption", "local_skill", "success_measure", "library_item",
       "library_copy", "team_member", "practice_month_cache", "figure_mark"}  # fmt: skip


def test_0010_adds_the_school_tables_and_keeps_every_row(tmp_path):
    path = tmp_path / "tessera.db"
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(cfg, "0009_signin")
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO school (id, created_at, updated_at, deleted, partition, name, checkins_enabled) "
        "VALUES ('s1', 1, 1, 0, 's1//', 'Old School', 1)"
    )
    con.commit()
    assert not NEW & {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()

    db = Database.open(path, tmp_path / "backups")
    try:
        assert db.schema_revision() == head_revision()
        with db.read() as s:
            tables = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
            assert NEW <= tables
            assert s.execute(text("SELECT name FROM school")).scalar_one() == "Old School"
        with db.write() as s:
            s.add(
                LibraryItem(school_id="s1", kind="rubric", title="R", body={"criteria": []}, partition="s1//")
            )
            s.execute(text("INSERT INTO figure_mark (name, value) VALUES ('attempt', 5)"))
        with db.read() as s:
            captured = dict(
                s.execute(text("SELECT table_name, COUNT(*) FROM change GROUP BY table_name")).all()
            )
        assert captured.get("library_item") == 1 and "figure_mark" not in captured
    finally:
        db.close()
