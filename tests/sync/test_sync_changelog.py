"""The change log covers every kind of write sync relies on, and the HLC stays sortable."""

from __future__ import annotations

from sqlmodel import select
from synchelp import count, seed

from app.models import Attempt, Change, ConflictRecord, FieldClock, Person, Profile
from app.store.capture import bulk_insert_events
from app.store.hlc import HybridClock, Stamp
from app.store.scrub import PURGE_MARK
from app.sync.purge import purge_cascade


def _log(db):
    with db.read() as s:
        return s.exec(select(Change).order_by(Change.seq)).all()


def test_insert_update_tombstone_event_and_bulk_are_logged(make_db):
    db = make_db("a")
    sd = seed(db, students=1, items=1)
    student = sd.students[0]
    n0 = len(_log(db))
    with db.write() as s:
        s.get(Profile, sd.profiles[student]).about_me = "I like maps"
    with db.write() as s:
        s.get(Person, student).deleted = True  # tombstone of a record
    with db.write() as s:
        a = Attempt(student_id=student, item_id=sd.items[0], skill_id=sd.skill, answer="1", correct=False)
        s.add(a)
    with db.write() as s:
        s.get(Attempt, a.id).deleted = True  # tombstone of an event
    with db.write() as s:
        bulk_insert_events(
            s,
            Attempt,
            [
                {
                    "student_id": student,
                    "item_id": sd.items[0],
                    "skill_id": sd.skill,
                    "answer": str(i),
                    "partition": "//",
                }
                for i in range(5)
            ],
        )
    log = _log(db)[n0:]
    assert [c.seq for c in _log(db)] == list(range(1, len(_log(db)) + 1))  # gap-free
    assert log[0].table_name == "profile" and log[0].fields["about_me"] == "I like maps"
    assert set(log[0].fields) == {"about_me", "updated_at"}
    assert log[1].table_name == "person" and log[1].fields["deleted"] is True
    assert log[2].table_name == "attempt" and "id" in log[2].fields  # full snapshot of the event
    assert log[3].fields.get("deleted") is True and set(log[3].fields) <= {"deleted", "updated_at"}
    assert [c.table_name for c in log[4:]] == ["attempt"] * 5
    assert all(c.op == "upsert" for c in log)
    hlcs = [c.hlc for c in _log(db)]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    with db.read() as s:  # record fields carry clocks; events do not
        assert s.get(FieldClock, ("profile", sd.profiles[student], "about_me")).hlc == log[0].hlc
        assert s.get(FieldClock, ("attempt", a.id, "answer")) is None


def test_purge_is_logged_and_scrubs_the_payload(make_db):
    db = make_db("a")
    sd = seed(db, students=1, items=1)
    student, profile = sd.students[0], sd.profiles[sd.students[0]]
    with db.write() as s:
        s.get(Profile, profile).about_me = "private words"
    with db.write() as s:
        s.add(
            ConflictRecord(
                table_name="profile",
                row_id=profile,
                field="about_me",
                value='"older"',
                hlc="x",
                replica_id="r",
                winner_hlc="y",
                at=0,
            )
        )
    with db.write(purge=True) as s:
        n = purge_cascade(s, "person", student)
    assert n >= 3  # the person, their profile and plan
    purges = [c for c in _log(db) if c.op == "purge"]
    assert {(c.table_name, c.row_id) for c in purges} >= {("person", student), ("profile", profile)}
    assert all(c.fields == {} for c in purges)
    # no stored change for a purged row still carries its data, so none can be forwarded
    assert count(db, "SELECT COUNT(*) FROM change WHERE row_id = ? AND fields != '{}'", profile) == 0
    assert count(db, "SELECT COUNT(*) FROM change WHERE row_id = ? AND op != 'purge'", student) == 0
    assert count(db, "SELECT COUNT(*) FROM conflict_record WHERE row_id = ?", profile) == 0
    assert (
        count(db, "SELECT COUNT(*) FROM field_clock WHERE row_id = ? AND field != ?", profile, PURGE_MARK)
        == 0
    )
    assert (
        count(db, "SELECT COUNT(*) FROM field_clock WHERE row_id = ? AND field = ?", profile, PURGE_MARK) == 1
    )
    assert count(db, "SELECT COUNT(*) FROM profile WHERE id = ?", profile) == 0


def test_hlc_counter_never_grows_a_sixth_digit():
    t = [1000]
    clock = HybridClock("r", now_ms=lambda: t[0])
    clock.observe(Stamp(5000, 99_990, "q").encode())  # a clock ahead of ours, near the counter limit
    stamps = [clock.tick() for _ in range(50)]
    assert stamps == sorted(stamps)
    assert all(len(s.split("-")[1]) == 5 for s in stamps)
    assert Stamp.decode(stamps[-1]).wall == 5001
