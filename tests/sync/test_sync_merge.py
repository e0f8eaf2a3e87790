"""Merge rules: per-field LWW with an archive, grow-only events, final purges, held changes,
idempotence, version vectors, HLC observation, unique-key merges, rebuild notifications."""

from __future__ import annotations

import json
import time

from synchelp import change, conflicts, converge, count, dump, seed

from app.models import Goal, Person, Plan, Profile
from app.store.hlc import Stamp
from app.store.raw import raw_connection
from app.store.what_changed import register_rebuild
from app.sync.apply import apply_batch, apply_pending, pending_count
from app.sync.session import sync_once

R1 = "00000000-0000-7000-8000-000000000001"
R2 = "00000000-0000-7000-8000-000000000002"
SCHOOL = "10000000-0000-7000-8000-000000000000"
PERSON = "20000000-0000-7000-8000-000000000000"
PLAN = "30000000-0000-7000-8000-000000000000"
GOAL = "40000000-0000-7000-8000-000000000000"


def _school(origin=R1, seq=1, wall=1_700_000_000_000):
    return change(
        origin,
        seq,
        "school",
        SCHOOL,
        {
            "id": SCHOOL,
            "name": "Hill",
            "partition": "//",
            "created_at": 1.0,
            "updated_at": 1.0,
            "deleted": False,
            "checkins_enabled": True,
        },
        wall=wall,
    )


def _person(origin=R1, seq=2, wall=1_700_000_000_001):
    return change(
        origin,
        seq,
        "person",
        PERSON,
        {
            "id": PERSON,
            "school_id": SCHOOL,
            "role": "student",
            "given_name": "Ann",
            "created_at": 1.0,
            "updated_at": 1.0,
        },
        wall=wall,
    )


def _plan(origin=R1, seq=3, wall=1_700_000_000_002, title="Plan"):
    return change(
        origin,
        seq,
        "plan",
        PLAN,
        {"id": PLAN, "student_id": PERSON, "title": title, "created_at": 1.0, "updated_at": 1.0},
        wall=wall,
    )


