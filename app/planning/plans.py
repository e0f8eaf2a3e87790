"""Plans: a student builds their plan (goals tied to skills, path, pace, milestones), assesses
themselves and attaches evidence; the teacher gives feedback, approves or suggests changes and sees
the whole class's plans with who is on track, behind or done."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.i18n import _
from app.models import Domain, Goal, GoalEvidence, Milestone, Plan, Profile, Skill
from app.people.actor import Actor
from app.people.celebrations import CelebrationService
from app.people.permissions import require_class, require_student_access, require_teacher
from app.planning import evidence as ev
from app.planning.levels import LEVELS, MAX_GOALS, MAX_MILESTONES, MAX_TEXT, PATHS
from app.planning.plan_data import PlanBundle, WeeklyMinutes, load_plans
from app.planning.progress import Pace, SkillFact, auto_met
from app.planning.queries import class_students, person, skill_facts, skill_names
from app.planning.suggest import GoalSuggestion, SkillInfo, suggest_goals
from app.store.database import Database


@dataclass(frozen=True)
class MilestoneView:
    id: str
    title: str
    due_at: float
    done: bool
    done_at: float


@dataclass(frozen=True)
class GoalView:
    id: str
    title: str
    why: str
    skill_ids: tuple[str, ...]
    skill_names: tuple[str, ...]
    path: str
    target_date: float
    weekly_minutes: int
    status: str
    self_level: int
    self_reflection: str
    teacher_feedback: str
    started_at: float
    milestones: tuple[MilestoneView, ...]
    pace: Pace
    skills: tuple[SkillFact, ...] = ()
    evidence: tuple[ev.EvidenceView, ...] = ()

    @property
    def progress(self) -> float:
        return self.pace.progress


@dataclass(frozen=True)
class PlanView:
    id: str
    student_id: str
    student_name: str
    title: str
    status: str
    teacher_note: str
    term: str
    pace: str
    updated_at: float
    goals: tuple[GoalView, ...] = ()


@dataclass
class MilestoneDraft:
    title: str
    due_at: float = 0.0
    id: str = ""
    done: bool = False


@dataclass
class GoalDraft:
    title: str
    why: str = ""
    skill_ids: list[str] = field(default_factory=list)
    path: str = "practice"
    target_date: float = 0.0
    weekly_minutes: int = 0
    milestones: list[MilestoneDraft] = field(default_factory=list)
    id: str = ""


@dataclass
class PlanDraft:
    title: str = _("My plan")
    goals: list[GoalDraft] = field(default_factory=list)
    term: str = ""


@dataclass(frozen=True)
class PlanRow:
    """One line of the teacher's class overview."""

    student_id: str
    name: str
    plan_id: str
    plan_status: str  # "" when the student has no plan yet
    pace: str  # "on_track" | "behind" | "done" | "no_plan"
    goals: int
    goals_met: int
    goals_behind: int
    progress: float
    next_milestone: str
    next_due: float
    reason: str
    updated_at: float


@dataclass(frozen=True)
class ClassPlans:
    class_id: str
    rows: tuple[PlanRow, ...]

    def count(self, pace: str) -> int:
        return sum(1 for r in self.rows if r.pace == pace)

    @property
    def waiting(self) -> int:
        return sum(1 for r in self.rows if r.plan_status == "submitted")


def _text(value: str, what: str, limit: int = MAX_TEXT) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise InvalidInput(_("Please keep the {what} under {limit} characters.", what=what, limit=limit))
    return value


def _own_student(actor: Actor, student_id: str) -> None:
    if actor.person_id != "system" and not (actor.is_student and actor.person_id == student_id):
        raise PermissionDenied(_("Only the student can change their own plan; teachers give feedback."))


