"""The Linux recipe's unit file (installer/linux/tessera-lab.service) runs the service the way the
two-account tests run it: as its own account, with the data folder 0700, a umask of 077, the socket in
a folder anyone may connect through, and the lab service command line the app understands."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

from app.__main__ import main

UNIT = Path(__file__).resolve().parents[2] / "installer" / "linux" / "tessera-lab.service"


def _unit() -> configparser.ConfigParser:
    cp = configparser.ConfigParser(strict=False, interpolation=None)
    cp.optionxform = str  # systemd keys are case-sensitive
    cp.read(UNIT)
    return cp


def test_the_unit_runs_the_service_under_its_own_account_with_private_files():
    svc = _unit()["Service"]
    assert svc["User"] == "tessera" and svc["Group"] == "tessera"
    assert svc["UMask"] == "0077" and svc["StateDirectoryMode"] == "0700"
    assert svc["RuntimeDirectoryMode"] == "0755" and svc["NoNewPrivileges"] == "yes"
    argv = shlex.split(svc["ExecStart"])
    assert argv[1:] == ["lab-service", "--data-dir", "/var/lib/tessera", "--socket", "/run/tessera/lab.sock"]
    assert "/var/lib/tessera" in svc["ReadWritePaths"]
    assert _unit()["Install"]["WantedBy"] == "multi-user.target"


def test_the_units_command_line_is_one_the_app_takes(capsys):
    try:
        main(["lab-service", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert "--data-dir" in out and "--socket" in out
