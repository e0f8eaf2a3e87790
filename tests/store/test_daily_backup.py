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


def test_an_emptied_file_is_damaged_once_backups_exist_and_fresh_before(tmp_path):
    from app.errors import DatabaseCorrupt, StorageError

    path = tmp_path / "tessera.db"
    path.write_bytes(b"")  # a first start cut short: a new class
    Database.open(path).close()
    path.write_bytes(b"")
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / "tessera-20240101-080000-daily.db").write_bytes(b"x")
    with pytest.raises(DatabaseCorrupt, match="empty: its contents were lost"):
        Database.open(path)
    path.unlink()
    path.mkdir()
    with pytest.raises(StorageError, match="is a folder, not a file"):
        Database.open(path)


def test_damage_is_told_in_plain_words_and_sqlite_s_reason_goes_to_the_log(tmp_path, caplog):
    from app.errors import DatabaseCorrupt

    path = tmp_path / "tessera.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(DatabaseCorrupt) as err:
        Database.open(path)
    assert str(err.value) == "The class data file is damaged and cannot be opened."
    assert "tessera.db" in caplog.text


def test_the_recovery_question_names_the_backup_and_restores_it(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.config import load_settings
    from app.errors import DatabaseCorrupt
    from app.ui import launch
    from app.ui.main_window import MainWindow

    settings = load_settings(str(tmp_path / "data"))
    db = Database.open(settings.database_path, settings.backups_dir)
    with db.write() as s:
        s.add(School(name="Kept"))
    assert db.daily_backup() is not None
    db.close()
    settings.database_path.write_bytes(b"\x00damaged" * 500)
    window = MainWindow()
    qtbot.addWidget(window)
    opener = launch._Opener(QApplication.instance(), window, settings, False, None)
    monkeypatch.setattr(opener, "start", lambda: None)
    seen = {}

    def answer():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen["text"] = box.text()
        restore = next(b for b in box.buttons() if b.text() == "Restore last backup")
        seen["enabled"] = restore.isEnabled()
        restore.click()

    QTimer.singleShot(200, answer)
    opener._recover(DatabaseCorrupt("The class data file is damaged and cannot be opened."))
    assert seen["enabled"] and "go back to the copy of" in seen["text"]
    assert _schools(settings.database_path) == ["Kept"]
    assert list(settings.data_dir.glob("tessera-damaged-*.db"))  # kept aside, not deleted
