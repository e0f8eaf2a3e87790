"""The school as a whole (issue 21): teachers' own notes, the framework a school grows into, the
school's success measures, the school library, and teams that span classes.

Scope for sync (and the server's pull filter): every table here carries ``school_id`` or lives in a
class partition; the partition says which: ``school//`` for school-wide rows (framework, measures,
library), ``school/class/`` for a class's share of a cross-class team, ``school/class/student`` for a
teacher's note on a student. A framework published by a district sits in ``//`` (no school).
"""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.models.base import SyncedModel, synced


def _json_dict() -> Column:
    return Column(JSON, nullable=False, default=dict)


@synced
class TeacherNote(SyncedModel, table=True):
    """One teacher's own note on a student of a class (co-teachers each keep their own).
    ``shared``: "" (the author only), "team" (the class's co-teachers), "leader" (co-teachers and the
    school's leaders)."""

    __tablename__ = "teacher_note"
    student_id: str = Field(foreign_key="person.id", index=True)
    class_id: str = Field(default="", index=True)
    author_id: str = Field(default="", index=True)
    text: str = ""
    shared: str = ""


@synced
class FrameworkVersion(SyncedModel, table=True):
    """One published version of a framework, never edited: a change is a new version. ``body`` is the
    tree ``{"domains": [{"id", "name", "subject", "skills": [{"id", "name", "description",
    "prerequisites"}]}]}`` whose ids are the shared ids every school's reports roll up to;
    ``mapping`` says where evidence of the previous version's ids goes (``{old: [new, ...]}``; an
    empty list retires a skill, its evidence kept under "retired")."""

    __tablename__ = "framework_version"
    sync_kind: ClassVar[str] = "event"
    school_id: str = Field(default="", index=True)  # "" for a district's framework
    key: str = Field(default="tessera", index=True)  # which framework (one district may publish several)
    version: int = 1
    title: str = ""
    source: str = "tessera"  # "tessera" | "case" | "school"
    body: dict = Field(default_factory=dict, sa_column=_json_dict())
    mapping: dict = Field(default_factory=dict, sa_column=_json_dict())
    published_by: str = ""


@synced
class FrameworkAdoption(SyncedModel, table=True):
    """A school follows a framework's version in one domain (adopted domain by domain)."""

    __tablename__ = "framework_adoption"
    school_id: str = Field(index=True)
    key: str = "tessera"
    domain_id: str = ""  # the shared id of the domain
    version: int = 1
    adopted_by: str = ""


@synced
class LocalSkill(SyncedModel, table=True):
    """A school's own skill under a shared one (``parent_id``), or its own wording of a shared skill
    (``wording``): reports roll both up to the shared id."""

    __tablename__ = "local_skill"
    school_id: str = Field(index=True)
    key: str = "tessera"
    parent_id: str = ""  # the shared skill id it sits under (or rewords)
    code: str = ""
    name: str = ""
    description: str = ""
    wording: bool = False


@synced
class SuccessMeasure(SyncedModel, table=True):
    """A measure the school's leaders picked, with its target for one term."""

    __tablename__ = "success_measure"
    school_id: str = Field(index=True)
    measure: str  # a key of app.school.measures.MEASURES
    term: str = ""  # e.g. "2026-T1"
    target: float = 0.0
    set_by: str = ""


@synced
class LibraryItem(SyncedModel, table=True):
    """Something a teacher shared with colleagues: a writing task, a challenge template, a rubric or
    a question set. ``revision`` grows when the author improves it."""

    __tablename__ = "library_item"
    school_id: str = Field(index=True)
    kind: str  # "writing_task" | "challenge" | "rubric" | "question_set"
    title: str
    summary: str = ""
    body: dict = Field(default_factory=dict, sa_column=_json_dict())
    author_id: str = Field(default="", index=True)
    revision: int = 1
    withdrawn: bool = False


@synced
class LibraryCopy(SyncedModel, table=True):
    """A colleague copied a library item (the credit, and what updates to offer)."""

    __tablename__ = "library_copy"
    sync_kind: ClassVar[str] = "event"
    item_id: str = Field(foreign_key="library_item.id", index=True)
    revision: int = 1
    by_id: str = ""
    class_id: str = ""
    made_id: str = ""  # the task or challenge made from it (empty for a rubric kept in the library)


@synced
class TeamMember(SyncedModel, table=True):
    """A student on a team of a school-wide (or grade) challenge whose teams span classes. Each class's
    teacher writes their own students' rows (partition ``school/class/``), so two teachers filling one
    team never overwrite each other."""

    __tablename__ = "team_member"
    team_id: str = Field(foreign_key="team.id", index=True)
    student_id: str = Field(foreign_key="person.id", index=True)
    class_id: str = Field(default="", index=True)


class PracticeMonthCache(SQLModel, table=True):
    """Local only, never synced: practice minutes per student and month, kept up to date from the
    answers stored since ``FigureMark("attempt")`` (attempts are append-only, so rowids only grow).
    The leader's overview reads this instead of every answer of the year (app/school/figures.py)."""

    __tablename__ = "practice_month_cache"
    student_id: str = Field(primary_key=True)
    month: str = Field(primary_key=True)  # "YYYY-MM"
    ms: int = 0


class FigureMark(SQLModel, table=True):
    """Local only: how far a cache of figures has read (the highest attempt rowid counted)."""

    __tablename__ = "figure_mark"
    name: str = Field(primary_key=True)
    value: int = 0
