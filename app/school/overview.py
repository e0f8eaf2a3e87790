"""The leader's overview of the school and each teacher's view of their class against the school's
measures: one computation (``figures.py``), so the two always agree.

The overview is cached between calls: practice minutes are brought up to date from the answers
stored since the last call, the rest (mastery, plans, drafts, teams) is read again, which for a
school of 20 classes is a few small queries. An erasure starts the practice minutes over."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

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


class OverviewService:
    def __init__(self, db: Database, measures: MeasureService) -> None:
        self.db = db
        self.measures = measures
        self.weekly = WeeklyMinutes()
        self.practice = PracticeMonths()
        self._lock = threading.Lock()  # one computation at a time (the cache is shared)
        self._unsub = subscribe(self._changed)

    def _changed(self, changed: Changed) -> None:
        if changed.db is not self.db or "attempt" not in changed.rows:
            return
        if changed.source is Source.ERASURE or (changed.source is Source.SYNC and self._tombstoned(changed)):
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
            figures = self._figures(s, class_ids, now)
        by_grade: dict[str, list[ClassFigures]] = {}
        for f in figures:
            by_grade.setdefault(f.grade, []).append(f)
        grades = tuple(combine(g or "-", g, parts) for g, parts in sorted(by_grade.items()))
        whole = combine("School", "", figures)
        targets = tuple(self.measures.targets(actor, term))
        results = {f.class_id: tuple(result(t, f) for t in targets) for f in figures}
        results[""] = tuple(result(t, whole) for t in targets)
        return SchoolOverview(term, tuple(figures), grades, whole, targets, results)

    def my_class(self, actor: Actor, class_id: str, now: float | None = None) -> MyClass:
        """A teacher's class against the school's measures for this term."""
        now = time.time() if now is None else now
        with self.db.read() as s:
            require_class(s, actor, class_id)
            (fig,) = self._figures(s, [class_id], now)
        term = term_of(now)
        targets = self.measures.targets(actor, term)
        return MyClass(term, fig, tuple(result(t, fig) for t in targets))

    def _figures(self, s, class_ids: list[str], now: float) -> list[ClassFigures]:  # noqa: ANN001
        conn = raw_connection(s)
        classes = rosters(conn, class_ids)
        students = [sid for c in classes for sid in c.student_ids]
        with self._lock:
            bundles = load_plans(s, students, now, weekly=self.weekly) if students else {}
            plans = {sid: (b.plan.status, b.pace if b.goals else "on_track") for sid, b in bundles.items()}
            return class_figures(conn, classes, plans, self.practice, now)
