"""Reports a teacher can hand on: one student's progress (plan, goals with evidence, jagged profile,
celebrations) as plain data for the UI to print to PDF, and a class summary written to CSV."""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Integer, func, select

from app import i18n
from app.errors import StorageError
from app.i18n import _
from app.models import Celebration, LearnerSkillState, SchoolClass
from app.people.actor import Actor
from app.people.celebrations import CelebrationService, CelebrationView
from app.people.permissions import require_class, student_class_ids
from app.people.profiles import ProfileService
from app.planning.levels import LEVELS, PACE_LABELS, PATHS
from app.planning.plans import PlanService
from app.planning.queries import class_students
from app.skills import DomainProfile, FrameworkService
from app.store.database import Database

ProgressFn = Callable[[float, str], None]


@dataclass(frozen=True)
class ReportGoal:
    title: str
    why: str
    path: str
    status: str
    pace: str
    pace_reason: str
    progress: float
    skills: tuple[str, ...]
    target: str
    self_level: str
    self_reflection: str
    teacher_feedback: str
    milestones: tuple[tuple[str, str, bool], ...]  # (title, due, done)
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class StudentReport:
    student_name: str
    class_name: str
    generated_at: float
    strengths: tuple[str, ...]
    interests: tuple[str, ...]
    values: tuple[str, ...]
    about_me: str
    plan_title: str
    plan_status: str
    teacher_note: str
    goals: tuple[ReportGoal, ...]
    domains: tuple[DomainProfile, ...]
    celebrations: tuple[CelebrationView, ...] = field(default=())


CSV_COLUMNS = [
    "Student",
    _("Plan status"),
    "Pace",
    "Goals",
    _("Goals met"),
    _("Goals behind"),
    _("Goal progress %"),
    _("Next milestone"),
    _("Next milestone due"),
    _("Skills practised"),
    _("Skills mastered"),
    _("Mean mastery %"),
    _("Celebrations (30 days)"),
    _("Why (pace)"),
]


def _date(ts: float) -> str:
    return i18n.day_year(ts) if ts else ""


def _cell(value: object) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading quote keeps them text."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class ReportService:
    def __init__(
        self,
        db: Database,
        plans: PlanService,
        profiles: ProfileService,
        framework: FrameworkService,
        celebrations: CelebrationService,
    ) -> None:
        self.db, self.plans, self.profiles = db, plans, profiles
        self.framework, self.celebrations = framework, celebrations

    def student_report(
        self, actor: Actor, student_id: str, progress: ProgressFn | None = None
    ) -> StudentReport:
        report = progress or (lambda f, m: None)
        report(0.1, _("Reading the profile"))
        profile = self.profiles.get(actor, student_id)
        report(0.3, _("Reading the plan and its evidence"))
        plan = self.plans.get(actor, student_id)
        report(0.6, _("Reading the jagged profile"))
        domains = self.framework.jagged_profile(actor, student_id)
        celebrations = self.celebrations.for_student(actor, student_id, limit=20)
        with self.db.read() as s:
            ids = student_class_ids(s, student_id)
            names = [c for c in s.execute(select(SchoolClass.name).where(SchoolClass.id.in_(ids))).scalars()]
        goals = []
        for g in plan.goals if plan else ():
            target = " and ".join(
                x
                for x in (
                    _("by {date}", date=_date(g.target_date)) if g.target_date else "",
                    _("{weekly_minutes} minutes a week", weekly_minutes=g.weekly_minutes)
                    if g.weekly_minutes
                    else "",
                )
                if x
            )
            level = (
                f"{g.self_level} {LEVELS[g.self_level][0]}"
                if g.self_level in LEVELS
                else _("Not yet assessed")
            )
            goals.append(
                ReportGoal(
                    g.title,
                    g.why,
                    PATHS.get(g.path, g.path),
                    g.status,
                    PACE_LABELS.get(g.pace.status, g.pace.status),
                    g.pace.reason,
                    g.progress,
                    g.skill_names,
                    target,
                    level,
                    g.self_reflection,
                    g.teacher_feedback,
                    tuple((m.title, _date(m.due_at), m.done) for m in g.milestones),
                    tuple(e.label for e in g.evidence),
                )
            )
        report(0.9, _("Putting the report together"))
        return StudentReport(
            profile.name,
            ", ".join(names),
            time.time(),
            tuple(profile.strengths),
            tuple(profile.interests),
            tuple(profile.values),
            profile.about_me,
            plan.title if plan else "",
            plan.status if plan else "",
            plan.teacher_note if plan else "",
            tuple(goals),
            tuple(domains),
            tuple(celebrations),
        )

    def class_summary(self, actor: Actor, class_id: str, now: float | None = None) -> list[list[str]]:
        now = now or time.time()
        overview = self.plans.class_overview(actor, class_id, now)
        with self.db.read() as s:
            require_class(s, actor, class_id)
            ids = [p.id for p in class_students(s, class_id)]
            skills = {
                sid: (n, m, avg)
                for sid, n, m, avg in s.execute(
                    select(
                        LearnerSkillState.student_id,
                        func.count(),
                        func.sum(LearnerSkillState.mastered, type_=Integer),
                        func.avg(LearnerSkillState.mastery),
                    )
                    .where(
                        LearnerSkillState.student_id.in_(ids),
                        (LearnerSkillState.attempts > 0) | (LearnerSkillState.judged_level > 0),
                    )
                    .group_by(LearnerSkillState.student_id)
                ).all()
            }
            wins: dict[str, int] = dict(
                s.execute(
                    select(Celebration.student_id, func.count())
                    .where(
                        Celebration.student_id.in_(ids),
                        Celebration.at >= now - 30 * 86_400,
                        Celebration.deleted == False,
                    )
                    .group_by(Celebration.student_id)
                ).all()
            )
        rows = []
        for r in overview.rows:
            n, m, avg = skills.get(r.student_id, (0, 0, 0.0))
            rows.append(
                [
                    r.name,
                    r.plan_status or "none",
                    PACE_LABELS.get(r.pace, r.pace),
                    str(r.goals),
                    str(r.goals_met),
                    str(r.goals_behind),
                    str(round(r.progress * 100)),
                    r.next_milestone,
                    _date(r.next_due),
                    str(n),
                    str(int(m or 0)),
                    str(round((avg or 0.0) * 100)),
                    str(wins.get(r.student_id, 0)),
                    r.reason,
                ]
            )
        return rows

    def write_class_csv(
        self, actor: Actor, class_id: str, path: str | Path, progress: ProgressFn | None = None
    ) -> int:
        """Write the class summary to ``path`` (atomically). Returns the number of students."""
        report = progress or (lambda f, m: None)
        report(0.1, _("Reading the class's plans"))
        rows = self.class_summary(actor, class_id)
        path = Path(path)
        tmp = path.with_name(path.name + ".part")
        report(0.7, _("Writing the file"))
        try:
            with open(tmp, "w", newline="", encoding="utf-8-sig") as fh:
                w = csv.writer(fh)
                w.writerow(CSV_COLUMNS)
                for i, row in enumerate(rows):
                    w.writerow([_cell(c) for c in row])
                    if i % 10 == 0:
                        report(0.7 + 0.3 * i / max(1, len(rows)), _("Writing the file"))
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(
                _("The summary could not be saved to {path}: {v}.", path=path, v=exc.strerror or exc)
            ) from exc
        report(1.0, "Saved")
        return len(rows)
