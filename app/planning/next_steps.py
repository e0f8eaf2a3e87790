"""What next: rank what is best for a learner to do now, each with its reason in plain words.

A pure function over plain facts (``rank``), so the rules are tested with scenarios and the
service only gathers the facts. Every option is returned, best first: the learner may choose any.

Rules, highest first (scores are 0-100):
- work that is overdue (writing, a challenge checkpoint, a plan milestone): 86-95, the later the higher;
- writing returned with feedback: 80 (read it while it is fresh);
- a challenge checkpoint or writing due within three days: 70-85, the sooner the higher;
- a check-in not done today: 72 (a few seconds, and it helps the teacher help you);
- reviews due before a skill fades: 55-80 by how overdue, +5 for a skill in a plan goal (three at most);
- the next step of a plan goal: 45-70 (behind pace ranks higher);
- no plan yet, or a plan the teacher sent back: 50-65;
- work due later, reviews coming up soon: 25-45.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app import i18n
from app.i18n import _
from app.planning.progress import SkillFact

DAY = 86_400.0
MAX_REVIEWS = 3


@dataclass(frozen=True)
class GoalStep:
    goal_id: str
    title: str
    path: str
    skill_ids: tuple[str, ...] = ()
    next_milestone: str = ""
    milestone_due: float = 0.0
    pace: str = "on_track"  # "on_track" | "behind" | "done"
    progress: float = 0.0
    weakest_skill: str = ""  # the name of the goal skill to practise next


@dataclass(frozen=True)
class CheckpointFact:
    challenge_id: str
    challenge_title: str
    team_id: str
    title: str
    due_at: float
    status: str = "not_started"


@dataclass(frozen=True)
class WritingFact:
    task_id: str
    title: str
    due_at: float = 0.0
    draft_status: str = "none"  # "none" | "writing" | "submitted" | "returned"
    returned_at: float = 0.0


@dataclass
class HomeFacts:
    now: float
    skills: list[SkillFact] = field(default_factory=list)
    goals: list[GoalStep] = field(default_factory=list)
    plan_status: str = ""  # "" = no plan
    checkpoints: list[CheckpointFact] = field(default_factory=list)
    writing: list[WritingFact] = field(default_factory=list)
    checkins_enabled: bool = True
    checked_in_today: bool = False


@dataclass(frozen=True)
class NextStep:
    action: str  # "practice" | "writing" | "checkin" | "plan" | "challenge"
    arg: str  # what to open (a skill, task, goal or challenge id), may be ""
    title: str
    reason: str
    score: float
    kind: str  # "review" | "goal" | "checkpoint" | "writing" | "feedback" | "checkin" | "plan"
    goal_id: str = ""  # for a goal's step: the goal, so a screen can open it in the plan instead


def review_interval_days(mastery: float, mastered: bool, attempts: int) -> float:
    """How long a skill holds before it needs a review: longer the better it is known.
    (The practice engine's scheduler refines this when it records its own intervals.)"""
    if mastered:
        return 14.0
    if attempts >= 5 and mastery >= 0.7:
        return 7.0
    if mastery >= 0.5:
        return 4.0
    return 2.0


def _when(ts: float, now: float) -> str:
    days = _days_between(now, ts)
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    if days < 0:
        return _("{v} days ago", v=-days)
    if days < 7:
        return _("on {day}", day=i18n.weekday(ts))
    return _("on {day}", day=i18n.day(ts))


def _days_between(now: float, ts: float) -> int:
    """Calendar days from now to ts in local time (negative: in the past)."""
    return (dt.date.fromtimestamp(ts) - dt.date.fromtimestamp(now)).days


def _reviews(f: HomeFacts, goal_skills: set[str]) -> list[NextStep]:
    out = []
    for s in f.skills:
        if not s.attempts or not s.last_at:
            continue
        interval = review_interval_days(s.mastery, s.mastered, s.attempts)
        since = (f.now - s.last_at) / DAY
        ratio = since / interval
        bonus = 5.0 if s.skill_id in goal_skills else 0.0
        days = round(since)
        if ratio >= 1.0:
            score = min(80.0, 55.0 + 10.0 * (ratio - 1.0)) + bonus
            what = (_("you know it well") if s.mastered else
                    _("it was hard last time, so ask for help if it still is") if s.level == "stuck" else
                    _("you are still building it"))  # fmt: skip
            reason = _(
                "You last practised {name} {days} days ago and {what}: a short review now keeps it from fading.",
                name=s.name,
                days=days,
                what=what,
            )
        elif ratio >= 0.75:
            score = 30.0 + bonus
            reason = _(
                "{name} will be due for a review in a day or two; a head start helps it stick.", name=s.name
            )
        else:
            continue
        out.append(
            NextStep(
                "practice", s.skill_id, _("Review {name}", name=s.name), reason, round(score, 2), "review"
            )
        )
    out.sort(key=lambda n: (-n.score, n.title))
    return out[:MAX_REVIEWS]


def _goals(f: HomeFacts) -> list[NextStep]:
    out = []
    for g in f.goals:
        if g.pace == "done":
            continue
        action = {"practice": "practice", "writing": "writing", "project": "plan"}.get(g.path, "plan")
        arg = g.skill_ids[0] if action == "practice" and g.skill_ids else g.goal_id
        pct = round(g.progress * 100)
        if g.next_milestone and g.milestone_due:
            d = _days_between(f.now, g.milestone_due)
            if d < 0:
                score = min(95.0, 86.0 + 3.0 * (-d))
                reason = _(
                    "Your milestone “{next_milestone}” was due {when}.",
                    next_milestone=g.next_milestone,
                    when=_when(g.milestone_due, f.now),
                )
            elif d <= 3:
                score = 70.0 - 2.0 * d
                reason = _(
                    "Your milestone “{next_milestone}” is due {when}.",
                    next_milestone=g.next_milestone,
                    when=_when(g.milestone_due, f.now),
                )
            else:
                score = 45.0
                reason = _(
                    "Next step for your goal: “{next_milestone}” ({pct}% done so far).",
                    next_milestone=g.next_milestone,
                    pct=pct,
                )
        else:
            score = 45.0
            reason = _("Keep going on your goal: {pct}% done so far.", pct=pct)
        if g.pace == "behind":
            score = max(score, 60.0)
            reason += _(" You are a little behind your plan; a session now catches up.")
        if action == "practice" and g.weakest_skill:
            reason += _(" Practise {weakest_skill}.", weakest_skill=g.weakest_skill)
        out.append(NextStep(action, arg, g.title, reason, round(score, 2), "goal", g.goal_id))
    return out


def _checkpoints(f: HomeFacts) -> list[NextStep]:
    out = []
    for c in f.checkpoints:
        if c.status == "done":
            continue
        d = _days_between(f.now, c.due_at) if c.due_at else 99
        if d < 0:
            score = min(95.0, 88.0 + 2.0 * (-d))
            reason = _(
                "Your team's checkpoint “{title}” for {challenge_title} was due {when}.",
                title=c.title,
                challenge_title=c.challenge_title,
                when=_when(c.due_at, f.now),
            )
        elif d <= 7:
            score = 85.0 - 3.0 * d
            reason = _(
                "Your team's checkpoint “{title}” for {challenge_title} is due {when}.",
                title=c.title,
                challenge_title=c.challenge_title,
                when=_when(c.due_at, f.now),
            )
        else:
            score = 35.0 if c.status == "in_progress" else 25.0
            reason = _(
                "Coming up for {challenge_title}: “{title}”, due {when}.",
                challenge_title=c.challenge_title,
                title=c.title,
                when=_when(c.due_at, f.now),
            )
        out.append(NextStep("challenge", c.challenge_id, c.title, reason, round(score, 2), "checkpoint"))
    out.sort(key=lambda n: (-n.score, n.title))
    return out[:2]


def _writing(f: HomeFacts) -> list[NextStep]:
    out = []
    for w in f.writing:
        if w.draft_status == "returned":
            if f.now - w.returned_at <= 14 * DAY:
                out.append(
                    NextStep(
                        "writing",
                        w.task_id,
                        _("Read feedback on {title}", title=w.title),
                        _(
                            "Your teacher returned your writing with feedback: read it while it is fresh and improve your draft."
                        ),
                        80.0,
                        "feedback",
                    )
                )
            continue
        if w.draft_status == "submitted" or not w.due_at:
            continue
        d = _days_between(f.now, w.due_at)
        started = w.draft_status == "writing"
        verb = "Finish" if started else "Start"
        if d < 0:
            score, reason = (
                min(95.0, 90.0 + (-d)),
                _("{title} was due {when}.", title=w.title, when=_when(w.due_at, f.now)),
            )
        elif d <= 3:
            score, reason = (
                82.0 - 3.0 * d,
                _("{title} is due {when}.", title=w.title, when=_when(w.due_at, f.now)),
            )
        elif d <= 10:
            score, reason = (
                40.0,
                _(
                    "{title} is due {when}; starting early makes it easier.",
                    title=w.title,
                    when=_when(w.due_at, f.now),
                ),
            )
        else:
            continue
        out.append(NextStep("writing", w.task_id, f"{verb} {w.title}", reason, round(score, 2), "writing"))
    return out


def rank(f: HomeFacts) -> list[NextStep]:
    goal_skills = {s for g in f.goals if g.pace != "done" for s in g.skill_ids}
    steps: list[NextStep] = []
    if f.checkins_enabled and not f.checked_in_today:
        steps.append(
            NextStep(
                "checkin",
                "",
                _("Check in"),
                _(
                    "You have not checked in today. It takes a few seconds and helps your teacher know how you are."
                ),
                72.0,
                "checkin",
            )
        )
    if not f.plan_status:
        steps.append(
            NextStep(
                "plan",
                "",
                _("Make your plan"),
                _("You do not have a plan yet: choose goals that start from your strengths and interests."),
                50.0,
                "plan",
            )
        )
    elif f.plan_status == "changes_suggested":
        steps.append(
            NextStep(
                "plan",
                "",
                "Update your plan",
                _("Your teacher suggested changes to your plan: read the note and update it."),
                65.0,
                "plan",
            )
        )
    elif f.plan_status == "draft":
        steps.append(
            NextStep(
                "plan",
                "",
                _("Send your plan to your teacher"),
                _("Your plan is still a draft: send it to your teacher when you are happy with it."),
                48.0,
                "plan",
            )
        )
    steps += _writing(f) + _checkpoints(f) + _goals(f) + _reviews(f, goal_skills)
    steps.sort(key=lambda n: (-n.score, n.kind, n.title))
    return steps
