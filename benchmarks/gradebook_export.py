"""Gradebook export of a class-year: 40 students x 120 skills, every cell started, as a OneRoster 1.2
gradebook zip (and the flat skills CSV). Prints JSON. Goal: <= 2 s for the gradebook.

    python benchmarks/gradebook_export.py"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

STUDENTS, SKILLS = 40, 120


def main() -> None:
    from sqlalchemy import text

    from app.bootstrap import open_context
    from app.models import Domain, Enrollment, Person, School, SchoolClass, Skill
    from app.people.actor import SYSTEM

    tmp = Path(tempfile.mkdtemp(prefix="tessera-gradebook-bench-"))
    ctx = open_context(tmp / "data")
    rnd = random.Random(5)
    with ctx.db.write() as s:
        school = School(name="Bench School")
        s.add(school)
        s.flush()
        klass = SchoolClass(school_id=school.id, name="Year 6")
        s.add(klass)
        s.flush()
        doms = [Domain(code=f"D{d}", name=f"Domain {d}", sort=d) for d in range(8)]
        s.add_all(doms)
        s.flush()
        skills = [
            Skill(domain_id=doms[k % 8].id, code=f"S{k:03d}", name=f"Skill {k}", sort=k)
            for k in range(SKILLS)
        ]
        s.add_all(skills)
        people = [Person(school_id=school.id, role="student", given_name=f"Kid{i}") for i in range(STUDENTS)]
        s.add_all(people)
        s.flush()
        s.add_all(Enrollment(class_id=klass.id, person_id=p.id) for p in people)
        ids = ([p.id for p in people], [k.id for k in skills], klass.id)
    with ctx.db.write() as s:  # derived state, as practice leaves it
        s.connection().execute(
            text(
                "INSERT INTO learner_skill_state (student_id, skill_id, ability, attempts, correct, last_at, mastery, "
                "mastered, mastered_at) VALUES (:s, :k, 0, :n, :c, 1.7e9, :m, :ok, 0)"
            ),
            [
                {"s": sid, "k": kid, "n": 10, "c": 7, "m": (m := rnd.random()), "ok": m > 0.85}
                for sid in ids[0]
                for kid in ids[1]
            ],
        )
    ex = ctx.services.exports
    t0 = time.perf_counter()
    res = ex.gradebook(SYSTEM, ids[2], tmp / "gradebook.zip")
    t1 = time.perf_counter()
    flat = ex.skills_csv(SYSTEM, ids[2], tmp / "skills.csv")
    t2 = time.perf_counter()
    ctx.close()
    out = {
        "figure": "gradebook_export",
        "students": STUDENTS,
        "skills": SKILLS,
        "results": res.rows,
        "gradebook_s": round(t1 - t0, 3),
        "skills_csv_s": round(t2 - t1, 3),
        "skills_csv_rows": flat.rows,
        "goal_s": 2.0,
    }
    out["ok"] = out["gradebook_s"] <= 2.0
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
