"""Exports a teacher can hand on: the OneRoster gradebook, the flat skills CSV, QTI items, the CASE
framework and xAPI statements. Each takes the acting user; a teacher exports only their classes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from app.interop.external_ids import outside_ids
from app.interop.gradebook_export import (
    GradebookIds,
    _gid,
    gradebook_tables,
    skills_table,
    write_csv,
    write_gradebook,
)
from app.people.actor import Actor
from app.people.permissions import require_class, require_teacher, teacher_class_ids
from app.practice.class_view import ClassPracticeService
from app.store.database import Database

ProgressFn = Callable[[float, str], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int  # results, items, skills or statements written
    what: str


class ExportService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._practice = ClassPracticeService(db)

    def class_ids(self, actor: Actor) -> list[str]:
        require_teacher(actor)
        with self.db.read() as s:
            return sorted(teacher_class_ids(s, actor))

    def _ids(self, class_id: str) -> GradebookIds:
        with self.db.read() as s:
            conn = s.connection()
            school = conn.execute(text("SELECT school_id FROM school_class WHERE id = :c"), {"c": class_id}).scalar()
            classes = outside_ids(s, "class")
            schools = outside_ids(s, "school")
            students = outside_ids(s, "person")
            case_ids = outside_ids(s, "skill", "case")
            skills = {}
            for sid, code in conn.execute(text("SELECT id, code FROM skill WHERE deleted = 0")):
                skills[sid] = ("case", case_ids[sid]) if sid in case_ids else ("Tessera", code)
            domains = {name: case_ids.get(did) or _gid("domain", did) for did, name in conn.execute(
                text("SELECT id, name FROM domain WHERE deleted = 0 ORDER BY sort"))}
        return GradebookIds(classes.get(class_id, class_id), schools.get(school or "", school or ""), students,
                            skills, domains)  # fmt: skip

    def gradebook(self, actor: Actor, class_id: str, out: str | Path,
                  progress: ProgressFn | None = None) -> ExportResult:
        heat = self._practice.heatmap(actor, class_id)  # checks the class is the actor's
        if progress:
            progress(0.5, "Writing the gradebook...")
        tables = gradebook_tables(heat, self._ids(class_id))
        path = write_gradebook(tables, out)
        return ExportResult(path, len(tables["results.csv"]) - 1, "gradebook")

    def skills_csv(self, actor: Actor, class_id: str, out: str | Path,
                   progress: ProgressFn | None = None) -> ExportResult:
        heat = self._practice.heatmap(actor, class_id)
        with self.db.read() as s:
            students = outside_ids(s, "person")
        rows = skills_table(heat, students)
        return ExportResult(write_csv(rows, out), len(rows) - 1, "skills")

    def check_class(self, actor: Actor, class_id: str) -> None:
        with self.db.read() as s:
            require_class(s, actor, class_id)
