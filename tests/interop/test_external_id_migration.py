"""Migration 0006_interop on a database made by the revision before: rows kept, links usable."""

from __future__ import annotations

import sqlite3

from alembic import command

from app.store.database import Database
from app.store.migrate import alembic_config, head_revision


def test_upgrade_from_0005_keeps_rows_and_adds_external_ids(tmp_path):
    path = tmp_path / "tessera.db"
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(cfg, "0005")
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO school (id, created_at, updated_at, deleted, partition, name, checkins_enabled) "
        "VALUES ('s1', 1, 1, 0, 's1//', 'Old School', 1)"
    )
    con.commit()
    con.close()
    db = Database.open(path, tmp_path / "backups")
    try:
        assert db.schema_revision() == head_revision()
        from app.models import ExternalId

        with db.write() as s:
            s.add(
                ExternalId(
                    system="oneroster",
                    kind="school",
                    external_id="sch-1",
                    tessera_id="s1",
                    key="oneroster|school|sch-1",
                    partition="s1//",
                )
            )
        with db.read() as s:
            from sqlalchemy import text

            assert s.execute(text("SELECT name FROM school")).scalar_one() == "Old School"
            assert s.execute(text("SELECT tessera_id FROM external_id")).scalar_one() == "s1"
    finally:
        db.close()
