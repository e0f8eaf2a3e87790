"""Roster import figures for a district: a generated OneRoster 1.2 bulk file of 30 schools, 20,000 users
and 60,000 enrollments, previewed and imported into an empty data folder; then re-imported.

    python benchmarks/roster_district.py            # the full district
    python benchmarks/roster_district.py --quick    # 3 schools, 2,000 users, 6,000 enrollments

Prints JSON. Each phase runs in a child process so ``peak_rss_mb`` is that phase's own high-water
mark (VmHWM), Python and imports included. Goals: preview <= 10 s, import <= 30 s, peak <= 300 MB."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def _hwm_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def phase(kind: str, roster: str, data: str) -> dict:
    import resource

    from app.bootstrap import open_context
    from app.people.actor import SYSTEM

    ctx = open_context(data)
    svc = ctx.services.roster_import
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    plan = svc.preview(SYSTEM, roster) if kind == "preview" else svc.apply(SYSTEM, roster)
    secs = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    ctx.close()
    # CPU seconds (user + system) say how much work it was on a machine shared with other jobs
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return {
        "seconds": round(secs, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": _hwm_mb(),
        "counts": plan.counts,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--phase", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        print(json.dumps(phase(*args.phase)))
        return
    from rostergen import write_district

    size = (3, 2_000, 6_000) if args.quick else (30, 20_000, 60_000)
    tmp = Path(tempfile.mkdtemp(prefix="tessera-roster-bench-"))
    made = write_district(tmp / "district", *size)
    out = {"figure": "roster_district", "quick": args.quick, "district": made}
    data = tmp / "data"

    def run(kind: str) -> dict:
        r = subprocess.run(
            [sys.executable, __file__, "--phase", kind, str(tmp / "district"), str(data)],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(r.stdout.strip().splitlines()[-1])

    out["preview_empty_folder"] = run("preview")
    out["import_empty_folder"] = run("import")
    out["reimport_no_change"] = run("import")
    out["goals"] = {"preview_s": 10, "import_s": 30, "peak_rss_mb": 300}
    out["load_average"] = list(__import__("os").getloadavg())
    out["ok"] = (
        out["preview_empty_folder"]["seconds"] <= 10
        and out["import_empty_folder"]["seconds"] <= 30
        and max(out[k]["peak_rss_mb"] or 0 for k in ("preview_empty_folder", "import_empty_folder")) <= 300
    )
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