def _row(db, table, row_id, col):
    with db.read() as s:
        r = raw_connection(s).execute(f'SELECT "{col}" FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    return r[0] if r else None


def test_per_field_last_writer_wins_and_losers_are_archived(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1)
    converge([a, b], share)
    prof = sd.profiles[sd.students[0]]
    with a.write() as s:
        p = s.get(Profile, prof)
        p.about_me, p.teacher_notes = "from A", "note from A"
    with b.write() as s:  # later: wins about_me; teacher_notes untouched here
        p = s.get(Profile, prof)
        p.about_me, p.accommodations = "from B", "large print"
    converge([a, b], share)
    for db in (a, b):
        assert _row(db, "profile", prof, "about_me") == "from B"
        assert _row(db, "profile", prof, "teacher_notes") == "note from A"
        assert _row(db, "profile", prof, "accommodations") == "large print"
    assert dump(a) == dump(b)
    # A's losing value is archived on A (overwritten there) and on B (arrived late there)
    for db in (a, b):
        lost = [c for c in conflicts(db) if c[2] == "about_me"]
        assert [json.loads(c[3]) for c in lost] == ["from A"]
        assert lost[0][4] < lost[0][5]  # loser's HLC below the winner's


def test_equal_stamps_are_broken_by_replica_id(make_db):
    base = {"created_at": 1.0}
    c1 = change(R1, 3, "person", PERSON, {**base, "given_name": "One"}, wall=1_800_000_000_000, counter=4)
    c2 = change(R2, 1, "person", PERSON, {**base, "given_name": "Two"}, wall=1_800_000_000_000, counter=4)
    for name, order in (("x", [c2, c1]), ("y", [c1, c2])):
        db = make_db(name)
        apply_batch(db, [_school(), _person()])
        for c in order:
            apply_batch(db, [c])
        assert _row(db, "person", PERSON, "given_name") == "Two"  # R2 > R1 as text
        lost = sorted(json.loads(c[3]) for c in conflicts(db))
        # R1's last word "One" is archived either way. "Ann" too when R2's value replaced it;
        # not when R1 itself replaced it with "One" first (an edit, not a conflict).
        assert lost == (["Ann", "One"] if order[0] is c2 else ["One"])


def test_applying_twice_does_nothing_and_vector_survives_out_of_order(make_db):
    db = make_db("a")
    changes = [_school(), _person(), _plan()]
    r = apply_batch(db, [changes[2]])  # seq 3 first: parent missing, held, stored
    assert (r.received, r.held) == (1, 1)
    assert count(db, "SELECT seq FROM version_vector WHERE replica_id = ?", R1) == 0
    apply_batch(db, [changes[0]])
    assert count(db, "SELECT seq FROM version_vector WHERE replica_id = ?", R1) == 1
    apply_batch(db, [changes[1]])  # gap filled: the vector walks over the stored seq 3
    assert count(db, "SELECT seq FROM version_vector WHERE replica_id = ?", R1) == 3
    apply_pending(db)
    assert _row(db, "plan", PLAN, "title") == "Plan"
    before = dump(db), conflicts(db)
    again = apply_batch(db, changes)
    assert (again.received, again.duplicates, again.applied) == (0, 3, 0)
    assert (dump(db), conflicts(db)) == before
    assert pending_count(db) == (0, 0)


def test_child_before_parent_is_held_then_applied_whole(make_db):
    db = make_db("a")
    goal = change(
        R2,
        1,
        "goal",
        GOAL,
        {
            "id": GOAL,
            "plan_id": PLAN,
            "student_id": PERSON,
            "title": "Read",
            "created_at": 1.0,
            "updated_at": 1.0,
        },
        wall=1_700_000_000_100,
    )
    upd = change(R2, 2, "plan", PLAN, {"title": "Renamed", "updated_at": 2.0}, wall=1_700_000_000_200)
    r = apply_batch(db, [goal, upd])  # neither parent nor the plan row is here yet
    assert r.held == 2 and count(db, "SELECT COUNT(*) FROM goal") == 0
    assert pending_count(db) == (2, 0)
    r = apply_batch(db, [_school(), _person(), _plan()])  # parents arrive, in one batch
    res = apply_pending(db)
    assert res.applied == 2 and pending_count(db) == (0, 0)
    assert _row(db, "goal", GOAL, "title") == "Read"
    assert _row(db, "plan", PLAN, "title") == "Renamed"  # the later update wins over the insert
    with db.read() as s:
        assert raw_connection(s).execute("PRAGMA foreign_key_check").fetchall() == []


def test_parents_and_children_in_one_batch_in_any_order(make_db):
    db = make_db("a")
    r = apply_batch(db, [_plan(), _person(), _school()])
    assert (r.applied, r.held) == (3, 0)
    with db.read() as s:
        assert raw_connection(s).execute("PRAGMA foreign_key_check").fetchall() == []


def test_events_are_a_grow_only_set(make_db):
    db = make_db("a")
    sd = seed(db, students=1, items=1)
    att = "50000000-0000-7000-8000-000000000000"
    full = {
        "id": att,
        "student_id": sd.students[0],
        "item_id": sd.items[0],
        "skill_id": sd.skill,
        "answer": "2",
        "correct": True,
        "created_at": 5.0,
        "updated_at": 5.0,
    }
    tomb = change(R2, 1, "attempt", att, {"deleted": True, "updated_at": 9.0}, wall=1_900_000_000_000)
    r = apply_batch(db, [tomb])  # tombstone before the attempt: held
    assert r.held == 1
    apply_batch(db, [change(R1, 1, "attempt", att, full)])
    apply_pending(db)
    assert _row(db, "attempt", att, "deleted") == 1 and _row(db, "attempt", att, "updated_at") == 9.0
    undo = change(R1, 2, "attempt", att, {"deleted": False, "updated_at": 10.0}, wall=1_900_000_000_500)
    apply_batch(db, [undo])  # grow-only: a tombstone is never lifted
    assert _row(db, "attempt", att, "deleted") == 1
    assert count(db, "SELECT COUNT(*) FROM attempt WHERE id = ?", att) == 1
    assert conflicts(db) == []


def test_remote_purge_removes_row_children_and_payload_and_stays_final(make_db):
    db = make_db("a")
    apply_batch(db, [_school(), _person(), _plan()])
    att = "50000000-0000-7000-8000-000000000001"
    purge = change(R2, 1, "person", PERSON, {}, op="purge", wall=1_800_000_000_000)
    apply_batch(db, [purge])
    assert count(db, "SELECT COUNT(*) FROM person") == 0
    assert count(db, "SELECT COUNT(*) FROM plan") == 0  # it pointed at the person
    assert (
        count(db, "SELECT COUNT(*) FROM change WHERE row_id IN (?, ?) AND fields != '{}'", PERSON, PLAN) == 0
    )
    late = change(R1, 4, "person", PERSON, {"given_name": "Back?"}, wall=1_999_999_999_999)
    child = change(
        R1,
        5,
        "attempt",
        att,
        {"id": att, "student_id": PERSON, "item_id": "x", "skill_id": "y"},
        wall=1_999_999_999_999,
    )
    r = apply_batch(db, [late, child])
    assert r.dropped == 2 and r.held == 0
    assert count(db, "SELECT COUNT(*) FROM person") == 0 and count(db, "SELECT COUNT(*) FROM attempt") == 0
    # kept (so the vector has no gap) but without payload, so it is never forwarded with data
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM change WHERE replica_id = ? AND seq IN (4, 5) AND op = 'purge' "
            "AND fields = '{}'",
            R1,
        )
        == 2
    )


