"""Practice: items, the append-only attempts log, and derived learner state (never synced)."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import JSON, Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel

from app.models.base import SyncedModel, synced


@synced
class Item(SyncedModel, table=True):
    # Counting live questions per skill (the heatmap, the bank) reads this index alone.
    __table_args__ = (Index("ix_item_skill_deleted", "skill_id", "deleted"),)
    skill_id: str = Field(foreign_key="skill.id", index=True)
    kind: str = "number"  # a kind in app.practice.engine.kinds.KINDS
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
    # (at, id) is the learner model's replay order: rebuilding from a checkpoint reads a tail of it.
    __table_args__ = (
        Index("ix_attempt_student_at", "student_id", "at"),
        Index("ix_attempt_at_id", "at", "id"),
    )
    # No index on partition here (migration 0004): one b-tree fewer per row makes applying a class-year
    # of synced attempts ~15% faster; the rare reads by partition (erasing a student) scan instead.
    partition: str = Field(default="//")
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
    """Derived from attempts and teacher judgements (app.practice.engine.combine); rebuilt locally, never synced.

    ``mastery``/``mastered``/``mastered_at`` are the level teachers and students see: practice and
    judgements combined. The ``practice_*`` columns keep what practice alone says (the learner model's
    replay needs it, and a withdrawn judgement falls back to it); ``judged_*`` name the judgement that
    decides the level, if any."""

    __tablename__ = "learner_skill_state"
    student_id: str = Field(primary_key=True)
    skill_id: str = Field(primary_key=True)
    ability: float = 0.0
    attempts: int = 0  # practice answers only
    correct: int = 0
    last_at: float = 0.0  # last practice answer
    mastery: float = 0.0  # combined level as a chance of success at typical difficulty, 0..1
    mastered: bool = False
    mastered_at: float = 0.0
    practice_mastery: float = 0.0  # predicted success at typical difficulty after the last answer
    practice_mastered: bool = False
    practice_mastered_at: float = 0.0
    judged_level: int = 0  # the deciding judgement's level (0: none)
    judgement_id: str = ""
    judged_at: float = 0.0
    judged_after: int = 0  # practice answers on the skill after the deciding judgement (combine's k)


class ItemStat(SQLModel, table=True):
    """Derived item difficulty estimate; rebuilt locally, never synced."""

    __tablename__ = "item_stat"
    item_id: str = Field(primary_key=True)
    difficulty: float = 0.0
    uses: int = 0


class LearnerSnapshot(SQLModel, table=True):
    """One learner's model state (ability, per-skill terms, vocabulary cards) as JSON; derived, never synced."""

    __tablename__ = "learner_snapshot"
    student_id: str = Field(primary_key=True)
    data: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    updated_at: float = 0.0


class SkillStat(SQLModel, table=True):
    """Class-wide skill difficulty and the skill's calibration weights; derived, never synced."""

    __tablename__ = "skill_stat"
    skill_id: str = Field(primary_key=True)
    difficulty: float = 0.0
    uses: int = 0
    weights: str = "[]"  # JSON list of floats


class PracticeModel(SQLModel, table=True):
    """The learner model's global part and bookkeeping (one row): which attempts it has applied."""

    __tablename__ = "practice_model"
    key: int = Field(default=1, primary_key=True)
    version: int = 1
    params: str = "{}"  # JSON of ModelParams; a change means a full rebuild
    weights: str = "[]"  # JSON list of floats: the global calibration weights
    last_at: float | None = None  # order key of the last attempt applied
    last_id: str = ""
    count: int = 0
    max_rowid: int = 0  # every attempt with rowid <= this has been applied (unless dirty)
    dirty_at: float | None = None  # set: answers since this key were applied out of order; rebuild from here
    dirty_id: str = ""
    generation: int = 0  # bumped by each rebuild, so other holders of the state reload
    built_at: float = 0.0


class PracticeCheckpoint(SQLModel, table=True):
    """A full copy of the learner model after the attempt (last_at, last_id): a rebuild after a late
    attempt starts from the newest checkpoint before it instead of from the first attempt."""

    __tablename__ = "practice_checkpoint"
    id: int | None = Field(default=None, primary_key=True)
    last_at: float = 0.0
    last_id: str = ""
    count: int = 0
    created_at: float = 0.0
    data: bytes = Field(default=b"", sa_column=Column(LargeBinary, nullable=False))


class DerivedOwed(SQLModel, table=True):
    """A durable "derived state must be rebuilt" marker (one row at most). Sync writes it in the same
    transaction as the changes it applies and clears it once the rebuild after them completed, so a
    process killed in between leaves it set, and the next open (GUI or headless) pays it."""

    __tablename__ = "derived_owed"
    key: int = Field(default=1, primary_key=True)
    seq: int = 0  # bumped by each sync commit: a rebuild clears only the marks it saw
    since: float = 0.0  # when it was first owed
