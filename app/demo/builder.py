"""Build the demo class: a teacher, 24 students with jagged profiles, the default framework,
items and about two months of practice history, celebrations. Deterministic for a seed."""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass

from sqlalchemy import select

from app.demo import roster_data as R
from app.demo.history import derive_skill_states, simulate_attempts
from app.framework.service import load_default_framework
from app.models import Account, Celebration, Enrollment, Item, Person, Profile, School, SchoolClass, Skill
from app.models.base import partition_key
from app.people.accounts import hash_secret
from app.store.capture import bulk_insert_events
from app.store.database import Database

DEMO_USERNAME = "demo.teacher"
DEMO_PASSWORD = "tessera-demo"
DEMO_PIN = "1234"
DAY = 86_400.0


@dataclass(frozen=True)
class DemoInfo:
    school_id: str
    class_id: str
    teacher_id: str
    student_ids: tuple[str, ...]
    username: str = DEMO_USERNAME
    password: str = DEMO_PASSWORD
    pin: str = DEMO_PIN


def create_demo(db: Database, seed: int = 7, now: float | None = None, progress=None) -> DemoInfo:  # noqa: ANN001
    """Create the demo class in ``db``. ``progress(fraction, message)`` is called as it goes."""
    rng = random.Random(seed)
    now = now or time.time()
    report = progress or (lambda f, m: None)
    report(0.05, "Creating the school and class")
    with db.write() as s:
        if s.execute(select(Account.id).where(Account.username == DEMO_USERNAME)).first():
            raise ValueError("The demo class already exists in this data folder.")
        school = School(name="Riverside Community School")
        school.partition = partition_key(school.id)
        s.add(school)
        s.flush()
        klass = SchoolClass(school_id=school.id, name="Year 7 Maple", grade="7", year="2026-27")
        klass.partition = partition_key(school.id, klass.id)
        teacher = Person(school_id=school.id, role="teacher", given_name="Maya", family_name="Rivera",
                         partition=partition_key(school.id))
        s.add_all([klass, teacher])
        s.flush()
        s.add(Account(person_id=teacher.id, username=DEMO_USERNAME, password_hash=hash_secret(DEMO_PASSWORD),
                      partition=teacher.partition))
        s.add(Enrollment(class_id=klass.id, person_id=teacher.id, role="teacher", partition=klass.partition))
        load_default_framework(s)
        s.flush()
        skills = s.execute(select(Skill).order_by(Skill.code)).scalars().all()
        students = []
        for i, (given, family) in enumerate(R.STUDENTS):
            p = Person(school_id=school.id, role="student", given_name=given, family_name=family)
            p.partition = partition_key(school.id, klass.id, p.id)
            students.append(p)
            s.add(p)
        s.flush()
        for i, p in enumerate(students):
            s.add(Enrollment(class_id=klass.id, person_id=p.id, role="student", partition=p.partition))
            s.add(Account(person_id=p.id, pin_hash=hash_secret(DEMO_PIN), partition=p.partition))
            s.add(Profile(
                student_id=p.id, partition=p.partition,
                strengths=rng.sample(R.STRENGTHS, 3), interests=rng.sample(R.INTERESTS, 3),
                values=rng.sample(R.VALUES, 2), learning_prefs=rng.sample(R.LEARNING, 2),
                about_me=R.ABOUT_ME[i % len(R.ABOUT_ME)],
                accommodations=R.ACCOMMODATIONS[i % len(R.ACCOMMODATIONS)],
                teacher_notes="Settling in well." if i % 5 == 0 else "",
            ))
        ids = DemoInfo(school.id, klass.id, teacher.id, tuple(p.id for p in students))
        skill_rows = [(k.id, k.code) for k in skills]
        partitions = {p.id: p.partition for p in students}

    report(0.25, "Writing practice items")
    items = _make_items(db, skill_rows, rng)
    report(0.45, "Simulating two months of practice")
    abilities = _abilities(ids.student_ids, skill_rows, rng)
    attempts = simulate_attempts(ids.student_ids, items, abilities, partitions, rng, now - 60 * DAY, now)
    with db.write() as s:
        for start in range(0, len(attempts), 5000):
            bulk_insert_events(s, _attempt_model(), attempts[start:start + 5000])
    report(0.75, "Working out each learner's profile")
    with db.write() as s:
        mastered = derive_skill_states(s, ids.student_ids, skill_rows, attempts, abilities)
        names = dict(skill_rows)
        code_names = {k.id: k.name for k in skills}
        for sid, skill_id, at in mastered:
            s.add(Celebration(student_id=sid, kind="mastered_skill", title=f"Mastered {code_names[skill_id]}",
                              ref_id=skill_id, at=at, partition=partitions[sid]))
        for i, sid in enumerate(ids.student_ids):
            if i % 3 == 0:
                s.add(Celebration(student_id=sid, kind="teacher", title=rng.choice(R.CELEBRATIONS),
                                  by_id=ids.teacher_id, at=now - rng.uniform(1, 30) * DAY,
                                  partition=partitions[sid]))
        del names
    for fraction, seeder in _extra_seeders():
        report(fraction, seeder.__doc__.splitlines()[0] if seeder.__doc__ else "More demo data")
        seeder(db, ids, rng, now)
    report(1.0, "The demo class is ready")
    return ids


def _abilities(student_ids, skill_rows, rng) -> dict[tuple[str, str], float]:  # noqa: ANN001
    """Jagged on purpose: a base, a per-domain tilt, and a few peaks and dips per student."""
    out = {}
    for sid in student_ids:
        base = rng.gauss(0.0, 0.6)
        tilt = {}
        for _skill_id, code in skill_rows:
            dom = code.split(".")[0]
            tilt.setdefault(dom, rng.gauss(0.0, 0.9))
        peaks = set(rng.sample([k for k, _ in skill_rows], 4))
        dips = set(rng.sample([k for k, _ in skill_rows], 3))
        for skill_id, code in skill_rows:
            a = base + tilt[code.split(".")[0]] + rng.gauss(0, 0.35)
            a += 1.6 if skill_id in peaks else 0.0
            a -= 1.3 if skill_id in dips else 0.0
            out[(sid, skill_id)] = a
    return out


def _make_items(db: Database, skill_rows, rng) -> list[tuple[str, str, float]]:  # noqa: ANN001
    """A few simple placeholder items per skill; generators replace these in practice."""
    out = []
    with db.write() as s:
        for skill_id, code in skill_rows:
            for level in range(1, 6):
                for k in range(2):
                    a, b = rng.randint(2, 9 * level), rng.randint(2, 9 * level)
                    item = Item(skill_id=skill_id, kind="number", prompt=f"{a} + {b} = ?", answer=str(a + b),
                                hint=f"Add the tens, then the ones: {a} + {b}.", level=level,
                                source="demo", source_ref=f"{code}:{level}:{k}")
                    s.add(item)
                    out.append((item.id, skill_id, (level - 3) * 0.8))
    return out


def _attempt_model():  # noqa: ANN202
    from app.models import Attempt

    return Attempt


def _extra_seeders():  # noqa: ANN202
    """Other packages add their demo data here (plans, writing, challenges, check-ins)."""
    return []


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))
