"""Evidence of learning beyond practice answers: a teacher's judgement of a skill from a student's work.

A judgement is synced evidence (DESIGN.md: "Teacher judgements are synced evidence, not derived rows").
It is a *record*, not an append-only event, for one reason: a teacher can withdraw a judgement given by
mistake and take the withdrawal back, and both sides should see the same answer after sync. As a
record, ``withdrawn`` is one field merged last-writer-wins by HLC (the losing value goes to the conflict
archive, as for every record), and the judgement itself stays visible, struck through, so the history of
who said what is kept. A tombstone could not be undone and would hide the history. The level, the
evidence and the author are never edited once given (the service refuses): a teacher who changes their
mind gives a new judgement, which supersedes the old one by time (see ``app.practice.engine.combine``).
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlmodel import Field

from app.models.base import SyncedModel, synced

EVIDENCE_KINDS = ("draft_version", "deliverable", "plan_evidence", "observation")


@synced
class Judgement(SyncedModel, table=True):
    # Levels are rebuilt per (student, skill): that lookup reads this index alone.
    __table_args__ = (Index("ix_judgement_student_skill", "student_id", "skill_id"),)
    # The student's partition (school/class/student): it travels with their work and is purged with it.
    student_id: str = Field(foreign_key="person.id")
    skill_id: str = Field(foreign_key="skill.id")
    level: int = 0  # 1-4 on the shared scale (app.planning.levels.LEVELS)
    score: float = 0.0  # a rubric score when the judgement came from a rubric row (0 with score_max 0: none)
    score_max: float = 0.0
    evidence_kind: str = "observation"  # one of EVIDENCE_KINDS
    evidence_id: str = ""  # draft version / team (deliverable) / goal evidence id; "" for an observation
    evidence_title: str = ""  # what the work was called when judged, so the story survives later edits
    note: str = ""
    by_id: str = ""  # the teacher (plain id: erasing a teacher must not erase their students' levels)
    by_name: str = ""  # "Ms Rivera", as the student sees it
    at: float = 0.0
    withdrawn: bool = False
