"""The teacher's side of a draft: the class's work on a task (handed-in first, with what the checks
found), comments anchored to a passage of a version, and handing the draft back with feedback.

Checking drafts for the list is CPU work: call it off the UI thread. Checkers are kept per task
(each remembers the sentences it has checked), so opening the list again is quick.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from sqlalchemy import func, select

from app.errors import InvalidInput
from app.i18n import _
from app.models import Draft, DraftComment, DraftVersion
from app.people.actor import Actor
from app.people.permissions import require_class, require_teacher
from app.store.database import Database

from .access import class_students, latest_version, load_draft, load_task, name_of, task_config
from .checks.checker import Checker
from .checks.findings import GRAMMAR, SPELLING, STYLE, CheckConfig, CheckResult
from .results import NOT_STARTED, RETURNED, SUBMITTED, WRITING, CommentInfo, DraftRow, FindingCounts

MAX_COMMENT = 5_000
MAX_PASSAGE = 5_000
MAX_FEEDBACK = 10_000
CHECKERS_KEPT = 8
_ORDER = {SUBMITTED: 0, WRITING: 1, RETURNED: 2, NOT_STARTED: 3}


class WritingReview:
    db: Database

    def __init__(self) -> None:
        self._checkers: OrderedDict[str, Checker] = OrderedDict()
        self._checkers_lock = threading.Lock()

    def drafts_for_task(self, actor: Actor, task_id: str, with_counts: bool = True) -> list[DraftRow]:
        """Every current student of the class and their draft: handed in (oldest first), then still
        writing, then returned, then not started. with_counts runs the checks on each latest version."""
        require_teacher(actor)
        texts: dict[str, str] = {}
        with self.db.read() as s:
            task = load_task(s, task_id)
            require_class(s, actor, task.class_id)
            students = class_students(s, task.class_id)
            drafts: dict[str, Draft] = {}
            for d in s.execute(select(Draft).where(Draft.task_id == task.id, Draft.deleted == False)
                               .order_by(Draft.created_at.desc(), Draft.id.desc())).scalars():  # fmt: skip
                drafts[d.student_id] = d  # the oldest wins (see access.student_draft)
            ids = [d.id for d in drafts.values()]
            versions: dict[str, int] = dict(s.execute(select(DraftVersion.draft_id, func.count()).where(
                DraftVersion.draft_id.in_(ids), DraftVersion.deleted == False)
                .group_by(DraftVersion.draft_id)).all()) if ids else {}  # fmt: skip
            comments: dict[str, int] = dict(s.execute(select(DraftComment.draft_id, func.count()).where(
                DraftComment.draft_id.in_(ids), DraftComment.deleted == False)
                .group_by(DraftComment.draft_id)).all()) if ids else {}  # fmt: skip
            rows = []
            for p in students:
                d = drafts.get(p.id)
                if d is None:
                    rows.append(DraftRow(p.id, p.full_name, NOT_STARTED))
                    continue
                latest = latest_version(s, d.id)
                text = latest.text if latest is not None else ""
                texts[d.id] = text
                rows.append(DraftRow(p.id, p.full_name, d.status, d.id, latest.word_count if latest else 0,
                                     versions.get(d.id, 0), comments.get(d.id, 0), d.submitted_at,
                                     d.returned_at))  # fmt: skip
            config = task_config(s, task) if with_counts else None
        if config is not None:
            checker = self._checker(task_id, config)
            rows = [_with_counts(r, checker.check(texts[r.draft_id])) if r.draft_id else r for r in rows]
        rows.sort(key=lambda r: (_ORDER.get(r.status, 9), r.submitted_at if r.status == SUBMITTED else 0.0,
                                 r.student_name.casefold()))  # fmt: skip
        return rows

    def check_draft(self, actor: Actor, draft_id: str, version_id: str = "") -> CheckResult:
        """What the checks find in a version (the latest by default), with the task's settings."""
        with self.db.read() as s:
            draft, task = load_draft(s, actor, draft_id)
            version = s.get(DraftVersion, version_id) if version_id else latest_version(s, draft.id)
            if version is None or version.draft_id != draft.id:
                return CheckResult()
            text = version.text
            config = task_config(s, task)
        return self._checker(task.id, config).check(text)

    def add_comment(self, actor: Actor, draft_id: str, version_id: str, start: int, end: int,
                    text: str) -> CommentInfo:  # fmt: skip
        """A comment on the passage start:end (str offsets) of one version; the passage is quoted so
        the comment can find its place again after the student edits."""
        require_teacher(actor)
        text = text.strip()
        if not text:
            raise InvalidInput(_("Write the comment first."))
        if len(text) > MAX_COMMENT:
            raise InvalidInput(_("That comment is very long: keep it under 5,000 characters."))
        with self.db.write() as s:
            draft, _task = load_draft(s, actor, draft_id)
            version = s.get(DraftVersion, version_id)
            if version is None or version.deleted or version.draft_id != draft.id:
                raise InvalidInput(_("That version is not part of this draft."))
            if not (0 <= start < end <= len(version.text)):
                raise InvalidInput("Select the words you want to comment on first.")
            if end - start > MAX_PASSAGE:
                raise InvalidInput(_("Choose a shorter passage to comment on: a sentence or a paragraph."))
            quote = version.text[start:end]
            if not quote.strip():
                raise InvalidInput("Select some words, not only spaces, to comment on.")
            comment = DraftComment(draft_id=draft.id, version_id=version.id, author_id=actor.person_id,
                                   start=start, end=end, quote=quote, text=text, partition=draft.partition)  # fmt: skip
            s.add(comment)
            s.flush()
            return CommentInfo(comment.id, version.id, start, end, quote, text, name_of(s, actor.person_id),
                               comment.created_at, (start, end))  # fmt: skip

    def return_draft(self, actor: Actor, draft_id: str, feedback: str, now: float | None = None) -> None:
        """Hand handed-in work back with overall feedback; the student can then revise it."""
        require_teacher(actor)
        feedback = feedback.strip()
        if len(feedback) > MAX_FEEDBACK:
            raise InvalidInput(_("The feedback is very long: keep it under 10,000 characters."))
        with self.db.write() as s:
            draft, _task = load_draft(s, actor, draft_id)
            if draft.status != SUBMITTED:
                raise InvalidInput(_("Only work that was handed in can be handed back."))
            if not feedback and not s.execute(select(DraftComment.id).where(
                    DraftComment.draft_id == draft.id, DraftComment.deleted == False)).first():  # fmt: skip
                raise InvalidInput(_("Write some feedback, or comment on a passage, before handing it back."))
            draft.status = RETURNED
            draft.returned_at = now or time.time()
            draft.feedback = feedback

    def _checker(self, task_id: str, config: CheckConfig) -> Checker:
        with self._checkers_lock:
            checker = self._checkers.get(task_id)
            if checker is None:
                checker = self._checkers[task_id] = Checker(config)
                if len(self._checkers) > CHECKERS_KEPT:
                    self._checkers.popitem(last=False)
            else:
                self._checkers.move_to_end(task_id)
                if checker.config != config:  # the teacher changed the task or the word list
                    checker.config = config
            return checker


def _with_counts(row: DraftRow, result: CheckResult) -> DraftRow:
    counts = FindingCounts(
        len(result.by_category(SPELLING)), len(result.by_category(GRAMMAR)), len(result.by_category(STYLE)),
        sum(1 for r in result.rubric if r.met), len(result.rubric), result.truncated,
    )  # fmt: skip
    return DraftRow(row.student_id, row.student_name, row.status, row.draft_id, row.words, row.versions,
                    row.comments, row.submitted_at, row.returned_at, counts)  # fmt: skip
