"""The school library (share, copy with credit, updates offered, teachers leading the way, hostile
bodies refused) and teams across classes (each teacher fills and sees their own students' part)."""

from __future__ import annotations

import time

import pytest

from app.errors import InvalidInput, PermissionDenied
from app.planning.challenges import ChallengeDraft


def _task(school):
    from app.writing.results import TaskSpec

    return school.ctx.services.writing.create_task(
        school.teacher,
        school.class_a,
        TaskSpec(title="A letter to the council", prompt="Write to ask for a crossing."),
    )


def test_share_copy_with_credit_and_offer_updates(school):
    lib = school.ctx.services.school.library
    task = _task(school)
    item = lib.share_writing_task(school.teacher, task.id, "Persuasive letter, 300 words")
    assert item.author == school.teacher.name and item.revision == 1 and item.mine
    seen = [v for v in lib.items(school.other) if v.id == item.id]  # newest first, after the demo's own
    assert lib.items(school.other)[0].id == item.id and seen[0].title == "A letter to the council"
    assert not seen[0].mine
    made = lib.copy(school.other, item.id, school.class_b)
    copied = school.ctx.services.writing.task(school.other, made)
    assert copied.class_id == school.class_b and copied.prompt == "Write to ask for a crossing."
    v = lib.get(school.other, item.id)
    assert v.my_revision == 1 and not v.update_offered and lib.get(school.teacher, item.id).copies == 1
    # the author improves it: the colleague is offered the update and takes it
    body = dict(item.body, prompt="Write to the council to ask for a safe crossing.")
    lib.improve(school.teacher, item.id, item.title, item.summary, body)
    assert lib.get(school.other, item.id).update_offered
    assert lib.take_update(school.other, item.id) == made
    assert school.ctx.services.writing.task(school.other, made).prompt.startswith("Write to the council")
    assert not lib.get(school.other, item.id).update_offered
    with pytest.raises(PermissionDenied):
        lib.improve(school.other, item.id, "mine now", "", body)
    leaders = {x.author_id: x for x in lib.leading(school.leader)}
    me = leaders[school.teacher.person_id]
    assert "A letter to the council" in me.titles and me.copies >= 2 and me.adopters >= 1


def test_copy_only_into_my_own_class_and_hostile_bodies_are_refused(school):
    lib = school.ctx.services.school.library
    item = lib.share_writing_task(school.teacher, _task(school).id)
    with pytest.raises(PermissionDenied):
        lib.copy(school.other, item.id, school.class_a)
    with pytest.raises(PermissionDenied):
        lib.share_writing_task(school.other, _task(school).id)
    for kind, body in [("challenge", {"title": "x", "checkpoints": [["a", "soon"]]}),
                       ("challenge", {"title": "x", "checkpoints": "a"}),
                       ("question_set", {"items": [{"prompt": ""}]}),
                       ("question_set", {"items": [{"prompt": "q"}] * 500}),
                       ("malware", {}), ("rubric", [])]:  # fmt: skip
        with pytest.raises(InvalidInput):
            lib.share(school.teacher, kind, "t", "", body)  # type: ignore[arg-type]


def test_challenge_template_and_question_set_copies(school):
    lib = school.ctx.services.school.library
    ch = school.ctx.services.challenges.create(school.teacher, ChallengeDraft(
        title="Park makeover", class_id=school.class_a, checkpoints=[("Plan", time.time() + 86400), ("Build", time.time() + 5 * 86400)]))  # fmt: skip
    item = lib.share_challenge(school.teacher, ch.id)
    made = lib.copy(school.other, item.id, school.class_b, start=time.time())
    view = school.ctx.services.challenges.get(school.other, made)
    assert view.title == "Park makeover" and [c.title for c in view.checkpoints] == ["Plan", "Build"]
    code = next(iter(school.ctx.services.framework.skills_by_code()))
    qs = lib.share(
        school.teacher,
        "question_set",
        "Quick sums",
        "",
        {"items": [{"skill": code, "prompt": "2+2", "answer": "4"}]},
    )
    assert lib.copy(school.other, qs.id) == ""


