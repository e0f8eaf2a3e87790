"""What the writing services hand out and take in: plain, frozen data (no database rows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import _

from .checks.findings import CATEGORIES, RubricCriteria

WRITING, SUBMITTED, RETURNED = "writing", "submitted", "returned"
NOT_STARTED = "not_started"  # no draft yet (lists only; never stored)
STATUS_WORDS = {
    NOT_STARTED: _("Not started"),
    WRITING: _("Writing"),
    SUBMITTED: _("Handed in"),
    RETURNED: _("Feedback ready"),
}


@dataclass(frozen=True)
class TaskSpec:
    """What a teacher sets for a writing task."""

    title: str
    prompt: str = ""
    due_at: float = 0.0  # epoch seconds; 0 means no due date
    categories: frozenset[str] = CATEGORIES  # which checks are on
    rubric: RubricCriteria = field(default_factory=RubricCriteria)
    skill_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskInfo:
    id: str
    class_id: str
    title: str
    prompt: str
    due_at: float
    categories: frozenset[str]
    rubric: RubricCriteria
    skill_ids: tuple[str, ...]
    archived: bool
    created_at: float

    @property
    def spec(self) -> TaskSpec:
        return TaskSpec(self.title, self.prompt, self.due_at, self.categories, self.rubric, self.skill_ids)


@dataclass(frozen=True)
class TaskRow:
    """A task in the teacher's list, with how far the class has got."""

    task: TaskInfo
    awaiting: int  # handed in, waiting for feedback
    returned: int
    writing: int
    not_started: int


@dataclass(frozen=True)
class MyTask:
    """A task in a student's list."""

    task: TaskInfo
    status: str  # NOT_STARTED | WRITING | SUBMITTED | RETURNED
    draft_id: str = ""
    words: int = 0
    versions: int = 0
    last_saved: float = 0.0


@dataclass(frozen=True)
class VersionInfo:
    id: str
    number: int  # 1 for the first saved version
    saved_at: float
    word_count: int
    chars: int
    author_id: str


@dataclass(frozen=True)
class CommentInfo:
    id: str
    version_id: str
    start: int  # in the version the teacher read
    end: int
    quote: str
    text: str
    author_name: str
    at: float
    anchor: tuple[int, int] | None = None  # where the passage is in the draft's latest text, if still there


@dataclass(frozen=True)
class DraftInfo:
    id: str
    task: TaskInfo
    student_id: str
    student_name: str
    status: str
    feedback: str
    submitted_at: float
    returned_at: float
    text: str  # the latest saved version ("" before the first save)
    version_id: str  # the latest saved version's id ("" before the first save)
    versions: tuple[VersionInfo, ...] = ()  # oldest first
    comments: tuple[CommentInfo, ...] = ()  # in the order of their passages

    @property
    def editable(self) -> bool:
        """The student may change it: still writing, or revising after feedback."""
        return self.status in (WRITING, RETURNED)


@dataclass(frozen=True)
class SaveResult:
    saved: bool  # False: the text was the same as the last version, nothing was written
    version: VersionInfo | None  # the latest version after this call
    status: str


@dataclass(frozen=True)
class FindingCounts:
    """A checked draft in numbers, for the teacher's list."""

    spelling: int
    grammar: int
    style: int
    rubric_met: int
    rubric_total: int
    truncated: bool = False

    @property
    def total(self) -> int:
        return self.spelling + self.grammar + self.style


@dataclass(frozen=True)
class DraftRow:
    """One student's work on a task, for the teacher's list (draft_id is "" when not started)."""

    student_id: str
    student_name: str
    status: str
    draft_id: str = ""
    words: int = 0
    versions: int = 0
    comments: int = 0
    submitted_at: float = 0.0
    returned_at: float = 0.0
    counts: FindingCounts | None = None
