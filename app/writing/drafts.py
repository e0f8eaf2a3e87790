"""A student's draft for a task: open it, save versions as they write, hand it in; and, for the
student and their teachers, the version history with the differences between versions.

Every save adds a new DraftVersion (an event: never changed after it is written); saving the same
text again writes nothing. A draft too large to save is refused with a message, and nothing else
happens: the editor still holds the text, so nothing is lost.
"""

from __future__ import annotations

import time

from sqlalchemy import select

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.i18n import _
from app.models import Draft, DraftComment, DraftVersion, Person, WritingTask
from app.models.base import partition_key
from app.people.actor import Actor
from app.store.database import Database

from .access import (
    latest_version,
    load_draft,
    load_task,
    name_of,
    require_task,
    student_draft,
    task_view,
    version_infos,
    word_count,
)
from .anchors import locate
from .diff import TextDiff, diff_texts
from .results import SUBMITTED, WRITING, CommentInfo, DraftInfo, SaveResult, VersionInfo

MAX_DRAFT_BYTES = 1024 * 1024  # 1 MB of text (about 170,000 words): far past any essay


class DraftTooLarge(InvalidInput):
    """The draft is over the size limit; the message says so and that nothing is lost."""


class DraftLocked(InvalidInput):
    """The draft was handed in: it waits for the teacher before it can change again."""


