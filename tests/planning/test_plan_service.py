"""Plans: building, self-assessment, evidence, teacher review and the class overview, with every
permission rule."""

from __future__ import annotations

import time

import pytest

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.planning.plans import GoalDraft, MilestoneDraft, PlanDraft

DAY = 86_400.0
NO_PLAN = 5  # Finn has no plan in the demo


def _draft(svc, actor, n=2):
    sugg = svc.suggestions(actor, actor.person_id)
    assert len(sugg) >= n
    now = time.time()
    return PlanDraft(
        "Autumn plan",
        [
            GoalDraft(
                g.title,
                g.why,
                list(g.skill_ids),
                g.path,
                now + 40 * DAY,
                20,
                [MilestoneDraft("Start", now + 7 * DAY)],
            )
            for g in sugg[:n]
        ],
    )


@pytest.fixture
def finn(as_student):
    return as_student(NO_PLAN)


def test_student_builds_and_submits_a_plan(demo, finn, teacher):
    ctx, _info = demo
    plans = ctx.services.plans
    assert plans.get(finn, finn.person_id) is None
    view = plans.save(finn, finn.person_id, _draft(plans, finn), submit=True)
    assert view.status == "submitted" and len(view.goals) == 2
    assert all(g.milestones and g.pace.status == "on_track" for g in view.goals)
    assert plans.get(teacher, finn.person_id).id == view.id  # the teacher sees it too
    # Editing an approved plan sends it back for approval; a goal left out is dropped, not deleted.
    plans.review(teacher, view.id, "approved", "Good")
    draft = _draft(plans, finn, 1)
    draft.goals[0].id = view.goals[0].id
    again = plans.save(finn, finn.person_id, draft)
    assert again.status == "submitted" and [g.id for g in again.goals] == [view.goals[0].id]


def test_plan_input_is_checked(demo, finn):
    plans = demo[0].services.plans
    with pytest.raises(InvalidInput, match="at least one goal"):
        plans.save(finn, finn.person_id, PlanDraft(goals=[]))
    with pytest.raises(InvalidInput, match="at most 5"):
        plans.save(
            finn,
            finn.person_id,
            PlanDraft(goals=[GoalDraft(f"G{i}", path="project", target_date=1e10) for i in range(6)]),
        )
    with pytest.raises(InvalidInput, match="needs at least one skill"):
        plans.save(
            finn, finn.person_id, PlanDraft(goals=[GoalDraft("Practice", path="practice", target_date=1e10)])
        )
    with pytest.raises(InvalidInput, match="pace"):
        plans.save(finn, finn.person_id, PlanDraft(goals=[GoalDraft("No pace", path="project")]))
    with pytest.raises(InvalidInput, match="not in the skill framework"):
        plans.save(
            finn, finn.person_id, PlanDraft(goals=[GoalDraft("X", skill_ids=["nope"], target_date=1e10)])
        )


def test_a_student_cannot_read_or_change_another_students_plan(demo, finn, as_student):
    plans = demo[0].services.plans
    other = as_student(0)
    with pytest.raises(PermissionDenied):
        plans.get(finn, other.person_id)
    with pytest.raises(PermissionDenied):
        plans.suggestions(finn, other.person_id)
    with pytest.raises(PermissionDenied):
        plans.save(finn, other.person_id, _draft(plans, finn))
    goal = plans.get(other, other.person_id).goals[0]
    with pytest.raises(PermissionDenied):
        plans.self_assess(finn, goal.id, 3, "not mine")
    with pytest.raises(PermissionDenied):
        plans.set_milestone_done(finn, goal.milestones[0].id, True)
    with pytest.raises(PermissionDenied):
        plans.attach_evidence(finn, goal.id, "note", note="sneaky")


def test_teacher_only_reviews_and_gives_feedback_in_their_classes(demo, teacher, other, as_student):
    ctx, info = demo
    plans = ctx.services.plans
    amara = as_student(0)
    plan = plans.get(amara, amara.person_id)
    with pytest.raises(PermissionDenied):
        plans.review(amara, plan.id, "approved")  # a student cannot approve
    with pytest.raises(PermissionDenied):
        plans.feedback(amara, plan.goals[0].id, "great")
    with pytest.raises(PermissionDenied):
        plans.get(other.teacher, amara.person_id)  # another class's teacher
    with pytest.raises(PermissionDenied):
        plans.review(other.teacher, plan.id, "approved")
    with pytest.raises(PermissionDenied):
        plans.class_overview(other.teacher, info.class_id)
    with pytest.raises(PermissionDenied):
        plans.class_overview(teacher, other.class_id)
    with pytest.raises(PermissionDenied):
        plans.save(teacher, amara.person_id, _draft(plans, amara))  # the plan is the student's own
    with pytest.raises(InvalidInput, match="what you suggest"):
        plans.review(teacher, plan.id, "changes_suggested", "")
    plans.review(teacher, plan.id, "changes_suggested", "Add dates to your milestones")
    plans.feedback(teacher, plan.goals[0].id, "Lovely choice")
    after = plans.get(amara, amara.person_id)
    assert after.status == "changes_suggested" and after.teacher_note == "Add dates to your milestones"
    assert after.goals[0].teacher_feedback == "Lovely choice"


