"""The leader's overview of the school and each teacher's view of their class against the school's
measures: one computation (``figures.py``), so the two always agree.

The overview is cached between calls: practice minutes are brought up to date from the answers
stored since the last call, the rest (mastery, plans, drafts, teams) is read again, which for a
school of 20 classes is a few small queries. An erasure starts the practice minutes over."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from app.i18n import _
from app.people.actor import Actor
from app.people.permissions import require_class
from app.planning.plan_data import WeeklyMinutes, load_plans
from app.school.access import require_leader, school_classes
from app.school.figures import ClassFigures, PracticeMonths, class_figures, combine, rosters, term_of
from app.school.measures import MeasureResult, MeasureService, Target, result
from app.store.database import Database
from app.store.raw import raw_connection
from app.store.what_changed import Changed, Source, subscribe


@dataclass(frozen=True)
class SchoolOverview:
    term: str
    classes: tuple[ClassFigures, ...]
    grades: tuple[ClassFigures, ...]  # one per grade, the classes of that grade combined
    school: ClassFigures  # every class combined
    targets: tuple[Target, ...]
    results: dict[str, tuple[MeasureResult, ...]]  # class id ("" for the school) -> against each target


@dataclass(frozen=True)
class MyClass:
    term: str
    figures: ClassFigures
    results: tuple[MeasureResult, ...]


PLANS_FRESH_S = 600.0  # a plan's pace moves with the clock (due dates): recount every plan this often
# Tables whose rows change a class's plan figures; a row of one in no class (school-wide) recounts all.
PLAN_TABLES = frozenset({"plan", "goal", "milestone", "goal_evidence", "attempt", "judgement", "enrollment",
                         "person", "skill", "domain"})  # fmt: skip


class OverviewService:
    def __init__(self, db: Database, measures: MeasureService) -> None:
        self.db = db
        self.measures = measures
        self.weekly = WeeklyMinutes()
        self.practice = PracticeMonths()
        self._lock = threading.Lock()  # one computation at a time (the caches are shared)
        # student -> (plan status, pace) as the Plans page shows it, recounted for students whose rows
        # changed since (``_pending``) and for everyone every PLANS_FRESH_S
        self._plans: dict[str, tuple[str, str]] = {}
        self._plans_at = -1.0
        self._pending: list[Changed] = []
        self._unsub = subscribe(self._changed)

    def _changed(self, changed: Changed) -> None:
        if changed.db is not self.db:
            return
        with self._lock:
            self._pending.append(changed)
        if "attempt" in changed.rows and (
            changed.source is Source.ERASURE or (changed.source is Source.SYNC and self._tombstoned(changed))
        ):
            with self._lock:
                self.practice.reset()

    def _tombstoned(self, changed: Changed) -> bool:
        """Attempts arrive by sync as new rows (counted from the rowid mark); a synced tombstone of an
        answer is rare (only a teacher's machine may write one) and handled by starting over."""
        ids = list(changed.rows["attempt"])
        with self.db.read() as s:
            conn = raw_connection(s)
            for i in range(0, len(ids), 500):
                part = ids[i : i + 500]
                marks = ",".join("?" * len(part))
                if conn.execute(
                    f"SELECT 1 FROM attempt WHERE deleted = 1 AND id IN ({marks}) LIMIT 1", part
                ).fetchone():
                    return True
        return False

    def overview(self, actor: Actor, now: float | None = None) -> SchoolOverview:
        require_leader(actor)
        now = time.time() if now is None else now
        term = term_of(now)
        with self.db.read() as s:
            class_ids = [c.id for c in school_classes(s, actor.school_id)]
        figures = self._figures(class_ids, now)
        by_grade: dict[str, list[ClassFigures]] = {}
        for f in figures:
            by_grade.setdefault(f.grade, []).append(f)
        grades = tuple(
            combine(_("Grade {g}", g=g) if g else _("No grade"), g, parts)
            for g, parts in sorted(by_grade.items())
        )
        whole = combine(_("School"), "", figures)
        targets = tuple(self.measures.targets(actor, term))
        results = {f.class_id: tuple(result(t, f) for t in targets) for f in figures}
        results[""] = tuple(result(t, whole) for t in targets)
        return SchoolOverview(term, tuple(figures), grades, whole, targets, results)

    def my_class(self, actor: Actor, class_id: str, now: float | None = None) -> MyClass:
        """A teacher's class against the school's measures for this term."""
        now = time.time() if now is None else now
        with self.db.read() as s:
            require_class(s, actor, class_id)
        (fig,) = self._figures([class_id], now)
        term = term_of(now)
        targets = self.measures.targets(actor, term)
        return MyClass(term, fig, tuple(result(t, fig) for t in targets))

    def _figures(self, class_ids: list[str], now: float) -> list[ClassFigures]:
        with self._lock:
            with self.db.read() as s:
                stale = self.practice.stale(raw_connection(s))
            if stale:
                with self.db.write() as s:  # local cache tables only: nothing to sync
                    self.practice.update(raw_connection(s))
            with self.db.read() as s:
                conn = raw_connection(s)
                classes = rosters(conn, class_ids)
                students = [sid for c in classes for sid in c.student_ids]
                redo = self._plans_to_count(conn, students, now)
                if redo:
                    bundles = load_plans(s, redo, now, weekly=self.weekly)
                    for sid in redo:
                        b = bundles.get(sid)
                        self._plans[sid] = (
                            (b.plan.status, b.pace if b.goals else "on_track") if b else ("", "no_plan")
                        )
                return class_figures(conn, classes, self._plans, self.practice, now)

    def _plans_to_count(self, conn, students: list[str], now: float) -> list[str]:  # noqa: ANN001
        """The students whose plan figures must be counted again (under the lock)."""
        pending, self._pending = self._pending, []
        if self._plans_at < 0 or abs(now - self._plans_at) > PLANS_FRESH_S:
            self._plans, self._plans_at = {}, now
            return students
        dirty: set[str] = {s for s in students if s not in self._plans}
        classes: set[str] = set()
        for ch in pending:
            for table, ids in ch.rows.items():
                if table not in PLAN_TABLES or not ids:
                    continue
                if ch.source is Source.ERASURE or len(ids) >= 5_000:  # a big batch: count everyone
                    return students
                marks = ",".join("?" * len(ids))
                for (part,) in conn.execute(
                    f"SELECT partition FROM {table} WHERE id IN ({marks})", list(ids)
                ):
                    _school, klass, student = (part.split("/") + ["", ""])[:3]
                    if student:
                        dirty.add(student)
                    elif klass:
                        classes.add(klass)
                    else:
                        return students
        if classes:
            marks = ",".join("?" * len(classes))
            dirty |= set(
                r[0] for r in conn.execute(
                    f"SELECT person_id FROM enrollment WHERE class_id IN ({marks}) AND role = 'student'", list(classes))
            )  # fmt: skip
        wanted = set(students)
        return [s for s in dirty if s in wanted]
