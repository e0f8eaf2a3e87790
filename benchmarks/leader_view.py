"""Leader view figure (issue 21): how fast the school overview opens and refreshes for a school of
20 classes x 30 students, each class with a class-year of practice (~54,000 answers; 1.08 million in
all), plans, writing handed in and back, and a school-wide challenge.

    python benchmarks/leader_view.py [--quick] [--classes 20] [--students 30] [--answers 1800] [--data-dir DIR]

The school is generated straight into SQLite (plain executemany, no change log: this times reading,
not sync), then the app's own services open it. "first open": the first overview after the data
folder is opened in a new session (practice minutes come from the local cache kept in the database);
"cold_first_build": the first overview ever on a database (every answer read once into that cache,
once per database, again after an erasure); "refresh": an overview after a student answers ten more
questions (one commit through the services' database, so what-changed is published), median and
worst of several. Bars: first open <= 1 s, refresh <= 300 ms. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import open_context
from app.models import Attempt, Skill
from app.people.actor import Actor
from app.skills import load_default_framework
from app.store.raw import raw_connection

DAY = 86400.0
OPEN_BAR_S, REFRESH_BAR_S = 1.0, 0.3
NOW = datetime(2026, 6, 15, 12, tzinfo=timezone.utc).timestamp()  # late in the school year
YEAR_START = datetime(2025, 9, 1, tzinfo=timezone.utc).timestamp()


def _ids(prefix: str):  # noqa: ANN202
    n = 0
    while True:
        n += 1
        yield f"{prefix}{n:030d}"


def build(ctx, classes: int, students: int, answers: int, seed: int = 5) -> dict:  # noqa: ANN001
    rng = random.Random(seed)
    with ctx.db.write() as s:
        load_default_framework(s)
        s.flush()
        skills = [k for (k,) in s.execute(Skill.__table__.select().with_only_columns(Skill.id)).all()]
    gen = _ids("b")
    school = next(gen)
    base = (NOW - 200 * DAY, NOW - 200 * DAY, 0)
    with ctx.db.write(remote=True) as s:
        c = raw_connection(s)
        c.execute("INSERT INTO school (id, created_at, updated_at, deleted, partition, name, checkins_enabled) "
                  "VALUES (?, ?, ?, ?, ?, 'Bench School', 1)", (school, *base, f"{school}//"))  # fmt: skip
        items = {}
        for k in skills:
            items[k] = next(gen)
            c.execute("INSERT INTO item (id, created_at, updated_at, deleted, partition, skill_id, kind, prompt, answer, "
                      "choices, hint, level, source, source_ref, time_limit_s) VALUES (?, ?, ?, ?, '//', ?, 'number', "
                      "'1+1', '2', '[]', '', 1, 'bench', '', 0)", (items[k], *base, k))  # fmt: skip
        leader = next(gen)
        people = [(leader, "leader", f"{school}//", "Lena")]
        klasses, enrol, roster = [], [], {}
        for ci in range(classes):
            cid = next(gen)
            grade = str(3 + ci * 5 // max(classes, 1))
            klasses.append(
                (cid, *base, f"{school}/{cid}/", school, f"Class {ci + 1:02d}", grade, "2025", 0, 0)
            )
            t = next(gen)
            people.append((t, "teacher", f"{school}//", f"Teacher{ci}"))
            enrol.append((next(gen), *base, f"{school}/{cid}/", cid, t, "teacher"))
            roster[cid] = []
            for _si in range(students):
                sid = next(gen)
                part = f"{school}/{cid}/{sid}"
                people.append((sid, "student", part, f"S{ci}-{_si}"))
                enrol.append((next(gen), *base, part, cid, sid, "student"))
                roster[cid].append((sid, part))
        c.executemany("INSERT INTO school_class (id, created_at, updated_at, deleted, partition, school_id, name, grade, "
                      "year, archived, pin_optional) VALUES (?,?,?,?,?,?,?,?,?,?,?)", klasses)  # fmt: skip
        c.executemany("INSERT INTO person (id, created_at, updated_at, deleted, partition, school_id, role, given_name, "
                      "family_name, display_name, pronouns, archived, target_success) "
                      "VALUES (?,?,?,0,?,?,?,?,'Bench','','',0,0.75)",
                      [(p, *base[:2], part, school, role, name) for p, role, part, name in people])  # fmt: skip
        c.executemany("INSERT INTO enrollment (id, created_at, updated_at, deleted, partition, class_id, person_id, role) "
                      "VALUES (?,?,?,?,?,?,?,?)", enrol)  # fmt: skip
        # a class-year of practice: school days from September, sittings of 8-14 answers
        days = [YEAR_START + d * DAY for d in range(0, int((NOW - YEAR_START) / DAY)) if (d % 7) < 5]
        att, states = [], []
        for cid, kids in roster.items():
            for sid, part in kids:
                ability = rng.gauss(0.72, 0.1)
                per_skill: dict[str, list] = {}
                n = 0
                while n < answers:
                    day = rng.choice(days)
                    k = rng.choice(skills)
                    for j in range(rng.randint(8, 14)):
                        ok = rng.random() < ability
                        at = day + 9 * 3600 + j * 40
                        att.append((next(gen), at, at, 0, part, sid, items[k], k, "", int(ok), rng.randint(5000, 40000),
                                    at, "bench", ""))  # fmt: skip
                        st = per_skill.setdefault(k, [0, 0, 0.0])
                        st[0], st[1], st[2] = st[0] + 1, st[1] + ok, max(st[2], at)
                        n += 1
                for k, (cnt, right, last) in per_skill.items():
                    m = (right + 1.5) / (cnt + 2)
                    done = m >= 0.8 and cnt >= 8
                    states.append(
                        (sid, k, cnt, right, last, m, int(done), last if done else 0.0, m, int(done))
                    )
                if len(att) > 200_000:
                    _attempts(c, att)
                    att = []
        _attempts(c, att)
        c.executemany("INSERT INTO learner_skill_state (student_id, skill_id, ability, attempts, correct, last_at, mastery, "
                      "mastered, mastered_at, practice_mastery, practice_mastered, practice_mastered_at, judged_level, "
                      "judgement_id, judged_at, judged_after) VALUES (?,?,0,?,?,?,?,?,?,?,?,0,0,'',0,0)", states)  # fmt: skip
        _plans_writing_challenge(c, gen, rng, school, roster, skills)
    return {"school": school, "leader": leader, "classes": list(roster), "roster": roster, "skills": skills,
            "items": items}  # fmt: skip


def _attempts(c, rows) -> None:  # noqa: ANN001
    c.executemany("INSERT INTO attempt (id, created_at, updated_at, deleted, partition, student_id, item_id, skill_id, "
                  "answer, correct, response_ms, at, device, session_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)  # fmt: skip


def _plans_writing_challenge(c, gen, rng, school, roster, skills) -> None:  # noqa: ANN001
    b = (NOW - 100 * DAY, NOW - 100 * DAY, 0)
    plans, goals, miles, tasks, drafts = [], [], [], [], []
    for cid, kids in roster.items():
        cpart = f"{school}/{cid}/"
        for ti in range(3):
            t = next(gen)
            tasks.append((t, *b, cpart, cid, f"Task {ti}", "", 0.0, "{}", "[]", "[]", 0))
            for sid, part in kids:
                sub = YEAR_START + rng.uniform(10, 270) * DAY
                back = rng.random() < 0.8
                drafts.append((next(gen), *b, part, t, sid, "returned" if back else "submitted", sub,
                               sub + rng.uniform(0.2, 9) * DAY if back else 0.0, ""))  # fmt: skip
        for sid, part in kids:
            if rng.random() < 0.1:
                continue
            p = next(gen)
            plans.append(
                (p, *b, part, sid, "My plan", rng.choice(["approved"] * 3 + ["submitted"]), "", "2025-26")
            )
            for gi in range(2):
                g = next(gen)
                goals.append((g, *b, part, p, sid, f"Goal {gi}", "", json.dumps([rng.choice(skills)]), "practice",
                               NOW + 30 * DAY, 30, "active", 0, "", "", gi))  # fmt: skip
                for mi in range(2):
                    due = NOW + rng.uniform(-40, 40) * DAY
                    miles.append(
                        (
                            next(gen),
                            *b,
                            part,
                            g,
                            f"Step {mi}",
                            due,
                            int(due < NOW and rng.random() < 0.7),
                            0.0,
                        )
                    )
    c.executemany("INSERT INTO writing_task (id, created_at, updated_at, deleted, partition, class_id, title, prompt, "
                  "due_at, checks, rubric, skill_ids, archived) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", tasks)  # fmt: skip
    c.executemany("INSERT INTO draft (id, created_at, updated_at, deleted, partition, task_id, student_id, status, "
                  "submitted_at, returned_at, feedback) VALUES (?,?,?,?,?,?,?,?,?,?,?)", drafts)  # fmt: skip
    c.executemany("INSERT INTO plan (id, created_at, updated_at, deleted, partition, student_id, title, status, "
                  "teacher_note, term) VALUES (?,?,?,?,?,?,?,?,?,?)", plans)  # fmt: skip
    c.executemany("INSERT INTO goal (id, created_at, updated_at, deleted, partition, plan_id, student_id, title, why, "
                  "skill_ids, path, target_date, weekly_minutes, status, self_level, self_reflection, "
                  "teacher_feedback, sort) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", goals)  # fmt: skip
    c.executemany("INSERT INTO milestone (id, created_at, updated_at, deleted, partition, goal_id, title, due_at, done, "
                  "done_at) VALUES (?,?,?,?,?,?,?,?,?,?)", miles)  # fmt: skip
    ch = next(gen)
    c.execute("INSERT INTO challenge (id, created_at, updated_at, deleted, partition, scope, school_id, class_id, grade, "
              "title, driving_question, brief, community_partner, skill_ids, rubric, status, created_by) "
              "VALUES (?,?,?,?,?,'school',?,NULL,'','School week','','','','[]','[]','running','')",
              (ch, *b, f"{school}//", school))  # fmt: skip
    cps = [next(gen) for _ in range(4)]
    c.executemany("INSERT INTO checkpoint (id, created_at, updated_at, deleted, partition, challenge_id, title, due_at, "
                  "sort) VALUES (?,?,?,?,?,?,?,?,?)",
                  [(cp, *b, f"{school}//", ch, f"Step {i}", NOW + i * DAY, i) for i, cp in enumerate(cps)])  # fmt: skip
    teams, tcs = [], []
    for cid, kids in roster.items():
        for ti in range(0, len(kids), 5):
            t = next(gen)
            teams.append(
                (
                    t,
                    *b,
                    f"{school}/{cid}/",
                    ch,
                    f"Team {ti // 5 + 1}",
                    json.dumps([k for k, _ in kids[ti : ti + 5]]),
                )
            )
            for cp in cps:
                tcs.append(
                    (
                        next(gen),
                        *b,
                        f"{school}/{cid}/",
                        t,
                        cp,
                        rng.choice(["done", "in_progress", "not_started"]),
                    )
                )
    c.executemany("INSERT INTO team (id, created_at, updated_at, deleted, partition, challenge_id, name, member_ids) "
                  "VALUES (?,?,?,?,?,?,?,?)", teams)  # fmt: skip
    c.executemany("INSERT INTO team_checkpoint (id, created_at, updated_at, deleted, partition, team_id, checkpoint_id, "
                  "status) VALUES (?,?,?,?,?,?,?,?)", tcs)  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small school, for CI")
    ap.add_argument("--classes", type=int, default=20)
    ap.add_argument("--students", type=int, default=30)
    ap.add_argument("--answers", type=int, default=1800, help="per student")
    ap.add_argument("--refreshes", type=int, default=7)
    ap.add_argument("--data-dir", default="")
    a = ap.parse_args()
    if a.quick:
        a.classes, a.students, a.answers, a.refreshes = 4, 8, 200, 3
    data = Path(a.data_dir or tempfile.mkdtemp(prefix="tessera-leader-"))
    marker = data / "leader-bench.json"
    t0 = time.perf_counter()
    if marker.exists():  # a school built before with the same sizes: reuse it
        info = json.loads(marker.read_text())
        build_s = 0.0
    else:
        ctx = open_context(data)
        info = build(ctx, a.classes, a.students, a.answers)
        build_s = time.perf_counter() - t0
        ctx.close()
        marker.write_text(json.dumps(info))
    leader = Actor(info["leader"], "leader", info["school"], "Lena")
    # cold: the first overview ever on this database reads every answer once into the local cache
    ctx = open_context(data)
    with ctx.db.write() as s:
        raw_connection(s).execute("DELETE FROM figure_mark")  # as if never opened (a reused folder too)
        raw_connection(s).execute("DELETE FROM practice_month_cache")
    t = time.perf_counter()
    ctx.services.school.overview.overview(leader, NOW)
    cold = time.perf_counter() - t
    ctx.close()

    ctx = open_context(data)  # a new session: nothing in memory, the cache in the database
    svc = ctx.services.school.overview
    t = time.perf_counter()
    ov = svc.overview(leader, NOW)
    first = time.perf_counter() - t
    times = []
    sid, part = info["roster"][info["classes"][0]][0]  # json keeps lists
    k = info["skills"][0]
    for r in range(a.refreshes):
        with ctx.db.write() as s:
            for j in range(10):
                s.add(Attempt(student_id=sid, item_id=info["items"][k], skill_id=k, correct=True, response_ms=20_000,
                              at=NOW - 3600 + r * 60 + j, partition=part))  # fmt: skip
        t = time.perf_counter()
        again = svc.overview(leader, NOW)
        times.append(time.perf_counter() - t)
    added = again.school.months[-1].minutes - ov.school.months[-1].minutes
    with ctx.db.read() as s:
        n_attempts = raw_connection(s).execute("SELECT COUNT(*) FROM attempt").fetchone()[0]
        n_items = raw_connection(s).execute("SELECT COUNT(*) FROM item").fetchone()[0]
    ctx.close()
    print(json.dumps({
        "figure": "leader_view", "quick": a.quick, "classes": a.classes, "students_per_class": a.students,
        "answers": n_attempts, "items": n_items, "build_s": round(build_s, 1),
        "cold_first_build_ms": round(cold * 1000, 1), "first_open_ms": round(first * 1000, 1), "refresh_ms_median": round(statistics.median(times) * 1000, 1),
        "refresh_ms_max": round(max(times) * 1000, 1), "refreshes": len(times),
        "minutes_added_seen": round(added, 2), "minutes_added_expected": round(a.refreshes * 10 * 20_000 / 60_000, 2),
        "bars": {"first_open_ms": OPEN_BAR_S * 1000, "refresh_ms": REFRESH_BAR_S * 1000},
        "ok": first <= OPEN_BAR_S and max(times) <= REFRESH_BAR_S,
    }, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
