"""Roster "Needs attention" figure: how fast ``AttentionService.class_attention`` (stuck in practice,
plan behind, essays to read) answers for a class with a school year of data.

    python benchmarks/attention.py [--quick] [--students 40] [--attempts 35000] [--repeat 100] [--data-dir DIR]

Uses the class that benchmarks/home.py builds (40 students, 35,000 attempts each, 1.4 million in all;
plans of three goals, twenty writing tasks); ``--data-dir`` shared with home.py reuses that class.
Times the call as the roster makes it (the app's services, so the plan overview's weekly minutes are
remembered between refreshes) and cold (fresh services each call), and prints JSON with p50 and p95.
Bar: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from home import MARKER, build, timed

from app.bootstrap import open_context
from app.people.actor import Actor
from app.planning.attention import AttentionService, attention_counts
from app.planning.plans import PlanService

BAR_MS = 100


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--attempts", type=int, default=35_000, help="per student")
    ap.add_argument("--repeat", type=int, default=100)
    ap.add_argument("--data-dir", default="")
    args = ap.parse_args()
    folder = Path(args.data_dir or tempfile.mkdtemp(prefix="tessera-bench-attention-"))
    ctx = open_context(folder)
    marker = folder / MARKER
    build_s = 0.0
    if marker.exists():
        ids = json.loads(marker.read_text())
    else:
        t = time.perf_counter()
        ids = build(ctx, args.students, 1000 if args.quick else args.attempts)
        build_s = round(time.perf_counter() - t, 1)
        marker.write_text(json.dumps(ids))
    teacher = Actor(ids["teacher"], "teacher", ids["school"], "Bea Bench")
    service = ctx.services.attention
    found = service.class_attention(teacher, ids["class"])
    warm = timed(lambda i: service.class_attention(teacher, ids["class"]), args.repeat)
    cold = timed(
        lambda i: AttentionService(ctx.db, PlanService(ctx.db)).class_attention(teacher, ids["class"]),
        max(20, args.repeat // 4),
    )
    stuck, behind, essays = attention_counts(found)
    counts = ctx.db.table_counts()
    result = {
        "figure": "roster needs-attention latency",
        "students": len(found),
        "attempts": counts["attempt"],
        "class_attention_ms": warm,
        "class_attention_cold_ms": cold,
        "found": {"stuck": stuck, "plans_behind": behind, "essays_to_read": essays},
        "bar_p95_ms": BAR_MS,
        "pass": warm["p95"] <= BAR_MS,
        "pass_cold": cold["p95"] <= BAR_MS,
        "load_average": round(os.getloadavg()[0], 2),
        "build_s": build_s,
        "data_dir": str(folder),
        "quick": args.quick,
    }
    ctx.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
