"""installer/check_bundle.py, the build's gate: size like du -sb, missing files and libraries, and
the self-test of whatever executable it is given."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_size_counts_each_file_once(check_bundle, tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 500)
    (tmp_path / "link").symlink_to("a")
    size = check_bundle.bundle_size(tmp_path)
    assert 1500 < size < 1500 + 3 * 4096 + 100  # files, folders and the link, not the link's target twice
    if shutil.which("du") and sys.platform.startswith("linux"):
        import subprocess

        assert size == int(
            subprocess.run(
                ["du", "-sb", str(tmp_path)], capture_output=True, text=True, check=True
            ).stdout.split()[0]
        )


def test_missing_files_are_reported(check_bundle, tmp_path):
    internal = tmp_path / "_internal"
    missing = check_bundle.missing_files(internal)
    assert "app/store/migrations/env.py" in missing
    assert any(m.startswith("resources/") for m in missing)
    for rel in missing:
        (internal / rel).parent.mkdir(parents=True, exist_ok=True)
        (internal / rel).write_text("")
    assert check_bundle.missing_files(internal) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX script as the executable")
def test_self_test_reports_time_and_failure(check_bundle, tmp_path):
    exe = tmp_path / "tessera"
    exe.write_text("#!/bin/sh\necho 'self-test passed in 0.5 s'\n")
    exe.chmod(0o755)
    run = check_bundle.self_test(exe, tmp_path / "data")
    assert run["returncode"] == 0 and run["inner_s"] == 0.5 and run["wall_s"] >= 0
    exe.write_text("#!/bin/sh\necho 'FAIL teacher screens' >&2\nexit 1\n")
    assert check_bundle.self_test(exe, tmp_path / "data")["returncode"] == 1


def test_main_fails_over_budget(check_bundle, tmp_path, capsys):
    bundle = tmp_path / "tessera"
    bundle.mkdir()
    exe = bundle / "tessera"
    exe.write_text("#!/bin/sh\necho 'self-test passed in 0.1 s'\n")
    exe.chmod(0o755)
    (bundle / "big").write_bytes(b"z" * 200_000)
    if not sys.platform.startswith("linux"):
        pytest.skip("POSIX script as the executable")
    code = check_bundle.main([str(bundle), "--budget-mb", "0.1"])
    out = capsys.readouterr().out
    assert code == 1 and "over the 0.1 MB budget" in out and '"selftest_cold_s"' in out