def clean_text(text: str) -> str:
    """One newline convention, and no lone surrogates (a damaged paste) that storage cannot hold."""
    if not isinstance(text, str):
        raise InvalidInput(_("A draft must be text."))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def check_size(text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > MAX_DRAFT_BYTES:
        raise DraftTooLarge(
            _(
                "This draft is too long to save: it holds {v:,} KB of text and a draft can hold at most {v2:,} KB (about 170,000 words). Nothing is lost: your writing is still here. Shorten it and it will save again.",
                v=-(-size // 1024),
                v2=MAX_DRAFT_BYTES // 1024,
            )
        )


class WritingDrafts:
    db: Database

    # -- students ---------------------------------------------------------------------------------
    def open_draft(self, actor: Actor, task_id: str) -> DraftInfo:
        """The student's draft for a task, as last saved. Before the first save it has no id yet:
        nothing is written just by looking."""
        _require_student(actor)
        with self.db.read() as s:
            task = load_task(s, task_id)
            require_task(s, actor, task)
            draft = student_draft(s, task.id, actor.person_id)
            if draft is None:
                return DraftInfo("", task_view(task), actor.person_id, name_of(s, actor.person_id), WRITING,
                                 "", 0.0, 0.0, "", "")  # fmt: skip
            return _view(s, draft, task)

    def save_draft(self, actor: Actor, task_id: str, text: str, now: float | None = None) -> SaveResult:
        """Keep the text as a new version (the first save starts the draft). Same text: nothing written."""
        _require_student(actor)
        text = clean_text(text)
        check_size(text)
        with self.db.write() as s:
            draft, _task, _created = self._writable_draft(s, actor, task_id, bool(text))
            if draft is None:
                return SaveResult(False, None, WRITING)
            saved = _add_version(s, draft, actor, text, now or time.time())
            infos = version_infos(s, draft.id)
            return SaveResult(saved, infos[-1] if infos else None, draft.status)

    def submit(
        self, actor: Actor, task_id: str, text: str | None = None, now: float | None = None
    ) -> SaveResult:
        """Hand the draft in (saving text first if it changed). It then waits for the teacher."""
        _require_student(actor)
        if text is not None:
            text = clean_text(text)
            check_size(text)
        at = now or time.time()
        with self.db.write() as s:
            draft, _task, _created = self._writable_draft(s, actor, task_id, bool(text))
            saved = False
            if draft is not None and text is not None:
                saved = _add_version(s, draft, actor, text, at)
            latest = latest_version(s, draft.id) if draft is not None else None
            if latest is None or not latest.text.strip():
                raise InvalidInput(_("Write something before you hand it in."))
            draft.status = SUBMITTED
            draft.submitted_at = at
            infos = version_infos(s, draft.id)
            return SaveResult(saved, infos[-1], draft.status)

    def _writable_draft(
        self, s, actor: Actor, task_id: str, start: bool
    ) -> tuple[Draft | None, WritingTask, bool]:
        task = load_task(s, task_id)
        require_task(s, actor, task)
        draft = student_draft(s, task.id, actor.person_id)
        if draft is None:
            if not start:
                return None, task, False
            student = s.get(Person, actor.person_id)
            school = student.school_id if student is not None else actor.school_id
            draft = Draft(task_id=task.id, student_id=actor.person_id, status=WRITING,
                          partition=partition_key(school, task.class_id, actor.person_id))  # fmt: skip
            s.add(draft)
            s.flush()
            return draft, task, True
        if draft.status == SUBMITTED:
            raise DraftLocked(
                _(
                    "You handed this in, so it cannot change now. Your teacher will hand it back with feedback."
                )
            )
        return draft, task, False

    # -- the student and their teachers -----------------------------------------------------------
    def draft(self, actor: Actor, draft_id: str) -> DraftInfo:
        with self.db.read() as s:
            draft, task = load_draft(s, actor, draft_id)
            return _view(s, draft, task)

    def versions(self, actor: Actor, draft_id: str) -> list[VersionInfo]:
        """Every saved version, oldest first (texts left out: ask for one with version_text)."""
        with self.db.read() as s:
            draft, _task = load_draft(s, actor, draft_id)
            return version_infos(s, draft.id)

    def version_text(self, actor: Actor, version_id: str) -> str:
        with self.db.read() as s:
            return _version(s, actor, version_id).text

    def diff_versions(self, actor: Actor, old_version_id: str, new_version_id: str) -> TextDiff:
        """What changed from one version to another (of the same draft)."""
        with self.db.read() as s:
            old, new = _version(s, actor, old_version_id), _version(s, actor, new_version_id)
            if old.draft_id != new.draft_id:
                raise InvalidInput(_("Those two versions belong to different drafts."))
            old_text, new_text = old.text, new.text
        return diff_texts(old_text, new_text)


def _require_student(actor: Actor) -> None:
    if not actor.is_student:
        raise PermissionDenied(_("Only the student writes in their own draft."))


def _add_version(s, draft: Draft, actor: Actor, text: str, at: float) -> bool:
    latest = latest_version(s, draft.id)
    if latest is not None and latest.text == text:
        return False
    if latest is None and not text:
        return False
    if latest is not None and at <= latest.saved_at:
        at = latest.saved_at + 0.001  # a clock that went back must not reorder the history
    s.add(DraftVersion(draft_id=draft.id, text=text, saved_at=at, author_id=actor.person_id,
                       word_count=word_count(text), partition=draft.partition))  # fmt: skip
    s.flush()
    return True


def _version(s, actor: Actor, version_id: str) -> DraftVersion:
    version = s.get(DraftVersion, version_id)
    if version is None or version.deleted:
        raise NotFound(_("That version of the draft no longer exists."))
    load_draft(s, actor, version.draft_id)  # permission
    return version


def _view(s, draft: Draft, task: WritingTask) -> DraftInfo:
    latest = latest_version(s, draft.id)
    text = latest.text if latest is not None else ""
    comments = []
    names: dict[str, str] = {}
    for c in s.execute(select(DraftComment).where(DraftComment.draft_id == draft.id,
                                                  DraftComment.deleted == False)).scalars():  # fmt: skip
        if c.author_id not in names:
            names[c.author_id] = name_of(s, c.author_id)
        if latest is not None and c.version_id == latest.id and text[c.start : c.end] == c.quote:
            anchor: tuple[int, int] | None = (c.start, c.end)
        else:
            anchor = locate(c.quote, c.start, c.end, text)
        comments.append(CommentInfo(c.id, c.version_id, c.start, c.end, c.quote, c.text, names[c.author_id],
                                    c.created_at, anchor))  # fmt: skip
    comments.sort(key=lambda c: (c.anchor is None, c.anchor or (0, 0), c.at))
    return DraftInfo(
        draft.id, task_view(task), draft.student_id, name_of(s, draft.student_id), draft.status,
        draft.feedback, draft.submitted_at,
        draft.returned_at, text, latest.id if latest is not None else "", tuple(version_infos(s, draft.id)),
        tuple(comments),
    )  # fmt: skip
