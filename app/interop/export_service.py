"""Exports a teacher can hand on: the OneRoster gradebook, the flat skills CSV, QTI items, the CASE
framework and xAPI statements. Each takes the acting user; a teacher exports only their classes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from app.i18n import _
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
from app.practice.class_practice import ClassPracticeService
from app.store.database import Database

ProgressFn = Callable[[float, str], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int  # results, items, skills or statements written
    what: str


class MoreExports:
    """QTI, CASE and xAPI (mixed into ExportService below)."""

    db: Database

    def qti(
        self, actor: Actor, out: str | Path, skill_id: str | None = None, progress: ProgressFn | None = None
    ) -> ExportResult:
        from app.interop.qti_export import build_package
        from app.practice.engine.items import PracticeItem

        require_teacher(actor)
        with self.db.read() as s:
            sql = (
                "SELECT id, kind, prompt, answer, choices, hint, level, source, source_ref, time_limit_s "
                "FROM item WHERE deleted = 0 AND kind IN ('number', 'text', 'choice')"
            )
            params = {}
            if skill_id:
                sql += " AND skill_id = :k"
                params["k"] = skill_id
            rows = s.connection().execute(text(sql + " ORDER BY skill_id, level, id"), params).all()
        import json as _json

        items = [
            (
                r[0],
                PracticeItem(
                    r[1],
                    r[2],
                    r[3],
                    choices=tuple(_json.loads(r[4] or "[]")),
                    hint=r[5],
                    level=r[6],
                    source=r[7],
                    source_ref=r[8],
                    time_limit_s=r[9],
                ),
            )
            for r in rows
        ]
        pkg = build_package(items)
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(pkg.data)
        tmp.replace(out)
        return ExportResult(out, len(items), "qti")

    def case(self, actor: Actor, out: str | Path, progress: ProgressFn | None = None) -> ExportResult:
        import json as _json

        from app.interop.case import export_framework

        require_teacher(actor)
        with self.db.read() as s:
            pkg = export_framework(s)
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(_json.dumps(pkg, indent=2, ensure_ascii=False), encoding="utf-8")
        return ExportResult(out, len(pkg["CFItems"]), "case")

    def import_case(self, actor: Actor, path: str | Path, progress: ProgressFn | None = None):
        """A CASE CFPackage as (part of) the skill framework; a second import updates in place."""
        from app.errors import InvalidInput
        from app.interop.case import import_framework, parse_package

        require_teacher(actor)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InvalidInput(
                _("Could not open {name}: {v}.", name=Path(path).name, v=exc.strerror or exc)
            ) from None
        fw = parse_package(data)
        with self.db.write() as s:
            return import_framework(s, fw)

    def _students(self, actor: Actor, class_id: str) -> list[str]:
        with self.db.read() as s:
            require_class(s, actor, class_id)
            return list(
                s.connection()
                .execute(
                    text(
                        "SELECT person_id FROM enrollment WHERE class_id = :c AND role = 'student' AND deleted = 0"
                    ),
                    {"c": class_id},
                )
                .scalars()
            )

    def xapi_folder(
        self, actor: Actor, class_id: str, out: str | Path, progress: ProgressFn | None = None
    ) -> ExportResult:
        """Every statement of a class as JSON lines (``out`` is a folder or a .jsonl file)."""
        from app.interop.xapi import attempt_statements, summary_statements, write_jsonl

        students = self._students(actor, class_id)
        out = Path(out)
        path = out if out.suffix == ".jsonl" else out / "statements.jsonl"

        def all_statements():
            after = 0
            while True:
                with self.db.read() as s:
                    rows = attempt_statements(s, students, after, 2000)
                if not rows:
                    break
                after = rows[-1][0]
                yield from (st for _, st in rows)
            with self.db.read() as s:
                yield from summary_statements(s, students)

        n = write_jsonl(all_statements(), path)
        return ExportResult(path, n, "xapi")

    def xapi_push(
        self,
        actor: Actor,
        class_id: str,
        client,
        cursor_path: str | Path,
        batch: int = 200,
        progress: ProgressFn | None = None,
    ) -> ExportResult:
        """Send a class's statements to an LRS in batches from the durable queue (see app.interop.lrs)."""
        from app.interop.lrs import Cursor, push
        from app.interop.xapi import attempt_statements, summary_statements

        students = self._students(actor, class_id)

        def fetch(after: int, n: int):
            with self.db.read() as s:
                return attempt_statements(s, students, after, n)

        sent = push(fetch, client, Cursor(cursor_path), batch, progress)
        with self.db.read() as s:
            summary = summary_statements(s, students)
        for i in range(0, len(summary), batch):  # ids fixed by their rows: resending is harmless
            client.send(summary[i : i + batch])
        return ExportResult(Path(cursor_path), sent + len(summary), "xapi")


class ExportService(MoreExports):
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
            school = conn.execute(
                text("SELECT school_id FROM school_class WHERE id = :c"), {"c": class_id}
            ).scalar()
            classes = outside_ids(s, "class")
            schools = outside_ids(s, "school")
            students = outside_ids(s, "person")
            case_ids = outside_ids(s, "skill", "case")
            skills = {}
            for sid, code in conn.execute(text("SELECT id, code FROM skill WHERE deleted = 0")):
                skills[sid] = ("case", case_ids[sid]) if sid in case_ids else ("Tessera", code)
            domains = {
                name: case_ids.get(did) or _gid("domain", did)
                for did, name in conn.execute(
                    text("SELECT id, name FROM domain WHERE deleted = 0 ORDER BY sort")
                )
            }
        return GradebookIds(classes.get(class_id, class_id), schools.get(school or "", school or ""), students,
                            skills, domains)  # fmt: skip

    def gradebook(
        self, actor: Actor, class_id: str, out: str | Path, progress: ProgressFn | None = None
    ) -> ExportResult:
        heat = self._practice.heatmap(actor, class_id)  # checks the class is the actor's
        if progress:
            progress(0.5, _("Writing the gradebook..."))
        tables = gradebook_tables(heat, self._ids(class_id))
        path = write_gradebook(tables, out)
        return ExportResult(path, len(tables["results.csv"]) - 1, "gradebook")

    def skills_csv(
        self, actor: Actor, class_id: str, out: str | Path, progress: ProgressFn | None = None
    ) -> ExportResult:
        heat = self._practice.heatmap(actor, class_id)
        with self.db.read() as s:
            students = outside_ids(s, "person")
        rows = skills_table(heat, students)
        return ExportResult(write_csv(rows, out), len(rows) - 1, "skills")

    def check_class(self, actor: Actor, class_id: str) -> None:
        with self.db.read() as s:
            require_class(s, actor, class_id)
