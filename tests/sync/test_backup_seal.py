"""Backups encrypted with the school's data key (``app/store/backup_seal.py``): nothing readable in
the backups folder; restored on this computer, on another enrolled computer of the school (the
laptop that died), refused where no key is held or the file was altered; after an erasure every
older backup goes. A school without its key yet keeps plain backups, as before. Real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sealhelp import readable
from synchelp import count, seed
from test_trust_encryption import ESSAY, NAME, _erase, _private_student
from trusthelp import data_dir, signed_school

from app.errors import StorageError
from app.store.backup_seal import is_sealed_backup, restore_backup
from app.store.daily_backup import take_daily_backup
from app.store.migrate import backup_database
from app.store.recovery import restore_latest
from app.sync.session import sync_once


def _backups(db) -> Path:
    return data_dir(db) / "backups"


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT given_name FROM person")]
    finally:
        conn.close()


def test_a_backup_is_encrypted_and_comes_back_on_this_and_another_enrolled_computer(make_db, share, tmp_path):
    sch = signed_school(make_db, share)
    _private_student(sch)
    b = take_daily_backup(Path(sch.laptop.path), _backups(sch.laptop))
    assert b is not None and is_sealed_backup(b)
    needles = [b"Zebediah", b"Quuxworth", ESSAY.encode(), b"marmalade", b"$argon2", b"SQLite format"]
    assert readable(_backups(sch.laptop), needles) == []
    # restored here (the "Restore last backup" button's path)
    here = tmp_path / "restored-here.db"
    restore_backup(b, here, data_dir(sch.laptop))
    assert "Zebediah" in _names(here)
    # the laptop died: its backup, copied to a stick, restored on the enrolled lab machine
    there = tmp_path / "restored-there.db"
    restore_backup(b, there, data_dir(sch.lab))
    assert "Zebediah" in _names(there)


def test_restore_latest_puts_the_encrypted_backup_back(make_db, share):
    sch = signed_school(make_db, share)
    _private_student(sch)
    take_daily_backup(Path(sch.laptop.path), _backups(sch.laptop))
    target = data_dir(sch.laptop) / "put-back.db"
    restore_latest(target, _backups(sch.laptop))
    assert "Zebediah" in _names(target)


def test_a_backup_without_the_key_or_altered_is_refused(make_db, share, tmp_path):
    sch = signed_school(make_db, share)
    b = take_daily_backup(Path(sch.laptop.path), _backups(sch.laptop))
    stranger = make_db("stranger")  # not of the school: holds no data key
    with pytest.raises(StorageError, match="does not hold"):
        restore_backup(b, tmp_path / "x.db", data_dir(stranger))
    assert not (tmp_path / "x.db").exists()
    data = bytearray(b.read_bytes())
    data[len(data) // 2] ^= 0x01
    b.write_bytes(bytes(data))
    with pytest.raises(StorageError, match="damaged or altered"):
        restore_backup(b, tmp_path / "y.db", data_dir(sch.laptop))
    b.write_bytes(bytes(data[: len(data) // 3]))  # cut short
    with pytest.raises(StorageError):
        restore_backup(b, tmp_path / "z.db", data_dir(sch.laptop))
    assert not (tmp_path / "y.db").exists() and not (tmp_path / "z.db").exists()


def test_a_school_without_its_key_keeps_plain_backups_until_it_sets_one_up(make_db, share):
    from app.trust import school as trust_school

    db = make_db("solo")
    sd = seed(db)
    first = backup_database(Path(db.path), _backups(db), "before-x")
    assert not is_sealed_backup(first) and "Student0" in _names(first)
    trust_school.create_school(data_dir(db), "Hill", [sd.school], [db.replica_id])
    b = take_daily_backup(Path(db.path), _backups(db))
    assert is_sealed_backup(b)
    # the plain copy from before the key is replaced at once
    assert [p for p in _backups(db).glob("tessera-*.db")] == [b]
    assert readable(_backups(db), [b"Student0", b"SQLite format"]) == []


def test_after_an_erasure_no_backup_holds_the_student_here_or_on_the_lab_machine(make_db, share, tmp_path):
    sch = signed_school(make_db, share)
    sid = _private_student(sch)
    sync_once(sch.laptop, share)
    sync_once(sch.lab, share)
    for db in (sch.laptop, sch.lab):
        backup_database(Path(db.path), _backups(db), "before-x")
        take_daily_backup(Path(db.path), _backups(db))
    assert count(sch.lab, "SELECT COUNT(*) FROM person WHERE given_name = 'Zebediah'") == 1
    _erase(sch, sid)
    sync_once(sch.laptop, share)
    sync_once(sch.lab, share)  # the erasure reaches the lab machine
    for db in (sch.laptop, sch.lab):
        take_daily_backup(Path(db.path), _backups(db))  # the hourly check
        left = sorted(_backups(db).glob("tessera-*.db"))
        assert len(left) == 1
        out = tmp_path / f"{Path(db.path).parent.name}.db"
        restore_backup(left[0], out, data_dir(db))
        assert "Zebediah" not in _names(out) and len(_names(out)) >= 3
        assert readable(_backups(db), [b"Zebediah", b"marmalade", NAME.encode()]) == []
    # a later check with no new erasure keeps today's copy as it is
    assert take_daily_backup(Path(sch.lab.path), _backups(sch.lab)) is None


def test_the_recovery_path_a_dead_laptops_backup_opened_with_the_school_key_from_the_safe(
    make_db, share, tmp_path
):
    """The laptop that set the school up died; its backup was copied to a stick, and the IT admin
    has the copy of ``school.key`` from the school safe: ``python -m app school open-backup``."""
    from app.trust_cli import main as trust_cli

    sch = signed_school(make_db, share)
    _private_student(sch)
    b = take_daily_backup(Path(sch.laptop.path), _backups(sch.laptop))
    safe = tmp_path / "safe-school.key"
    safe.write_bytes((data_dir(sch.laptop) / "trust" / "school.key").read_bytes())
    new_machine = tmp_path / "new-machine"
    new_machine.mkdir()
    out = tmp_path / "recovered.db"
    args = ["school", "open-backup", str(b), "--to", str(out), "--data-dir", str(new_machine)]
    assert trust_cli(args) == 1 and not out.exists()  # a computer with no key of the school: refused
    assert trust_cli([*args, "--school-key", str(safe)]) == 0
    assert "Zebediah" in _names(out)
    out2 = tmp_path / "on-the-lab.db"  # or on any enrolled computer, with its own keys
    assert (
        trust_cli(["school", "open-backup", str(b), "--to", str(out2), "--data-dir", str(data_dir(sch.lab))])
        == 0
    )
    assert "Zebediah" in _names(out2)
