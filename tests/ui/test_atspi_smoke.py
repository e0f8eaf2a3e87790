"""Over the real accessibility bus: Tessera under Xvfb with AT-SPI on, driven by tests/ui/atspi_driver.py
(role and accessible name only) to sign a student in and answer one practice question.

Needs Xvfb, dbus-run-session, at-spi2-core and the system Python's pyatspi (.ci/run installs them:
xvfb dbus-x11 at-spi2-core python3-pyatspi). Skips, saying which is missing, where they are not."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")


def _missing() -> str:
    if not sys.platform.startswith("linux"):
        return "AT-SPI is Linux's accessibility bus"
    for tool, package in (("Xvfb", "xvfb"), ("dbus-run-session", "dbus")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install {package})"
    if not any(Path(p).exists() for p in BUS_LAUNCHERS):
        return "at-spi-bus-launcher is not installed (apt-get install at-spi2-core)"
    probe = subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        return "the system Python has no pyatspi (apt-get install python3-pyatspi)"
    return ""


SCRIPT = r"""
set -u
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$WORK/display")"
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
unset QT_QPA_PLATFORM
dbus-run-session -- bash -c '
"$BUS_LAUNCHER" --launch-immediately >"$WORK/bus.log" 2>&1 &
"$APP_PYTHON" -m app --data-dir "$WORK/data" >"$WORK/app.log" 2>&1 &
APP=$!
/usr/bin/python3 "$DRIVER"
CODE=$?
kill $APP 2>/dev/null; wait $APP 2>/dev/null
exit $CODE
'
CODE=$?
kill $XVFB 2>/dev/null
exit $CODE
"""


@pytest.mark.skipif(bool(_missing()), reason=_missing() or "AT-SPI ready")
def test_a_student_signs_in_and_answers_by_role_and_name(demo_template, tmp_path):
    src, _info = demo_template
    (tmp_path / "data").mkdir()
    shutil.copy2(src / "tessera.db", tmp_path / "data" / "tessera.db")
    env = {
        **os.environ,
        "WORK": str(tmp_path),
        "APP_PYTHON": sys.executable,
        "DRIVER": str(HERE / "atspi_driver.py"),
        "BUS_LAUNCHER": next(p for p in BUS_LAUNCHERS if Path(p).exists()),
        "TESSERA_POLICY_FILE": str(tmp_path / "no-policy.json"),
        "PYTHONPATH": str(ROOT),
    }
    run = subprocess.run(
        ["bash", "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=400
    )
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith("{")]
    app_log = (
        (tmp_path / "app.log").read_text(errors="replace")[-2000:] if (tmp_path / "app.log").exists() else ""
    )
    assert lines, f"the driver said nothing: {run.stdout[-1000:]} {run.stderr[-1000:]} app: {app_log}"
    result = json.loads(lines[-1])
    assert result["ok"], f"{result} app: {app_log}"
    assert result["student"] and result["question"].strip()
    assert result["feedback"].strip()  # the verdict after checking, read from the Feedback label
