"""Writing checks: how fast, and how much memory.

    .venv/bin/python benchmarks/writing_speed.py

- dictionary ready: seconds from nothing to a loaded speller (import included), in this fresh process;
- memory: resident memory added by importing and loading the engine and checking the essay;
- full check: a ~600-word student essay (with the usual slips) checked by a new Checker with the
  speller's correction cache emptied each time, after one warm-up check of another text (median, max);
- re-check after one edit: the essay checked once, then one word changed in one sentence (median, max).
Times are wall-clock and, in brackets of their own keys, CPU time of this process: on a busy shared
machine the CPU figure is the fairer one. Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ESSAY = """Should Students Wear School Uniforms?

Every morning, millions of students around the world put on a school uniform before they leave home. Some people think uniforms are a great idea, while others believe they take away a student's freedom. In my opinion, schools should not make uniforms compulsory, because the disadvantages are bigger than the advantages. In this essay I will explain my reasons and look at the other side too.

First, uniforms cost a lot of money. A full uniform with a blazer, shirts, trousers and special shoes can be very expensive, and families with several children have to buy many sets. My neighbour has four kids and she told me that uniforms cost her more then their books. Ordinary clothes are cheaper because families can buy them anywhere, and children can wear them at the weekend as well. If a school really wants everyone to look tidy, it could set a simple dress code instead of a full uniform.

Second, clothes are one way that young people show who they are. When I choose what to wear, I am telling other people something about my personality and my interests. Teenagers are still finding out who they are, and taking away this choice can make them feel that adults do not trust them. Some students say that they feel more confident in their own clothes, and confident students often speak up more in class. It is hard to be creative when everybody looks exactly the same.

On the other hand, there are some good arguments for uniforms. Supporters say that uniforms stop bullying about expensive brands, because nobody can show off designer clothes. They also say that uniforms save time in the morning and help students focus on learning instead of fashion. These points are important, and I agree that bullying is a serious problem. However, I do not think uniforms really solve it. Bullies can always find something else to pick on, like shoes, bags, phones or hairstyles. A better solution is to teach respect and to deal with bullying directly.

Another argument is that uniforms make a school look smart and give students a sense of belonging. It is true that a team feels stronger when everyone wears the same shirt. But a school is not a football team, and belonging comes from good teachers, friendly classmates and interesting lessons, not from a tie. At my last school we did not have uniforms, and I still felt proud to be a student there because the teachers cared about us and the activities were fun.

Finally, uniforms can be uncomfortable. Many uniforms are made from cheap material that is too hot in summer and too cold in winter. Students cannot concentrate when they are sweating in a thick jumper or shivering in a thin skirt. Ordinary clothes let students dress for the weather and for their own bodies, which matters a lot during long school days. Comfortable students are happier, and happy students learn better. In a survey at my school, most students said they would feel more relaxed in their own clothes, and many teachers agreed that a relaxed class is easier to teach.

In conclusion, I believe schools should let students wear their own clothes with a simple dress code. Uniforms are expensive, they limit self-expression and they are often uncomfortable, while the problems they are meant to fix can be solved in better ways. Schools should trust their students to make sensible choices about what to wear. If they do, students will feel respected, and a school where students feel respected is a school where everyone can learn.
"""

# Slips a student makes, spread through the essay (typos, agreement, capitals).
SLIPS = [
    ("millions of students", "millions of studnets"),
    ("great idea", "grate idea"),
    ("expensive, and families", "expensiv, and families"),
    ("personality", "personallity"),
    ("confident students", "confidant students"),
    ("bullying directly", "bulying directly"),
    ("because the teachers", "becuase the teachers"),
    ("uncomfortable. Many", "uncomfortable. many"),
    ("Students cannot concentrate", "Students cannot concentrait"),
    ("She told me", "She told me"),
    ("it could set", "it could sets"),
    ("they are meant", "they is meant"),
    ("which matters", "wich matters"),
]


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak so far."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        return int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def main() -> None:
    rss_before = rss_mb()
    started = time.perf_counter()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from app.writing.checks import Checker, load_speller

    speller = load_speller()
    load_seconds = time.perf_counter() - started

    essay = ESSAY
    for right, wrong in SLIPS:
        essay = essay.replace(right, wrong, 1)
    words = len(essay.split())

    warm_up = "Ths is a short warm-up text. it have a few slips, and we check it once befor timing."
    Checker().check(warm_up)

    full, full_cpu = [], []
    for _ in range(9):
        speller.clear_cache()
        checker = Checker()
        t0, c0 = time.perf_counter(), time.process_time()
        result = checker.check(essay)
        full.append(1000 * (time.perf_counter() - t0))
        full_cpu.append(1000 * (time.process_time() - c0))
    rss_after = rss_mb()

    checker = Checker()
    checker.check(essay)
    cached = []
    for _ in range(5):
        t0 = time.perf_counter()
        checker.check(essay)
        cached.append(1000 * (time.perf_counter() - t0))

    edits, edits_cpu = [], []
    text = essay
    for old, new in [
        ("money", "mony"),
        ("trust", "trusts"),
        ("fashion", "fashoin"),
        ("tidy", "tidy and neat"),
        ("shoes", "shoos"),
        ("fun", "funn"),
        ("winter", "wintr"),
        ("respect", "respekt"),
        ("phones", "phone"),
        ("weather", "wether"),
    ]:
        text = text.replace(old, new, 1)
        t0, c0 = time.perf_counter(), time.process_time()
        checker.check(text)
        edits.append(1000 * (time.perf_counter() - t0))
        edits_cpu.append(1000 * (time.process_time() - c0))

    print(
        json.dumps(
            {
                "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
                "cores": os.cpu_count(),
                "essay_words": words,
                "essay_findings": len(result.findings),
                "dictionary_ready_seconds": round(load_seconds, 3),
                "memory_added_mb": round(rss_after - rss_before, 1),
                "full_check_ms_median": round(statistics.median(full), 1),
                "full_check_ms_min": round(min(full), 1),
                "full_check_ms_max": round(max(full), 1),
                "full_check_cpu_ms_median": round(statistics.median(full_cpu), 1),
                "recheck_after_edit_ms_median": round(statistics.median(edits), 2),
                "recheck_after_edit_ms_max": round(max(edits), 2),
                "recheck_after_edit_cpu_ms_median": round(statistics.median(edits_cpu), 2),
                "unchanged_recheck_ms_median": round(statistics.median(cached), 2),
                "goals": {
                    "full_check_ms": 50,
                    "recheck_ms": 15,
                    "dictionary_ready_seconds": 1.5,
                    "memory_added_mb": 100,
                },
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
