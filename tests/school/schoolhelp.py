"""A school for the issue-21 tests: the demo class (its teacher), a second class with its own
teacher and two students, a co-teacher on the demo class, and a leader."""

from __future__ import annotations

from dataclasses import dataclass

from app.models import Enrollment, Person, SchoolClass
from app.models.base import partition_key
from app.people.actor import SYSTEM, Actor


@dataclass
class School:
    ctx: object
    info: object
    teacher: Actor  # the demo class's teacher
    co: Actor  # co-teacher of the demo class
    other: Actor  # teacher of class B only
    leader: Actor
    class_a: str
    class_b: str
    b_students: tuple[str, ...]


def make_school(ctx, info) -> School:  # noqa: ANN001
    st = ctx.services.school.staff
    sys = Actor(SYSTEM.person_id, "admin", info.school_id)
    st.add_staff(sys, "leader", "Lena", "Head", "lena.head", "leader-pass")
    co = st.add_staff(sys, "teacher", "Cal", "Co", "cal.co", "coteach-pass")
    oth = st.add_staff(sys, "teacher", "Omar", "Lee", "omar.lee", "omar-pass1")
    with ctx.db.write() as s:
        klass = SchoolClass(school_id=info.school_id, name="Year 8 Oak", grade="8")
        klass.partition = partition_key(info.school_id, klass.id)
        s.add(klass)
        s.flush()
        s.add(Enrollment(class_id=klass.id, person_id=oth.id, role="teacher", partition=klass.partition))
        kids = []
        for given in ("Zoe", "Yan"):
            p = Person(school_id=info.school_id, role="student", given_name=given, family_name="B")
            p.partition = partition_key(info.school_id, klass.id, p.id)
            s.add(p)
            s.flush()
            s.add(Enrollment(class_id=klass.id, person_id=p.id, role="student", partition=p.partition))
            kids.append(p.id)
        class_b = klass.id
    acc = ctx.services.accounts
    teacher = acc.sign_in_teacher(info.username, info.password)
    st.add_co_teacher(teacher, info.class_id, co.id)
    return School(ctx, info, teacher, acc.sign_in_teacher("cal.co", "coteach-pass"),
                  acc.sign_in_teacher("omar.lee", "omar-pass1"), acc.sign_in_teacher("lena.head", "leader-pass"),
                  info.class_id, class_b, tuple(kids))  # fmt: skip
