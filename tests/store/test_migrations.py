"""Migrations: an older database upgrades with every row intact (backup first); a newer one is
refused untouched; damaged, read-only and missing folders give clear errors."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest
from alembic import command

from app.errors import DatabaseCorrupt, DatabaseTooNew, StorageError
from app.store.database import Database
from app.store.migrate import alembic_config, head_revision


def _make_at_revision(path, revision: str) -> None:
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(cfg, revision)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrade_from_first_schema_keeps_every_row(tmp_path):
    db_path = tmp_path / "tessera.db"
    _make_at_revision(db_path, "0001")
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO school (id, created_at, updated_at, deleted, partition, name, checkins_enabled) "
        "VALUES ('s1', 1, 1, 0, 's1//', 'Old School', 1)"
    )
    for i in range(50):
        con.execute(
            "INSERT INTO person (id, created_at, updated_at, deleted, partition, school_id, role, given_name, "
            "family_name, display_name, archived, target_success) VALUES (?, 1, 1, 0, 's1//', 's1', 'student', ?, "
            "'X', '', 0, 0.75)",
            (f"p{i}", f"Kid {i}"),
        )
    con.commit()
    con.close()

    db = Database.open(db_path, tmp_path / "backups")
    try:
        assert db.schema_revision() == head_revision()
        assert db.migration_backup and os.path.exists(db.migration_backup)
        from sqlalchemy import text

        with db.read() as s:
            rows = s.execute(text("SELECT id, given_name, pronouns FROM person ORDER BY id")).all()
            assert len(rows) == 50
            assert {r[1] for r in rows} == {f"Kid {i}" for i in range(50)}
            assert all(r[2] == "" for r in rows)
            assert s.execute(text("SELECT name FROM school")).scalar_one() == "Old School"
        # the backup is the pre-migration database, whole
        old = sqlite3.connect(db.migration_backup)
        assert old.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 50
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        old.close()
    finally:
        db.close()


def test_newer_database_is_refused_and_untouched(tmp_path):
    db_path = tmp_path / "tessera.db"
    _make_at_revision(db_path, "head")
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseTooNew, match="newer version of Tessera"):
        Database.open(db_path)
    assert _digest(db_path) == before


def test_damaged_file_is_reported(tmp_path):
    db_path = tmp_path / "tessera.db"
    db_path.write_bytes(b"this is not a database" * 200)
    with pytest.raises(DatabaseCorrupt, match="damaged"):
        Database.open(db_path)
    assert db_path.exists()  # never deleted


def test_damaged_file_recovery_keeps_it_aside_and_restores_backup(tmp_path):
    from app.store.migrate import backup_database
    from app.store.recovery import restore_latest, set_aside

    db_path = tmp_path / "tessera.db"
    db = Database.open(db_path)
    from app.models import School

    with db.write() as s:
        s.add(School(name="Kept"))
    db.close()
    backup_database(db_path, tmp_path / "backups", "daily")
    db_path.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(DatabaseCorrupt):
        Database.open(db_path)
    aside = set_aside(db_path)
    assert aside.exists() and not db_path.exists()
    restore_latest(db_path, tmp_path / "backups")
    db = Database.open(db_path)
    with db.read() as s:
        from sqlmodel import select

        assert [x.name for x in s.exec(select(School)).all()] == ["Kept"]
    db.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_gives_clear_message(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(StorageError, match="cannot save"):
            Database.open(ro / "tessera.db")
    finally:
        ro.chmod(0o700)


def test_folder_that_is_a_file_gives_clear_message(tmp_path):
    # Works as root too: a path whose parent is a file can never be written.
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="cannot save"):
        Database.open(blocker / "tessera.db")


def test_schema_head_constant_matches_alembic():
    from app.store.schema import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


def test_full_disk_gives_plain_message_and_keeps_saved_data(tmp_path):
    """SQLite's max_page_count makes the database 'full' without filling the real disk."""
    from sqlalchemy import event
    from sqlmodel import select

    from app.models import School

    db = Database.open(tmp_path / "tessera.db")
    try:
        with db.write() as s:
            s.add(School(name="Saved before"))

        @event.listens_for(db.write_engine, "connect")
        def _cap(dbapi_conn, _rec):  # noqa: ANN001
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count={pages + 2}")

        db.write_engine.dispose()
        with pytest.raises(StorageError, match="disk is full"):
            with db.write() as s:
                for i in range(2000):
                    s.add(School(name=f"x{i}" * 50))
        with db.read() as s:
            assert [x.name for x in s.exec(select(School)).all()] == ["Saved before"]
    finally:
        db.close()


def test_migrated_indexes_match_the_models(tmp_path):
    """Migrations and models describe the same indexes (0004 dropped attempt's partition index)."""
    import sqlite3

    from sqlmodel import SQLModel

    import app.models  # noqa: F401

    db = Database.open(tmp_path / "tessera.db")
    db.close()
    conn = sqlite3.connect(tmp_path / "tessera.db")
    try:
        migrated = {
            (t, n)
            for t, n in conn.execute(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'"
            )
        }
    finally:
        conn.close()
    modelled = {(t.name, i.name) for t in SQLModel.metadata.tables.values() for i in t.indexes}
    assert ("attempt", "ix_attempt_partition") not in migrated
    assert migrated == modelled


