"""Celebrations: a student's wins, recorded automatically (mastered skills, met goals, finished
challenges) or by the teacher by hand."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import select

from app.errors import InvalidInput
from app.i18n import _
from app.models import Celebration, Person
from app.people.actor import Actor
from app.people.permissions import require_student_access, require_teacher
from app.store.database import Database


@dataclass(frozen=True)
class CelebrationView:
    id: str
    kind: str
    title: str
    detail: str
    at: float


class CelebrationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def for_student(self, actor: Actor, student_id: str, limit: int = 50) -> list[CelebrationView]:
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            rows = s.execute(
                select(Celebration)
                .where(Celebration.student_id == student_id, Celebration.deleted == False)
                .order_by(Celebration.at.desc())
                .limit(limit)
            ).scalars()
            return [CelebrationView(c.id, c.kind, c.title, c.detail, c.at) for c in rows]

    def add(self, actor: Actor, student_id: str, title: str, detail: str = "") -> CelebrationView:
        require_teacher(actor)
        if not title.strip():
            raise InvalidInput(_("Say what you are celebrating."))
        with self.db.write() as s:
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            c = Celebration(
                student_id=student_id,
                kind="teacher",
                title=title.strip()[:200],
                detail=detail.strip(),
                by_id=actor.person_id,
                at=time.time(),
                partition=person.partition,
            )
            s.add(c)
            return CelebrationView(c.id, c.kind, c.title, c.detail, c.at)

    @staticmethod
    def record(
        session,
        student_id: str,
        partition: str,
        kind: str,
        title: str,
        ref_id: str = "",
        at: float | None = None,
    ) -> None:
        """Record an automatic win inside the caller's transaction (mastery, goal met, challenge done)."""
        session.add(
            Celebration(
                student_id=student_id,
                kind=kind,
                title=title,
                ref_id=ref_id,
                at=at or time.time(),
                partition=partition,
            )
        )

    @staticmethod
    def record_once(
        session, student_id: str, partition: str, kind: str, title: str, ref_id: str, at: float | None = None
    ) -> bool:
        """Like ``record``, unless this win (student, kind, ref) is already celebrated: a goal met, reopened
        and met again, or a challenge finished twice, is celebrated once. Returns whether it was recorded."""
        seen = session.execute(
            select(Celebration.id)
            .where(
                Celebration.student_id == student_id,
                Celebration.kind == kind,
                Celebration.ref_id == ref_id,
                Celebration.deleted == False,
            )
            .limit(1)
        ).first()
        if seen is None:
            CelebrationService.record(session, student_id, partition, kind, title, ref_id, at)
        return seen is None
