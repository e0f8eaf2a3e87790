"""Every permission rule, at the service level (the UI is not the guard)."""

from __future__ import annotations

import pytest

from app.errors import InvalidInput, PermissionDenied, SignInError
from app.people.accounts import AccountService


@pytest.fixture
def second_teacher(demo):
    """Another teacher with a class of their own in the same school."""
    ctx, info = demo
    from app.models import Account, Enrollment, Person
    from app.people.accounts import hash_secret

    with ctx.db.write() as s:
        p = Person(
            school_id=info.school_id, role="teacher", given_name="Other", partition=f"{info.school_id}//"
        )
        s.add(p)
        s.flush()
        s.add(Account(person_id=p.id, username="other", password_hash=hash_secret("password-2")))
    other = ctx.services.accounts.sign_in_teacher("other", "password-2")
    klass = ctx.services.roster.create_class(other, "Year 8 Oak")
    kid = ctx.services.roster.add_student(other, klass.id, "Olu", "Ade")
    del Enrollment
    return other, klass, kid


def _student(ctx, info, index=0):
    klass = ctx.services.accounts.sign_in_classes()
    klass = next(c for c in klass if c.id == info.class_id)
    pick = ctx.services.accounts.sign_in_students(klass.id)[index]
    return ctx.services.accounts.sign_in_student(klass.id, pick.id, info.pin)


def test_teacher_sees_only_own_classes(demo, teacher, second_teacher):
    ctx, info = demo
    other, oak, kid = second_teacher
    assert [c.id for c in ctx.services.roster.my_classes(teacher)] == [info.class_id]
    assert [c.id for c in ctx.services.roster.my_classes(other)] == [oak.id]
    with pytest.raises(PermissionDenied):
        ctx.services.roster.students(other, info.class_id)
    with pytest.raises(PermissionDenied):
        ctx.services.profiles.get(other, info.student_ids[0])
    with pytest.raises(PermissionDenied):
        ctx.services.framework.jagged_profile(teacher, kid.id)
    with pytest.raises(PermissionDenied):
        ctx.services.celebrations.for_student(teacher, kid.id)


def test_teacher_cannot_change_other_teachers_students(demo, teacher, second_teacher):
    ctx, _info = demo
    _other, oak, kid = second_teacher
    with pytest.raises(PermissionDenied):
        ctx.services.roster.set_archived(teacher, kid.id, True)
    with pytest.raises(PermissionDenied):
        ctx.services.roster.update_student(teacher, kid.id, given_name="Hacked")
    with pytest.raises(PermissionDenied):
        ctx.services.profiles.update(teacher, kid.id, teacher_notes="x")
    with pytest.raises(PermissionDenied):
        ctx.services.roster.add_student(teacher, oak.id, "Sneaky")
    with pytest.raises(PermissionDenied):
        ctx.services.accounts.set_pin(teacher, oak.id, kid.id, "4321")
    with pytest.raises(PermissionDenied):
        ctx.services.celebrations.add(teacher, kid.id, "Nope")


def test_student_sees_and_edits_only_own_profile(demo):
    ctx, info = demo
    me = _student(ctx, info, 0)
    other_id = next(s for s in info.student_ids if s != me.person_id)
    mine = ctx.services.profiles.get(me, me.person_id)
    assert mine.teacher_notes is None  # private notes never reach the student
    updated = ctx.services.profiles.update(me, me.person_id, interests="robots, chess", about_me="Hi!")
    assert updated.interests == ["robots", "chess"] and updated.about_me == "Hi!"
    with pytest.raises(PermissionDenied):
        ctx.services.profiles.get(me, other_id)
    with pytest.raises(PermissionDenied):
        ctx.services.profiles.update(me, other_id, about_me="x")
    with pytest.raises(PermissionDenied):
        ctx.services.profiles.update(me, me.person_id, teacher_notes="I am great")
    with pytest.raises(PermissionDenied):
        ctx.services.profiles.update(me, me.person_id, accommodations="none")
    with pytest.raises(PermissionDenied):
        ctx.services.framework.jagged_profile(me, other_id)
    with pytest.raises(PermissionDenied):
        ctx.services.roster.students(me, info.class_id)
    with pytest.raises(PermissionDenied):
        ctx.services.roster.set_archived(me, me.person_id, True)
    with pytest.raises(PermissionDenied):
        ctx.services.celebrations.add(me, me.person_id, "I celebrate myself")


