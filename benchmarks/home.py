"""Home and plan-overview figure: how fast the student's "what next" list and the teacher's class plan
overview are computed with a class-year of data.

    python benchmarks/home.py [--quick] [--students 40] [--attempts 35000] [--repeat 200] [--data-dir DIR]

Builds a class of 40 students with a school year of practice (35,000 attempts each, 1.4 million in all,
over 40 skills), a plan of three goals with milestones each, a running challenge with eight teams,
a check-in every school day and twenty writing tasks; then times, over repeated calls (students in
turn), ``WhatNextService.for_student`` (bar: 50 ms) and ``PlanService.class_overview`` (bar: 100 ms;
also cold, with a fresh service each call so no weekly minutes are remembered), and prints JSON with
p50 and p95 (and the load average: the figures are wall-clock times on a possibly shared machine). ``--quick`` uses 1,000 attempts per student (seconds, for CI).
``--data-dir`` keeps the generated class so later runs only measure. Attempts are inserted with
``bulk_insert_events`` as applied-from-sync rows (no change log of their own: it is not read here).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import open_context  # noqa: E402
from app.models import (  # noqa: E402
    Attempt,
    CheckIn,
    Draft,
    Enrollment,
    Item,
    LearnerSkillState,
    Person,
    Profile,
    School,
    SchoolClass,
    Skill,
    WritingTask,
)
from app.models.base import partition_key  # noqa: E402
from app.people.actor import SYSTEM, Actor  # noqa: E402
from app.planning.plans import GoalDraft, MilestoneDraft, PlanDraft, PlanService  # noqa: E402
from app.skills.service import load_default_framework  # noqa: E402
from app.store.capture import bulk_insert_events  # noqa: E402

DAY = 86_400.0
INTERESTS = [
    "football",
    "chess",
    "music and guitar",
    "cooking",
    "space",
    "robots",
    "drawing comics",
    "gardening",
]
MARKER = "bench-home.json"


def build(ctx, n_students: int, per_student: int, seed: int = 11) -> dict:  # noqa: ANN001
    rng = random.Random(seed)
    now = time.time()
    db = ctx.db
    with db.write() as s:
        school = School(name="Benchmark School")
        school.partition = partition_key(school.id)
        klass = SchoolClass(school_id=school.id, name="Year 7 Bench", grade="7")
        klass.partition = partition_key(school.id, klass.id)
        teacher = Person(
            school_id=school.id,
            role="teacher",
            given_name="Bea",
            family_name="Bench",
            partition=partition_key(school.id),
        )
        s.add(school)
        s.flush()  # no ORM relationships order the inserts: parents first
        s.add_all([klass, teacher])
        s.flush()
        s.add(Enrollment(class_id=klass.id, person_id=teacher.id, role="teacher", partition=klass.partition))
        load_default_framework(s)
        s.flush()
        skills = [k.id for k in s.execute(Skill.__table__.select().order_by(Skill.code)).all()]
        students = []
        for i in range(n_students):
            p = Person(school_id=school.id, role="student", given_name=f"Student{i:02d}", family_name="Bench")
            p.partition = partition_key(school.id, klass.id, p.id)
            s.add(p)
            students.append(p)
        s.flush()
        for p in students:
            s.add(Enrollment(class_id=klass.id, person_id=p.id, role="student", partition=p.partition))
            s.add(Profile(student_id=p.id, interests=rng.sample(INTERESTS, 3), partition=p.partition))
        s.flush()
        items = {}
        for k in skills:
            items[k] = []
            for level in range(1, 6):
                it = Item(
                    skill_id=k, prompt=f"{level}+{level}", answer=str(2 * level), level=level, source="bench"
                )
                s.add(it)
                items[k].append(it.id)
        ids = {
            "school": school.id,
            "class": klass.id,
            "teacher": teacher.id,
            "students": [(p.id, p.partition) for p in students],
        }
    # A school year of practice: sittings of 10-25 answers on a few skills, spread over 365 days.
    t0 = now - 365 * DAY
    for n, (sid, part) in enumerate(ids["students"]):
        rows, stats = [], {}
        ability = {k: rng.gauss(0.7, 0.15) for k in skills}
        t = t0
        step = 365 * DAY / per_student
        while len(rows) < per_student:
            k = rng.choice(skills)
            for _ in range(rng.randint(10, 25)):
                ok = rng.random() < ability[k]
                rows.append(
                    {
                        "student_id": sid,
                        "item_id": rng.choice(items[k]),
                        "skill_id": k,
                        "correct": ok,
                        "response_ms": rng.randint(4000, 40000),
                        "at": t,
                        "device": "bench",
                        "partition": part,
                    }
                )
                st = stats.setdefault(k, [0, 0, 0.0])
                st[0], st[1], st[2] = st[0] + 1, st[1] + int(ok), t
                t = min(now - 60, t + rng.uniform(0.2, 1.8) * step)
        with db.write(remote=True) as s:
            for start in range(0, len(rows), 20_000):
                bulk_insert_events(s, Attempt, rows[start : start + 20_000])
            for k, (cnt, right, last) in stats.items():
                m = (right + 1.5) / (cnt + 2)
                s.add(
                    LearnerSkillState(
                        student_id=sid,
                        skill_id=k,
                        attempts=cnt,
                        correct=right,
                        last_at=last,
                        mastery=m,
                        mastered=m >= 0.85 and cnt >= 8,
                        mastered_at=last if m >= 0.85 else 0,
                    )
                )
            checkins = []
            day = dt.date.fromtimestamp(t0)
            while day <= dt.date.today():
                if day.weekday() < 5:
                    at = dt.datetime.combine(day, dt.time(8, 50)).timestamp()
                    if at < now:
                        checkins.append(
                            {
                                "student_id": sid,
                                "mood": rng.randint(2, 5),
                                "energy": rng.randint(2, 5),
                                "at": at,
                                "partition": part,
                            }
                        )
                day += dt.timedelta(days=1)
            bulk_insert_events(s, CheckIn, checkins)
        print(f"  student {n + 1}/{len(ids['students'])}: {len(rows)} attempts", file=sys.stderr, flush=True)
    # Plans (through the real service, as each student), writing tasks, a challenge with teams.
    plans = ctx.services.plans
    for sid, _part in ids["students"]:
        me = Actor(sid, "student", ids["school"], sid)
        chosen = rng.sample(skills, 3)
        start = now - 40 * DAY
        goals = [
            GoalDraft(
                f"Goal on {k[:8]}",
                "",
                [k],
                "practice",
                now + rng.uniform(-5, 60) * DAY,
                rng.choice([0, 30, 60]),
                [MilestoneDraft(f"Step {j}", start + (j + 1) * 15 * DAY, j == 0) for j in range(3)],
            )
            for k in chosen
        ]
        plans.save(me, sid, PlanDraft("Bench plan", goals), submit=True)
    with db.write() as s:
        for w in range(20):
            task = WritingTask(
                class_id=ids["class"],
                title=f"Task {w}",
                due_at=now + (w - 10) * 3 * DAY,
                partition=partition_key(ids["school"], ids["class"]),
            )
            s.add(task)
            s.flush()
            for sid, part in ids["students"][: 20 + w]:
                s.add(
                    Draft(
                        task_id=task.id,
                        student_id=sid,
                        status=rng.choice(["writing", "submitted", "returned"]),
                        returned_at=now - rng.uniform(0, 20) * DAY,
                        partition=part,
                    )
                )
    challenges = ctx.services.challenges
    view = challenges.create(
        SYSTEM, challenges.draft_from_template("greener-schoolyard", ids["class"], now - 10 * DAY)
    )
    teams = challenges.suggest_teams(SYSTEM, view.id, ids["class"], 8)
    challenges.set_teams(SYSTEM, view.id, ids["class"], [(t.name, list(t.member_ids)) for t in teams])
    return ids


def timed(fn, n: int) -> dict:  # noqa: ANN001
    fn(0)  # warm the caches once, as the app does when the screen first opens
    out = []
    for i in range(n):
        t = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t) * 1000)
    out.sort()
    return {
        "p50": round(statistics.median(out), 2),
        "p95": round(out[int(0.95 * (len(out) - 1))], 2),
        "max": round(out[-1], 2),
        "calls": n,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--attempts", type=int, default=35_000, help="per student")
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--data-dir", default="")
    args = ap.parse_args()
    per = 1000 if args.quick else args.attempts
    folder = Path(args.data_dir or tempfile.mkdtemp(prefix="tessera-bench-home-"))
    ctx = open_context(folder)
    marker = folder / MARKER
    build_s = 0.0
    if marker.exists():
        ids = json.loads(marker.read_text())
    else:
        t = time.perf_counter()
        ids = build(ctx, args.students, per)
        build_s = round(time.perf_counter() - t, 1)
        marker.write_text(json.dumps(ids))
    students = [Actor(sid, "student", ids["school"], sid) for sid, _p in ids["students"]]
    teacher = Actor(ids["teacher"], "teacher", ids["school"], "Bea Bench")
    x = ctx.services
    steps = x.what_next.for_student(students[0])
    home = timed(lambda i: x.what_next.for_student(students[i % len(students)]), args.repeat)
    overview = timed(lambda i: x.plans.class_overview(teacher, ids["class"]), max(20, args.repeat // 4))
    # Cold: a fresh service each call, so nothing is remembered between refreshes (the first open).
    overview_cold = timed(
        lambda i: PlanService(ctx.db).class_overview(teacher, ids["class"]), max(20, args.repeat // 4)
    )
    plan_page = timed(
        lambda i: x.plans.get(students[i % len(students)], students[i % len(students)].person_id),
        max(20, args.repeat // 4),
    )
    counts = ctx.db.table_counts()
    result = {
        "figure": "home and class plan overview latency",
        "students": len(students),
        "attempts": counts["attempt"],
        "check_ins": counts["check_in"],
        "goals": counts["goal"],
        "home_ms": home,
        "class_overview_ms": overview,
        "class_overview_cold_ms": overview_cold,
        "plan_page_ms": plan_page,
        "home_items_example": len(steps),
        "bars": {"home_p95_ms": 50, "class_overview_p95_ms": 100},
        "pass": home["p95"] <= 50 and overview["p95"] <= 100,
        "pass_cold": overview_cold["p95"] <= 100,
        "load_average": round(os.getloadavg()[0], 2),
        "build_s": build_s,
        "data_dir": str(folder),
        "quick": args.quick,
    }
    ctx.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
