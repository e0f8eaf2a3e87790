"""The writing editor's crash journal, kept by the lab service: in lab mode a student's unsaved text
goes into the service's own folder (``<data>/journal``, 0700), never a file another OS account can read.
Each call acts for the signed-in student only: the student id comes from the session, so one student
can neither read nor clear another's kept text."""

from __future__ import annotations

from pathlib import Path

from app.errors import PermissionDenied
from app.i18n import _
from app.people.actor import Actor
from app.writing.journal import JournalEntry, TextJournal


def _own(actor: Actor, student_id: str) -> None:
    if not actor.is_student or actor.person_id != student_id:
        raise PermissionDenied(_("You can only keep your own writing."))


class LabJournal:
    """``TextJournal``'s calls, each taking the acting user first like every other service."""

    def __init__(self, data_dir: str | Path) -> None:
        self.inner = TextJournal(data_dir)

    def write(self, actor: Actor, student_id: str, task_id: str, text: str, saved_text: str | None) -> None:
        _own(actor, student_id)
        self.inner.write(student_id, task_id, text, saved_text)

    def read(self, actor: Actor, student_id: str, task_id: str) -> JournalEntry | None:
        _own(actor, student_id)
        return self.inner.read(student_id, task_id)

    def clear(self, actor: Actor, student_id: str, task_id: str) -> None:
        _own(actor, student_id)
        self.inner.clear(student_id, task_id)

    def tasks_of(self, actor: Actor, student_id: str) -> list[str]:
        _own(actor, student_id)
        return self.inner.tasks_of(student_id)