def test_self_assessment_milestones_and_evidence(demo, finn):
    plans = demo[0].services.plans
    view = plans.save(finn, finn.person_id, _draft(plans, finn))
    goal = view.goals[0]
    with pytest.raises(InvalidInput, match="level"):
        plans.self_assess(finn, goal.id, 7, "")
    plans.self_assess(finn, goal.id, 2, "I need the worked example still.")
    plans.set_milestone_done(finn, goal.milestones[0].id, True)
    plans.attach_evidence(finn, goal.id, "note", note="Explained it to my sister")
    with pytest.raises(PermissionDenied, match="your own work"):
        plans.attach_evidence(finn, goal.id, "draft", ref_id="someone-elses-draft")
    g = plans.get(finn, finn.person_id).goals[0]
    assert (g.self_level, g.self_reflection) == (2, "I need the worked example still.")
    assert g.milestones[0].done
    note = next(e for e in g.evidence if e.kind == "note")
    assert note.label == "Explained it to my sister"
    plans.remove_evidence(finn, note.id)
    assert not [e for e in plans.get(finn, finn.person_id).goals[0].evidence if e.kind == "note"]
    with pytest.raises(NotFound):
        plans.remove_evidence(finn, "missing")


def test_progress_is_shown_not_claimed_and_met_goals_are_celebrated(demo, finn, teacher):
    ctx, _info = demo
    plans, cel = ctx.services.plans, ctx.services.celebrations
    todo = [
        k
        for d in ctx.services.framework.jagged_profile(finn, finn.person_id)
        for k in d.skills
        if not k.mastered
    ]
    goals = [
        GoalDraft(
            f"Master {k.name}", skill_ids=[k.skill_id], path="practice", target_date=time.time() + 9 * DAY
        )
        for k in todo[:2]
    ]
    view = plans.save(finn, finn.person_id, PlanDraft(goals=goals))
    goal = view.goals[0]
    with pytest.raises(InvalidInput, match="shown, not claimed"):
        plans.set_goal_status(finn, goal.id, "met")
    # The evidence arrives: every goal skill is mastered (as the practice engine would record).
    from app.models import LearnerSkillState

    with ctx.db.write() as s:
        for k in goal.skill_ids:
            st = s.get(LearnerSkillState, (finn.person_id, k)) or LearnerSkillState(
                student_id=finn.person_id, skill_id=k
            )
            st.mastered, st.mastery, st.attempts = True, 0.95, 20
            s.add(st)
    assert plans.record_met_goals(finn, [finn.person_id]) == [goal.title]
    assert plans.record_met_goals(finn, [finn.person_id]) == []  # once only
    assert cel.for_student(finn, finn.person_id)[0].title == f"Met a goal: {goal.title}"
    assert plans.get(finn, finn.person_id).goals[0].pace.status == "done"
    # The teacher may mark any goal met by hand (also celebrated).
    other_goal = view.goals[1]
    plans.set_goal_status(teacher, other_goal.id, "met")
    assert any(c.title == f"Met a goal: {other_goal.title}" for c in cel.for_student(teacher, finn.person_id))


def test_class_overview_shows_on_track_behind_and_done(demo, teacher):
    ctx, info = demo
    overview = ctx.services.plans.class_overview(teacher, info.class_id)
    assert len(overview.rows) == 24
    assert (
        overview.count("no_plan") == 3 and overview.count("behind") >= 3 and overview.count("on_track") >= 10
    )
    assert overview.waiting >= 3
    behind = next(r for r in overview.rows if r.pace == "behind")
    assert behind.reason and behind.goals >= 2
    # Done: every goal met.
    row = next(r for r in overview.rows if r.pace == "on_track")
    plans = ctx.services.plans
    for g in plans.get(teacher, row.student_id).goals:
        plans.set_goal_status(teacher, g.id, "met")
    done = {r.student_id: r for r in plans.class_overview(teacher, info.class_id).rows}[row.student_id]
    assert done.pace == "done" and done.goals_met == done.goals