def test_local_clock_observes_remote_stamps(make_db):
    db = make_db("a")
    wall = int(time.time() * 1000) + 3_600_000  # a device an hour ahead
    apply_batch(db, [_school(wall=wall)])
    assert Stamp.decode(db.clock.tick()).wall >= wall


def test_an_edit_comes_after_the_value_it_replaces_even_from_a_clock_far_ahead(make_db):
    """A device two days ahead: our clock does not follow it for every stamp, but an edit of a
    value it wrote is stamped after that value, so the edit wins here and everywhere."""
    db = make_db("a")
    wall = int(time.time() * 1000) + 2 * 86_400_000
    apply_batch(db, [_school(), _person(wall=wall)])
    with db.write() as s:
        s.get(Person, PERSON).given_name = "Anna"
    with db.read() as s:
        assert s.get(Person, PERSON).given_name == "Anna"
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM change WHERE replica_id = ? AND hlc > ?",
            db.replica_id,
            Stamp(wall, 0, "").encode(),
        )
        == 1
    )


def test_two_profiles_for_one_student_merge_into_one(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1)
    student = sd.students[0]
    with a.write(purge=True) as s:  # start without a profile, as a lazily created one would
        s.delete(s.get(Profile, sd.profiles[student]))
    converge([a, b], share)
    with a.write() as s:
        pa = Profile(student_id=student, about_me="A's words", teacher_notes="A note")
        s.add(pa)
    with b.write() as s:
        pb = Profile(student_id=student, about_me="B's words", accommodations="B acc")
        s.add(pb)
    converge([a, b], share)
    keep = min(pa.id, pb.id)
    for db in (a, b):
        rows = dump(db, with_clocks=False)["profile"]
        assert [r[0] for r in rows] == [keep]
    assert dump(a, with_clocks=False) == dump(b, with_clocks=False)
    # An edit that a third device made to the losing id follows it into the kept row.
    later = max(pa.id, pb.id)
    apply_batch(
        a,
        [
            change(
                "60000000-0000-7000-8000-000000000000",
                1,
                "profile",
                later,
                {"about_me": "edited on the alias"},
                wall=2_000_000_000_000,
            )
        ],
    )
    assert _row(a, "profile", keep, "about_me") == "edited on the alias"
    # and both earlier texts are in the archive: neither device's words were silently lost
    lost = {json.loads(c[3]) for c in conflicts(a) if c[2] == "about_me"}
    assert {"A's words", "B's words"} <= lost | {_row(b, "profile", keep, "about_me")}


def test_rebuild_callbacks_run_after_commit_with_the_ids(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1, items=1)
    seen = []

    def cb(db, affected):
        # runs after commit: the rows are visible to a fresh read
        seen.append(
            (db is b, {t: set(ids) for t, ids in affected.items()}, count(db, "SELECT COUNT(*) FROM attempt"))
        )

    unregister = register_rebuild({"attempt"}, cb)
    try:
        from app.models import Attempt

        with a.write() as s:
            att = Attempt(student_id=sd.students[0], item_id=sd.items[0], skill_id=sd.skill)
            s.add(att)
        sync_once(a, share)
        sync_once(b, share)
    finally:
        unregister()
    assert seen == [(True, {"attempt": {att.id}}, 1)]