class PlanService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.weekly = WeeklyMinutes()  # the class overview's minutes a week, kept between refreshes

    # -- reading ---------------------------------------------------------------------------------
    def get(
        self, actor: Actor, student_id: str, now: float | None = None, with_evidence: bool = True
    ) -> PlanView | None:
        now = now or time.time()
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            p = person(s, student_id)
            names = skill_names(s)
            bundle = load_plans(s, [student_id], now, names).get(student_id)
            if bundle is None:
                return None
            evidence = (
                ev.goal_evidence(s, student_id, [g.goal for g in bundle.goals], names)
                if with_evidence
                else {}
            )
            return _plan_view(bundle, p.full_name, names, evidence)

    def suggestions(self, actor: Actor, student_id: str) -> list[GoalSuggestion]:
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            subjects: dict[str, str] = dict(s.execute(select(Domain.id, Domain.subject)).all())
            skills = [
                SkillInfo(
                    k.id,
                    k.code,
                    k.name,
                    k.domain_id,
                    tuple(k.prerequisites or ()),
                    subjects.get(k.domain_id, ""),
                )
                for k in s.execute(select(Skill).where(Skill.deleted == False).order_by(Skill.code)).scalars()
            ]
            facts = skill_facts(s, [student_id]).get(student_id, {})
            prof = s.execute(select(Profile).where(Profile.student_id == student_id)).scalars().first()
            interests = list(prof.interests or []) if prof else []
            bundle = load_plans(s, [student_id], time.time()).get(student_id)
            taken = {k for g in (bundle.goals if bundle else []) for k in (g.goal.skill_ids or [])}
        return suggest_goals(skills, facts, interests, taken=taken)

    def evidence_options(self, actor: Actor, student_id: str) -> list[ev.EvidenceOption]:
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            return ev.options(s, student_id)

    def class_overview(self, actor: Actor, class_id: str, now: float | None = None) -> ClassPlans:
        now = now or time.time()
        with self.db.read() as s:
            require_class(s, actor, class_id)
            students = class_students(s, class_id)
            bundles = load_plans(s, [p.id for p in students], now, weekly=self.weekly)
        rows = []
        for p in students:
            b = bundles.get(p.id)
            if b is None:
                rows.append(
                    PlanRow(
                        p.id, p.full_name, "", "", "no_plan", 0, 0, 0, 0.0, "", 0.0, _("No plan yet."), 0.0
                    )
                )
                continue
            live = b.goals
            upcoming = sorted(
                (
                    (m.due_at, m.title)
                    for g in live
                    if g.goal.status == "active"
                    for m in g.milestones
                    if not m.done and m.due_at
                ),
                key=lambda x: x[0],
            )
            behind = [g for g in live if g.pace.status == "behind"]
            progress = sum(g.pace.progress for g in live) / len(live) if live else 0.0
            reason = (
                behind[0].pace.reason
                if behind
                else (
                    _("Every goal met.")
                    if b.pace == "done" and live
                    else _("No goals yet.")
                    if not live
                    else _("On track.")
                )
            )
            updated = max([b.plan.updated_at] + [g.goal.updated_at for g in live])
            rows.append(
                PlanRow(
                    p.id,
                    p.full_name,
                    b.plan.id,
                    b.plan.status,
                    b.pace if live else "on_track",
                    len(live),
                    sum(1 for g in live if g.pace.status == "done"),
                    len(behind),
                    round(progress, 3),
                    upcoming[0][1] if upcoming else "",
                    upcoming[0][0] if upcoming else 0.0,
                    reason,
                    updated,
                )
            )
        return ClassPlans(class_id, tuple(rows))

    # -- the student's writes ---------------------------------------------------------------------
    def save(self, actor: Actor, student_id: str, draft: PlanDraft, submit: bool = False) -> PlanView:
        """Create or update the student's plan in one transaction. Goals and milestones are matched
        by id; a goal left out is dropped (kept, not deleted), a milestone left out is removed."""
        _own_student(actor, student_id)
        goals = [g for g in draft.goals if g.title.strip()]
        if not goals:
            raise InvalidInput(_("Choose at least one goal for your plan."))
        if len(goals) > MAX_GOALS:
            raise InvalidInput(
                _(
                    "A plan has at most {MAX_GOALS} goals: fewer goals, done well, work better.",
                    MAX_GOALS=MAX_GOALS,
                )
            )
        with self.db.write() as s:
            require_student_access(s, actor, student_id)
            who = person(s, student_id)
            valid_skills = set(s.execute(select(Skill.id).where(Skill.deleted == False)).scalars())
            plan = load_plan_row(s, student_id)
            if plan is None:
                plan = Plan(student_id=student_id, partition=who.partition)
                s.add(plan)
                s.flush()  # rows that point at it are inserted after it (no ORM relationships)
            plan.title = _text(draft.title, _("plan title"), 120) or _("My plan")
            plan.term = _text(draft.term, "term", 60)
            if submit:
                plan.status = "submitted"
            elif plan.status == "approved":
                plan.status = "submitted"  # a changed plan goes back to the teacher
            existing = {
                g.id: g
                for g in s.execute(
                    select(Goal).where(Goal.plan_id == plan.id, Goal.deleted == False)
                ).scalars()
            }
            kept = set()
            for i, gd in enumerate(goals):
                goal = existing.get(gd.id) if gd.id else None
                if goal is None:
                    goal = Goal(plan_id=plan.id, student_id=student_id, title="", partition=who.partition)
                    s.add(goal)
                kept.add(goal.id)
                _apply_goal(goal, gd, i, valid_skills)
                s.flush()
                if goal.status == "dropped":
                    goal.status = "active"
                _save_milestones(s, goal, gd.milestones, who.partition)
            for gid, goal in existing.items():
                if gid not in kept and goal.status == "active":  # met goals stay met
                    goal.status = "dropped"
        return self.get(actor, student_id)  # type: ignore[return-value]

    def submit(self, actor: Actor, student_id: str) -> None:
        _own_student(actor, student_id)
        with self.db.write() as s:
            plan = load_plan_row(s, student_id)
            if plan is None:
                raise NotFound(_("Make your plan first."))
            plan.status = "submitted"

    def set_milestone_done(self, actor: Actor, milestone_id: str, done: bool) -> None:
        with self.db.write() as s:
            m = s.get(Milestone, milestone_id)
            goal = s.get(Goal, m.goal_id) if m else None
            if m is None or goal is None or m.deleted:
                raise NotFound(_("That milestone no longer exists."))
            _own_student(actor, goal.student_id)
            m.done, m.done_at = bool(done), (time.time() if done else 0.0)

    def self_assess(self, actor: Actor, goal_id: str, level: int, reflection: str) -> None:
        if level not in LEVELS:
            raise InvalidInput(_("Choose a level from 1 (Beginning) to 4 (Extending)."))
        with self.db.write() as s:
            goal = _goal(s, goal_id)
            _own_student(actor, goal.student_id)
            goal.self_level = int(level)
            goal.self_reflection = _text(reflection, "reflection")

    def attach_evidence(
        self, actor: Actor, goal_id: str, kind: str, ref_id: str = "", note: str = ""
    ) -> None:
        if kind not in ev.ATTACHABLE:
            raise InvalidInput(_("That kind of evidence cannot be attached to a goal."))
        with self.db.write() as s:
            goal = _goal(s, goal_id)
            _own_student(actor, goal.student_id)
            if kind != "note" and ref_id not in {
                o.ref_id for o in ev.options(s, goal.student_id) if o.kind == kind
            }:
                raise PermissionDenied(_("You can only attach your own work as evidence."))
            if kind == "note" and not note.strip():
                raise InvalidInput(_("Write what the evidence shows."))
            s.add(
                GoalEvidence(
                    goal_id=goal.id,
                    kind=kind,
                    ref_id=ref_id,
                    note=_text(note, "note", 500),
                    partition=goal.partition,
                )
            )

    def remove_evidence(self, actor: Actor, evidence_id: str) -> None:
        with self.db.write() as s:
            item = s.get(GoalEvidence, evidence_id)
            goal = s.get(Goal, item.goal_id) if item else None
            if item is None or goal is None:
                raise NotFound(_("That evidence is no longer there."))
            _own_student(actor, goal.student_id)
            item.deleted = True  # events are never edited: a tombstone

    def set_goal_status(self, actor: Actor, goal_id: str, status: str) -> None:
        if status not in ("active", "met", "dropped"):
            raise InvalidInput(_("Unknown goal status."))
        with self.db.write() as s:
            goal = _goal(s, goal_id)
            require_student_access(s, actor, goal.student_id)
            if actor.is_student:
                _own_student(actor, goal.student_id)
                if status == "met":
                    bundle = load_plans(s, [goal.student_id], time.time()).get(goal.student_id)
                    gb = next((g for g in (bundle.goals if bundle else []) if g.goal.id == goal.id), None)
                    if gb is None or not (auto_met(gb.facts) or gb.pace.progress >= 1.0):
                        raise InvalidInput(
                            _(
                                "Progress is shown, not claimed: finish the milestones and attach evidence (or master the skills) first."
                            )
                        )
            was = goal.status
            goal.status = status
            if status == "met" and was != "met":
                CelebrationService.record_once(
                    s,
                    goal.student_id,
                    goal.partition,
                    "goal_met",
                    _("Met a goal: {title}", title=goal.title),
                    ref_id=goal.id,
                )

    def record_met_goals(
        self, actor: Actor, student_ids: list[str] | None = None, class_id: str = "", now: float | None = None
    ) -> list[str]:
        """Mark goals that are met by the evidence (all skills mastered; or all milestones done with
        evidence) and celebrate them. Returns the titles newly met."""
        now = now or time.time()
        met = []
        with self.db.write() as s:
            if class_id:
                require_class(s, actor, class_id)
                ids = [p.id for p in class_students(s, class_id)]
            else:
                ids = list(student_ids or [actor.person_id])
                for sid in ids:
                    require_student_access(s, actor, sid)
            for bundle in load_plans(s, ids, now).values():
                for g in bundle.goals:
                    if auto_met(g.facts):
                        g.goal.status = "met"
                        s.add(g.goal)
                        CelebrationService.record_once(
                            s,
                            g.goal.student_id,
                            g.goal.partition,
                            "goal_met",
                            _("Met a goal: {title}", title=g.goal.title),
                            ref_id=g.goal.id,
                            at=now,
                        )
                        met.append(g.goal.title)
        return met

    # -- the teacher's writes ---------------------------------------------------------------------
    def review(self, actor: Actor, plan_id: str, decision: str, note: str = "") -> None:
        require_teacher(actor)
        if decision not in ("approved", "changes_suggested"):
            raise InvalidInput(_("Approve the plan or suggest changes."))
        note = _text(note, "note")
        if decision == "changes_suggested" and not note:
            raise InvalidInput(_("Say what you suggest changing, so the student knows what to do."))
        with self.db.write() as s:
            plan = s.get(Plan, plan_id)
            if plan is None or plan.deleted:
                raise NotFound(_("That plan no longer exists."))
            require_student_access(s, actor, plan.student_id)
            plan.status = decision
            plan.teacher_note = note

    def feedback(self, actor: Actor, goal_id: str, text: str) -> None:
        require_teacher(actor)
        with self.db.write() as s:
            goal = _goal(s, goal_id)
            require_student_access(s, actor, goal.student_id)
            goal.teacher_feedback = _text(text, "feedback")


