"""The skill framework: domains and skills, which items, goals, rubrics and challenges point at."""

from __future__ import annotations

from sqlalchemy import JSON, Column
from sqlmodel import Field

from app.models.base import SyncedModel, synced


@synced
class Domain(SyncedModel, table=True):
    code: str = Field(index=True)
    name: str
    subject: str = ""  # "maths" | "writing" | ...
    sort: int = 0


@synced
class Skill(SyncedModel, table=True):
    domain_id: str = Field(foreign_key="domain.id", index=True)
    code: str = Field(index=True)
    name: str
    description: str = ""
    # Codes of skills that come before this one; cold start and "next step" use them.
    prerequisites: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    sort: int = 0
