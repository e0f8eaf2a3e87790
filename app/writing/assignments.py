"""Writing tasks and the class word list: teachers set them, students see their own class's.

Part of `WritingService` (service.py); every method takes the acting user first and does one
unit of work in one transaction.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from app.errors import InvalidInput, PermissionDenied
from app.i18n import _
from app.models import Draft, SchoolClass, WordList, WritingTask
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.permissions import require_class, require_teacher, student_class_ids
from app.store.database import Database

from .access import (
    class_students,
    class_words,
    load_task,
    require_task,
    student_draft,
    task_config,
    task_view,
    version_infos,
)
from .checks.findings import CATEGORIES, CheckConfig
from .criteria import checks_from_categories, clean_words, rubric_from_criteria
from .results import NOT_STARTED, RETURNED, SUBMITTED, WRITING, MyTask, TaskInfo, TaskRow, TaskSpec

MAX_TITLE = 200
MAX_PROMPT = 20_000


class WritingTasks:
    db: Database

    # -- teachers ---------------------------------------------------------------------------------
    def create_task(self, actor: Actor, class_id: str, spec: TaskSpec) -> TaskInfo:
        require_teacher(actor)
        _validate(spec)
        with self.db.write() as s:
            require_class(s, actor, class_id)
            klass = s.get(SchoolClass, class_id)
            task = WritingTask(
                class_id=class_id, title="", partition=partition_key(klass.school_id, class_id)
            )
            _apply(task, spec)
            s.add(task)
            s.flush()
            return task_view(task)

    def update_task(self, actor: Actor, task_id: str, spec: TaskSpec) -> TaskInfo:
        require_teacher(actor)
        _validate(spec)
        with self.db.write() as s:
            task = load_task(s, task_id)
            require_class(s, actor, task.class_id)
            _apply(task, spec)
            s.flush()
            return task_view(task)

    def set_task_archived(self, actor: Actor, task_id: str, archived: bool) -> None:
        """Archive hides a task from students (their drafts are kept); undo brings it back."""
        require_teacher(actor)
        with self.db.write() as s:
            task = load_task(s, task_id)
            require_class(s, actor, task.class_id)
            task.archived = archived

    def tasks_for_class(self, actor: Actor, class_id: str, include_archived: bool = False) -> list[TaskRow]:
        """The class's tasks, soonest due first, each with how many drafts are in each state."""
        with self.db.read() as s:
            require_class(s, actor, class_id)
            q = select(WritingTask).where(WritingTask.class_id == class_id, WritingTask.deleted == False)
            if not include_archived:
                q = q.where(WritingTask.archived == False)
            tasks = list(s.execute(q).scalars())
            students = {p.id for p in class_students(s, class_id)}
            statuses: dict[str, dict[str, str]] = {}
            if tasks:
                for task_id, student_id, status in s.execute(
                    select(Draft.task_id, Draft.student_id, Draft.status)
                    .where(Draft.task_id.in_([t.id for t in tasks]), Draft.deleted == False)
                    .order_by(Draft.created_at.desc(), Draft.id.desc())  # the oldest (the draft) wins
                ).all():
                    if student_id in students:
                        statuses.setdefault(task_id, {})[student_id] = status
            rows = []
            for t in tasks:
                counts = Counter(statuses.get(t.id, {}).values())
                rows.append(TaskRow(task_view(t), counts[SUBMITTED], counts[RETURNED], counts[WRITING],
                                    len(students) - sum(counts.values())))  # fmt: skip
        rows.sort(key=lambda r: (r.task.archived, r.task.due_at or float("inf"), r.task.title.casefold()))
        return rows

    def word_list(self, actor: Actor, class_id: str) -> tuple[str, ...]:
        """The class's own words (topic words, places ...); students' names are allowed without it."""
        with self.db.read() as s:
            require_class(s, actor, class_id)
            return clean_words(class_words(s, class_id))

    def set_word_list(self, actor: Actor, class_id: str, words: list[str]) -> tuple[str, ...]:
        require_teacher(actor)
        cleaned = clean_words(words)
        with self.db.write() as s:
            require_class(s, actor, class_id)
            lists = list(s.execute(
                select(WordList).where(WordList.class_id == class_id, WordList.deleted == False)
                .order_by(WordList.created_at, WordList.id)).scalars())  # fmt: skip
            if lists:
                lists[0].words = list(cleaned)
                for extra in lists[1:]:  # started on another device before a sync: one list from now on
                    extra.deleted = True
            else:
                klass = s.get(SchoolClass, class_id)
                s.add(WordList(class_id=class_id, words=list(cleaned),
                               partition=partition_key(klass.school_id, class_id)))  # fmt: skip
        return cleaned

    # -- both -------------------------------------------------------------------------------------
    def task(self, actor: Actor, task_id: str) -> TaskInfo:
        with self.db.read() as s:
            task = load_task(s, task_id)
            require_task(s, actor, task)
            return task_view(task)

    def check_config(self, actor: Actor, task_id: str) -> CheckConfig:
        """The engine's settings for a task: its checks and rubric, and the words the class may use
        (everyone's names, the class word list, the task's topic words)."""
        with self.db.read() as s:
            task = load_task(s, task_id)
            require_task(s, actor, task)
            return task_config(s, task)

    # -- students ---------------------------------------------------------------------------------
    def my_tasks(self, actor: Actor) -> list[MyTask]:
        """A student's tasks: the ones still to do first (soonest due first), handed-in ones last."""
        if not actor.is_student:
            raise PermissionDenied(_("Only a student has writing tasks to do."))
        out: list[MyTask] = []
        with self.db.read() as s:
            classes = student_class_ids(s, actor.person_id)
            if not classes:
                return []
            tasks = s.execute(select(WritingTask).where(
                WritingTask.class_id.in_(classes), WritingTask.deleted == False,
                WritingTask.archived == False)).scalars().all()  # fmt: skip
            for task in tasks:
                draft = student_draft(s, task.id, actor.person_id)
                if draft is None:
                    out.append(MyTask(task_view(task), NOT_STARTED))
                    continue
                versions = version_infos(s, draft.id)
                last = versions[-1] if versions else None
                out.append(MyTask(task_view(task), draft.status, draft.id, last.word_count if last else 0,
                                  len(versions), last.saved_at if last else 0.0))  # fmt: skip
        out.sort(
            key=lambda m: (m.status == SUBMITTED, m.task.due_at or float("inf"), m.task.title.casefold())
        )
        return out


