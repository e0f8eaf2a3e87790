"""Small reads the planning services share (inside the caller's session)."""

from __future__ import annotations

from sqlalchemy import select, tuple_
from sqlmodel import Session

from app.errors import NotFound
from app.i18n import _
from app.models import Enrollment, LearnerSkillState, Person, Skill
from app.planning.progress import SkillFact


def person(s: Session, person_id: str) -> Person:
    p = s.get(Person, person_id)
    if p is None or p.deleted:
        raise NotFound(_("That student no longer exists."))
    return p


def class_students(s: Session, class_id: str) -> list[Person]:
    return list(
        s.execute(
            select(Person)
            .join(Enrollment, Enrollment.person_id == Person.id)
            .where(
                Enrollment.class_id == class_id,
                Enrollment.role == "student",
                Enrollment.deleted == False,
                Person.deleted == False,
                Person.archived == False,
            )
            .order_by(Person.given_name, Person.family_name)
        ).scalars()
    )


def skill_names(s: Session) -> dict[str, str]:
    return dict(s.execute(select(Skill.id, Skill.name).where(Skill.deleted == False)).all())


def skill_facts(
    s: Session,
    student_ids: list[str],
    skill_ids: set[str] | None = None,
    names: dict[str, str] | None = None,
    pairs: set[tuple[str, str]] | None = None,
) -> dict[str, dict[str, SkillFact]]:
    """student -> skill -> SkillFact from the derived learner state; ``pairs`` limits the read to
    those (student, skill) pairs (primary-key lookups)."""
    names = names if names is not None else skill_names(s)
    L = LearnerSkillState
    # Plain columns, not ORM objects: a class overview reads thousands of these rows.
    q = select(L.student_id, L.skill_id, L.mastery, L.attempts, L.mastered, L.last_at, L.judged_level).where(
        L.student_id.in_(student_ids)
    )
    if pairs is not None:
        if not pairs:
            return {sid: {} for sid in student_ids}
        q = select(
            L.student_id, L.skill_id, L.mastery, L.attempts, L.mastered, L.last_at, L.judged_level
        ).where(tuple_(L.student_id, L.skill_id).in_(sorted(pairs)))
    elif skill_ids is not None:
        if not skill_ids:
            return {sid: {} for sid in student_ids}
        q = q.where(L.skill_id.in_(skill_ids))
    out: dict[str, dict[str, SkillFact]] = {sid: {} for sid in student_ids}
    for sid, k, mastery, attempts, mastered, last, judged in s.execute(q).all():
        out.setdefault(sid, {})[k] = SkillFact(
            k, names.get(k, "a skill"), mastery, attempts, bool(mastered), last, bool(judged)
        )
    return out
