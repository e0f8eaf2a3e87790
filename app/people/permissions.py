"""Permission rules, checked inside services (the UI only hides what it cannot do anyway).

- A teacher sees and edits only the classes they teach, and the students enrolled in them.
- A student sees and edits only their own profile and work.
- The system actor (first start, demo, sync) may do anything.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from app.errors import PermissionDenied
from app.i18n import _
from app.models import Enrollment, SchoolClass
from app.people.actor import Actor


def teacher_class_ids(session: Session, actor: Actor) -> set[str]:
    if actor.role == "admin" and actor.person_id == "system":
        return set(session.execute(select(SchoolClass.id)).scalars())
    rows = session.execute(
        select(Enrollment.class_id).where(
            Enrollment.person_id == actor.person_id,
            Enrollment.role == "teacher",
            Enrollment.deleted == False,  # noqa: E712
        )
    ).scalars()
    return set(rows)


def student_class_ids(session: Session, student_id: str) -> set[str]:
    rows = session.execute(
        select(Enrollment.class_id).where(
            Enrollment.person_id == student_id,
            Enrollment.role == "student",
            Enrollment.deleted == False,  # noqa: E712
        )
    ).scalars()
    return set(rows)


def require_teacher(actor: Actor) -> None:
    if not actor.is_teacher:
        raise PermissionDenied(_("Only a teacher can do that."))


def require_class(session: Session, actor: Actor, class_id: str) -> None:
    require_teacher(actor)
    if class_id not in teacher_class_ids(session, actor):
        raise PermissionDenied(_("You can only see and change your own classes."))


def can_see_student(session: Session, actor: Actor, student_id: str) -> bool:
    if actor.person_id == "system":
        return True
    if actor.is_student:
        return actor.person_id == student_id
    return bool(teacher_class_ids(session, actor) & student_class_ids(session, student_id))


def require_student_access(session: Session, actor: Actor, student_id: str) -> None:
    if not can_see_student(session, actor, student_id):
        if actor.is_student:
            raise PermissionDenied(_("You can only see your own work."))
        raise PermissionDenied(_("This student is not in one of your classes."))
