"""The school's staff: leaders' and teachers' accounts, and co-teachers on a class.

A class may have several teachers (``Enrollment.role == "teacher"``); each is a full teacher of the
class (plans, teams, writing) and keeps their own notes (``notes.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.i18n import _
from app.models import Account, AuditEvent, Enrollment, Person, SchoolClass
from app.models.base import partition_key
from app.people.accounts import hash_secret
from app.people.actor import Actor
from app.people.permissions import require_class
from app.school.access import require_leader
from app.store.database import Database

STAFF_ROLES = ("teacher", "leader")


@dataclass(frozen=True)
class StaffRow:
    id: str
    name: str
    role: str
    username: str


@dataclass(frozen=True)
class ClassTeacher:
    id: str
    name: str
    is_me: bool


class StaffService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_staff(self, actor: Actor, role: str, given_name: str, family_name: str, username: str,
                  password: str | None) -> StaffRow:  # fmt: skip
        """A leader adds a teacher or another leader to their school. ``password`` None: they
        choose it at their first sign-in."""
        require_leader(actor)
        if role not in STAFF_ROLES:
            raise InvalidInput(_("A member of staff is a teacher or a leader."))
        username = username.strip().lower()
        if not re.fullmatch(r"[a-z0-9._-]{3,40}", username):
            raise InvalidInput(_("A username needs 3 to 40 letters, digits, dots, dashes or underscores."))
        if password is not None and len(password) < 8:
            raise InvalidInput(_("Please choose a password of at least 8 characters."))
        if not given_name.strip():
            raise InvalidInput(_("Please fill in a name."))
        with self.db.write() as s:
            if s.execute(select(Account.id).where(Account.username == username)).first():
                raise InvalidInput(_("The username {username!r} is taken.", username=username))
            school_id = actor.school_id or _only_school(s)
            p = Person(school_id=school_id, role=role, given_name=given_name.strip(),
                       family_name=family_name.strip(), partition=partition_key(school_id))  # fmt: skip
            s.add(p)
            s.flush()
            s.add(Account(person_id=p.id, username=username, partition=p.partition,
                          password_hash=hash_secret(password) if password is not None else None))  # fmt: skip
            s.add(AuditEvent(actor_id=actor.person_id, action=f"staff.added.{role}", subject_id=p.id,
                             partition=p.partition))  # fmt: skip
            return StaffRow(p.id, p.full_name, role, username)

    def staff(self, actor: Actor) -> list[StaffRow]:
        if not (actor.is_teacher or actor.is_leader):
            raise PermissionDenied(_("Only the school's staff can see its staff."))
        with self.db.read() as s:
            rows = s.execute(
                select(Person, Account.username)
                .join(Account, Account.person_id == Person.id, isouter=True)
                .where(Person.role.in_(STAFF_ROLES), Person.deleted == False, Person.archived == False)  # noqa: E712
                .order_by(Person.given_name)
            ).all()
            return [StaffRow(p.id, p.full_name, p.role, u or "") for p, u in rows
                    if not actor.school_id or p.school_id == actor.school_id]  # fmt: skip

    def add_co_teacher(self, actor: Actor, class_id: str, teacher_id: str) -> None:
        """A teacher of the class (or a leader) brings a colleague in as co-teacher."""
        with self.db.write() as s:
            klass = s.get(SchoolClass, class_id)
            if klass is None or klass.deleted:
                raise NotFound(_("That class no longer exists."))
            if not actor.is_leader or actor.school_id not in ("", klass.school_id):
                require_class(s, actor, class_id)
            other = s.get(Person, teacher_id)
            if other is None or other.deleted or other.role not in STAFF_ROLES:
                raise NotFound(_("That teacher is not on the school's staff."))
            if other.school_id != klass.school_id:
                raise PermissionDenied(_("A co-teacher must be on the same school's staff."))
            if _teaches(s, teacher_id, class_id):
                return
            s.add(
                Enrollment(class_id=class_id, person_id=teacher_id, role="teacher", partition=klass.partition)
            )
            s.add(AuditEvent(actor_id=actor.person_id, action="class.co_teacher", subject_id=teacher_id,
                             partition=klass.partition))  # fmt: skip

    def class_teachers(self, actor: Actor, class_id: str) -> list[ClassTeacher]:
        with self.db.read() as s:
            require_class(s, actor, class_id)
            rows = s.execute(
                select(Person)
                .join(Enrollment, Enrollment.person_id == Person.id)
                .where(
                    Enrollment.class_id == class_id, Enrollment.role == "teacher", Enrollment.deleted == False
                )  # noqa: E712
                .order_by(Person.given_name)
            ).scalars()
            return [ClassTeacher(p.id, p.full_name, p.id == actor.person_id) for p in rows]


def _teaches(s, person_id: str, class_id: str) -> bool:  # noqa: ANN001
    return bool(
        s.execute(
            select(Enrollment.id).where(Enrollment.class_id == class_id, Enrollment.person_id == person_id,
                                        Enrollment.role == "teacher", Enrollment.deleted == False)  # noqa: E712
        ).first()
    )  # fmt: skip


def _only_school(s) -> str:  # noqa: ANN001
    from app.models import School

    ids = list(s.execute(select(School.id).where(School.deleted == False)).scalars())  # noqa: E712
    if len(ids) != 1:
        raise InvalidInput(_("Say which school."))
    return ids[0]
