"""Build the demo class: a teacher, 24 students with jagged profiles, the default framework,
items and about two months of practice history, celebrations. A seed fixes the class (names, profiles, who falls behind); the practice history
still varies between builds, because ids are made fresh each time and selection breaks ties by id
(tests must not count on one student's exact history)."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from sqlalchemy import select

from app.demo import roster_data as R
from app.models import (
    Account,
    Celebration,
    Enrollment,
    LearnerSkillState,
    Person,
    Profile,
    School,
    SchoolClass,
    Skill,
)
from app.models.base import partition_key
from app.people.accounts import hash_secret
from app.people.pins import hash_pin
from app.skills.service import load_default_framework
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
        teacher = Person(
            school_id=school.id,
            role="teacher",
            given_name="Maya",
            family_name="Rivera",
            partition=partition_key(school.id),
        )
        s.add_all([klass, teacher])
        s.flush()
        s.add(
            Account(
                person_id=teacher.id,
                username=DEMO_USERNAME,
                password_hash=hash_secret(DEMO_PASSWORD),
                partition=teacher.partition,
            )
        )
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
            s.add(Account(person_id=p.id, pin_hash=hash_pin(db, DEMO_PIN), partition=p.partition))
            s.add(
                Profile(
                    student_id=p.id,
                    partition=p.partition,
                    strengths=rng.sample(R.STRENGTHS, 3),
                    interests=rng.sample(R.INTERESTS, 3),
                    values=rng.sample(R.VALUES, 2),
                    learning_prefs=rng.sample(R.LEARNING, 2),
                    about_me=R.ABOUT_ME[i % len(R.ABOUT_ME)],
                    accommodations=R.ACCOMMODATIONS[i % len(R.ACCOMMODATIONS)],
                    teacher_notes="Settling in well." if i % 5 == 0 else "",
                    read_aloud="read aloud" in R.ACCOMMODATIONS[i % len(R.ACCOMMODATIONS)],
                )
            )
        ids = DemoInfo(school.id, klass.id, teacher.id, tuple(p.id for p in students))
        skill_rows = [(k.id, k.code) for k in skills]
        partitions = {p.id: p.partition for p in students}

    report(0.2, "Writing practice questions")
    focus = _practice_settings(db, ids.student_ids, skill_rows, partitions, rng)
    report(0.3, "Simulating two months of practice")
    abilities = _abilities(ids.student_ids, skill_rows, rng)
    _practice_history(db, ids, focus, partitions, abilities, skill_rows, rng, now, report)
    with db.write() as s:
        for i, sid in enumerate(ids.student_ids):
            if i % 3 == 0:
                s.add(
                    Celebration(
                        student_id=sid,
                        kind="teacher",
                        title=rng.choice(R.CELEBRATIONS),
                        by_id=ids.teacher_id,
                        at=now - rng.uniform(1, 30) * DAY,
                        partition=partitions[sid],
                    )
                )
    for fraction, seeder in _extra_seeders():
        report(fraction, seeder.__doc__.splitlines()[0] if seeder.__doc__ else "More demo data")
        seeder(db, ids, rng, now)
        if seeder.__name__ == "seed_writing":  # before plans: students choose goals from their levels
            report(fraction, "Judging writing from the students' essays")
            _judge_writing(db, ids, abilities, skill_rows, now)
    report(0.97, "Bringing the estimates up to date")
    _celebrate_mastery(db, ids, partitions)
    report(1.0, "The demo class is ready")
    return ids


def _abilities(student_ids, skill_rows, rng) -> dict[tuple[str, str], float]:  # noqa: ANN001
    """Jagged on purpose: a base, a per-domain tilt, and a few peaks and dips per student."""
    out = {}
    for sid in student_ids:
        base = rng.gauss(0.0, 0.6)
        tilt: dict[str, float] = {}
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


FOCUS = {1: ["FRA.ADD"], 4: ["ALG.LIN1", "ALG.ORD"], 7: ["NUM.DIV"], 10: ["FRA.PCT", "FRA.DEC"],
         13: ["NUM.NEG"], 16: ["FRA.EQ"], 19: ["ALG.LIN2"], 22: ["WRM.VOCAB"]}  # fmt: skip
TARGETS = {2: 0.8, 9: 0.7, 15: 0.8}  # a few learners the teacher set gentler or harder


def _practice_settings(db: Database, student_ids, skill_rows, partitions, rng) -> dict[str, dict[str, float]]:  # noqa: ANN001
    """The question bank (generator pools and vocabulary), and focus skills and targets for some learners."""
    from app.models import PracticeFocus
    from app.practice.bank import ensure_item_bank

    by_code = {code: k for k, code in skill_rows}
    focus: dict[str, dict[str, float]] = {}
    with db.write() as s:
        ensure_item_bank(s)
        for i, sid in enumerate(student_ids):
            for code in FOCUS.get(i, ()):
                focus.setdefault(sid, {})[by_code[code]] = 1.0
                s.add(PracticeFocus(student_id=sid, skill_id=by_code[code], partition=partitions[sid]))
            if i in TARGETS:
                s.get(Person, sid).target_success = TARGETS[i]
    del rng
    return focus


def _practice_history(db: Database, ids, focus, partitions, abilities, skill_rows, rng, now, report) -> None:  # noqa: ANN001
    """Two months of sessions through the real engines, then the estimates rebuilt from the attempts."""
    from app.demo.history import simulate_history
    from app.models import Attempt
    from app.practice.bulk import insert_synced
    from app.practice.live import live_model
    from app.practice.model_store import read_items, read_prerequisites
    from app.store.raw import raw_connection

    with db.read() as s:
        items, prereqs = read_items(raw_connection(s)), read_prerequisites(raw_connection(s))
        targets = {
            p.id: p.target_success
            for p in s.execute(select(Person).where(Person.id.in_(ids.student_ids))).scalars()
        }
    learners = [(sid, partitions[sid], targets[sid], focus.get(sid, {})) for sid in ids.student_ids]
    rows = simulate_history(items, prereqs, learners, abilities, rng, now - 60 * DAY, now - 3600,
                            lambda f: report(0.3 + 0.35 * f, "Simulating two months of practice"))  # fmt: skip
    with db.write() as s:
        insert_synced(s, Attempt, rows)
    report(0.7, "Working out each learner's estimates")
    live_model(db).rebuild(None)


def _judge_writing(db: Database, ids, abilities, skill_rows, now) -> None:  # noqa: ANN001
    """Writing skills without questions get levels from the teacher's judgements of real drafts."""
    from app.demo.judgement_seed import seed_judgements
    from app.store.raw import raw_connection as raw

    with db.read() as s:
        practised = {k for (k,) in raw(s).execute("SELECT DISTINCT skill_id FROM item WHERE deleted = 0")}
    seed_judgements(db, ids, abilities, skill_rows, practised, now)