def test_school_wide_team_across_two_classes_each_teacher_sees_their_part(school):
    ctx = school.ctx
    ch = ctx.services.challenges.create(school.teacher, ChallengeDraft(
        title="Green week", scope="school", checkpoints=[("Survey", time.time() + 86400)]))  # fmt: skip
    teams = ctx.services.school.teams
    team = teams.make_team(school.teacher, ch.id, "Bees")
    a_kids = list(school.info.student_ids[:2])
    teams.set_my_students(school.teacher, team, school.class_a, a_kids)
    teams.set_my_students(school.other, team, school.class_b, [school.b_students[0]])
    with pytest.raises(PermissionDenied):
        teams.set_my_students(school.other, team, school.class_b, a_kids)  # not their students
    with pytest.raises(PermissionDenied):
        teams.set_my_students(school.other, team, school.class_a, [])  # not their class
    (a_view,) = teams.my_part(school.teacher, ch.id, school.class_a)
    (b_view,) = teams.my_part(school.other, ch.id, school.class_b)
    assert {i for i, _n in a_view.my_students} == set(a_kids) and a_view.others == 1 and a_view.classes == 2
    assert [i for i, _n in b_view.my_students] == [school.b_students[0]] and b_view.others == 2
    # a second team may not take a student already on one
    other_team = teams.make_team(school.other, ch.id, "Ants")
    with pytest.raises(InvalidInput):
        teams.set_my_students(school.other, other_team, school.class_b, [school.b_students[0]])
    cp = next(iter(a_view.statuses))
    teams.set_status(school.other, team, cp, "done")
    assert (
        next(p for p in teams.my_part(school.teacher, ch.id, school.class_a) if p.team_id == team).statuses[
            cp
        ]
        == "done"
    )
    # the leader's overview counts the checkpoint in both classes
    ov = ctx.services.school.overview.overview(school.leader)
    b = next(f for f in ov.classes if f.class_id == school.class_b)
    assert (b.checkpoints_done, b.checkpoints_total) >= (1, 1)


def test_students_on_a_team_across_classes_see_it_and_post_to_it(school):
    ctx = school.ctx
    ch = ctx.services.challenges.create(school.teacher, ChallengeDraft(
        title="Book week", scope="school", checkpoints=[("Read", time.time() + 86400)]))  # fmt: skip
    teams = ctx.services.school.teams
    team = teams.make_team(school.teacher, ch.id, "Owls")
    kid_a = school.info.student_ids[5]
    teams.set_my_students(school.teacher, team, school.class_a, [kid_a])
    teams.set_my_students(school.other, team, school.class_b, [school.b_students[1]])
    from app.people.actor import Actor

    zoe = Actor(school.b_students[1], "student", school.info.school_id, "Yan B")
    mine = [(c.title, t.name) for c, t in ctx.services.challenges.for_student(zoe)]
    assert ("Book week", "Owls") in mine
    ctx.services.team_work.post(zoe, team, "progress", "We picked our books.")
    assert [log.text for log in ctx.services.team_work.logs(school.teacher, team)] == ["We picked our books."]
    outsider = Actor(school.info.student_ids[6], "student", school.info.school_id, "Not on it")
    with pytest.raises(PermissionDenied):
        ctx.services.team_work.post(outsider, team, "progress", "let me in")


def test_erasing_a_student_takes_them_off_a_team_across_classes(school):
    from sqlalchemy import select

    from app.models import Person, TeamMember

    ctx = school.ctx
    ch = ctx.services.challenges.create(school.teacher, ChallengeDraft(
        title="Green week", scope="school", checkpoints=[("Survey", time.time() + 86400)]))  # fmt: skip
    teams = ctx.services.school.teams
    team = teams.make_team(school.teacher, ch.id, "Bees")
    kid, keep = school.info.student_ids[:2]
    teams.set_my_students(school.teacher, team, school.class_a, [kid, keep])
    with ctx.db.read() as s:
        name = s.get(Person, kid).full_name
    ctx.services.privacy.erase_student(school.teacher, kid, name)
    with ctx.db.read() as s:
        left = {
            m.student_id for m in s.execute(select(TeamMember).where(TeamMember.team_id == team)).scalars()
        }
    assert left == {keep}
    (view,) = teams.my_part(school.teacher, ch.id, school.class_a)
    assert [i for i, _n in view.my_students] == [keep]
