"""The MSI's lab service (issue 19 on Windows), checked by its tables: installer/windows/build_msi.sh
builds the package with wixl from a stand-in bundle, and check_msi.py's lab checks pass on it; the
same checks fail on the tables of the old package (Users: Modify on the lab folder, no service).
Installing it needs Windows: not tried here."""

from __future__ import annotations

import copy
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.lab import pipe

REPO = Path(__file__).resolve().parents[2]
OLD_ACL = (
    '/c mkdir "[DATADIR]." 2>nul & "[System64Folder]icacls.exe" "[DATADIR]." '
    "/grant *S-1-5-32-545:(OI)(CI)M /T /C /Q"
)


def _check_msi():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("lab_check_msi", REPO / "installer/windows/check_msi.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    if not (shutil.which("wixl") and shutil.which("msiinfo")):
        pytest.skip("needs wixl and msitools")
    root = tmp_path_factory.mktemp("msi")
    bundle = root / "bundle"
    for rel in ("tessera", "_internal/app/store/migrations/env.py", "_internal/resources/framework/default.json",
                "_internal/app/store/migrations/versions/0001_x.py", "_internal/PySide6/plugins/platforms/q.so"):  # fmt: skip
        (bundle / rel).parent.mkdir(parents=True, exist_ok=True)
        (bundle / rel).write_bytes(b"x")
    out = root / "tessera.msi"
    env = dict(os.environ, MSI_OUT=str(out), MSI_WORK=str(root / "work"), PYTHON=sys.executable)
    proc = subprocess.run(["bash", str(REPO / "installer/windows/build_msi.sh"), str(bundle)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lab_lines = [x for x in proc.stdout.splitlines() if "lab" in x.lower() or "service" in x.lower()]
    assert len(lab_lines) >= 12 and all(x.startswith("ok") for x in lab_lines), lab_lines
    return _check_msi().read_tables(out)


def _lab_results(check_msi, tables) -> dict[str, bool]:  # noqa: ANN001
    return {what: ok for ok, what in check_msi.check(*tables)}


def test_the_package_installs_the_service_and_keeps_the_folder_from_students(tables):
    check_msi = _check_msi()
    t, _summary = tables
    svc = next(r for r in t["ServiceInstall"] if r["Name"] == "TesseraLab")
    assert svc["StartName"] == "NT SERVICE\\TesseraLab"
    # The service's arguments are ones `tessera lab-service` takes.
    from app.lab import cli

    args = cli.parser().parse_args(svc["Arguments"].split()[1:])
    assert svc["Arguments"].split()[0] == "lab-service" and args.windows_service is True
    acl = next(a for a in t["CustomAction"] if "icacls" in a["Target"])["Target"]
    assert f"*{pipe.service_sid()}:(OI)(CI)M" in acl  # the SID the pipe's client trusts too
    assert check_msi.service_sid("TesseraLab") == pipe.service_sid()
    assert all(_lab_results(check_msi, tables).values())


def test_the_old_shared_folder_and_a_missing_service_fail_the_checks(tables):
    check_msi = _check_msi()
    old = copy.deepcopy(tables)
    next(a for a in old[0]["CustomAction"] if "icacls" in a["Target"])["Target"] = OLD_ACL
    failed = [what for what, ok in _lab_results(check_msi, old).items() if not ok]
    assert "lab data folder: nothing for Users, Everyone or students" in failed
    assert "lab data folder: SYSTEM and Administrators full, the service's account Modify" in failed

    no_service = copy.deepcopy(tables)
    no_service[0]["ServiceInstall"] = []
    assert "ServiceInstall row for TesseraLab" in [
        w for w, ok in _lab_results(check_msi, no_service).items() if not ok
    ]

    as_student = copy.deepcopy(tables)
    as_student[0]["ServiceInstall"][0]["StartName"] = "LocalSystem"
    as_student[0]["LockPermissions"] = [{"LockObject": "LabData", "Table": "CreateFolder", "Domain": "",
                                         "User": "Users", "Permission": "268435456"}]  # fmt: skip
    failed = [w for w, ok in _lab_results(check_msi, as_student).items() if not ok]
    assert "...as the virtual account NT SERVICE\\TesseraLab" in failed
    assert any(w.startswith("no LockPermissions row opens a folder to Users") for w in failed)

    always = copy.deepcopy(tables)
    for f in always[0]["Feature"]:
        f["Level"] = "1"
    assert "the service is its own feature, not installed by default" in [
        w for w, ok in _lab_results(check_msi, always).items() if not ok
    ]
