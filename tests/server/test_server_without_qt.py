"""The server runs where PySide6 cannot be imported: a child Python in which any import of
PySide6 or shiboken6 fails creates a school, serves, and answers a device. (``.ci/run`` also
installs ``./server`` into a fresh venv that has no PySide6 at all and runs the same steps.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys, importlib.abc
class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("no Qt here")
        return None
sys.meta_path.insert(0, NoQt())
try:
    import PySide6  # noqa
    raise SystemExit("PySide6 imported")
except ImportError:
    pass
from tests.server.kit import ServerProc, SimDevice, approve, make_school
from tests.server.pgcluster import free_port
import uuid
target = sys.argv[1]
sid = make_school(target, ["row"])
from tessera_server.cli import main
assert main(["--data-dir", target, "school", "list"]) == 0
import threading, time, json, urllib.request, urllib.error
import uvicorn
from tessera_server.web import create_app
from tessera_server.db import url_for
port = free_port()
server = uvicorn.Server(uvicorn.Config(create_app(url_for(target)), host="127.0.0.1", port=port, log_level="warning"))
threading.Thread(target=server.run, daemon=True).start()
while not server.started:
    time.sleep(0.05)
assert json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health"))["ok"]
dev = SimDevice(f"http://127.0.0.1:{port}", sid, "lab")
dev.ask()
approve(target, sid, dev.device_id, "teacher", ["*"])
dev.load_cert()
dev.change("attempt", "a1", {"id": "a1", "student_id": "s"}, "row/c/s")
assert dev.push() == 1
server.should_exit = True
bad = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6") or m.startswith("app.ui")]
assert not bad, bad
print("ok")
"""


def test_server_imports_and_serves_without_pyside6(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "srv")], env=env, cwd=str(ROOT),
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip().endswith("ok")
