"""The MSI: the generated file list, the table checker, and (where msitools' wixl is installed) a
real package built by installer/windows/build_msi.sh from a small stand-in bundle."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.config import BUILTIN

REPO = Path(__file__).resolve().parents[2]
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]{0,71}$")


def fake_bundle(root: Path) -> Path:
    """The shape of a PyInstaller one-dir bundle, with the files the checks look for."""
    b = root / "bundle"
    files = {
        "tessera": b"\x7fELF launcher",
        "_internal/base_library.zip": b"zip",
        "_internal/app/store/migrations/env.py": b"# env",
        "_internal/app/store/migrations/script.py.mako": b"mako",
        "_internal/app/store/migrations/versions/0001_initial_schema.py": b"# 1",
        "_internal/resources/framework/default.json": b"{}",
        "_internal/PySide6/Qt/plugins/platforms/libqxcb.so": b"plugin",
        "_internal/PySide6/Qt/lib/libQt6Core.so.6": b"core",
        "_internal/a file with spaces & ampersand.txt": b"x",
    }
    for rel, data in files.items():
        (b / rel).parent.mkdir(parents=True, exist_ok=True)
        (b / rel).write_bytes(data)
    (b / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    return b


def test_file_list_components(file_list, tmp_path):
    bundle = fake_bundle(tmp_path)
    files, links = file_list.collect(bundle)
    assert links == 1 and "tessera" not in files and len(files) == 8
    xml = file_list.render(files)
    root = ET.fromstring(xml)
    comps = root.findall(f".//{WIX}Component")
    assert len(comps) == len(files)
    refs = [r.get("Id") for r in root.findall(f".//{WIX}ComponentGroup[@Id='BundleFiles']/{WIX}ComponentRef")]
    assert refs == [c.get("Id") for c in comps]
    for comp in comps:
        f = comp.find(f"{WIX}File")
        assert IDENT.match(comp.get("Id")) and IDENT.match(f.get("Id"))
        assert comp.get("Win64") == "yes" and f.get("KeyPath") == "yes"
        assert f.get("Source").startswith("$(var.SourceDir)/")
        uuid.UUID(comp.get("Guid"))
    names = {f.get("Name") for f in root.iter(f"{WIX}File")}
    assert "a file with spaces & ampersand.txt" in names
    # the same path always gets the same component GUID (upgrades rely on it)
    assert file_list.render(files) == xml
    dirs = {d.get("Name") for d in root.iter(f"{WIX}Directory")}
    assert {"_internal", "app", "store", "migrations", "versions", "PySide6", "platforms"} <= dirs


def test_checker_property_names_are_tessera_settings(check_msi):
    assert set(check_msi.PROPERTIES.values()) <= set(BUILTIN)


def test_wxs_writes_every_property_the_checker_expects(check_msi):
    text = (REPO / "installer/windows/tessera.wxs").read_text(encoding="utf-8")
    for prop, name in check_msi.PROPERTIES.items():
        assert f'Name="{name}" Type="string" Value="[{prop}]"' in text
    assert check_msi.UPGRADE_CODE.strip("{}") in text


def test_checker_catches_a_missing_policy_value(check_msi):
    tables = {
        "Property": [{"Property": "ProductName", "Value": "Tessera"}],
        "Registry": [
            {
                "Registry": "r1",
                "Root": "2",
                "Key": check_msi.POLICY_KEY,
                "Name": "server_url",
                "Value": "[SERVERURL]",
                "Component_": "Policy",
            },
        ],
        "Component": [{"Component": "Policy", "Directory_": "INSTALLDIR", "Attributes": "260"}],
    }
    results = {what: ok for ok, what in check_msi.check(tables, {"Template": "x64;1033"})}
    assert results["SERVERURL -> HKLM\\SOFTWARE\\Policies\\Tessera\\server_url"]
    assert results["server_url written to the 64-bit registry view"]
    assert not results["LABMODE -> HKLM\\SOFTWARE\\Policies\\Tessera\\lab_mode"]
    assert not results["per-machine package (ALLUSERS=1)"]


@pytest.mark.skipif(not (shutil.which("wixl") and shutil.which("msiinfo")), reason="needs wixl and msitools")
def test_build_msi_script_builds_and_checks_a_package(tmp_path, check_msi):
    bundle = fake_bundle(tmp_path)
    out = tmp_path / "tessera.msi"
    env = dict(os.environ, MSI_OUT=str(out), MSI_WORK=str(tmp_path / "work"), PYTHON=sys.executable)
    proc = subprocess.run(
        ["bash", str(REPO / "installer/windows/build_msi.sh"), str(bundle)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "FAIL" not in proc.stdout and out.is_file()
    tables, _summary = check_msi.read_tables(out)
    paths = set(check_msi.installed_paths(tables).values())
    assert "tessera.exe" in paths and "_internal/a file with spaces & ampersand.txt" in paths
    assert not (REPO / "Icon").exists()  # msiinfo's icon export stays out of the repository
