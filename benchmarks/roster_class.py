"""Roster import of one class of 30 (OneRoster 1.2 bulk: a school, a teacher, 30 students) into an
empty data folder, then again (no change). Prints JSON. Goal: < 1 s for the import.

    python benchmarks/roster_class.py"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def main() -> None:
    from rostergen import write_district

    from app.bootstrap import open_context
    from app.people.actor import SYSTEM

    tmp = Path(tempfile.mkdtemp(prefix="tessera-class-bench-"))
    made = write_district(tmp / "class", schools=1, users=31, enrollments=31)
    ctx = open_context(tmp / "data")
    svc = ctx.services.roster_import
    t0 = time.perf_counter()
    plan = svc.preview(SYSTEM, tmp / "class")
    t1 = time.perf_counter()
    svc.apply(SYSTEM, tmp / "class")
    t2 = time.perf_counter()
    again = svc.apply(SYSTEM, tmp / "class")
    t3 = time.perf_counter()
    ctx.close()
    out = {
        "figure": "roster_class_of_30",
        "made": made,
        "preview_s": round(t1 - t0, 3),
        "import_s": round(t2 - t1, 3),
        "reimport_s": round(t3 - t2, 3),
        "created": plan.counts["created"],
        "reimport_changes": again.counts["created"] + again.counts["updated"] + again.counts["archived"],
        "goal_import_s": 1.0,
    }
    out["ok"] = out["import_s"] < 1.0
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
