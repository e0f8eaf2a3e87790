"""Reads and permission checks the writing services share, inside the caller's session.

- A teacher sees and changes the writing tasks of the classes they teach, and their students' drafts.
- A student sees the tasks of their own classes and only their own drafts.
"""

from __future__ import annotations

import re

from sqlalchemy import LargeBinary, cast, func, literal, select
from sqlmodel import Session

from app.errors import NotFound, PermissionDenied
from app.i18n import _
from app.models import Draft, DraftVersion, Enrollment, Person, WordList, WritingTask
from app.people.actor import Actor
from app.people.permissions import require_class, student_class_ids

from .checks.findings import CheckConfig
from .criteria import build_config, categories_from_checks, criteria_from_rubric
from .results import TaskInfo, VersionInfo

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def load_task(s: Session, task_id: str) -> WritingTask:
    task = s.get(WritingTask, task_id)
    if task is None or task.deleted:
        raise NotFound(_("That writing task no longer exists."))
    return task


def require_task(s: Session, actor: Actor, task: WritingTask) -> None:
    """The teacher of the task's class, or a student in it (students never see archived tasks)."""
    if actor.is_student:
        if task.archived or task.class_id not in student_class_ids(s, actor.person_id):
            raise NotFound(_("That writing task is not one of yours."))
    else:
        require_class(s, actor, task.class_id)


def load_draft(s: Session, actor: Actor, draft_id: str) -> tuple[Draft, WritingTask]:
    """The draft and its task, if actor may see it: its own student, or a teacher of the class."""
    draft = s.get(Draft, draft_id)
    if draft is None or draft.deleted:
        raise NotFound(_("That draft no longer exists."))
    task = load_task(s, draft.task_id)
    if actor.is_student:
        if draft.student_id != actor.person_id:
            raise PermissionDenied(_("You can only see your own work."))
    else:
        require_class(s, actor, task.class_id)
    return draft, task


def student_draft(s: Session, task_id: str, student_id: str) -> Draft | None:
    """The student's draft for a task. Two devices may each have started one before they synced:
    the oldest is the draft (every device picks the same one)."""
    return s.execute(
        select(Draft)
        .where(Draft.task_id == task_id, Draft.student_id == student_id, Draft.deleted == False)
        .order_by(Draft.created_at, Draft.id)
        .limit(1)
    ).scalar_one_or_none()


def latest_version(s: Session, draft_id: str) -> DraftVersion | None:
    return s.execute(
        select(DraftVersion)
        .where(DraftVersion.draft_id == draft_id, DraftVersion.deleted == False)
        .order_by(DraftVersion.saved_at.desc(), DraftVersion.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def version_infos(s: Session, draft_id: str) -> list[VersionInfo]:
    """Every saved version, oldest first, without their texts (they can be large)."""
    V = DraftVersion
    # SQLite's length() stops at a NUL character (pasted binary junk): such rare texts are counted here.
    has_nul = func.instr(cast(V.text, LargeBinary), literal(b"\x00", LargeBinary)) > 0
    rows = s.execute(
        select(V.id, V.saved_at, V.word_count, func.length(V.text), V.author_id, has_nul)
        .where(V.draft_id == draft_id, V.deleted == False)
        .order_by(V.saved_at, V.id)
    ).all()
    infos = []
    for n, (vid, at, words, chars, author, nul) in enumerate(rows, 1):
        if nul:
            chars = len(s.execute(select(V.text).where(V.id == vid)).scalar_one() or "")
        infos.append(VersionInfo(vid, n, at, words, chars or 0, author))
    return infos


def task_view(task: WritingTask) -> TaskInfo:
    return TaskInfo(
        task.id, task.class_id, task.title, task.prompt, task.due_at, categories_from_checks(task.checks),
        criteria_from_rubric(task.rubric), tuple(str(k) for k in task.skill_ids or ()), task.archived,
        task.created_at,
    )  # fmt: skip


def name_of(s: Session, person_id: str) -> str:
    p = s.get(Person, person_id)
    return p.full_name if p is not None else ""


def class_students(s: Session, class_id: str) -> list[Person]:
    """The class's current students (not archived), by name."""
    return list(s.execute(
        select(Person).join(Enrollment, Enrollment.person_id == Person.id)
        .where(Enrollment.class_id == class_id, Enrollment.role == "student", Enrollment.deleted == False,
               Person.deleted == False, Person.archived == False)
        .order_by(Person.given_name, Person.family_name)).scalars())  # fmt: skip


def class_people_names(s: Session, class_id: str) -> list[str]:
    """Every name of everyone in the class (students and teachers): the spelling check accepts them."""
    rows = s.execute(
        select(Person.given_name, Person.family_name, Person.display_name)
        .join(Enrollment, Enrollment.person_id == Person.id)
        .where(Enrollment.class_id == class_id, Enrollment.deleted == False, Person.deleted == False)
    ).all()
    names: list[str] = []
    for row in rows:
        for part in row:
            names.extend((part or "").split())
    return names


def class_words(s: Session, class_id: str) -> list[str]:
    """The class's word list. Two devices may each have started one before they synced: both count."""
    lists = s.execute(
        select(WordList)
        .where(WordList.class_id == class_id, WordList.deleted == False)
        .order_by(WordList.created_at, WordList.id)
    ).scalars()
    return [w for wl in lists for w in (wl.words or ()) if isinstance(w, str)]


def task_config(s: Session, task: WritingTask) -> CheckConfig:
    """The engine's settings for a task: its checks and rubric, and the words the class may use
    (everyone's names, the class word list; the engine adds the task's topic words)."""
    allowed = class_people_names(s, task.class_id) + class_words(s, task.class_id)
    return build_config(task.checks, task.rubric, allowed)
