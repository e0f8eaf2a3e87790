"""The school's services as one group: ``ctx.services.school.<name>`` (one field in bootstrap)."""

from __future__ import annotations

from dataclasses import dataclass

from app.school.notes import NoteService
from app.school.staff import StaffService
from app.store.database import Database


@dataclass
class SchoolServices:
    staff: StaffService  # leaders' and teachers' accounts, co-teachers
    notes: NoteService  # each teacher's own notes, shared by choice


def make_school_services(db: Database) -> SchoolServices:
    return SchoolServices(staff=StaffService(db), notes=NoteService(db))
