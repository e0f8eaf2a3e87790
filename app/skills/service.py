"""Load the framework, list it, and read a student's per-skill mastery grouped by domain."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from app.config import resources_dir
from app.errors import InvalidInput
from app.i18n import _
from app.models import Domain, LearnerSkillState, Skill
from app.people.actor import Actor
from app.people.permissions import require_student_access
from app.store.database import Database


@dataclass(frozen=True)
class SkillMastery:
    skill_id: str
    code: str
    name: str
    mastery: float  # 0..1, predicted success at typical difficulty
    attempts: int  # practice answers
    mastered: bool  # the mastery rule holds now (``practice.standing``)
    judged: bool = False  # a teacher's judgement from work counts toward the level
    ever_mastered: bool = False  # it held once (a win was celebrated): mastered now or due for a refresh

    @property
    def seen(self) -> bool:
        """Any evidence at all: answers or a judgement."""
        return bool(self.attempts) or self.judged


@dataclass
class DomainProfile:
    domain_id: str
    code: str
    name: str
    subject: str
    skills: list[SkillMastery] = field(default_factory=list)

    @property
    def mean(self) -> float:
        seen = [s.mastery for s in self.skills if s.seen]
        return sum(seen) / len(seen) if seen else 0.0


def load_default_framework(session: Session, path: Path | None = None) -> int:
    """Insert the shipped framework if the database has none. Returns skills added."""
    if session.execute(select(Skill.id).limit(1)).first():
        return 0
    path = path or resources_dir() / "framework" / "default.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        domains = data["domains"]
    except (OSError, ValueError, KeyError) as exc:
        raise InvalidInput(
            _("The skill framework file {name} could not be read: {exc}", name=path.name, exc=exc)
        ) from exc
    added = 0
    for i, d in enumerate(domains):
        dom = Domain(code=d["code"], name=d["name"], subject=d.get("subject", ""), sort=i)
        session.add(dom)
        session.flush()
        for j, sk in enumerate(d["skills"]):
            session.add(
                Skill(
                    domain_id=dom.id,
                    code=sk["code"],
                    name=sk["name"],
                    description=sk.get("description", ""),
                    prerequisites=sk.get("prerequisites", []),
                    sort=j,
                )
            )
            added += 1
    return added


class FrameworkService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def domains(self) -> list[DomainProfile]:
        """The framework with no student data (mastery 0)."""
        with self.db.read() as s:
            return self._profile(s, {})

    def skills_by_code(self) -> dict[str, Skill]:
        with self.db.read() as s:
            return {k.code: k for k in s.execute(select(Skill).where(Skill.deleted == False)).scalars()}  # noqa: E712

    def jagged_profile(self, actor: Actor, student_id: str) -> list[DomainProfile]:
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            states = {
                st.skill_id: st
                for st in s.execute(
                    select(LearnerSkillState).where(LearnerSkillState.student_id == student_id)
                ).scalars()
            }
            return self._profile(s, states)

    @staticmethod
    def _profile(s: Session, states: dict) -> list[DomainProfile]:
        domains = (
            s.execute(select(Domain).where(Domain.deleted == False).order_by(Domain.sort)).scalars().all()
        )  # noqa: E712
        skills = s.execute(select(Skill).where(Skill.deleted == False).order_by(Skill.sort)).scalars().all()  # noqa: E712
        out = {d.id: DomainProfile(d.id, d.code, d.name, d.subject) for d in domains}
        for sk in skills:
            st = states.get(sk.id)
            if sk.domain_id in out:
                out[sk.domain_id].skills.append(
                    SkillMastery(
                        sk.id,
                        sk.code,
                        sk.name,
                        st.mastery if st else 0.0,
                        st.attempts if st else 0,
                        bool(st and st.mastered),
                        bool(st and st.judged_level),
                        bool(st and (st.mastered or st.mastered_at)),
                    )
                )
        return list(out.values())
