"""A full disk must not lock anyone out: signing in notes the sign-in, and when that note cannot be
written the sign-in still goes ahead (the student can see and copy out their work), while a wrong PIN
is still refused and counted."""

from __future__ import annotations

import sqlite3

import pytest

from app.errors import SignInError, StorageError


@pytest.fixture
def full_disk(demo, monkeypatch):
    ctx, _info = demo
    state = {"full": False, "error": "database or disk is full"}
    real = ctx.db.write_engine.dialect.do_commit

    def do_commit(conn):
        if state["full"]:
            raise sqlite3.OperationalError(state["error"])
        return real(conn)

    monkeypatch.setattr(ctx.db.write_engine.dialect, "do_commit", do_commit)
    return state


def test_teacher_and_student_sign_in_on_a_full_disk(demo, full_disk, caplog):
    ctx, info = demo
    accounts = ctx.services.accounts
    pick = accounts.sign_in_students(info.class_id)[0]
    full_disk["full"] = True
    teacher = accounts.sign_in_teacher(info.username, info.password)
    student = accounts.sign_in_student(info.class_id, pick.id, info.pin)
    assert teacher.role == "teacher" and student.person_id == pick.id
    assert "not noted" in caplog.text
    with pytest.raises(SignInError):
        accounts.sign_in_teacher(info.username, "wrong password")
    wrong = "0000" if info.pin != "0000" else "9999"
    for _ in range(3):  # counted in memory while the disk cannot take it: guessing still slows down
        with pytest.raises(SignInError, match="PIN is not right"):
            accounts.sign_in_student(info.class_id, pick.id, wrong, now=1000.0)
    with pytest.raises(SignInError, match="Too many wrong PINs"):
        accounts.sign_in_student(info.class_id, pick.id, info.pin, now=1001.0)
    full_disk["full"] = False
    again = accounts.sign_in_student(info.class_id, pick.id, info.pin, now=5000.0)  # the wait is over
    assert again.person_id == pick.id


def test_a_drive_that_stops_answering_is_a_storage_error_and_sign_in_still_works(demo, full_disk):
    """A USB stick pulled out or a network drive gone: SQLite says "disk I/O error"."""
    ctx, info = demo
    full_disk.update(full=True, error="disk I/O error")
    with pytest.raises(StorageError, match="stopped answering"):
        ctx.services.profiles.update(ctx.services.accounts.sign_in_teacher(info.username, info.password),
                                     info.student_ids[0], teacher_notes="note")  # fmt: skip


def test_wrong_pins_counted_before_the_disk_filled_still_count(demo, full_disk):
    ctx, info = demo
    accounts = ctx.services.accounts
    pick = accounts.sign_in_students(info.class_id)[1]
    wrong = "0000" if info.pin != "0000" else "9999"
    for _ in range(2):  # on disk
        with pytest.raises(SignInError):
            accounts.sign_in_student(info.class_id, pick.id, wrong, now=1000.0)
    full_disk["full"] = True
    with pytest.raises(SignInError):  # the third, in memory, on top of the two: the wait begins
        accounts.sign_in_student(info.class_id, pick.id, wrong, now=1000.0)
    with pytest.raises(SignInError, match="Too many wrong PINs"):
        accounts.sign_in_student(info.class_id, pick.id, info.pin, now=1001.0)
