"""Demo plans, challenges, check-ins and celebrations for the demo class.

Most students have a plan of two or three goals (some approved, some waiting, a few sent back, a
few behind); a running challenge with six teams at different checkpoints, and a finished one with
rubric scores; two weeks of check-ins in which one student reports low mood three times in a row."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from sqlalchemy import select

from app.models import (
    Celebration,
    Challenge,
    CheckIn,
    Goal,
    GoalEvidence,
    LearnerSkillState,
    Milestone,
    Plan,
    RubricScore,
    Skill,
    Team,
    TeamCheckpoint,
    TeamLog,
)
from app.people.actor import SYSTEM
from app.planning.attachments import FileStore
from app.planning.challenges import ChallengeService
from app.planning.plans import PlanService
from app.store.database import Database

DAY = 86_400.0
NO_PLAN = {5, 17, 22}
BEHIND = {1, 8, 14, 19, 23}
SENT_BACK = {6, 20}
WAITING = {2, 9, 12, 15, 21}
FLAGGED = 13  # Nia: three low-mood check-ins in a row
TEAM_NAMES = ["Team Oak", "Team Willow", "Team Birch", "Team Rowan", "Team Hazel", "Team Alder"]

REFLECTIONS = [
    "I can do most of these now without the worked example.",
    "I still mix up the steps when it gets long.",
    "Explaining it to Sami helped me see where I went wrong.",
    "I get it in practice but rush in tests.",
]
FEEDBACK = [
    "Great choice. Try two short sessions a week rather than one long one.",
    "Your evidence is convincing: the practice shows real progress.",
    "Lovely link to your interests. Add a milestone for sharing what you make.",
]
NOTES = [
    "Measured three ramps at the skate park and worked out the angles.",
    "Made a poster with my results and showed it to my family.",
    "Wrote up what I found in my journal.",
]
TEAM_POSTS = [
    ("progress", "We counted how many people use each part of the yard at lunch for three days."),
    ("progress", "Measured the corner by the fence: 12.5 m by 8 m, so 100 m\u00b2."),
    ("reflection", "We argued about the bench idea but the survey settled it: people want shade first."),
    ("progress", "Split the work: two of us on the scale drawing, two on costs."),
]
NOTES_NOTE = "Notes from our schoolyard survey\n\nNorth corner: 14 people at lunch\nBy the fence: 3 people\n"


def seed_planning(db: Database, ids, rng: random.Random, now: float) -> None:
    """Making plans, challenges and check-ins"""
    plans = PlanService(db)
    suggestions = {sid: plans.suggestions(SYSTEM, sid) for sid in ids.student_ids}
    with db.write() as s:
        skills = {k.id: k for k in s.execute(select(Skill)).scalars()}
        mastered: dict[str, list[LearnerSkillState]] = {}
        for st in s.execute(select(LearnerSkillState).where(LearnerSkillState.mastered == True)).scalars():
            mastered.setdefault(st.student_id, []).append(st)
        for i, sid in enumerate(ids.student_ids):
            if i in NO_PLAN:
                continue
            part = _partition(s, sid)
            _seed_plan(s, i, sid, part, suggestions[sid], mastered.get(sid, []), skills, rng, now)
    _seed_goal_practice(db, ids, rng, now)
    plans.record_met_goals(SYSTEM, list(ids.student_ids), now=now - 3600)
    _seed_challenges(db, ids, rng, now)
    with db.write() as s:
        for i, sid in enumerate(ids.student_ids):
            _seed_checkins(s, i, sid, _partition(s, sid), rng, now)


def _partition(s, sid: str) -> str:
    from app.models import Person

    return s.get(Person, sid).partition


def _seed_plan(s, i, sid, part, sugg, mastered, skills, rng, now) -> None:
    started = now - rng.uniform(20, 32) * DAY
    status = (
        "changes_suggested"
        if i in SENT_BACK
        else "submitted"
        if i in WAITING
        else "draft"
        if i % 11 == 10
        else "approved"
    )
    note = ""
    if status == "changes_suggested":
        note = "Two goals is plenty for this term: pick the one that matters most to you and add dates."
    elif status == "approved":
        note = rng.choice(
            ["Well chosen: go for it!", "Approved. Check in with me after the first milestone.", ""]
        )
    plan = Plan(
        student_id=sid,
        title="My plan for this term",
        status=status,
        teacher_note=note,
        term="Autumn",
        created_at=started,
        updated_at=started + DAY,
        partition=part,
    )
    s.add(plan)
    s.flush()
    chosen = list(sugg[: 2 + (i % 2)])
    for g_i, g in enumerate(chosen):
        target = started + rng.choice([42, 49, 56]) * DAY
        weekly = (20 if i in BEHIND else rng.choice([0, 0, 15])) if g.path == "practice" else 0
        goal = Goal(
            plan_id=plan.id,
            student_id=sid,
            title=g.title,
            why=g.why,
            skill_ids=list(g.skill_ids),
            path=g.path,
            target_date=target,
            weekly_minutes=weekly,
            sort=g_i,
            created_at=started,
            updated_at=started,
            partition=part,
        )
        if rng.random() < 0.5:
            goal.self_level = rng.choice([1, 2, 2, 3])
            goal.self_reflection = rng.choice(REFLECTIONS)
        if status == "approved" and rng.random() < 0.5:
            goal.teacher_feedback = rng.choice(FEEDBACK)
        s.add(goal)
        s.flush()
        for m_i, (title, days) in enumerate(_milestones(g.path, g.title)):
            due = started + days * DAY
            done = due < now and not (i in BEHIND and m_i == 0 and g_i == 0)
            s.add(
                Milestone(
                    goal_id=goal.id,
                    title=title,
                    due_at=due,
                    done=done,
                    done_at=due - DAY if done else 0.0,
                    partition=part,
                    created_at=started,
                )
            )
        if g.path != "practice" and rng.random() < 0.7:
            s.add(
                GoalEvidence(
                    goal_id=goal.id,
                    kind="note",
                    note=rng.choice(NOTES),
                    partition=part,
                    created_at=started + 9 * DAY,
                )
            )
    # A met goal for a few students: a skill they mastered since the plan began.
    recent = [m for m in mastered if m.mastered_at > started]
    if recent and i % 3 == 0:
        st = recent[0]
        name = skills[st.skill_id].name
        goal = Goal(
            plan_id=plan.id,
            student_id=sid,
            title=f"Master {name}",
            why="I was close already.",
            skill_ids=[st.skill_id],
            path="practice",
            target_date=started + 28 * DAY,
            status="met",
            self_level=3,
            self_reflection="I can do these without thinking now.",
            sort=9,
            created_at=started,
            updated_at=st.mastered_at,
            partition=part,
        )
        s.add(goal)
        s.flush()
        s.add(
            Celebration(
                student_id=sid,
                kind="goal_met",
                title=f"Met a goal: Master {name}",
                ref_id=goal.id,
                at=st.mastered_at + 60,
                partition=part,
            )
        )


def _seed_goal_practice(db: Database, ids, rng: random.Random, now: float) -> None:
    """Practice towards each goal's skills since the plan began, so progress is shown by evidence:
    steady sessions for most, a few early sessions only for the students who fell behind. Only the
    attempts are written; the practice engine derives the estimates from them."""
    from app.models import Attempt, Item
    from app.store.capture import bulk_insert_events

    with db.write() as s:
        items: dict[str, list[str]] = {}
        for item_id, skill_id in s.execute(select(Item.id, Item.skill_id).order_by(Item.id)).all():
            items.setdefault(skill_id, []).append(item_id)
        goals = list(
            s.execute(
                select(Goal).where(Goal.status == "active").order_by(Goal.student_id, Goal.sort)
            ).scalars()
        )
        rows = []
        index = {sid: i for i, sid in enumerate(ids.student_ids)}
        for g in goals:
            behind = index.get(g.student_id, 0) in BEHIND
            for skill_id in g.skill_ids:
                if not items.get(skill_id):
                    continue  # judged from writing, not from questions
                p_right = 0.6 if behind else rng.uniform(0.75, 0.92)
                t = g.created_at + rng.uniform(0.5, 2) * DAY
                end = (g.created_at + 8 * DAY) if behind else now - 3600
                while t < end:
                    for _ in range(rng.randint(8, 14)):  # one sitting
                        rows.append(
                            {
                                "student_id": g.student_id,
                                "item_id": rng.choice(items[skill_id]),
                                "skill_id": skill_id,
                                "correct": rng.random() < p_right,
                                "response_ms": int(rng.uniform(20_000, 40_000)),
                                "at": t,
                                "device": "demo",
                                "partition": g.partition,
                            }
                        )
                        t += rng.uniform(20, 60)
                    t += rng.uniform(1.5, 3.5) * DAY
        rows.sort(key=lambda r: r["at"])
        for start in range(0, len(rows), 5000):
            bulk_insert_events(s, Attempt, rows[start : start + 5000])
    _update_estimates(db)


def _update_estimates(db: Database) -> None:
    """Let the practice engine bring its estimates up to date with the new attempts (so met goals
    can be recognised from them)."""
    try:
        from app.practice.live import live_model
    except ImportError:  # an engine without live estimates: the builder derives them later
        return
    live_model(db).reconcile()


def _milestones(path: str, title: str) -> list[tuple[str, int]]:
    if path == "practice":
        return [
            ("Practise three times a week", 10),
            ("Get most questions right without hints", 24),
            ("Explain a worked example to a friend", 40),
        ]
    if path == "writing":
        return [("Plan my piece", 9), ("First draft", 21), ("Final draft with feedback used", 38)]
    return [("Gather what I need", 8), ("Make a first version", 22), ("Share it with the class", 40)]


def _seed_challenges(db: Database, ids, rng: random.Random, now: float) -> None:
    service = ChallengeService(db)
    # A finished challenge from last half-term, with rubric scores and celebrations.
    old = service.draft_from_template("food-bank-data", ids.class_id, now - 58 * DAY)
    old_view = service.create(SYSTEM, old)
    teams = service.suggest_teams(SYSTEM, old_view.id, ids.class_id, 6)
    service.set_teams(
        SYSTEM,
        old_view.id,
        ids.class_id,
        [(TEAM_NAMES[-1 - k], list(t.member_ids)) for k, t in enumerate(teams)],
    )
    criteria = [r["criterion"] for r in old_view.rubric]
    with db.write() as s:
        for team in s.execute(select(Team).where(Team.challenge_id == old_view.id)).scalars():
            for tc in s.execute(select(TeamCheckpoint).where(TeamCheckpoint.team_id == team.id)).scalars():
                tc.status = "done"
            s.add(
                RubricScore(
                    team_id=team.id,
                    scores={c: rng.choice([2, 3, 3, 4]) for c in criteria},
                    comment="Clear graphs; the food bank used your recommendations.",
                    partition=team.partition,
                )
            )
            for sid in team.member_ids:
                s.add(
                    Celebration(
                        student_id=sid,
                        kind="challenge_done",
                        title=f"Finished the challenge: {old.title}",
                        ref_id=old_view.id,
                        at=now - 31 * DAY,
                        partition=_partition(s, sid),
                    )
                )
        s.get(Challenge, old_view.id).status = "finished"

    # The running challenge: started sixteen days ago, two checkpoints past, two to come.
    draft = service.draft_from_template("greener-schoolyard", ids.class_id, now - 16 * DAY)
    view = service.create(SYSTEM, draft)
    teams = service.suggest_teams(SYSTEM, view.id, ids.class_id, 6)
    service.set_teams(
        SYSTEM, view.id, ids.class_id, [(TEAM_NAMES[k], list(t.member_ids)) for k, t in enumerate(teams)]
    )
    cps = [c.id for c in view.checkpoints]
    # Per team: status of each checkpoint (one team is late on both past checkpoints).
    plan = [
        ("done", "done", "in_progress", "not_started"),
        ("done", "done", "not_started", "not_started"),
        ("done", "in_progress", "not_started", "not_started"),
        ("done", "done", "done", "not_started"),
        ("in_progress", "not_started", "not_started", "not_started"),
        ("done", "done", "in_progress", "not_started"),
    ]
    store = FileStore(db.path.parent / "files")
    with tempfile.TemporaryDirectory() as tmp:
        notes = Path(tmp) / "survey-notes.txt"
        notes.write_text(NOTES_NOTE, encoding="utf-8")
        stored = store.store(notes)
    with db.write() as s:
        rows = list(s.execute(select(Team).where(Team.challenge_id == view.id).order_by(Team.name)).scalars())
        for k, team in enumerate(rows):
            statuses = plan[k % len(plan)]
            for tc in s.execute(select(TeamCheckpoint).where(TeamCheckpoint.team_id == team.id)).scalars():
                tc.status = statuses[cps.index(tc.checkpoint_id)]
            members = list(team.member_ids)
            for n, (kind, text) in enumerate(TEAM_POSTS[: 1 + (k % 4)]):
                s.add(
                    TeamLog(
                        team_id=team.id,
                        author_id=members[n % len(members)],
                        kind=kind,
                        text=text,
                        created_at=now - (14 - 3 * n) * DAY,
                        partition=team.partition,
                    )
                )
            if k == 0:
                s.add(
                    TeamLog(
                        team_id=team.id,
                        author_id=members[0],
                        kind="attachment",
                        text="Our survey notes",
                        file_name=stored.name,
                        file_sha256=stored.sha256,
                        file_size=stored.size,
                        created_at=now - 9 * DAY,
                        partition=team.partition,
                    )
                )


def _seed_checkins(s, i: int, sid: str, part: str, rng: random.Random, now: float) -> None:
    today = dt.date.fromtimestamp(now)
    base = rng.choice([3, 4, 4, 5]) if i != FLAGGED else 3
    days = [today - dt.timedelta(days=d) for d in range(14, -1, -1)]
    # school days whose check-in time has passed: early on a Monday, today's has not happened yet, and the
    # flagged student's three low days must all be in the past
    days = [d for d in days if d.weekday() < 5 and dt.datetime.combine(d, dt.time(9, 31)).timestamp() < now]
    moods: list[int] = []
    for n, day in enumerate(days):
        if day == today and i % 4 == 3:
            continue  # some have not checked in yet today
        if i != FLAGGED and rng.random() < 0.2:
            continue
        at = dt.datetime.combine(day, dt.time(8, 40)).timestamp() + rng.uniform(0, 50 * 60)
        if at >= now:
            continue
        mood = max(1, min(5, base + rng.choice([-1, 0, 0, 0, 1])))
        if i == FLAGGED and n >= len(days) - 3:
            mood = (2, 1, 2)[n - (len(days) - 3)]  # the last three school days: low mood, a quiet flag
        if i != FLAGGED and moods and moods[-1] <= 2 and mood <= 2:
            mood = 3  # nobody but the flagged student has a low streak
        moods.append(mood)
        energy = max(1, min(5, mood + rng.choice([-1, 0, 1])))
        note = {1: "Bad week at home.", 2: "Tired."}.get(mood, "") if i == FLAGGED else ""
        s.add(
            CheckIn(student_id=sid, mood=mood, energy=energy, note=note, at=at, partition=part, created_at=at)
        )
