"""Load plans with their goals, milestones and computed pace for one student or a whole class in a
handful of queries (the teacher's overview must stay fast with a year of attempts)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import Integer, func, select
from sqlmodel import Session

from app.models import Attempt, Goal, GoalEvidence, Milestone, Plan
from app.planning.progress import DAY, GoalFacts, MilestoneFact, Pace, SkillFact, goal_pace, plan_pace
from app.planning.queries import skill_facts, skill_names


@dataclass(frozen=True)
class MilestoneRow:
    id: str
    goal_id: str
    title: str
    due_at: float
    done: bool
    done_at: float


@dataclass
class GoalBundle:
    goal: Goal
    milestones: list[MilestoneRow]
    facts: GoalFacts
    pace: Pace
    skills: tuple[SkillFact, ...] = ()


@dataclass
class PlanBundle:
    plan: Plan
    goals: list[GoalBundle] = field(default_factory=list)

    @property
    def pace(self) -> str:
        return plan_pace([g.pace for g in self.goals if g.goal.status != "dropped"])


def current_plans(s: Session, student_ids: list[str]) -> dict[str, Plan]:
    """Each student's current plan: the newest one that is not deleted."""
    out: dict[str, Plan] = {}
    rows = s.execute(
        select(Plan).where(Plan.student_id.in_(student_ids), Plan.deleted == False).order_by(Plan.created_at)
    ).scalars()
    for p in rows:
        out[p.student_id] = p
    return out


def minutes_last_week(s: Session, student_ids: list[str], now: float) -> dict[tuple[str, str], float]:
    """(student, skill) -> minutes of practice in the last seven days (uses the (student, at) index)."""
    if not student_ids:
        return {}
    rows = s.execute(
        select(Attempt.student_id, Attempt.skill_id, func.sum(Attempt.response_ms))
        .where(Attempt.student_id.in_(student_ids), Attempt.at >= now - 7 * DAY, Attempt.deleted == False)
        .group_by(Attempt.student_id, Attempt.skill_id)
    ).all()
    return {(sid, sk): (ms or 0) / 60_000 for sid, sk, ms in rows}


class WeeklyMinutes:
    """``minutes_last_week`` for a whole class, remembered per student until that student's attempts
    in the window change. The check is one grouped query over the week's rows, found through the
    (student, at) index, so a teacher's overview that refreshes after every change reads the attempts of
    only the students who practised since. Erasing an attempt changes it too: a purge removes the row
    (the count drops), a tombstone keeps it with ``deleted`` set (the count of tombstones rises)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple, dict[str, float]]] = {}
        self._lock = threading.Lock()

    def get(self, s: Session, student_ids: list[str], now: float) -> dict[tuple[str, str], float]:
        since = now - 7 * DAY
        erased = func.sum(Attempt.deleted, type_=Integer)  # tombstones; a Boolean sum would read as True
        stamps = {
            sid: (n, gone, last, round(since // 3600))
            for sid, n, gone, last in s.execute(
                select(Attempt.student_id, func.count(), erased, func.max(Attempt.at))
                .where(Attempt.student_id.in_(student_ids), Attempt.at >= since)
                .group_by(Attempt.student_id)
            ).all()
        }
        with self._lock:
            known = {sid: self._cache.get(sid) for sid in student_ids}
        stale = [
            sid
            for sid in student_ids
            if sid in stamps and ((hit := known[sid]) is None or hit[0] != stamps[sid])
        ]
        fresh = minutes_last_week(s, stale, now)
        out: dict[tuple[str, str], float] = {}
        per: dict[str, dict[str, float]] = {sid: {} for sid in stale}
        for (st, k), v in fresh.items():  # one pass (per stale student it was quadratic for a school)
            per[st][k] = v
        with self._lock:
            for sid in stale:
                self._cache[sid] = (stamps[sid], per[sid])
            for sid in student_ids:
                entry = self._cache.get(sid) if sid in stamps else None
                for k, v in (entry[1] if entry else {}).items():
                    out[(sid, k)] = v
        return out


def load_plans(
    s: Session,
    student_ids: list[str],
    now: float,
    names: dict[str, str] | None = None,
    include_dropped: bool = False,
    weekly: WeeklyMinutes | None = None,
    facts: dict[str, dict[str, SkillFact]] | None = None,
) -> dict[str, PlanBundle]:
    """``weekly`` remembers minutes between calls (the class overview); ``facts`` are the students'
    skill facts when the caller has them already."""
    plans = current_plans(s, student_ids)
    if not plans:
        return {}
    plan_ids = [p.id for p in plans.values()]
    q = select(Goal).where(Goal.plan_id.in_(plan_ids), Goal.deleted == False)
    if not include_dropped:
        q = q.where(Goal.status != "dropped")
    goals = list(s.execute(q.order_by(Goal.sort, Goal.created_at)).scalars())
    goal_ids = [g.id for g in goals]
    miles: dict[str, list[MilestoneRow]] = {}
    evidence: dict[str, int] = {}
    if goal_ids:
        M = Milestone
        for row in s.execute(
            select(M.id, M.goal_id, M.title, M.due_at, M.done, M.done_at)
            .where(M.goal_id.in_(goal_ids), M.deleted == False)
            .order_by(M.due_at, M.created_at)
        ).all():
            m = MilestoneRow(row[0], row[1], row[2], row[3], bool(row[4]), row[5])
            miles.setdefault(m.goal_id, []).append(m)
        evidence = dict(
            s.execute(
                select(GoalEvidence.goal_id, func.count())
                .where(GoalEvidence.goal_id.in_(goal_ids), GoalEvidence.deleted == False)
                .group_by(GoalEvidence.goal_id)
            ).all()
        )
    names = names if names is not None else skill_names(s)
    if facts is None:
        pairs = {(g.student_id, k) for g in goals for k in (g.skill_ids or [])}
        facts = skill_facts(s, list(plans), None, names, pairs=pairs)
    with_weekly = sorted({g.student_id for g in goals if g.weekly_minutes})
    minutes = (
        (weekly.get(s, with_weekly, now) if weekly else minutes_last_week(s, with_weekly, now))
        if with_weekly
        else {}
    )
    out = {sid: PlanBundle(p) for sid, p in plans.items()}
    by_plan = {p.id: out[sid] for sid, p in plans.items()}
    for g in goals:
        own = facts.get(g.student_id, {})
        skills = tuple(own.get(k) or SkillFact(k, names.get(k, "a skill")) for k in (g.skill_ids or []))
        ms = miles.get(g.id, [])
        gf = GoalFacts(
            path=g.path,
            status=g.status,
            started_at=g.created_at,
            target_date=g.target_date,
            weekly_minutes=g.weekly_minutes,
            skills=skills,
            milestones=tuple(MilestoneFact(m.title, m.due_at, m.done) for m in ms),
            minutes_last_week=sum(minutes.get((g.student_id, k), 0.0) for k in (g.skill_ids or [])),
            evidence_count=evidence.get(g.id, 0),
        )
        by_plan[g.plan_id].goals.append(GoalBundle(g, ms, gf, goal_pace(gf, now), skills))
    return out
