"""Who may do what across the school.

- A leader (principal, coordinator) sees every class of their school, aggregated: counts, means and
  shares, never a student's check-ins, profile notes or teacher notes unless a teacher shared a note
  with leaders. A leader teaches no class by role (app/people/permissions.py decides class access
  from enrolments, so a leader who also teaches a class is that class's teacher too).
- Teachers of a class, co-teachers included, run the class; a teacher of another class cannot.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from app.errors import PermissionDenied
from app.i18n import _
from app.models import SchoolClass
from app.people.actor import Actor


def require_leader(actor: Actor) -> None:
    if not actor.is_leader:
        raise PermissionDenied(_("Only a school leader can do that."))


def require_staff(actor: Actor) -> None:
    if not (actor.is_teacher or actor.is_leader):
        raise PermissionDenied(_("Only the school's staff can do that."))


def school_classes(s: Session, school_id: str) -> list[SchoolClass]:
    q = select(SchoolClass).where(SchoolClass.deleted == False, SchoolClass.archived == False)  # noqa: E712
    if school_id:
        q = q.where(SchoolClass.school_id == school_id)
    return list(s.execute(q.order_by(SchoolClass.grade, SchoolClass.name)).scalars())