def test_a_goal_met_twice_is_celebrated_once(demo, finn, teacher):
    ctx, _info = demo
    plans, cel = ctx.services.plans, ctx.services.celebrations
    goal = plans.save(finn, finn.person_id, _draft(plans, finn, 1)).goals[0]
    plans.set_goal_status(teacher, goal.id, "met")
    plans.set_goal_status(teacher, goal.id, "active")
    plans.set_goal_status(teacher, goal.id, "met")
    assert [c.title for c in cel.for_student(finn, finn.person_id)].count(f"Met a goal: {goal.title}") == 1


def test_weekly_minutes_are_remembered_until_a_student_practises(demo):
    import time as _t

    from sqlalchemy import select

    from app.models import Attempt, Item
    from app.planning.plan_data import WeeklyMinutes, minutes_last_week
    from app.store.capture import bulk_insert_events

    ctx, info = demo
    ids = list(info.student_ids)
    now = _t.time()
    weekly = WeeklyMinutes()
    with ctx.db.read() as s:
        first = weekly.get(s, ids, now)
        assert first == minutes_last_week(s, ids, now)
        item = s.execute(select(Item).limit(1)).scalars().first()
        item_id, skill_id = item.id, item.skill_id
    with ctx.db.write() as s:
        bulk_insert_events(
            s,
            Attempt,
            [
                {
                    "student_id": ids[0],
                    "item_id": item_id,
                    "skill_id": skill_id,
                    "correct": True,
                    "response_ms": 600_000,
                    "at": now - 60,
                    "partition": "//",
                }
            ],
        )
    with ctx.db.read() as s:
        second = weekly.get(s, ids, now)
        assert second == minutes_last_week(s, ids, now)
    # (x + 600000) / 60000 and x / 60000 + 10 may differ in the last bit, whatever the demo's times
    assert second[(ids[0], skill_id)] == pytest.approx(first.get((ids[0], skill_id), 0.0) + 10.0)
    assert {k: v for k, v in second.items() if k[0] != ids[0]} == {
        k: v for k, v in first.items() if k[0] != ids[0]
    }


def test_weekly_minutes_drop_when_an_attempt_of_the_week_is_erased(demo):
    """An attempt erased elsewhere arrives by sync as a tombstone: the row stays (events are a grow-only
    set), so its student's count of attempts in the week does not move, yet the minutes must."""
    import json
    import time as _t

    from sqlalchemy import select

    from app.ids import new_id
    from app.models import Attempt, Item
    from app.planning.plan_data import WeeklyMinutes, minutes_last_week
    from app.store.capture import SCHEMA_VERSION, bulk_insert_events
    from app.store.hlc import Stamp
    from app.sync.apply import apply_batch
    from app.sync.changes import ChangeRec

    ctx, info = demo
    ids = list(info.student_ids)
    now = _t.time()
    attempt_id = new_id()
    with ctx.db.read() as s:
        item = s.execute(select(Item).limit(1)).scalars().first()
        item_id, skill_id = item.id, item.skill_id
    with ctx.db.write() as s:
        bulk_insert_events(
            s,
            Attempt,
            [
                {
                    "id": attempt_id,
                    "student_id": ids[0],
                    "item_id": item_id,
                    "skill_id": skill_id,
                    "correct": True,
                    "response_ms": 600_000,
                    "at": now - 60,
                    "partition": "//",
                }
            ],
        )
    weekly = WeeklyMinutes()
    with ctx.db.read() as s:
        before = weekly.get(s, ids, now)
    other = "00000000-0000-7000-8000-0000000000e2"  # another replica, where the attempt was erased
    tomb = ChangeRec(
        other,
        1,
        Stamp(int(now * 1000), 0, other).encode(),
        "attempt",
        attempt_id,
        "delete",
        "//",
        SCHEMA_VERSION,
        json.dumps({"deleted": True, "updated_at": now}),
    )
    assert apply_batch(ctx.db, [tomb]).applied == 1
    with ctx.db.read() as s:
        assert s.get(Attempt, attempt_id).deleted
        after = weekly.get(s, ids, now)
        assert after == minutes_last_week(s, ids, now)
    assert after.get((ids[0], skill_id), 0.0) == pytest.approx(before[(ids[0], skill_id)] - 10.0)
    others_after = {k: v for k, v in after.items() if k[0] != ids[0]}
    assert others_after == {k: v for k, v in before.items() if k[0] != ids[0]}
