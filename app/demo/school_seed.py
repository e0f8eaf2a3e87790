"""The demo school (issue 21): a second class with its own teacher, who also co-teaches the demo class;
a school leader; a school-wide challenge whose teams span both classes; a few library items (one
already adopted by a colleague); the school's measures for this term; Tessera's framework published
and adopted; notes each co-teacher keeps, one shared with the leader.

Sign-in: leader ``demo.leader``, co-teacher ``demo.coteacher``, both with the demo password."""

from __future__ import annotations

import random

from sqlalchemy import select

from app.models import Account, Enrollment, Person, Profile, SchoolClass, Skill, WritingTask
from app.models.base import partition_key
from app.people.accounts import hash_secret
from app.people.actor import Actor
from app.planning.challenges import ChallengeDraft
from app.school.figures import term_of
from app.school.services import make_school_services
from app.store.database import Database

DEMO_LEADER = "demo.leader"
DEMO_COTEACHER = "demo.coteacher"
DAY = 86_400.0
CLASS_B = ("Year 8 Oak", "8")
STUDENTS_B = [("Kai", "Mensah"), ("Lena", "Fischer"), ("Omar", "Haddad"), ("Priya", "Shah"), ("Tomás", "Silva"),
              ("Yuki", "Tanaka")]  # fmt: skip


def seed_school(db: Database, ids, rng: random.Random, now: float) -> None:  # noqa: ANN001
    """The school: a second class, a co-teacher, a leader, shared work"""
    from app.demo.builder import DEMO_PASSWORD, DEMO_PIN

    del rng
    school = make_school_services(db)
    admin = Actor("system", "admin", ids.school_id, "Tessera")
    leader = school.staff.add_staff(admin, "leader", "Grace", "Adeyemi", DEMO_LEADER, DEMO_PASSWORD)
    co = school.staff.add_staff(admin, "teacher", "Sam", "Okafor", DEMO_COTEACHER, DEMO_PASSWORD)
    with db.write() as s:
        klass = SchoolClass(school_id=ids.school_id, name=CLASS_B[0], grade=CLASS_B[1], year="2026-27")
        klass.partition = partition_key(ids.school_id, klass.id)
        s.add(klass)
        s.flush()
        s.add(Enrollment(class_id=klass.id, person_id=co.id, role="teacher", partition=klass.partition))
        kids = []
        pin = hash_secret(
            DEMO_PIN
        )  # one hash for the six demo PINs: each costs a noticeable moment at first start
        for given, family in STUDENTS_B:
            p = Person(school_id=ids.school_id, role="student", given_name=given, family_name=family)
            p.partition = partition_key(ids.school_id, klass.id, p.id)
            s.add(p)
            s.flush()
            s.add(Enrollment(class_id=klass.id, person_id=p.id, role="student", partition=p.partition))
            s.add(Account(person_id=p.id, pin_hash=pin, partition=p.partition))
            s.add(Profile(student_id=p.id, partition=p.partition))
            kids.append(p.id)
        class_b = klass.id
        task_id = s.execute(select(WritingTask.id).where(WritingTask.class_id == ids.class_id)
                            .order_by(WritingTask.created_at)).scalars().first()  # fmt: skip
        codes = [
            k
            for k in s.execute(
                select(Skill.code).where(Skill.deleted == False).order_by(Skill.code)
            ).scalars()
        ]  # noqa: E712
    maya = Actor(ids.teacher_id, "teacher", ids.school_id, "Maya Rivera")
    sam = Actor(co.id, "teacher", ids.school_id, co.name)
    lead = Actor(leader.id, "leader", ids.school_id, leader.name)
    school.staff.add_co_teacher(maya, ids.class_id, co.id)  # Sam co-teaches Year 7 Maple

    # a school-wide week whose teams span both classes
    week = school.library.challenges.create(maya, ChallengeDraft(
        title="Riverside Green Week", scope="school",
        driving_question="How can our school waste less this month?",
        brief="Teams from every class survey the school's waste, plan one change and present it to the council.",
        community_partner="Riverside Recycling Centre",
        checkpoints=[("Waste survey", now - 2 * DAY), ("Our plan", now + 5 * DAY), ("Council presentation", now + 12 * DAY)],
    ))  # fmt: skip
    with db.write() as s:  # planned last month: the class's own challenge stays the first on its page
        from app.models import Challenge

        row = s.get(Challenge, week.id)
        row.created_at = now - 30 * DAY
    a_kids = list(ids.student_ids)
    for n, name in enumerate(("River Rangers", "Zero Heroes")):
        team = school.teams.make_team(maya, week.id, name)
        school.teams.set_my_students(maya, team, ids.class_id, a_kids[20 + 2 * n : 22 + 2 * n])
        school.teams.set_my_students(sam, team, class_b, kids[3 * n : 3 * n + 3])
        school.teams.set_status(maya, team, week.checkpoints[0].id, "done")

    # the library: shared work, one piece already adopted by a colleague
    if task_id:
        item = school.library.share_writing_task(
            maya, task_id, "Persuasive essay with a rubric the class liked"
        )
        school.library.copy(sam, item.id, class_b)
    school.library.share(maya, "rubric", "Presentation rubric", "Four levels, written with students", {"criteria": [
        {"criterion": "Clear message", "levels": ["Unclear", "Partly clear", "Clear", "Compelling"]},
        {"criterion": "Evidence", "levels": ["None", "Some", "Good", "Strong and varied"]},
    ]})  # fmt: skip
    if codes:
        school.library.share(sam, "question_set", "Warm-up: mixed number facts", "Ten minutes at the start of a lesson",
                             {"items": [{"skill": codes[i % len(codes)], "prompt": f"{3 + i} x {4 + i}",
                                         "answer": str((3 + i) * (4 + i))} for i in range(6)]})  # fmt: skip

    # the school's measures this term, and its framework
    term = term_of(now)
    for measure, target in (
        ("mastery", 25),
        ("plans_on_track", 70),
        ("practice_minutes", 45),
        ("feedback_days", 3),
    ):
        school.measures.set_target(lead, measure, term, target)
    v1 = school.frameworks.publish_default(lead)
    for dom in v1.body["domains"][:3]:  # adopted domain by domain: the rest waits for next term
        school.frameworks.adopt(lead, dom["id"])

    # co-teachers' own notes
    school.notes.write(maya, ids.class_id, a_kids[1], "Ask about the science fair idea.")
    school.notes.write(sam, ids.class_id, a_kids[1], "Works well in the small group on Thursdays.", "team")
    school.notes.write(
        maya, ids.class_id, a_kids[4], "Reading support plan agreed with the family.", "leader"
    )
