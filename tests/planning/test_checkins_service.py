"""Check-ins: a few seconds for the student, private to them and their teachers, a quiet flag after
several low-mood check-ins in a row, and a school policy that switches them off."""

from __future__ import annotations

import itertools
import time

import pytest

from app.errors import InvalidInput, PermissionDenied
from app.people.actor import Actor
from app.planning.checkins import CheckInService, CheckInsOff, low_mood_streak

DAY = 86_400.0
NIA = 13  # flagged in the demo


def test_low_mood_streak():
    assert low_mood_streak([2, 1, 2, 5]) == 3
    assert low_mood_streak([3, 1, 1, 1]) == 0
    assert low_mood_streak([]) == 0


def test_student_checks_in_and_sees_their_trend(demo, as_student):
    ctx, _info = demo
    svc = ctx.services.checkins
    dev = as_student(3)
    view = svc.record(dev, 4, 3, "  Looking forward to the trip ")
    assert view.note == "Looking forward to the trip" and svc.done_today(dev)
    mine = svc.for_student(dev, dev.person_id)
    assert mine[-1].id == view.id and all(a.at <= b.at for a, b in itertools.pairwise(mine))
    with pytest.raises(InvalidInput):
        svc.record(dev, 6, 3)
    with pytest.raises(InvalidInput, match="short"):
        svc.record(dev, 3, 3, "x" * 300)


def test_check_ins_are_private(demo, teacher, other, as_student):
    ctx, info = demo
    svc = ctx.services.checkins
    dev, amara = as_student(3), as_student(0)
    with pytest.raises(PermissionDenied):
        svc.for_student(amara, dev.person_id)  # not another student's
    with pytest.raises(PermissionDenied):
        svc.for_student(other.teacher, dev.person_id)  # not another class's teacher
    with pytest.raises(PermissionDenied):
        svc.class_view(other.teacher, info.class_id)
    with pytest.raises(PermissionDenied):
        svc.class_view(amara, info.class_id)
    with pytest.raises(PermissionDenied, match="only students"):
        svc.record(teacher, 3, 3)
    assert svc.for_student(teacher, dev.person_id)  # their own teacher may
    view = svc.record(dev, 2, 2)
    with pytest.raises(PermissionDenied):
        svc.remove(amara, view.id)
    svc.remove(dev, view.id)  # a student may take one back (a tombstone)
    assert view.id not in {c.id for c in svc.for_student(dev, dev.person_id)}


def test_teacher_sees_class_trend_and_a_quiet_flag(demo, teacher, as_student):
    ctx, info = demo
    svc = ctx.services.checkins
    cv = svc.class_view(teacher, info.class_id)
    assert [f.student_id for f in cv.flags] == [info.student_ids[NIA]]
    assert "quiet word" in cv.flags[0].message and cv.flags[0].streak >= 3
    assert len(cv.students) == 24 and len(cv.days) >= 8 and all(d.count >= 3 for d in cv.days)
    # A good day ends the streak; three low ones in a row start a flag.
    nia, ben = as_student(NIA), as_student(1)
    svc.record(nia, 4, 4, "Better today")
    now = time.time()
    svc.record(ben, 4, 4, now=now - 1)  # whatever the demo gave Ben before, a good day resets
    for k in range(2):
        svc.record(ben, 2, 2, now=now + k)
    assert [f.name for f in svc.class_view(teacher, info.class_id, now=now + 10).flags] == []
    svc.record(ben, 1, 2, now=now + 5)
    flags = svc.class_view(teacher, info.class_id, now=now + 10).flags
    assert [f.student_id for f in flags] == [ben.person_id]


def test_school_policy_switches_check_ins_off(demo, teacher, as_student):
    ctx, info = demo
    svc = ctx.services.checkins
    dev = as_student(3)
    with pytest.raises(PermissionDenied, match="administrator"):
        svc.set_school_enabled(teacher, False)
    admin = Actor("admin-1", "admin", info.school_id, "Head")
    svc.set_school_enabled(admin, False)
    assert not svc.enabled(dev) and not svc.enabled(teacher)
    with pytest.raises(CheckInsOff):
        svc.record(dev, 3, 3)
    with pytest.raises(CheckInsOff):
        svc.class_view(teacher, info.class_id)
    with pytest.raises(CheckInsOff):
        svc.for_student(dev, dev.person_id)
    assert all(s.action != "checkin" for s in ctx.services.what_next.for_student(dev))
    svc.set_school_enabled(admin, True)
    assert svc.enabled(dev)


def test_machine_or_user_setting_switches_check_ins_off(demo, as_student):
    ctx, _info = demo
    ctx.settings.policy["checkins_enabled"] = "false"  # as the installer's machine policy would say
    svc = CheckInService(ctx.db, ctx.settings)
    dev = as_student(3)
    assert not svc.enabled(dev)
    with pytest.raises(CheckInsOff):
        svc.record(dev, 3, 3)
    assert ctx.services.checkins.enabled(dev) is False  # the app's own service reads the same settings
