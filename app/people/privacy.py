"""A student's data on request: export all of it, or erase it everywhere.

Erasure is a purge: the rows are deleted here and the change log carries a purge for each, so
every replica that syncs removes the payload too. It is not undoable, so the caller must pass the
student's full name as confirmation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlmodel import SQLModel

from app.errors import InvalidInput, NotFound
from app.i18n import _
from app.models import SYNCED_TABLES, AuditEvent, Person, Team, TeamMember
from app.people.actor import Actor
from app.people.permissions import require_student_access, require_teacher
from app.store.database import Database

# Delete children before parents (foreign keys are on).
_PURGE_LAST = ("enrollment", "account", "profile", "person")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def _student_rows(session, student_id: str, partition: str) -> dict[str, list[SQLModel]]:  # noqa: ANN001
    out: dict[str, list[SQLModel]] = {}
    for name, model in SYNCED_TABLES.items():
        rows = list(session.execute(select(model).where(model.partition == partition)).scalars())
        if name == "person":
            rows = [r for r in rows if r.id == student_id]
        if rows:
            out[name] = rows
    return out


class PrivacyService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def export_student(self, actor: Actor, student_id: str, folder: Path) -> ExportResult:
        require_teacher(actor)
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None:
                raise NotFound(_("That student no longer exists."))
            data = {
                name: [r.model_dump() for r in rows]
                for name, rows in _student_rows(s, student_id, person.partition).items()
            }
        for rows in data.values():
            for r in rows:
                r.pop("password_hash", None)
                r.pop("pin_hash", None)  # secrets never leave in an export
        folder.mkdir(parents=True, exist_ok=True)
        safe = "".join(ch for ch in person.full_name if ch.isalnum() or ch in " -_").strip() or "student"
        path = folder / f"tessera-export-{safe}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"student": person.full_name, "tables": data}, indent=1, default=str), encoding="utf-8"
        )
        tmp.replace(path)
        return ExportResult(path, sum(len(v) for v in data.values()))

    def erase_student(self, actor: Actor, student_id: str, confirm_name: str) -> int:
        """Purge every row of this student. Returns the number of rows removed."""
        require_teacher(actor)
        with self.db.write(purge=True) as s:
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None:
                raise NotFound(_("That student no longer exists."))
            if confirm_name.strip() != person.full_name:
                raise InvalidInput(
                    _(
                        "To erase, type the student's full name exactly: {full_name}",
                        full_name=person.full_name,
                    )
                )
            s.execute(text("PRAGMA defer_foreign_keys = ON"))
            groups = _student_rows(s, student_id, person.partition)
            order = sorted(
                groups, key=lambda n: (n in _PURGE_LAST, _PURGE_LAST.index(n) if n in _PURGE_LAST else 0)
            )
            removed = 0
            for name in order:
                for row in groups[name]:
                    s.delete(row)
                    removed += 1
                s.flush()
            for team in s.execute(select(Team)).scalars():
                if student_id in (team.member_ids or []):
                    team.member_ids = [m for m in team.member_ids if m != student_id]
            # A school-wide team's members sit in their class's partition, not the student's: purged by id.
            for member in s.execute(select(TeamMember).where(TeamMember.student_id == student_id)).scalars():
                s.delete(member)
                removed += 1
            s.add(
                AuditEvent(
                    actor_id=actor.person_id,
                    action="student.erased",
                    subject_id=student_id,
                    partition=f"{person.school_id}//",
                )
            )
        # On commit the store publishes the purged rows (app.store.what_changed, source ERASURE):
        # derived state (learner estimates) is rebuilt by whoever derives it, as after a purge that
        # arrives by sync, and open screens refresh.
        return removed
