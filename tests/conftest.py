"""Shared fixtures: every test gets its own data folder; the demo class is built once per run
and copied, so tests stay fast and never touch a real profile."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.models import Enrollment, Person, SchoolClass
from app.models.base import partition_key
from app.people.actor import Actor

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    # No machine policy or home folder of the developer's leaks into a test.
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(tmp_path / "no-policy.json"))
    monkeypatch.delenv("TESSERA_HOME", raising=False)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def ctx(data_dir):
    from app.bootstrap import open_context

    c = open_context(data_dir)
    yield c
    c.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    from app.bootstrap import open_context
    from app.demo import create_demo

    d = tmp_path_factory.mktemp("demo-template")
    os.environ["TESSERA_POLICY_FILE"] = str(d / "no-policy.json")
    c = open_context(d)
    info = create_demo(c.db, seed=7)
    c.close()
    return d, info


@pytest.fixture
def demo(demo_template, data_dir):
    """(ctx, info): a fresh copy of the demo class for this test."""
    from app.bootstrap import open_context

    src, info = demo_template
    shutil.copy2(src / "tessera.db", data_dir / "tessera.db")
    c = open_context(data_dir)
    yield c, info
    c.close()


@pytest.fixture
def teacher(demo):
    ctx, info = demo
    return ctx.services.accounts.sign_in_teacher(info.username, info.password)


# -- planning and evidence tests: actors for demo students, and a second class with its own teacher --
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
