"""Plans, goals, challenges, teams, check-ins and celebrations."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import JSON, Column
from sqlmodel import Field

from app.models.base import SyncedModel, synced


def _json_list() -> Column:
    return Column(JSON, nullable=False, default=list)


@synced
class Plan(SyncedModel, table=True):
    student_id: str = Field(foreign_key="person.id", index=True)
    title: str = "My plan"
    status: str = "draft"  # "draft" | "submitted" | "approved" | "changes_suggested"
    teacher_note: str = ""
    term: str = ""


@synced
class Goal(SyncedModel, table=True):
    plan_id: str = Field(foreign_key="plan.id", index=True)
    student_id: str = Field(foreign_key="person.id", index=True)
    title: str
    why: str = ""  # ties the goal to the student's interests and values
    skill_ids: list = Field(default_factory=list, sa_column=_json_list())
    path: str = "practice"  # "practice" | "project" | "writing"
    target_date: float = 0.0
    weekly_minutes: int = 0
    status: str = "active"  # "active" | "met" | "dropped"
    self_level: int = 0  # 0 = not yet assessed; 1-4 level scale
    self_reflection: str = ""
    teacher_feedback: str = ""
    sort: int = 0


@synced
class Milestone(SyncedModel, table=True):
    goal_id: str = Field(foreign_key="goal.id", index=True)
    title: str
    due_at: float = 0.0
    done: bool = False
    done_at: float = 0.0


@synced
class GoalEvidence(SyncedModel, table=True):
    __tablename__ = "goal_evidence"
    sync_kind: ClassVar[str] = "event"
    goal_id: str = Field(foreign_key="goal.id", index=True)
    kind: str  # "attempts" | "mastered_skill" | "draft" | "challenge" | "note"
    ref_id: str = ""
    note: str = ""


@synced
class Challenge(SyncedModel, table=True):
    scope: str = "class"  # "student" | "team" | "class" | "grade" | "school"
    school_id: str = Field(foreign_key="school.id", index=True)
    class_id: str | None = Field(default=None, foreign_key="school_class.id", index=True)
    grade: str = ""
    title: str
    driving_question: str = ""
    brief: str = ""
    community_partner: str = ""
    skill_ids: list = Field(default_factory=list, sa_column=_json_list())
    rubric: list = Field(default_factory=list, sa_column=_json_list())
    status: str = "running"  # "draft" | "running" | "finished"
    created_by: str = ""


@synced
class Checkpoint(SyncedModel, table=True):
    challenge_id: str = Field(foreign_key="challenge.id", index=True)
    title: str
    due_at: float = 0.0
    sort: int = 0


@synced
class Team(SyncedModel, table=True):
    challenge_id: str = Field(foreign_key="challenge.id", index=True)
    name: str
    member_ids: list = Field(default_factory=list, sa_column=_json_list())


@synced
class TeamCheckpoint(SyncedModel, table=True):
    """A team's status on one checkpoint."""

    __tablename__ = "team_checkpoint"
    team_id: str = Field(foreign_key="team.id", index=True)
    checkpoint_id: str = Field(foreign_key="checkpoint.id")
    status: str = "not_started"  # "not_started" | "in_progress" | "done"


@synced
class TeamLog(SyncedModel, table=True):
    """Progress notes, reflections and attachments a team posts; append-only."""

    __tablename__ = "team_log"
    sync_kind: ClassVar[str] = "event"
    team_id: str = Field(foreign_key="team.id", index=True)
    author_id: str = ""
    kind: str = "progress"  # "progress" | "reflection" | "attachment"
    text: str = ""
    file_name: str = ""
    file_sha256: str = ""
    file_size: int = 0


@synced
class RubricScore(SyncedModel, table=True):
    """A teacher's rubric assessment of a team's challenge work."""

    __tablename__ = "rubric_score"
    team_id: str = Field(foreign_key="team.id", index=True)
    scores: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    comment: str = ""


@synced
class CheckIn(SyncedModel, table=True):
    __tablename__ = "check_in"
    sync_kind: ClassVar[str] = "event"
    student_id: str = Field(foreign_key="person.id", index=True)
    mood: int = 3  # 1-5
    energy: int = 3  # 1-5
    note: str = ""
    at: float = 0.0


@synced
class Celebration(SyncedModel, table=True):
    sync_kind: ClassVar[str] = "event"
    student_id: str = Field(foreign_key="person.id", index=True)
    kind: str = "teacher"  # "mastered_skill" | "goal_met" | "challenge_done" | "teacher"
    title: str
    detail: str = ""
    ref_id: str = ""
    by_id: str = ""
    at: float = 0.0