def _celebrate_mastery(db: Database, ids, partitions) -> None:  # noqa: ANN001
    """Estimates follow every attempt (other seeders add some); each skill mastered is celebrated once."""
    from app.practice.live import live_model

    live_model(db).reconcile()
    with db.write() as s:
        names: dict[str, str] = dict(s.execute(select(Skill.id, Skill.name)).all())
        done = set(
            s.execute(
                select(Celebration.student_id, Celebration.ref_id).where(Celebration.kind == "mastered_skill")
            ).all()
        )
        for st in s.execute(
            select(LearnerSkillState).where(
                LearnerSkillState.student_id.in_(ids.student_ids), LearnerSkillState.mastered_at > 0
            )
        ).scalars():
            if (st.student_id, st.skill_id) not in done:
                s.add(
                    Celebration(
                        student_id=st.student_id,
                        kind="mastered_skill",
                        ref_id=st.skill_id,
                        title=f"Mastered {names[st.skill_id]}",
                        at=st.mastered_at,
                        partition=partitions[st.student_id],
                    )
                )


def _extra_seeders():  # noqa: ANN202
    """Other packages add their demo data here (plans, writing, challenges, check-ins)."""
    from app.demo.planning_seed import seed_planning
    from app.demo.school_seed import seed_school
    from app.demo.writing_seed import seed_writing

    return [(0.9, seed_writing), (0.93, seed_planning), (0.95, seed_school)]