def test_teacher_edits_all_profile_fields(demo, teacher):
    ctx, info = demo
    sid = info.student_ids[2]
    view = ctx.services.profiles.update(
        teacher,
        sid,
        teacher_notes="Loves puzzles",
        accommodations="Large text",
        strengths=["drawing", "drawing", " maps "],
    )
    assert view.teacher_notes == "Loves puzzles" and view.strengths == ["drawing", "maps"]
    with pytest.raises(InvalidInput):
        ctx.services.profiles.update(teacher, sid, favourite_colour="blue")
    with pytest.raises(InvalidInput):
        ctx.services.profiles.update(teacher, sid, about_me="x" * 5000)


def test_archive_and_undo(demo, teacher):
    ctx, info = demo
    sid = info.student_ids[1]
    ctx.services.roster.set_archived(teacher, sid, True)
    active = ctx.services.roster.students(teacher, info.class_id)
    assert sid not in [r.id for r in active] and len(active) == 23
    everyone = ctx.services.roster.students(teacher, info.class_id, include_archived=True)
    assert [r.archived for r in everyone if r.id == sid] == [True]
    ctx.services.roster.set_archived(teacher, sid, False)
    assert len(ctx.services.roster.students(teacher, info.class_id)) == 24


def test_roster_search(demo, teacher):
    ctx, info = demo
    rows = ctx.services.roster.students(teacher, info.class_id, search="pat")
    assert [r.full_name for r in rows] == ["Dev Patel"]


def test_teacher_password_and_first_teacher(ctx):
    acc = ctx.services.accounts
    assert not acc.has_teacher()
    with pytest.raises(InvalidInput):
        acc.create_first_teacher("School", "Ann", "Lee", "ann", "short", "7A")
    actor = acc.create_first_teacher("School", "Ann", "Lee", "ann.lee", "long enough", "7A")
    assert acc.has_teacher() and actor.is_teacher
    with pytest.raises(SignInError):
        acc.sign_in_teacher("ann.lee", "wrong password")
    assert acc.sign_in_teacher("Ann.Lee", "long enough").person_id == actor.person_id
    from sqlmodel import select

    from app.models import Account

    with ctx.db.read() as s:
        stored = s.exec(select(Account)).one().password_hash
    assert stored.startswith("$argon2id$") and "long enough" not in stored


def test_wrong_pins_are_throttled(demo):
    ctx, info = demo
    acc: AccountService = ctx.services.accounts
    pick = acc.sign_in_students(info.class_id)[0]
    t = 1_000_000.0
    for _ in range(3):
        with pytest.raises(SignInError, match="not right"):
            acc.sign_in_student(info.class_id, pick.id, "0000", now=t)
    with pytest.raises(SignInError, match="wait"):
        acc.sign_in_student(info.class_id, pick.id, info.pin, now=t + 1)  # even the right PIN waits
    actor = acc.sign_in_student(info.class_id, pick.id, info.pin, now=t + 31)
    assert actor.person_id == pick.id
    # a fresh start after success
    with pytest.raises(SignInError, match="not right"):
        acc.sign_in_student(info.class_id, pick.id, "0000", now=t + 32)


def test_pin_optional_class(demo, teacher):
    ctx, info = demo
    pick = ctx.services.accounts.sign_in_students(info.class_id)[0]
    with pytest.raises(SignInError):
        ctx.services.accounts.sign_in_student(info.class_id, pick.id, "")
    ctx.services.roster.set_pin_optional(teacher, info.class_id, True)
    assert ctx.services.accounts.sign_in_student(info.class_id, pick.id, "").person_id == pick.id


def test_archived_student_cannot_sign_in(demo, teacher):
    ctx, info = demo
    pick = ctx.services.accounts.sign_in_students(info.class_id)[0]
    ctx.services.roster.set_archived(teacher, pick.id, True)
    with pytest.raises(SignInError):
        ctx.services.accounts.sign_in_student(info.class_id, pick.id, info.pin)


def test_set_pin(demo, teacher):
    ctx, info = demo
    sid = info.student_ids[4]
    with pytest.raises(InvalidInput):
        ctx.services.accounts.set_pin(teacher, info.class_id, sid, "12")
    ctx.services.accounts.set_pin(teacher, info.class_id, sid, "8642")
    assert ctx.services.accounts.sign_in_student(info.class_id, sid, "8642").person_id == sid
