"""Goal progress and pace, and the "what next" ranking rules, as scenarios (pure functions)."""

from __future__ import annotations

import datetime as dt

from app.planning.next_steps import (
    CheckpointFact,
    GoalStep,
    HomeFacts,
    WritingFact,
    rank,
    review_interval_days,
)
from app.planning.progress import (
    GoalFacts,
    MilestoneFact,
    SkillFact,
    auto_met,
    goal_pace,
    goal_progress,
    plan_pace,
)

DAY = 86_400.0
# A Wednesday at 10:00 local time, so "today", "tomorrow" and weekdays are stable.
NOW = dt.datetime(2026, 3, 11, 10, 0).timestamp()


def skill(name="Fractions", mastery=0.5, attempts=10, mastered=False, last=NOW - DAY, sid=None):
    return SkillFact(sid or name, name, mastery, attempts, mastered, last)


# -- progress and pace ---------------------------------------------------------------------------------
def test_practice_progress_comes_from_mastery_not_milestones():
    g = GoalFacts(path="practice", skills=(skill(mastery=0.425),), milestones=(MilestoneFact("a", 0, True),))
    assert (
        goal_progress(g) == 0.425
    )  # the skill's own mastery (as the heatmap shows it); the milestone does not count


def test_project_progress_mixes_milestones_and_skills():
    g = GoalFacts(
        path="project",
        skills=(skill(mastered=True),),
        milestones=(MilestoneFact("a", 0, True), MilestoneFact("b", 0, False)),
    )
    assert goal_progress(g) == 0.75


def test_pace_behind_when_a_milestone_is_late():
    g = GoalFacts(
        started_at=NOW - 20 * DAY,
        target_date=NOW + 20 * DAY,
        skills=(skill(mastery=0.8),),
        milestones=(MilestoneFact("Practise three times", NOW - 3 * DAY, False),),
    )
    pace = goal_pace(g, NOW)
    assert pace.status == "behind" and "Practise three times" in pace.reason


def test_pace_behind_against_the_target_date_line_and_on_track_otherwise():
    slow = GoalFacts(started_at=NOW - 30 * DAY, target_date=NOW + 10 * DAY, skills=(skill(mastery=0.2),))
    assert goal_pace(slow, NOW).status == "behind"  # 75% of the time gone, ~24% done
    fine = GoalFacts(started_at=NOW - 10 * DAY, target_date=NOW + 30 * DAY, skills=(skill(mastery=0.2),))
    assert goal_pace(fine, NOW).status == "on_track"
    late = GoalFacts(started_at=NOW - 40 * DAY, target_date=NOW - DAY, skills=(skill(mastery=0.8),))
    assert "passed" in goal_pace(late, NOW).reason


def test_pace_behind_on_weekly_minutes_only_after_a_week():
    new = GoalFacts(started_at=NOW - 3 * DAY, weekly_minutes=60, minutes_last_week=0, skills=(skill(),))
    assert goal_pace(new, NOW).status == "on_track"
    old = GoalFacts(started_at=NOW - 10 * DAY, weekly_minutes=60, minutes_last_week=10, skills=(skill(),))
    assert goal_pace(old, NOW).status == "behind" and "10 of 60 minutes" in goal_pace(old, NOW).reason


def test_done_and_auto_met():
    practice = GoalFacts(skills=(skill(mastered=True), skill("Decimals", mastered=True)))
    assert auto_met(practice) and goal_pace(practice, NOW).status == "done"
    assert not auto_met(GoalFacts(skills=(skill(mastered=True), skill("Decimals"))))
    project = GoalFacts(path="project", milestones=(MilestoneFact("a", 0, True),), evidence_count=0)
    assert not auto_met(project)  # milestones ticked but nothing to show: not met by itself
    assert auto_met(GoalFacts(path="project", milestones=(MilestoneFact("a", 0, True),), evidence_count=1))
    assert plan_pace([goal_pace(practice, NOW)]) == "done"
    assert (
        plan_pace(
            [
                goal_pace(practice, NOW),
                goal_pace(GoalFacts(started_at=NOW - 30 * DAY, target_date=NOW - DAY), NOW),
            ]
        )
        == "behind"
    )


# -- what next ------------------------------------------------------------------------------------------
def test_check_in_is_offered_once_a_day_and_only_when_enabled():
    assert [s.action for s in rank(HomeFacts(now=NOW, plan_status="approved"))] == ["checkin"]
    assert rank(HomeFacts(now=NOW, plan_status="approved", checked_in_today=True)) == []
    assert rank(HomeFacts(now=NOW, plan_status="approved", checkins_enabled=False)) == []


