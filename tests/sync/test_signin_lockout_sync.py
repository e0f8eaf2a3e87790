"""Lock-outs cross machines through a real folder sync: wrong PINs typed on one lab machine lock the
student out on the next one too, a teacher's unlock on a third frees them everywhere, and deleting
the rows on one machine (what a student could do to the old per-machine table) frees no one
elsewhere."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest
from synchelp import converge, count

from app.errors import SignInError
from app.people.accounts import AccountService
from app.people.lockout import PIN_RULES
from app.store.database import Database


@pytest.fixture
def lab_machines(demo_template, tmp_path):
    """Three machines of one school, cloned from one image (each gets its own replica id)."""
    src, info = demo_template
    dbs = []
    for name in ("lab-1", "lab-2", "teacher-laptop"):
        (tmp_path / name).mkdir()
        shutil.copy2(src / "tessera.db", tmp_path / name / "tessera.db")
        dbs.append(Database.open(tmp_path / name / "tessera.db"))
    yield dbs, info
    for db in dbs:
        db.close()


def _wrong(pin: str) -> str:
    return "0000" if pin != "0000" else "9999"


def test_wrong_pins_on_one_machine_lock_the_student_out_on_the_others(lab_machines, share):
    (lab1, lab2, laptop), info = lab_machines
    a, b, t = AccountService(lab1), AccountService(lab2), AccountService(laptop)
    student = a.sign_in_students(info.class_id)[0].id
    now = time.time()
    for _ in range(PIN_RULES.free_tries):
        with pytest.raises(SignInError, match="PIN is not right"):
            a.sign_in_student(info.class_id, student, _wrong(info.pin), now=now)
    converge([lab1, lab2, laptop], share)
    with pytest.raises(SignInError) as err:
        b.sign_in_student(info.class_id, student, info.pin, now=now + 1)
    assert err.value.reason == "wait" and err.value.wait_s > 20

    # the student moves machine and keeps guessing until held: every machine adds to one count
    at = now + 40
    for i in range(PIN_RULES.hold_after - PIN_RULES.free_tries):
        acc = a if i % 2 else b
        with pytest.raises(SignInError) as err:
            acc.sign_in_student(info.class_id, student, _wrong(info.pin), now=at)
        assert err.value.reason == "wrong"
        converge([lab1, lab2], share)
        at += PIN_RULES.max_s + 1
    converge([lab1, lab2, laptop], share)
    for acc in (a, b):
        with pytest.raises(SignInError) as err:
            acc.sign_in_student(info.class_id, student, info.pin, now=at)
        assert err.value.reason == "held"

    # a student deleting the events on lab-1 (the old attack on the per-machine table) frees no one on lab-2
    con = sqlite3.connect(lab1.path)
    con.execute("DELETE FROM signin_event")
    con.commit()
    con.close()
    converge([lab1, lab2, laptop], share)
    with pytest.raises(SignInError) as err:
        b.sign_in_student(info.class_id, student, info.pin, now=at)
    assert err.value.reason == "held"

    # the teacher unlocks on their laptop; after sync the student signs in on lab-2
    teacher = t.sign_in_teacher(info.username, info.password)
    t.unlock(teacher, student, now=at)
    converge([lab1, lab2, laptop], share)
    assert b.sign_in_student(info.class_id, student, info.pin, now=at + 1).person_id == student
    assert count(lab2, "SELECT COUNT(*) FROM signin_event WHERE kind = 'unlock'") == 1


def test_a_teachers_wrong_passwords_on_a_lab_machine_slow_the_teacher_on_the_laptop(lab_machines, share):
    (lab1, _lab2, laptop), info = lab_machines
    a, t = AccountService(lab1), AccountService(laptop)
    now = time.time()
    for i in range(5):
        with pytest.raises(SignInError, match="do not match"):
            a.sign_in_teacher(info.username, f"guess-{i}", now=now)
    converge([lab1, laptop], share)
    with pytest.raises(SignInError) as err:
        t.sign_in_teacher(info.username, info.password, now=now + 1)
    assert err.value.reason == "wait"
    assert t.sign_in_teacher(info.username, info.password, now=now + 31).person_id == info.teacher_id
