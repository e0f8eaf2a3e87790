"""The macOS recipe (installer/macos/lab/): the launchd daemon runs the lab service the way the
two-account tests run it on Linux (its own account, umask 077, a data folder only it can open, the
socket where the app looks for it), with a command line the app takes. Not tried on a Mac."""

from __future__ import annotations

import plistlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.lab import cli
from app.lab.client import DEFAULT_SOCKET

LAB = Path(__file__).resolve().parents[2] / "installer" / "macos" / "lab"


def _plist() -> dict:
    return plistlib.loads((LAB / "org.tessera.lab.plist").read_bytes())


def test_the_daemon_runs_the_service_under_its_own_account_with_private_files():
    p = _plist()
    assert p["Label"] == "org.tessera.lab" and p["UserName"] == p["GroupName"] == "_tessera"
    assert p["Umask"] == 0o077 and p["RunAtLoad"] is True
    argv = p["ProgramArguments"]
    assert argv[0] == "/Applications/Tessera.app/Contents/MacOS/Tessera"
    args = cli.parser().parse_args(argv[2:])
    assert argv[1] == "lab-service" and not args.windows_service
    assert args.socket == DEFAULT_SOCKET["darwin"]  # where the app looks for it
    assert len(args.socket.encode()) < 104  # macOS's limit for a Unix socket's path
    assert p["StandardErrorPath"].startswith(args.data_dir + "/")  # its log stays in its own folder


def test_the_install_script_makes_the_folders_the_daemon_names():
    script = (LAB / "install_lab_service.sh").read_text()
    p = _plist()
    args = cli.parser().parse_args(p["ProgramArguments"][2:])
    base = re.search(r'^BASE="([^"]+)"', script, re.M).group(1)
    assert args.data_dir == f"{base}/Lab" and str(Path(args.socket).parent) == f"{base}/Run"
    assert 'install -d -m 0700 -o "$ACCOUNT" -g "$ACCOUNT" "$BASE/Lab"' in script
    assert (
        'install -d -m 0755 -o "$ACCOUNT" -g "$ACCOUNT" "$BASE/Run"' in script
    )  # others cannot plant a socket
    assert "ACCOUNT=_tessera" in script and "IsHidden 1" in script and "UserShell /usr/bin/false" in script


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_install_script_is_valid_bash_and_refuses_without_root(tmp_path):
    script = LAB / "install_lab_service.sh"
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0
    import os

    if os.geteuid() != 0:
        out = subprocess.run(["bash", str(script)], capture_output=True, text=True)
        assert out.returncode == 2 and "sudo" in out.stderr
    else:  # as root on Linux: it stops at the missing app, before touching accounts or folders
        out = subprocess.run(
            ["bash", str(script), str(tmp_path / "Nope.app")], capture_output=True, text=True
        )
        assert out.returncode == 2 and "no Tessera at" in out.stderr