def test_overdue_work_outranks_a_check_in_and_reviews():
    f = HomeFacts(
        now=NOW,
        plan_status="approved",
        skills=[skill("Decimals", 0.6, 12, last=NOW - 30 * DAY)],
        writing=[WritingFact("w1", "My persuasive letter", due_at=NOW - DAY, draft_status="writing")],
    )
    steps = rank(f)
    assert [s.kind for s in steps] == ["writing", "review", "checkin"]
    assert steps[0].title == "Finish My persuasive letter" and "yesterday" in steps[0].reason
    assert steps[1].action == "practice" and steps[1].arg == "Decimals"


def test_reviews_due_before_fading_are_ranked_by_how_overdue_and_capped():
    skills = [skill(f"S{i}", 0.6, 10, last=NOW - (5 + i) * DAY) for i in range(5)]
    skills.append(skill("Fresh", 0.6, 10, last=NOW - 0.5 * DAY))
    steps = [s for s in rank(HomeFacts(now=NOW, plan_status="approved", skills=skills)) if s.kind == "review"]
    assert [s.arg for s in steps] == ["S4", "S3", "S2"]  # most overdue first, three at most, fresh one absent
    assert "9 days ago" in steps[0].reason


def test_review_intervals_grow_with_mastery():
    assert (
        review_interval_days(0.3, False, 3)
        < review_interval_days(0.8, False, 10)
        < review_interval_days(0.9, True, 20)
    )


def test_goal_steps_follow_milestones_and_pace():
    goals = [
        GoalStep(
            "g1",
            "Fractions goal",
            "practice",
            ("F",),
            "Practise three times",
            NOW + DAY,
            "on_track",
            0.4,
            "Adding fractions",
        ),
        GoalStep("g2", "Comic story", "writing", (), "First draft", NOW + 20 * DAY, "behind", 0.2),
        GoalStep("g3", "Done goal", "practice", ("X",), "", 0.0, "done", 1.0),
    ]
    steps = [s for s in rank(HomeFacts(now=NOW, plan_status="approved", goals=goals, checked_in_today=True))]
    assert [s.goal_id for s in steps] == ["g1", "g2"]  # a met goal has no next step
    assert "tomorrow" in steps[0].reason and "Practise Adding fractions" in steps[0].reason
    assert steps[0].action == "practice" and steps[0].arg == "F"
    assert steps[1].action == "writing" and "behind" in steps[1].reason


def test_challenge_checkpoints_coming_up_and_writing_feedback():
    f = HomeFacts(
        now=NOW,
        plan_status="approved",
        checked_in_today=True,
        checkpoints=[
            CheckpointFact("c1", "Greener yard", "t1", "Measure the space", NOW + 2 * DAY),
            CheckpointFact("c1", "Greener yard", "t1", "Survey", NOW - 5 * DAY, "done"),
            CheckpointFact("c1", "Greener yard", "t1", "Present", NOW + 30 * DAY),
        ],
        writing=[WritingFact("w2", "Story", draft_status="returned", returned_at=NOW - DAY)],
    )
    steps = rank(f)
    # Fresh feedback (80) just ahead of a checkpoint in two days (79); one due in a month comes last.
    assert [(s.kind, s.title) for s in steps] == [
        ("feedback", "Read feedback on Story"),
        ("checkpoint", "Measure the space"),
        ("checkpoint", "Present"),
    ]
    assert "on Friday" in steps[1].reason and steps[1].action == "challenge" and steps[1].arg == "c1"


def test_no_plan_or_plan_sent_back_is_a_step():
    assert rank(HomeFacts(now=NOW, checked_in_today=True))[0].title == "Make your plan"
    back = rank(HomeFacts(now=NOW, plan_status="changes_suggested", checked_in_today=True))[0]
    assert back.title == "Update your plan" and back.action == "plan"


def test_ranking_is_deterministic_and_shows_every_option():
    f = HomeFacts(
        now=NOW,
        skills=[skill(f"S{i}", 0.6, 10, last=NOW - 9 * DAY) for i in range(3)],
        writing=[WritingFact("w", "Essay", due_at=NOW + 9 * DAY)],
    )
    a, b = rank(f), rank(f)
    assert a == b and len(a) == 6  # 3 reviews (equal scores, by title), plan, check-in, writing
    assert [s.score for s in a] == sorted((s.score for s in a), reverse=True)
