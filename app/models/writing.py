"""Writing: tasks, drafts, immutable draft versions, anchored comments, class word lists."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import JSON, Column
from sqlmodel import Field

from app.models.base import SyncedModel, synced


@synced
class WritingTask(SyncedModel, table=True):
    __tablename__ = "writing_task"
    class_id: str = Field(foreign_key="school_class.id", index=True)
    title: str
    prompt: str = ""
    due_at: float = 0.0
    # Which check categories are on: {"spelling": true, "grammar": true, "style": true}
    checks: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    # Teacher's rubric criteria: [{"kind": "min_words", "value": 300}, ...]
    rubric: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    skill_ids: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    archived: bool = False


@synced
class Draft(SyncedModel, table=True):
    task_id: str = Field(foreign_key="writing_task.id", index=True)
    student_id: str = Field(foreign_key="person.id", index=True)
    status: str = "writing"  # "writing" | "submitted" | "returned"
    submitted_at: float = 0.0
    returned_at: float = 0.0
    feedback: str = ""  # the teacher's overall feedback on return


@synced
class DraftVersion(SyncedModel, table=True):
    """Every saved version is kept; never edited after it is written."""

    __tablename__ = "draft_version"
    sync_kind: ClassVar[str] = "event"
    draft_id: str = Field(foreign_key="draft.id", index=True)
    text: str = ""
    saved_at: float = 0.0
    author_id: str = ""
    word_count: int = 0


@synced
class DraftComment(SyncedModel, table=True):
    __tablename__ = "draft_comment"
    sync_kind: ClassVar[str] = "event"
    draft_id: str = Field(foreign_key="draft.id", index=True)
    version_id: str = Field(foreign_key="draft_version.id")
    author_id: str = ""
    start: int = 0
    end: int = 0
    quote: str = ""  # the passage, so the comment survives later edits
    text: str = ""


@synced
class WordList(SyncedModel, table=True):
    """Per-class words the spelling check accepts (students' names, topic words)."""

    __tablename__ = "word_list"
    class_id: str = Field(foreign_key="school_class.id", index=True)
    words: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
