"""Helpers for planning tests: actors for demo students, and a second class with its own teacher."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.models import Enrollment, Person, SchoolClass
from app.models.base import partition_key
from app.people.actor import Actor


@dataclass
class Other:
    teacher: Actor
    class_id: str
    student: Actor


def student_actor(info, i: int) -> Actor:
    return Actor(info.student_ids[i], "student", info.school_id, f"Student {i}")


@pytest.fixture
def as_student(demo):
    """``as_student(i)``: the demo class's i-th student as the acting user."""
    return lambda i: student_actor(demo[1], i)


@pytest.fixture
def other(demo) -> Other:
    """Another class in the same school, with its own teacher and one student."""
    ctx, info = demo
    with ctx.db.write() as s:
        klass = SchoolClass(school_id=info.school_id, name="Year 8 Oak", grade="8")
        klass.partition = partition_key(info.school_id, klass.id)
        teacher = Person(
            school_id=info.school_id,
            role="teacher",
            given_name="Omar",
            family_name="Lee",
            partition=partition_key(info.school_id),
        )
        pupil = Person(school_id=info.school_id, role="student", given_name="Zoe", family_name="Park")
        pupil.partition = partition_key(info.school_id, klass.id, pupil.id)
        s.add_all([klass, teacher, pupil])
        s.flush()
        s.add(Enrollment(class_id=klass.id, person_id=teacher.id, role="teacher", partition=klass.partition))
        s.add(Enrollment(class_id=klass.id, person_id=pupil.id, role="student", partition=pupil.partition))
        ids = klass.id, teacher.id, pupil.id
    return Other(
        Actor(ids[1], "teacher", info.school_id, "Omar Lee"),
        ids[0],
        Actor(ids[2], "student", info.school_id, "Zoe Park"),
    )