def load_plan_row(s: Session, student_id: str) -> Plan | None:
    return (
        s.execute(
            select(Plan)
            .where(Plan.student_id == student_id, Plan.deleted == False)
            .order_by(Plan.created_at.desc())
            .limit(1)
        )
        .scalars()
        .first()
    )


def _goal(s: Session, goal_id: str) -> Goal:
    goal = s.get(Goal, goal_id)
    if goal is None or goal.deleted:
        raise NotFound(_("That goal no longer exists."))
    return goal


def _apply_goal(goal: Goal, gd: GoalDraft, sort: int, valid_skills: set[str]) -> None:
    if gd.path not in PATHS:
        raise InvalidInput(_("Choose practice, a project or writing as the path for each goal."))
    skills = list(dict.fromkeys(k for k in gd.skill_ids if k))
    if set(skills) - valid_skills:
        raise InvalidInput(_("One of the goal's skills is not in the skill framework."))
    if gd.path == "practice" and not skills:
        raise InvalidInput(_("The practice goal “{strip}” needs at least one skill.", strip=gd.title.strip()))
    if gd.weekly_minutes < 0 or gd.weekly_minutes > 1200:
        raise InvalidInput(_("Weekly minutes should be between 0 and 1200."))
    if not gd.target_date and not gd.weekly_minutes:
        raise InvalidInput(
            _("Choose a pace for “{strip}”: a target date or minutes a week.", strip=gd.title.strip())
        )
    goal.title = _text(gd.title, _("goal title"), 200)
    goal.why = _text(gd.why, _("reason for the goal"), 500)
    goal.skill_ids = skills
    goal.path = gd.path
    goal.target_date = float(gd.target_date or 0.0)
    goal.weekly_minutes = int(gd.weekly_minutes or 0)
    goal.sort = sort


