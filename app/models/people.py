"""Schools, classes, people, accounts, enrollments, profiles and the audit trail."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.models.base import SyncedModel, synced


@synced
class School(SyncedModel, table=True):
    name: str
    checkins_enabled: bool = True


@synced
class SchoolClass(SyncedModel, table=True):
    __tablename__ = "school_class"
    school_id: str = Field(foreign_key="school.id", index=True)
    name: str
    grade: str = ""
    year: str = ""
    archived: bool = False
    # Students of this class may sign in without a PIN on shared machines.
    pin_optional: bool = False


@synced
class Person(SyncedModel, table=True):
    school_id: str = Field(foreign_key="school.id", index=True)
    role: str = Field(index=True)  # "teacher" | "student" | "admin"
    given_name: str
    family_name: str = ""
    display_name: str = ""
    pronouns: str = ""
    archived: bool = False
    # Practice target success probability (teacher-set); 0.75 is the default of the learner model.
    target_success: float = 0.75

    @property
    def full_name(self) -> str:
        return self.display_name or f"{self.given_name} {self.family_name}".strip()


@synced
class Account(SyncedModel, table=True):
    """Credentials. Teachers have a username and an Argon2 password hash; students a PIN hash."""

    person_id: str = Field(foreign_key="person.id", index=True, unique=True)
    username: str | None = Field(default=None, index=True)
    password_hash: str | None = None
    pin_hash: str | None = None
    disabled: bool = False


@synced
class Enrollment(SyncedModel, table=True):
    class_id: str = Field(foreign_key="school_class.id", index=True)
    person_id: str = Field(foreign_key="person.id", index=True)
    role: str = "student"  # "student" | "teacher"


@synced
class Profile(SyncedModel, table=True):
    """A student's profile, written with them. Lists are JSON arrays of short phrases."""

    student_id: str = Field(foreign_key="person.id", index=True, unique=True)
    strengths: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    interests: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    values: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    learning_prefs: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    about_me: str = ""  # the student's own voice
    accommodations: str = ""  # teacher-written, visible to the student
    teacher_notes: str = ""  # teacher-only
    read_aloud: bool = False  # teacher-set: questions, instructions and feedback can be read aloud

    STUDENT_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"strengths", "interests", "values", "learning_prefs", "about_me"}
    )


@synced
class AuditEvent(SyncedModel, table=True):
    __tablename__ = "audit_event"
    sync_kind: ClassVar[str] = "event"
    actor_id: str = Field(default="", index=True)
    action: str
    subject_id: str = ""
    detail: str = ""


@synced
class SignInEvent(SyncedModel, table=True):
    """A wrong PIN or password ("fail"), a sign-in after wrong ones ("ok"), or a teacher freeing a
    student's sign-in ("unlock"). Append-only and synced: every machine of the school derives the
    same lock-out from the same events (app/people/lockout.py), and no one clears it by deleting a
    row on one machine."""

    __tablename__ = "signin_event"
    sync_kind: ClassVar[str] = "event"
    person_id: str = Field(foreign_key="person.id", index=True)
    kind: str  # "fail" | "ok" | "unlock"
    at: float  # when, by the clock of the machine that wrote it
    by_id: str = ""  # the teacher who unlocked


class MachineSetting(SQLModel, table=True):
    """Local only: a setting of this computer chosen by a teacher in Tessera. On a lab machine these
    stand where the shared (student-writable) settings.json would (app/people/machine_settings.py)."""

    __tablename__ = "machine_setting"
    key: str = Field(primary_key=True)
    value: str  # JSON
    set_by: str = ""
    set_at: float = 0.0
