"""The daily copy behind "Restore last backup": once a day, whole or not at all, a few kept, never
filling the disk; and the window takes it off the UI thread."""

import sqlite3

import pytest
from sqlmodel import select

from app.models import School
from app.store import daily_backup
from app.store.database import Database
from app.store.migrate import latest_backup


@pytest.fixture
def db(tmp_path):
    d = Database.open(tmp_path / "tessera.db")
    with d.write() as s:
        s.add(School(name="Kept"))
    yield d
    d.close()


def _schools(path):
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM school")]
    finally:
        conn.close()


def test_one_whole_copy_a_day_while_the_app_has_the_database_open(db):
    first = db.daily_backup()
    assert first is not None and first == latest_backup(db.backups_dir)
    assert _schools(first) == ["Kept"]
    with db.write() as s:  # the app goes on writing: the copy of today stays the one taken
        s.add(School(name="Later"))
    assert db.daily_backup() is None
    assert sorted(p.name for p in db.backups_dir.iterdir()) == [first.name]


def test_only_the_newest_daily_copies_stay_and_other_backups_are_kept(db):
    db.backups_dir.mkdir()
    for name in ("tessera-20240101-080000-daily.db", "tessera-20240102-080000-daily.db",
                 "tessera-20240101-070000-before-0005.db"):  # fmt: skip
        (db.backups_dir / name).write_bytes(b"old")
    new = db.daily_backup()
    names = sorted(p.name for p in db.backups_dir.iterdir())
    assert names == ["tessera-20240101-070000-before-0005.db", "tessera-20240102-080000-daily.db", new.name]
    assert sum(n.endswith("-daily.db") for n in names) == daily_backup.KEEP


def test_no_copy_when_the_disk_would_be_left_nearly_full(db, monkeypatch):
    size = db.path.stat().st_size
    monkeypatch.setattr(daily_backup.shutil, "disk_usage", lambda _p: type("U", (), {"free": 2 * size})())
    assert db.daily_backup() is None
    assert latest_backup(db.backups_dir) is None


def test_a_copy_cut_short_leaves_no_file_that_passes_for_a_backup(db, monkeypatch):
    real_connect = sqlite3.connect

    class Dying:
        def __init__(self, conn):
            self._conn = conn

        def backup(self, _dst, **_kw):
            raise sqlite3.OperationalError("disk I/O error")

        def close(self):
            self._conn.close()

    def connect(path, *a, **kw):
        conn = real_connect(path, *a, **kw)
        return Dying(conn) if str(path) == str(db.path) else conn

    monkeypatch.setattr("app.store.migrate.sqlite3.connect", connect)
    with pytest.raises(sqlite3.OperationalError):
        db.daily_backup()
    assert list(db.backups_dir.iterdir()) == []


def test_the_window_takes_the_copy_in_the_background(qtbot, demo):
    from app.ui.main_window import MainWindow

    ctx, _info = demo
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window._back_up()
    qtbot.waitUntil(lambda: latest_backup(ctx.db.backups_dir) is not None, timeout=20_000)
    assert _schools(latest_backup(ctx.db.backups_dir))
    with ctx.db.read() as s:
        assert s.exec(select(School)).first() is not None
