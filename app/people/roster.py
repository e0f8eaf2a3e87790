"""Classes and their students: list, search, add, edit, archive and undo archive."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.i18n import _
from app.models import AuditEvent, Enrollment, LearnerSkillState, Person, Profile, SchoolClass
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.permissions import require_class, require_student_access, require_teacher, teacher_class_ids
from app.store.database import Database


@dataclass(frozen=True)
class ClassInfo:
    id: str
    name: str
    grade: str
    student_count: int
    pin_optional: bool


@dataclass(frozen=True)
class StudentRow:
    id: str
    given_name: str
    family_name: str
    display_name: str
    archived: bool
    mastered_skills: int
    interests: tuple[str, ...]

    @property
    def full_name(self) -> str:
        return self.display_name or f"{self.given_name} {self.family_name}".strip()


class RosterService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def my_classes(self, actor: Actor) -> list[ClassInfo]:
        with self.db.read() as s:
            if actor.is_student:
                from app.people.permissions import student_class_ids

                ids = student_class_ids(s, actor.person_id)
            else:
                ids = teacher_class_ids(s, actor)
            classes = (
                s.execute(
                    select(SchoolClass)
                    .where(SchoolClass.id.in_(ids), SchoolClass.archived == False)  # noqa: E712
                    .order_by(SchoolClass.name)
                )
                .scalars()
                .all()
            )
            out = []
            for c in classes:
                n = len(
                    s.execute(
                        select(Enrollment.id).where(
                            Enrollment.class_id == c.id,
                            Enrollment.role == "student",
                            Enrollment.deleted == False,
                        )
                    ).all()
                )  # noqa: E712
                out.append(ClassInfo(c.id, c.name, c.grade, n, c.pin_optional))
            return out

    def create_class(self, actor: Actor, name: str, grade: str = "") -> ClassInfo:
        require_teacher(actor)
        if not name.strip():
            raise InvalidInput(_("Please give the class a name."))
        with self.db.write() as s:
            klass = SchoolClass(school_id=actor.school_id, name=name.strip(), grade=grade.strip())
            klass.partition = partition_key(actor.school_id, klass.id)
            s.add(klass)
            s.flush()
            s.add(
                Enrollment(
                    class_id=klass.id, person_id=actor.person_id, role="teacher", partition=klass.partition
                )
            )
            return ClassInfo(klass.id, klass.name, klass.grade, 0, klass.pin_optional)

    def set_pin_optional(self, actor: Actor, class_id: str, optional: bool) -> None:
        with self.db.write() as s:
            require_class(s, actor, class_id)
            s.get(SchoolClass, class_id).pin_optional = optional

    def students(
        self, actor: Actor, class_id: str, search: str = "", include_archived: bool = False
    ) -> list[StudentRow]:
        with self.db.read() as s:
            require_class(s, actor, class_id)
            q = (
                select(Person, Profile.interests)
                .join(Enrollment, Enrollment.person_id == Person.id)
                .outerjoin(Profile, Profile.student_id == Person.id)
                .where(
                    Enrollment.class_id == class_id,
                    Enrollment.role == "student",
                    Enrollment.deleted == False,
                    Person.deleted == False,
                )
            )  # noqa: E712
            if not include_archived:
                q = q.where(Person.archived == False)  # noqa: E712
            if search.strip():
                like = f"%{search.strip()}%"
                q = q.where(
                    or_(
                        Person.given_name.ilike(like),
                        Person.family_name.ilike(like),
                        Person.display_name.ilike(like),
                    )
                )
            rows = s.execute(q.order_by(Person.given_name, Person.family_name)).all()
            ids = [p.id for p, _ in rows]
            mastered: dict[str, int] = {}
            if ids:
                for (sid,) in s.execute(
                    select(LearnerSkillState.student_id).where(
                        LearnerSkillState.student_id.in_(ids), LearnerSkillState.mastered == True
                    )
                ):  # noqa: E712
                    mastered[sid] = mastered.get(sid, 0) + 1
            return [
                StudentRow(
                    p.id,
                    p.given_name,
                    p.family_name,
                    p.display_name,
                    p.archived,
                    mastered.get(p.id, 0),
                    tuple(interests or ()),
                )
                for p, interests in rows
            ]

    def add_student(self, actor: Actor, class_id: str, given_name: str, family_name: str = "") -> StudentRow:
        if not given_name.strip():
            raise InvalidInput(_("A student needs at least a first name."))
        with self.db.write() as s:
            require_class(s, actor, class_id)
            klass = s.get(SchoolClass, class_id)
            person = Person(
                school_id=klass.school_id,
                role="student",
                given_name=given_name.strip(),
                family_name=family_name.strip(),
            )
            person.partition = partition_key(klass.school_id, class_id, person.id)
            s.add(person)
            s.flush()
            s.add(
                Enrollment(class_id=class_id, person_id=person.id, role="student", partition=person.partition)
            )
            s.add(Profile(student_id=person.id, partition=person.partition))
            s.add(
                AuditEvent(
                    actor_id=actor.person_id,
                    action="student.added",
                    subject_id=person.id,
                    partition=person.partition,
                )
            )
            return StudentRow(person.id, person.given_name, person.family_name, "", False, 0, ())

    def update_student(self, actor: Actor, student_id: str, **fields: str) -> None:
        allowed = {"given_name", "family_name", "display_name", "pronouns"}
        bad = set(fields) - allowed
        if bad:
            raise InvalidInput(
                _("These details cannot be changed here: {join}.", join=", ".join(sorted(bad)))
            )
        if "given_name" in fields and not fields["given_name"].strip():
            raise InvalidInput(_("A student needs at least a first name."))
        with self.db.write() as s:
            require_teacher(actor)
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            for k, v in fields.items():
                setattr(person, k, v.strip())

    def set_archived(self, actor: Actor, student_id: str, archived: bool) -> None:
        """Archive (hide from the roster, keep everything) or undo it."""
        with self.db.write() as s:
            require_teacher(actor)
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None:
                raise NotFound(_("That student no longer exists."))
            person.archived = archived
            s.add(
                AuditEvent(
                    actor_id=actor.person_id,
                    action="student.archived" if archived else "student.restored",
                    subject_id=student_id,
                    partition=person.partition,
                )
            )

    def student(self, actor: Actor, student_id: str) -> Person:
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None:
                raise NotFound(_("That student no longer exists."))
            if actor.is_student and person.id != actor.person_id:
                raise PermissionDenied(_("You can only see your own work."))
            return person
