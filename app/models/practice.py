"""Practice: items, the append-only attempts log, and derived learner state (never synced)."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from app.models.base import SyncedModel, synced


@synced
class Item(SyncedModel, table=True):
    skill_id: str = Field(foreign_key="skill.id", index=True)
    kind: str = "number"  # "number" | "text" | "choice"
    prompt: str
    answer: str = ""
    choices: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    hint: str = ""
    level: int = 1  # author's difficulty level 1-5, the prior for the estimate
    source: str = "generator"  # "generator" | "bank" | "qti"
    source_ref: str = ""  # generator name and seed, bank id, or QTI identifier
    time_limit_s: float = 0.0  # 0 = untimed


@synced
class Attempt(SyncedModel, table=True):
    sync_kind: ClassVar[str] = "event"
    __table_args__ = (Index("ix_attempt_student_at", "student_id", "at"),)
    student_id: str = Field(foreign_key="person.id")
    item_id: str = Field(foreign_key="item.id", index=True)
    skill_id: str = Field(foreign_key="skill.id")
    answer: str = ""
    correct: bool = False
    response_ms: int = 0
    at: float = 0.0
    device: str = ""  # replica id of the machine it was made on
    session_id: str = ""


@synced
class PracticeFocus(SyncedModel, table=True):
    """The teacher's (or plan's) focus skills for a student."""

    __tablename__ = "practice_focus"
    student_id: str = Field(foreign_key="person.id", index=True)
    skill_id: str = Field(foreign_key="skill.id")
    weight: float = 1.0


class LearnerSkillState(SQLModel, table=True):
    """Derived from attempts; rebuilt locally after sync, never synced."""

    __tablename__ = "learner_skill_state"
    student_id: str = Field(primary_key=True)
    skill_id: str = Field(primary_key=True)
    ability: float = 0.0
    attempts: int = 0
    correct: int = 0
    last_at: float = 0.0
    mastery: float = 0.0  # predicted success at typical difficulty, 0..1
    mastered: bool = False
    mastered_at: float = 0.0


class ItemStat(SQLModel, table=True):
    """Derived item difficulty estimate; rebuilt locally, never synced."""

    __tablename__ = "item_stat"
    item_id: str = Field(primary_key=True)
    difficulty: float = 0.0
    uses: int = 0
