"""Goal progress and pace, as pure functions over plain facts (so they are tested with scenarios
and the teacher's overview can compute them for a whole class at once).

Progress is shown, not claimed: a practice goal's progress comes from the learner's mastery of
the goal's skills; a project or writing goal's from its milestones, and from its skills if it has any.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app import i18n
from app.i18n import _

DAY = 86_400.0
BEHIND_MARGIN = 0.2  # progress may trail the straight line to the target date by this much
MILESTONE_GRACE = DAY  # a milestone counts as late a day after its date


@dataclass(frozen=True)
class SkillFact:
    skill_id: str
    name: str
    mastery: float = 0.0
    attempts: int = 0
    mastered: bool = False
    last_at: float = 0.0
    judged: bool = False  # a teacher's judgement from work counts toward the level
    level: str = ""  # ``practice.standing.skill_level`` where read (Home), so its words match the heatmap


@dataclass(frozen=True)
class MilestoneFact:
    title: str
    due_at: float = 0.0
    done: bool = False


@dataclass(frozen=True)
class GoalFacts:
    path: str = "practice"
    status: str = "active"
    started_at: float = 0.0
    target_date: float = 0.0
    weekly_minutes: int = 0
    skills: tuple[SkillFact, ...] = ()
    milestones: tuple[MilestoneFact, ...] = ()
    minutes_last_week: float = 0.0
    evidence_count: int = 0


@dataclass(frozen=True)
class Pace:
    status: str  # "on_track" | "behind" | "done"
    progress: float  # 0..1
    expected: float  # 0..1, where a straight line to the target date would be by now
    reason: str = ""
    late_milestones: tuple[str, ...] = field(default=())


def skill_progress(s: SkillFact) -> float:
    """A skill's part of a goal: the same figure the heatmap, skill detail and jagged profile show
    (its mastery), and 100% only once it is mastered by the one rule (``practice.standing``). It was
    mastery / MASTERY_TARGET, so a new goal on a 77% skill read "90%" while the heatmap said 77."""
    if s.mastered:
        return 1.0
    if not s.attempts and not s.judged:
        return 0.0
    return min(0.99, max(0.0, s.mastery))


def milestone_progress(ms: tuple[MilestoneFact, ...]) -> float | None:
    if not ms:
        return None
    return sum(1 for m in ms if m.done) / len(ms)


def goal_progress(g: GoalFacts) -> float:
    if g.status == "met":
        return 1.0
    skills = sum(skill_progress(s) for s in g.skills) / len(g.skills) if g.skills else None
    miles = milestone_progress(g.milestones)
    if g.path == "practice":
        parts = [skills] if skills is not None else [miles]
    else:
        parts = [miles, skills]
    parts = [p for p in parts if p is not None]
    return round(sum(parts) / len(parts), 3) if parts else 0.0


def auto_met(g: GoalFacts) -> bool:
    """Met without anyone claiming it: every skill mastered (practice), or every milestone done
    with evidence attached (a project or writing)."""
    if g.status != "active":
        return False
    if g.path == "practice":
        return bool(g.skills) and all(s.mastered for s in g.skills)
    return bool(g.milestones) and all(m.done for m in g.milestones) and g.evidence_count > 0


def _day(ts: float) -> str:
    return i18n.day(ts)


def goal_pace(g: GoalFacts, now: float) -> Pace:
    progress = goal_progress(g)
    expected = 0.0
    if g.target_date > g.started_at > 0:
        expected = min(1.0, max(0.0, (now - g.started_at) / (g.target_date - g.started_at)))
    if g.status == "met" or progress >= 1.0:
        return Pace("done", progress, expected, _("Goal met."))
    late = tuple(
        m.title for m in g.milestones if not m.done and m.due_at and now - m.due_at > MILESTONE_GRACE
    )
    pct = f"{round(progress * 100)}%"
    if late:
        first = min((m for m in g.milestones if m.title == late[0]), key=lambda m: m.due_at)
        return Pace(
            "behind",
            progress,
            expected,
            _("Milestone “{v}” was due on {day}.", v=late[0], day=_day(first.due_at)),
            late,
        )
    if g.target_date and now > g.target_date:
        return Pace(
            "behind",
            progress,
            expected,
            _("The target date ({day}) has passed at {pct}.", day=_day(g.target_date), pct=pct),
        )
    # With milestones, they are the plan's own pacing; without, a straight line to the target date.
    if g.target_date and not g.milestones and progress + BEHIND_MARGIN < expected:
        return Pace(
            "behind",
            progress,
            expected,
            _("{pct} done; about {round}% was planned by now.", pct=pct, round=round(expected * 100)),
        )
    if (
        g.weekly_minutes
        and g.started_at
        and now - g.started_at >= 7 * DAY
        and g.minutes_last_week < 0.5 * g.weekly_minutes
    ):
        return Pace(
            "behind",
            progress,
            expected,
            _(
                "{round} of {weekly_minutes} minutes this week.",
                round=round(g.minutes_last_week),
                weekly_minutes=g.weekly_minutes,
            ),
        )
    if g.started_at and now - g.started_at < DAY:  # nothing done towards it yet: say where it starts
        return Pace("on_track", progress, expected, _("Just set: it starts from {pct}.", pct=pct))
    return Pace("on_track", progress, expected, _("{pct} done, keeping pace with the plan.", pct=pct))


def plan_pace(paces: list[Pace]) -> str:
    """A plan is done when every goal is; behind when any goal is; otherwise on track."""
    if not paces:
        return "on_track"
    if all(p.status == "done" for p in paces):
        return "done"
    if any(p.status == "behind" for p in paces):
        return "behind"
    return "on_track"
