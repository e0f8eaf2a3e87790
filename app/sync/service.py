"""What the UI may do with sync, with permission checks: see the conflict archive for the teacher's
own classes and restore a value; read and set the sync folder (unless the school's policy set it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.errors import PermissionDenied
from app.i18n import _
from app.models import SYNCED_TABLES
from app.people.actor import Actor
from app.people.permissions import require_teacher, teacher_class_ids
from app.store.database import Database
from app.sync.conflicts import Conflict, list_conflicts, restore_conflict

# What a teacher calls the things the archive can hold; anything not named here is shown in a
# readable form of its database name (``some_field`` -> "Some field").
TABLE_WORDS = {
    "profile": "Profile",
    "plan": _("Learning plan"),
    "goal": "Goal",
    "milestone": "Milestone",
    "goal_evidence": _("Goal evidence"),
    "challenge": "Challenge",
    "checkpoint": "Checkpoint",
    "team": "Team",
    "team_checkpoint": _("Team checkpoint"),
    "team_log": _("Team log"),
    "rubric_score": _("Rubric score"),
    "check_in": "Check-in",
    "celebration": "Celebration",
    "item": _("Practice question"),
    "attempt": _("Practice answer"),
    "practice_focus": _("Practice focus"),
    "writing_task": _("Writing task"),
    "draft": "Draft",
    "draft_version": "Draft",
    "draft_comment": _("Comment on a draft"),
    "word_list": _("Word list"),
    "person": "Person",
    "school_class": "Class",
    "enrollment": _("Class membership"),
    "domain": _("Learning area"),
}
FIELD_WORDS = {
    "teacher_notes": _("Teacher's notes"),
    "teacher_note": _("Teacher's note"),
    "teacher_feedback": _("Teacher's feedback"),
    "about_me": _("About me"),
    "learning_prefs": _("How they like to learn"),
    "why": _("Why it matters"),
    "skill_ids": "Skills",
    "member_ids": _("Team members"),
    "target_date": _("Target date"),
    "weekly_minutes": _("Minutes a week"),
    "self_level": _("Own rating"),
    "self_reflection": _("Own reflection"),
    "due_at": _("Due date"),
    "done_at": _("Done on"),
    "submitted_at": _("Handed in"),
    "returned_at": _("Given back"),
    "given_name": _("First name"),
    "family_name": _("Family name"),
    "display_name": _("Name shown"),
    "target_success": _("Target success rate"),
}
_TABLE_FIELD_WORDS = {
    ("draft_version", "text"): _("Draft text"),
    ("draft_comment", "text"): "Comment",
    ("team_log", "text"): _("Log entry"),
}


def _readable(name: str) -> str:
    return name.replace("_", " ").strip().capitalize()


def table_words(table: str) -> str:
    return TABLE_WORDS.get(table) or _readable(table)


def field_words(table: str, field: str) -> str:
    return _TABLE_FIELD_WORDS.get((table, field)) or FIELD_WORDS.get(field) or _readable(field)


@dataclass(frozen=True)
class ConflictView:
    conflict: Conflict
    who: str  # the student (or class) the value belongs to, for a teacher to recognise
    what: str = ""  # the kind of thing, in a teacher's words ("Profile")
    field_label: str = ""  # the field, in a teacher's words ("Teacher's notes")


class SyncService:
    def __init__(self, db: Database, settings: Any = None) -> None:
        self.db = db
        self.settings = settings

    def _visible(self, actor: Actor, conflicts: list[Conflict]) -> list[ConflictView]:
        """Only rows of the teacher's classes (or school-wide rows of their school)."""
        from app.models import Person, SchoolClass

        with self.db.read() as s:
            classes = teacher_class_ids(s, actor)
            out = []
            for c in conflicts:
                model = SYNCED_TABLES.get(c.table)
                row = s.get(model, c.row_id) if model else None
                if row is None:
                    continue
                school, klass, student = (row.partition.split("/") + ["", "", ""])[:3]
                if klass in classes or (not klass and school == actor.school_id):
                    person = s.get(Person, student) if student else None
                    group = s.get(SchoolClass, klass) if klass else None
                    who = person.full_name if person else (group.name if group else "")
                    out.append(ConflictView(c, who, table_words(c.table), field_words(c.table, c.field)))
            return out

    def conflicts(self, actor: Actor, include_restored: bool = False) -> list[ConflictView]:
        require_teacher(actor)
        return self._visible(actor, list_conflicts(self.db, include_restored=include_restored))

    def restore(self, actor: Actor, conflict_id: int) -> None:
        require_teacher(actor)
        if conflict_id not in {v.conflict.id for v in self.conflicts(actor, include_restored=True)}:
            raise PermissionDenied(_("You can only restore values in your own classes."))
        restore_conflict(self.db, conflict_id)

    def folder(self) -> tuple[str, bool]:
        """(folder, set by school policy)."""
        if self.settings is None:
            return "", False
        return self.settings.get("sync_folder") or "", self.settings.is_locked("sync_folder")

    def set_folder(self, actor: Actor, folder: str) -> None:
        require_teacher(actor)
        if self.settings is None:
            return
        if self.settings.is_locked("sync_folder"):
            raise PermissionDenied(_("Your school set the sync folder for this computer."))
        self.settings.set_user("sync_folder", folder.strip())
