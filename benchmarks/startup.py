"""Startup figure: process start -> main window shown with the demo class, against a bare PySide6
main window started the same way (median of N runs, as a ratio); and the memory of the app idle on
the teacher's roster with the demo class.

    python benchmarks/startup.py [--runs 7] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1180, 760); w.show()
QTimer.singleShot(0, lambda: (print("TESSERA_SHOWN", flush=True), app.quit()))
app.exec()
"""


def time_until_shown(cmd: list[str], env: dict) -> tuple[float, float, list[str]]:
    """(seconds to window on screen, seconds to class shown (or to exit for the bare window), lines)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT
    )
    lines, shown, ready = [], None, None
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith("TESSERA_SHOWN") and shown is None:
            shown = time.perf_counter() - t0
        if line.startswith("TESSERA_READY") and ready is None:
            ready = time.perf_counter() - t0
    proc.wait(timeout=120)
    if shown is None:
        raise RuntimeError(f"never shown: {cmd}")
    return shown, ready or shown, lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--data-dir", help="a data folder with the demo class (made if missing)")
    args = ap.parse_args()
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="tessera-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if not (Path(data_dir) / "tessera.db").exists():
        subprocess.run(
            [sys.executable, "-m", "app", "demo", "--data-dir", data_dir],
            check=True,
            cwd=ROOT,
            env=env,
            capture_output=True,
        )
    # An installed Tessera has its bytecode (pip and PyInstaller compile it); a source checkout
    # run with PYTHONDONTWRITEBYTECODE would compile every module at each start instead.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "app")], check=True, capture_output=True
    )
    app_cmd = [sys.executable, "-m", "app", "--data-dir", data_dir]
    bare_cmd = [sys.executable, "-c", BARE]
    app_env = dict(env, TESSERA_BENCH="shown")
    # one warm-up each so both read from a warm file cache
    time_until_shown(app_cmd, app_env)
    time_until_shown(bare_cmd, env)
    app_times, ready_times, bare_times = [], [], []
    for _ in range(args.runs):
        shown, ready, _ = time_until_shown(app_cmd, app_env)
        app_times.append(shown)
        ready_times.append(ready)
        bare_times.append(time_until_shown(bare_cmd, env)[0])
    _, _, lines = time_until_shown(app_cmd, dict(env, TESSERA_BENCH="roster"))
    rss = next((line.split() for line in lines if line.startswith("TESSERA_RSS_KB")), ["", "0", "0"])
    app_med, bare_med = statistics.median(app_times), statistics.median(bare_times)
    ready_med = statistics.median(ready_times)
    print(
        json.dumps(
            {
                "figure": "startup",
                "runs": args.runs,
                "app_window_shown_median_s": round(app_med, 3),
                "app_class_shown_median_s": round(ready_med, 3),
                "bare_pyside6_median_s": round(bare_med, 3),
                "ratio": round(app_med / bare_med, 2),
                "ratio_class_shown": round(ready_med / bare_med, 2),
                "goal_ratio": 1.5,
                "app_window_shown_s": [round(t, 3) for t in app_times],
                "bare_pyside6_s": [round(t, 3) for t in bare_times],
                "idle_roster_rss_mb": round(int(rss[1]) / 1024, 1),
                "idle_roster_peak_rss_mb": round(int(rss[2]) / 1024, 1),
                "goal_rss_mb": 150,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
