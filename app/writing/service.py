"""WritingService: the writing capability's one service (``services.writing``).

Teachers set writing tasks for their classes (prompt, due date, which checks are on, rubric criteria)
and keep the class word list; students open their draft for a task, save versions as they write and
hand it in; teachers see the class's drafts with what the checks found, comment on passages and hand
drafts back with feedback; both see the version history and what changed between versions.

The methods are grouped by job in assignments.py (tasks, word list, settings), drafts.py (a student's
draft, versions, differences) and review.py (the teacher's list, comments, handing back). Each takes
the acting user first, checks permission, does one unit of work in one transaction and returns the
plain data of results.py. The checks themselves are the engine in ``app.writing.checks`` (`Checker`).
"""

from __future__ import annotations

from app.store.database import Database

from .assignments import WritingTasks
from .drafts import MAX_DRAFT_BYTES, DraftLocked, DraftTooLarge, WritingDrafts
from .review import WritingReview

__all__ = ["MAX_DRAFT_BYTES", "DraftLocked", "DraftTooLarge", "WritingService"]


class WritingService(WritingTasks, WritingDrafts, WritingReview):
    def __init__(self, db: Database) -> None:
        WritingReview.__init__(self)
        self.db = db