def test_goal_edits_on_two_replicas_converge(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1)
    converge([a, b], share)
    st = sd.students[0]
    with a.write() as s:
        g = Goal(plan_id=sd.plans[st], student_id=st, title="Fractions")
        s.add(g)
    converge([a, b], share)
    with a.write() as s:
        s.get(Goal, g.id).status = "met"
    with b.write() as s:
        s.get(Goal, g.id).title = "Fractions and decimals"
        s.get(Plan, sd.plans[st]).status = "submitted"
    converge([a, b], share)
    assert dump(a) == dump(b)
    assert _row(a, "goal", g.id, "status") == "met"
    assert _row(a, "goal", g.id, "title") == "Fractions and decimals"


def test_a_malformed_change_is_set_aside_and_sync_goes_on(make_db, share):
    """A change that breaks the schema (here: an attempt without a student) must not stop sync
    for good: it is stored (and forwarded) but set aside; the rest of its batch is applied."""
    from app.sync.apply import QUARANTINE

    db = make_db("a")
    sd = seed(db, students=1, items=1)
    good = "50000000-0000-7000-8000-00000000000a"
    bad = "50000000-0000-7000-8000-00000000000b"
    base = {"item_id": sd.items[0], "skill_id": sd.skill, "created_at": 1.0, "updated_at": 1.0}
    r = apply_batch(
        db,
        [
            change(R1, 1, "attempt", good, {"id": good, "student_id": sd.students[0], **base}),
            change(R1, 2, "attempt", bad, {"id": bad, "student_id": None, **base}),
            _school(seq=3),
        ],
    )
    assert r.received == 3 and r.ignored == 1
    assert count(db, "SELECT COUNT(*) FROM attempt WHERE id = ?", good) == 1
    assert count(db, "SELECT COUNT(*) FROM school WHERE id = ?", SCHOOL) == 1
    assert count(db, "SELECT seq FROM version_vector WHERE replica_id = ?", R1) == 3
    assert count(db, "SELECT schema_version FROM pending_change WHERE seq = 2") == QUARANTINE
    assert apply_pending(db).applied == 0  # never retried on its own
    # a record breaking NOT NULL fails in SQLite: its batch is redone change by change
    plan_ok, plan_bad = "30000000-0000-7000-8000-0000000000aa", "30000000-0000-7000-8000-0000000000bb"
    r = apply_batch(
        db,
        [
            change(R2, 1, "plan", plan_ok, {"id": plan_ok, "student_id": sd.students[0], "title": "Fine"}),
            change(R2, 2, "plan", plan_bad, {"id": plan_bad, "student_id": sd.students[0], "title": None}),
        ],
    )
    assert (r.received, r.applied, r.ignored) == (2, 1, 1)
    assert count(db, "SELECT COUNT(*) FROM plan WHERE id IN (?, ?)", plan_ok, plan_bad) == 1
    assert count(db, "SELECT seq FROM version_vector WHERE replica_id = ?", R2) == 2
    sync_once(db, share)  # and sync carries on


def test_held_changes_that_turn_out_bad_after_an_upgrade_are_set_aside(make_db):
    from app.store import capture
    from app.sync.held import QUARANTINE

    db = make_db("a")
    newer = capture.SCHEMA_VERSION + 1
    good = _school()
    good = change(good.replica_id, 1, "school", SCHOOL, good.fields, schema=newer)
    bad = change(
        R1,
        2,
        "person",
        PERSON,
        {"id": PERSON, "school_id": SCHOOL, "role": "student", "given_name": {"x": 1}},
        schema=newer,
    )
    apply_batch(db, [good, bad])
    assert pending_count(db) == (0, 2)  # both wait for a newer Tessera
    with db.write(remote=True) as s:  # ... which this one now is
        raw_connection(s).execute("UPDATE pending_change SET schema_version = ?", (capture.SCHEMA_VERSION,))
    apply_pending(db)  # a name that is an object must not stop it (it raised ProgrammingError before)
    assert _row(db, "school", SCHOOL, "name") == "Hill"
    assert count(db, "SELECT COUNT(*) FROM person WHERE id = ?", PERSON) == 0
    assert count(db, "SELECT COUNT(*) FROM pending_change WHERE schema_version = ?", QUARANTINE) == 1
