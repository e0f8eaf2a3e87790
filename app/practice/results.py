"""Plain data the practice services hand to the UI (and to tests, scripts and benchmarks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class SessionInfo:
    session_id: str
    student_id: str
    length: int
    target: float
    focus: tuple[str, ...]  # names of the focus skills that have questions
    note: str = ""  # e.g. a focus skill with no questions yet


@dataclass(frozen=True)
class PracticeOverview:
    """Where a learner stands before a session: what practice will favour and what is due."""

    target: float
    focus: tuple[str, ...]  # skill names
    due: tuple[str, ...]  # skills due for review, most overdue first
    mastered: tuple[str, ...]  # the mastery rule holds now
    practised: int  # skills with answers
    answers_today: int
    to_refresh: tuple[str, ...] = ()  # mastered once (a win), but the rule no longer holds


@dataclass(frozen=True)
class NextItem:
    session_id: str
    item_id: str
    skill_id: str
    skill_name: str
    kind: str  # a kind in app.practice.engine.kinds.KINDS
    prompt: str
    choices: tuple[str, ...]
    purpose: str  # "review" | "focus" | "prerequisite" | "variety" | "next step" | "new word"
    reason: str  # plain words: why this question now
    predicted: float
    position: int  # 1-based number of this question in the session
    length: int
    time_limit_s: float = 0.0


@dataclass(frozen=True)
class AnswerResult:
    correct: bool
    expected: str  # the right answer as written in the item
    feedback: str
    hint: str  # the worked hint
    skill_id: str
    skill_name: str
    mastery_before: float
    mastery_after: float
    mastered_now: bool  # the skill became mastered with this answer (a celebration was recorded)
    celebration: str
    answered: int
    length: int

    @property
    def done(self) -> bool:
        return self.answered >= self.length


@dataclass(frozen=True)
class SkillSummary:
    skill_id: str
    name: str
    answered: int
    right: int
    mastery_before: float
    mastery_after: float
    mastered: bool


@dataclass(frozen=True)
class SessionSummary:
    answered: int
    right: int
    seconds: float
    skills: tuple[SkillSummary, ...]
    mastered: tuple[str, ...]  # names of skills mastered in this session
    message: str


@dataclass(frozen=True)
class HeatStudent:
    id: str
    name: str


@dataclass(frozen=True)
class HeatSkill:
    id: str
    code: str
    name: str
    domain: str
    items: int  # questions in the bank


class HeatCell(NamedTuple):  # a tuple: 4,800 of them are made per heatmap
    mastery: float
    attempts: int
    mastered: bool
    last_at: float
    judged: bool = False  # the level comes (partly) from a teacher's judgement of work
    level: str = ""  # ``standing.skill_level``: the same words the skill detail, roster and Home use


@dataclass(frozen=True)
class Heatmap:
    class_id: str
    students: tuple[HeatStudent, ...]
    skills: tuple[HeatSkill, ...]
    cells: tuple[tuple[HeatCell | None, ...], ...]  # [student][skill]; None: not started


@dataclass(frozen=True)
class AttemptInfo:
    at: float
    prompt: str
    answer: str
    expected: str
    correct: bool
    response_ms: int


@dataclass(frozen=True)
class SkillDetail:
    student_id: str
    student_name: str
    skill_id: str
    skill_name: str
    level: str  # ``standing.LEVELS``: "not started" | "stuck" | "learning" | "nearly there" | "mastered"
    explanation: str
    mastery: float
    attempts: int
    correct: int
    mastered_at: float
    review_due_in_days: float | None  # negative: overdue; None: not practised
    recent: tuple[AttemptInfo, ...]


@dataclass(frozen=True)
class PracticeSkill:
    id: str
    code: str
    name: str
    domain: str
    items: int


@dataclass(frozen=True)
class PracticeSettings:
    student_id: str
    student_name: str
    target: float
    focus: tuple[str, ...]  # skill ids
    skills: tuple[PracticeSkill, ...]  # every skill, with how many questions it has
