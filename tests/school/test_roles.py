"""Issue 21 permissions at the service level: a leader signs in like a teacher and sees no private
work unless shared; co-teachers each keep their own notes; a teacher cannot change another
teacher's class, a co-teacher can."""

from __future__ import annotations

import pytest

from app.errors import InvalidInput, PermissionDenied
from app.planning.plans import PlanDraft


def test_leader_signs_in_like_a_teacher_and_is_not_a_teacher_of_any_class(school):
    assert school.leader.role == "leader" and school.leader.is_leader and not school.leader.is_teacher
    assert school.ctx.services.roster.my_classes(school.leader) == []


def test_leader_cannot_read_checkins_profiles_or_unshared_notes(school):
    ctx, info = school.ctx, school.info
    kid = info.student_ids[0]
    school.ctx.services.school.notes.write(school.teacher, school.class_a, kid, "Worried about home", "")
    school.ctx.services.school.notes.write(school.co, school.class_a, kid, "Loves maps", "team")
    with pytest.raises(PermissionDenied):
        ctx.services.checkins.for_student(school.leader, kid)
    with pytest.raises(PermissionDenied):
        ctx.services.profiles.get(school.leader, kid)
    with pytest.raises(PermissionDenied):
        ctx.services.school.notes.for_student(school.leader, school.class_a, kid)
    before = {n.id for n in ctx.services.school.notes.shared_with_leaders(school.leader)}  # the demo's own
    assert not any(n.student_id == kid for n in ctx.services.school.notes.shared_with_leaders(school.leader))
    # once a teacher shares a note with leaders, the leader sees that one note and no other
    ctx.services.school.notes.write(
        school.teacher, school.class_a, kid, "Needs a quiet room for tests", "leader"
    )
    shared = [n for n in ctx.services.school.notes.shared_with_leaders(school.leader) if n.id not in before]
    assert [n.text for n in shared] == ["Needs a quiet room for tests"]


def test_teachers_cannot_read_the_leader_only_list(school):
    with pytest.raises(PermissionDenied):
        school.ctx.services.school.notes.shared_with_leaders(school.teacher)


def test_co_teachers_keep_their_own_notes_and_see_only_shared_ones_of_the_other(school):
    notes = school.ctx.services.school.notes
    kid = school.info.student_ids[7]  # (the demo keeps notes on students 1 and 4)
    mine = notes.write(school.teacher, school.class_a, kid, "private to me")
    notes.write(school.co, school.class_a, kid, "co's private")
    notes.write(
        school.co, school.class_a, kid, "co's shared now", "team"
    )  # the co-teacher's one note, updated
    seen_by_teacher = {(n.text, n.mine) for n in notes.for_student(school.teacher, school.class_a, kid)}
    assert seen_by_teacher == {("private to me", True), ("co's shared now", False)}
    assert [n.text for n in notes.for_student(school.co, school.class_a, kid) if not n.mine] == []
    with pytest.raises(PermissionDenied):
        notes.edit_other(school.co, mine.id, "overwritten")
    with pytest.raises(PermissionDenied):
        notes.for_student(school.other, school.class_a, kid)
    with pytest.raises(PermissionDenied):
        notes.write(school.other, school.class_a, kid, "sneaky")
    with pytest.raises(InvalidInput):
        notes.write(school.teacher, school.class_a, kid, "x", "everyone")


def test_a_note_may_name_only_a_student_of_that_class(school):
    with pytest.raises(PermissionDenied):
        school.ctx.services.school.notes.write(
            school.teacher, school.class_a, school.b_students[0], "not mine"
        )


def test_teacher_cannot_edit_another_teachers_class_a_co_teacher_can(school):
    ctx = school.ctx
    kid = school.info.student_ids[2]
    with pytest.raises(PermissionDenied):
        ctx.services.roster.add_student(school.other, school.class_a, "Intruder")
    with pytest.raises(PermissionDenied):
        ctx.services.roster.set_pin_optional(school.other, school.class_a, True)
    with pytest.raises(PermissionDenied):
        ctx.services.plans.save(school.other, kid, PlanDraft(title="x", goals=[]))
    with pytest.raises(PermissionDenied):
        ctx.services.school.staff.add_co_teacher(school.other, school.class_a, school.other.person_id)
    # the co-teacher is a full teacher of the class
    row = ctx.services.roster.add_student(school.co, school.class_a, "Newcomer")
    assert row.given_name == "Newcomer"
    ctx.services.roster.set_pin_optional(school.co, school.class_a, True)
    assert {t.name for t in ctx.services.school.staff.class_teachers(school.co, school.class_a)} >= {"Cal Co"}
    # a leader changes no class's work either
    with pytest.raises(PermissionDenied):
        ctx.services.roster.add_student(school.leader, school.class_a, "Leader's pick")


def test_only_leaders_add_staff(school):
    with pytest.raises(PermissionDenied):
        school.ctx.services.school.staff.add_staff(
            school.teacher, "leader", "Me", "Too", "me.too", "password-1"
        )
    row = school.ctx.services.school.staff.add_staff(school.leader, "teacher", "New", "T", "new.t", None)
    assert row.role == "teacher"
