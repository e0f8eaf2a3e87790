"""Who needs the teacher: for each student of a class, the practice skills they are stuck on, whether
their plan is behind, and the essays they handed in that wait for feedback (the roster's "Needs
attention" column).

- **Stuck**: the level ``app.practice.standing.skill_level`` gives (the one the heatmap, skill detail
  and Home use): counting only the student's attempts at a skill in the last ``WINDOW_DAYS`` days
  (erased ones never count), the latest ``RUN`` or more were all wrong, or there were at least ``MANY``
  with at most a third right, and the mastery rule does not hold.
- **Plan behind**: exactly the Plans overview's "Behind" pace (``PlanService.class_overview``).
- **Essays to read**: the writing review's "awaiting feedback": the student's draft for a task of the
  class that is not archived (the oldest draft, when two devices each started one) is handed in.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass

from sqlalchemy import text

from app.i18n import _
from app.people.actor import Actor
from app.people.permissions import require_class
from app.planning.plans import PlanService
from app.planning.queries import class_students, skill_names
from app.practice.standing import MANY, RUN, WINDOW_DAYS, stuck_pairs, stuck_rule
from app.store.database import Database
from app.store.raw import raw_connection
from app.writing.results import SUBMITTED

__all__ = [
    "MANY",
    "RUN",
    "WINDOW_DAYS",
    "Attention",
    "AttentionService",
    "StuckSkill",
    "attention_counts",
    "stuck_rule",
]


@dataclass(frozen=True)
class StuckSkill:
    skill_id: str
    name: str
    attempts: int  # in the window
    right: int
    wrong_run: int  # the latest answers that were all wrong
    since: float  # the first answer of that wrong run, else the first in the window


@dataclass(frozen=True)
class WaitingEssay:
    task_title: str
    submitted_at: float
    draft_id: str = ""  # to open it for review


@dataclass(frozen=True)
class Attention:
    student_id: str
    stuck: tuple[StuckSkill, ...] = ()
    plan_behind: bool = False
    plan_reason: str = ""
    essays: tuple[WaitingEssay, ...] = ()

    @property
    def stuck_skills(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.stuck)

    @property
    def essays_waiting(self) -> int:
        return len(self.essays)

    @property
    def flags(self) -> int:
        """How many kinds of help are needed (0-3): the roster sorts by this."""
        return bool(self.stuck) + self.plan_behind + bool(self.essays)

    @property
    def words(self) -> str:
        """Short words for the teacher, e.g. "Stuck on Fractions · Plan behind · 2 essays to read"."""
        parts = []
        if self.stuck:
            n = len(self.stuck) - 1
            more = _(" and %n more skill(s)", n=n) if n else ""
            parts.append(_("Stuck on {name}{more}", name=self.stuck[0].name, more=more))
        if self.plan_behind:
            parts.append(_("Plan behind"))
        if self.essays:
            n = len(self.essays)
            parts.append(_("%n essay(s) to read", n=n))
        return " \u00b7 ".join(parts)


def attention_counts(attention: dict[str, Attention]) -> tuple[int, int, int]:
    """(students stuck, plans behind, essays to read) for the class summary line."""
    rows = attention.values()
    return (
        sum(1 for a in rows if a.stuck),
        sum(1 for a in rows if a.plan_behind),
        sum(a.essays_waiting for a in rows),
    )


def _stuck(
    conn: sqlite3.Connection, ids: list[str], now: float, names: dict[str, str]
) -> dict[str, list[StuckSkill]]:
    """Stuck exactly when the one level every screen shares (``practice.standing``) says so."""
    out: dict[str, list[StuckSkill]] = {}
    for (sid, kid), t in stuck_pairs(conn, ids, now).items():
        if kid in names:
            out.setdefault(sid, []).append(
                StuckSkill(kid, names[kid], t.attempts, t.right, t.wrong_run, t.since)
            )
    return out


_ESSAYS_SQL = """
SELECT d.task_id, d.student_id, t.title, d.status, d.submitted_at, d.id
FROM draft d JOIN writing_task t ON t.id = d.task_id
WHERE t.class_id = :class_id AND t.deleted = 0 AND t.archived = 0 AND d.deleted = 0
ORDER BY d.created_at DESC, d.id DESC
"""


class AttentionService:
    def __init__(self, db: Database, plans: PlanService) -> None:
        self.db = db
        self.plans = plans  # the app's own, so the overview's remembered weekly minutes are shared

    def class_attention(self, actor: Actor, class_id: str, now: float | None = None) -> dict[str, Attention]:
        """student id -> Attention for every current student of the class (teachers of the class only)."""
        now = now or time.time()
        with self.db.read() as s:
            require_class(s, actor, class_id)
            ids = [p.id for p in class_students(s, class_id)]
            if not ids:
                return {}
            names = skill_names(s)
            stuck = _stuck(raw_connection(s), ids, now, names)
            drafts: dict[tuple[str, str], tuple[str, str, float, str]] = {}
            for task_id, sid, title, status, at, did in s.execute(text(_ESSAYS_SQL), {"class_id": class_id}):
                drafts[(task_id, sid)] = (title, status, at, did)  # the oldest comes last and wins
        plans = {r.student_id: r for r in self.plans.class_overview(actor, class_id, now).rows}
        essays: dict[str, list[WaitingEssay]] = {}
        for (_task, sid), (title, status, at, did) in drafts.items():
            if status == SUBMITTED:
                essays.setdefault(sid, []).append(WaitingEssay(title, at, did))
        out = {}
        for sid in ids:
            plan = plans.get(sid)
            behind = plan is not None and plan.pace == "behind"
            out[sid] = Attention(
                sid,
                tuple(sorted(stuck.get(sid, ()), key=lambda k: k.since)),
                behind,
                plan.reason if behind else "",
                tuple(sorted(essays.get(sid, ()), key=lambda e: e.submitted_at)),
            )
        return out
