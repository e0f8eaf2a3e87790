"""Real OS accounts for the lab tests: a service account that runs the Tessera lab service, and two
students who use it. Root only (``useradd``); skipped with the reason otherwise. Accounts and folders
are removed afterwards."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HELPER = Path(__file__).with_name("as_student.py")


@dataclass
class Lab:
    base: Path
    data: Path
    share: Path
    socket: Path
    service_user: str
    students: tuple[str, str]
    service: subprocess.Popen
    log: Path
    runuser_ok: bool = True  # runuser (PAM) can start this interpreter as a student (see _probe_runuser)

    def run_as(self, user: str, cmd: str, arg: dict, via: str = "setpriv") -> dict:
        """The helper script as ``user`` (setpriv, or runuser as an admin would), its JSON back."""
        py = [sys.executable, "-B", str(HELPER), cmd, json.dumps(arg)]
        if via == "runuser" and self.runuser_ok:
            argv = ["runuser", "-u", user, "--", *py]
        else:
            argv = ["setpriv", "--reuid", user, "--regid", user, "--init-groups", "--", *py]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/nonexistent", "LANG": "C.UTF-8",
               "TESSERA_POLICY_FILE": str(self.base / "policy.json"), "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
        out = subprocess.run(argv, env=env, cwd="/", capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, f"{user} {cmd} failed:\n{out.stderr[-3000:]}\nservice log:\n{self.tail()}"
        return json.loads(out.stdout.strip().splitlines()[-1])

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""


def _skip_reason() -> str | None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root to make OS accounts (useradd)"
    for tool in ("useradd", "userdel", "setpriv", "runuser"):
        if shutil.which(tool) is None:
            return f"needs {tool} (util-linux / passwd)"
    return None


def _useradd(name: str) -> None:
    subprocess.run(["useradd", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", name],
                   check=True, capture_output=True)  # fmt: skip


def _probe_runuser(user: str) -> bool:
    """runuser goes through PAM and, on some hosts, cannot start an interpreter kept under /root
    (pyenv) that setpriv can; the tests then use setpriv for both students."""
    probe = subprocess.run(["runuser", "-u", user, "--", sys.executable, "-c", "pass"], capture_output=True)
    return probe.returncode == 0


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Lab:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    tag = f"{os.getpid() % 100000}"
    svc, s1, s2 = f"tsvc{tag}", f"tsta{tag}", f"tstb{tag}"
    made: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="tessera-lab-"))
    service = None
    try:
        for name in (svc, s1, s2):
            _useradd(name)
            made.append(name)
        probe = subprocess.run(["setpriv", "--reuid", s1, "--regid", s1, "--init-groups", "--", sys.executable,
                                "-c", "import app.lab.client"], cwd="/", capture_output=True, text=True)  # fmt: skip
        if probe.returncode != 0:
            pytest.skip(
                f"this checkout or its Python cannot be run by another account: {probe.stderr[-300:]}"
            )
        os.chmod(base, 0o755)  # like /var/lib: anyone may pass through, the data folder is the service's
        data, run, share = base / "data", base / "run", base / "share"
        for folder, mode in ((data, 0o700), (run, 0o755), (share, 0o700)):
            folder.mkdir()
            shutil.chown(folder, svc, svc)
            os.chmod(folder, mode)
        policy = base / "policy.json"
        policy.write_text(json.dumps({"lab_mode": True, "sync_folder": str(share)}))
        os.chmod(policy, 0o644)
        log = tmp_path_factory.mktemp("lab-service") / "service.log"  # root's, not the students'
        sock = run / "lab.sock"
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(data), "LANG": "C.UTF-8",
               "TESSERA_POLICY_FILE": str(policy), "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
        # TESSERA_LAB_SERVICE_EXE=dist/tessera/tessera runs the built bundle, as the systemd unit does.
        exe = os.environ.get("TESSERA_LAB_SERVICE_EXE")
        program = [str(Path(exe).resolve())] if exe else [sys.executable, "-m", "app"]
        argv = ["setpriv", "--reuid", svc, "--regid", svc, "--init-groups", "--", *program,
                "lab-service", "--data-dir", str(data), "--socket", str(sock), "--demo"]  # fmt: skip
        with open(log, "wb") as out:
            service = subprocess.Popen(argv, cwd=str(REPO), env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.time() + 300
        while time.time() < deadline:
            assert service.poll() is None, f"the lab service stopped:\n{log.read_text()[-3000:]}"
            if sock.exists():
                try:
                    with socket.socket(socket.AF_UNIX) as probe:
                        probe.connect(str(sock))
                    break
                except OSError:
                    pass
            time.sleep(0.3)
        else:
            pytest.fail(f"the lab service did not start:\n{log.read_text()[-3000:]}")
        yield Lab(base, data, share, sock, svc, (s1, s2), service, log, _probe_runuser(s2))
    finally:
        if service is not None:
            service.terminate()
            try:
                service.wait(30)
            except subprocess.TimeoutExpired:
                service.kill()
        for name in made:
            subprocess.run(["userdel", "--force", name], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