def _save_milestones(s: Session, goal: Goal, drafts: list[MilestoneDraft], partition: str) -> None:
    drafts = [m for m in drafts if m.title.strip()]
    if len(drafts) > MAX_MILESTONES:
        raise InvalidInput(
            _("A goal has at most {MAX_MILESTONES} milestones.", MAX_MILESTONES=MAX_MILESTONES)
        )
    existing = {
        m.id: m
        for m in s.execute(
            select(Milestone).where(Milestone.goal_id == goal.id, Milestone.deleted == False)
        ).scalars()
    }
    kept = set()
    for md in drafts:
        m = existing.get(md.id) if md.id else None
        if m is None:
            m = Milestone(goal_id=goal.id, title="", partition=partition)
            s.add(m)
        kept.add(m.id)
        m.title = _text(md.title, "milestone", 200)
        m.due_at = float(md.due_at or 0.0)
        if md.done != m.done:
            m.done, m.done_at = md.done, (time.time() if md.done else 0.0)
    for mid, m in existing.items():
        if mid not in kept:
            m.deleted = True


def _plan_view(
    b: PlanBundle, name: str, names: dict[str, str], evidence: dict[str, list[ev.EvidenceView]]
) -> PlanView:
    goals = []
    for g in b.goals:
        x = g.goal
        goals.append(
            GoalView(
                x.id,
                x.title,
                x.why,
                tuple(x.skill_ids or ()),
                tuple(names.get(k, "a skill") for k in x.skill_ids or ()),
                x.path,
                x.target_date,
                x.weekly_minutes,
                x.status,
                x.self_level,
                x.self_reflection,
                x.teacher_feedback,
                x.created_at,
                tuple(MilestoneView(m.id, m.title, m.due_at, m.done, m.done_at) for m in g.milestones),
                g.pace,
                g.skills,
                tuple(evidence.get(x.id, ())),
            )
        )
    p = b.plan
    return PlanView(
        p.id,
        p.student_id,
        name,
        p.title,
        p.status,
        p.teacher_note,
        p.term,
        b.pace if goals else "on_track",
        p.updated_at,
        tuple(goals),
    )
