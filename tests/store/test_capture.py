"""The change-capture hook: every synced write appends a change in the same transaction."""

from __future__ import annotations

import pytest
from sqlmodel import select

from app.errors import TesseraError
from app.models import Change, CheckIn, FieldClock, Person, School
from app.store.database import Database


@pytest.fixture
def db(tmp_path):
    d = Database.open(tmp_path / "t.db")
    yield d
    d.close()


def _changes(db):
    with db.read() as s:
        return s.exec(select(Change).order_by(Change.seq)).all()


def test_insert_and_update_are_captured_with_gap_free_sequence(db):
    with db.write() as s:
        school = School(name="A")
        s.add(school)
        s.flush()
        person = Person(school_id=school.id, role="student", given_name="Ann")
        s.add(person)
    with db.write() as s:
        s.get(Person, person.id).given_name = "Anna"
    changes = _changes(db)
    assert [c.seq for c in changes] == [1, 2, 3]
    assert changes[2].fields["given_name"] == "Anna" and "school_id" not in changes[2].fields
    assert changes[0].hlc < changes[1].hlc < changes[2].hlc
    assert all(c.replica_id == db.replica_id for c in changes)
    with db.read() as s:
        clock = s.get(FieldClock, ("person", person.id, "given_name"))
        assert clock.hlc == changes[2].hlc


def test_rolled_back_write_uses_no_sequence_number(db):
    with pytest.raises(RuntimeError):
        with db.write() as s:
            s.add(School(name="never"))
            s.flush()
            raise RuntimeError("boom")
    with db.write() as s:
        s.add(School(name="kept"))
    assert [c.seq for c in _changes(db)] == [1]


def test_events_cannot_be_edited_only_tombstoned(db):
    with db.write() as s:
        school = School(name="A")
        s.add(school)
        s.flush()
        p = Person(school_id=school.id, role="student", given_name="B")
        s.add(p)
        s.flush()
        c = CheckIn(student_id=p.id, mood=2)
        s.add(c)
    with pytest.raises(TesseraError):
        with db.write() as s:
            s.get(CheckIn, c.id).mood = 5
    with db.write() as s:
        s.get(CheckIn, c.id).deleted = True
    assert _changes(db)[-1].fields.get("deleted") is True


def test_hard_delete_needs_purge(db):
    with db.write() as s:
        school = School(name="A")
        s.add(school)
    with pytest.raises(TesseraError):
        with db.write() as s:
            s.delete(s.get(School, school.id))
    with db.write(purge=True) as s:
        s.delete(s.get(School, school.id))
    assert _changes(db)[-1].op == "purge"


def test_copied_database_gets_a_new_replica_id(tmp_path, db):
    import shutil

    with db.write() as s:
        s.add(School(name="A"))
    first = db.replica_id
    db.close()
    shutil.copy2(tmp_path / "t.db", tmp_path / "copy.db")
    again = Database.open(tmp_path / "t.db")
    assert again.replica_id == first and not again.renewed_replica
    again.close()
    copy = Database.open(tmp_path / "copy.db")
    try:
        assert copy.replica_id != first and copy.renewed_replica
        with copy.write() as s:
            s.add(School(name="B"))
        latest = _changes(copy)[-1]
        assert latest.replica_id == copy.replica_id and latest.seq == 1
        assert first in copy.replica_state().previous_ids
    finally:
        copy.close()