def _validate(spec: TaskSpec) -> None:
    if not spec.title.strip():
        raise InvalidInput(_("Give the writing task a title."))
    if len(spec.title) > MAX_TITLE:
        raise InvalidInput(
            _("The title is too long: keep it under {MAX_TITLE} characters.", MAX_TITLE=MAX_TITLE)
        )
    if len(spec.prompt) > MAX_PROMPT:
        raise InvalidInput(_("The instructions are too long: keep them under 20,000 characters."))
    if spec.due_at < 0:
        raise InvalidInput(_("The due date is not a real date."))
    if not set(spec.categories) <= CATEGORIES:
        raise InvalidInput(_("Unknown kind of check: use spelling, grammar and style."))
    r = spec.rubric
    if r.min_words is not None and r.max_words is not None and r.min_words > r.max_words:
        raise InvalidInput(_("The fewest words asked for is more than the most words allowed."))
    if r.min_paragraphs is not None and r.max_paragraphs is not None and r.min_paragraphs > r.max_paragraphs:
        raise InvalidInput(_("The fewest paragraphs asked for is more than the most allowed."))
    numbers = (
        r.min_words,
        r.max_words,
        r.min_paragraphs,
        r.max_paragraphs,
        r.min_topic_words,
        r.min_transitions,
    )
    if any(n is not None and n < 0 for n in numbers):
        raise InvalidInput(_("Counts in the checklist cannot be negative."))


def _apply(task: WritingTask, spec: TaskSpec) -> None:
    task.title = spec.title.strip()
    task.prompt = spec.prompt.strip()
    task.due_at = float(spec.due_at)
    task.checks = checks_from_categories(spec.categories)
    task.rubric = rubric_from_criteria(spec.rubric)
    task.skill_ids = [str(k) for k in spec.skill_ids]