def test_0005_keeps_the_newest_stamp_in_replica_state_and_drops_the_hlc_index(tmp_path):
    """The clock resumes after the newest stamp in the log, read from replica_state (set by the
    migration from the log, then kept by every write) instead of an index on change.hlc."""
    from app.store.hlc import Stamp

    db_path = tmp_path / "tessera.db"
    _make_at_revision(db_path, "0004")
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO replica_state (key, replica_id, next_seq, hlc_wall, hlc_counter, fingerprint, "
        "previous_ids) VALUES (1, 'r-old', 3, 0, 0, '', '[]')"
    )
    for seq, hlc in [(1, "4102444800000-00007-r-old"), (2, "4102444800000-00009-r-other")]:
        con.execute(
            "INSERT INTO change (replica_id, seq, hlc, table_name, row_id, op, fields, partition, "
            "schema_version) VALUES ('r-old', ?, ?, 'school', 's1', 'upsert', '{}', '', 2)",
            (seq, hlc),
        )
    con.commit()
    con.close()

    db = Database.open(db_path, tmp_path / "backups")
    try:
        assert Stamp.decode(db.clock.tick()) > Stamp(4102444800000, 9, "")
    finally:
        db.close()
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT hlc_wall, hlc_counter FROM replica_state").fetchone() == (4102444800000, 9)
        assert con.execute("SELECT name FROM sqlite_master WHERE name = 'ix_change_hlc'").fetchone() is None
    finally:
        con.close()


def test_the_clock_resumes_after_every_stamp_written_or_received(tmp_path):
    from app.models import School
    from app.store.hlc import Stamp
    from app.sync.apply import apply_batch
    from app.sync.changes import ChangeRec

    path = tmp_path / "tessera.db"
    db = Database.open(path)
    with db.write() as s:
        s.add(School(name="Here"))
    own = Stamp.decode(db.clock.tick())
    db.close()
    db = Database.open(path)
    assert Stamp.decode(db.clock.tick()) > own
    far = own.wall + 3_600_000  # a device an hour ahead
    fields = '{"id": "s-far", "name": "There", "created_at": 1, "updated_at": 1, "deleted": false, "partition": "//"}'
    apply_batch(
        db, [ChangeRec("r-far", 1, f"{far:013d}-00004-r-far", "school", "s-far", "upsert", "//", 2, fields)]
    )
    db.close()
    db = Database.open(path)
    try:
        assert Stamp.decode(db.clock.tick()) > Stamp(far, 4, "")
    finally:
        db.close()


def test_0007_evidence_rebuilds_levels_from_synced_rows_at_the_next_open(demo_template, tmp_path):
    """Down to 0006_interop (no judgements, the old derived table, holding a level with no evidence behind it
    as the old demo wrote), then up again: the next open owes and pays a rebuild of derived state."""
    import shutil

    from app.bootstrap import open_context

    src, _info = demo_template
    d = tmp_path / "data"
    d.mkdir()
    shutil.copy2(src / "tessera.db", d / "tessera.db")
    path = d / "tessera.db"
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.downgrade(cfg, "0006_interop")
    con = sqlite3.connect(path)
    assert con.execute("SELECT name FROM sqlite_master WHERE name = 'judgement'").fetchone() is None
    student = con.execute("SELECT id FROM person WHERE role = 'student' LIMIT 1").fetchone()[0]
    con.execute(
        "INSERT INTO learner_skill_state VALUES (?, 'judged-by-nobody', 1.0, 3, 2, 0, 0.9, 1, 0)", (student,)
    )
    answers = con.execute("SELECT COUNT(*) FROM attempt WHERE deleted = 0").fetchone()[0]
    con.commit()
    con.close()

    ctx = open_context(d)
    try:
        assert ctx.db.schema_revision() == head_revision()
        from sqlalchemy import text

        with ctx.db.read() as s:
            assert s.execute(text("SELECT COUNT(*) FROM derived_owed")).scalar() == 0  # paid at open
            assert s.execute(text("SELECT COUNT(*) FROM learner_skill_state WHERE skill_id = 'judged-by-nobody'")
                             ).scalar() == 0  # fmt: skip
            assert s.execute(text("SELECT SUM(attempts) FROM learner_skill_state")).scalar() == answers
            assert (
                s.execute(text("SELECT COUNT(*) FROM judgement")).scalar() == 0
            )  # judgements went with the downgrade
    finally:
        ctx.close()


def test_0011_access_adds_read_aloud_off_to_existing_profiles(tmp_path):
    db_path = tmp_path / "tessera.db"
    _make_at_revision(db_path, "0010_leaders")
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO school (id, created_at, updated_at, deleted, partition, name, checkins_enabled) "
        "VALUES ('s1', 1, 1, 0, 's1//', 'Old School', 1)"
    )
    con.execute(
        "INSERT INTO person (id, created_at, updated_at, deleted, partition, school_id, role, given_name, "
        "family_name, display_name, archived, target_success, pronouns) VALUES ('p1', 1, 1, 0, 's1//', 's1', "
        "'student', 'Kid', 'X', '', 0, 0.75, '')"
    )
    con.execute(
        "INSERT INTO profile (id, created_at, updated_at, deleted, partition, student_id, strengths, interests, "
        "\"values\", learning_prefs, about_me, accommodations, teacher_notes) VALUES ('f1', 1, 1, 0, 's1//', 'p1', "
        "'[]', '[]', '[]', '[]', '', 'Prefers instructions read aloud.', '')"
    )
    con.commit()
    con.close()
    db = Database.open(db_path, tmp_path / "backups")
    try:
        from sqlalchemy import text

        with db.read() as s:
            assert s.execute(text("SELECT accommodations, read_aloud FROM profile")).one() == (
                "Prefers instructions read aloud.",
                0,
            )
    finally:
        db.close()
