"""Headless commands whose reader stops early (``python -m app info --json | head -1``) end
quietly: no traceback, whatever they were printing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from synchelp import seed

from app.sync.session import sync_once

REPO = Path(__file__).resolve().parents[2]


def _closed_reader(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    """Run ``python -m app ...`` with stdout a pipe whose reader has already gone."""
    env = {**os.environ, "TESSERA_POLICY_FILE": str(tmp_path / "no-policy.json")}
    env.update(PYTHONDONTWRITEBYTECODE="1", QT_QPA_PLATFORM="offscreen")
    read, write = os.pipe()
    os.close(read)  # like `| head -1` once it has its line (here: before the first one)
    try:
        cmd = [sys.executable, "-m", "app", *args]
        return subprocess.run(cmd, check=False, stdout=write, stderr=subprocess.PIPE, cwd=REPO, env=env,
                              timeout=120, text=True)  # fmt: skip
    finally:
        os.close(write)


@pytest.mark.skipif(os.name == "nt", reason="a closed pipe as on Linux and macOS")
@pytest.mark.parametrize("args", [["info", "--json"], ["info"], ["sync", "--json"], ["sync"]])
def test_a_reader_that_leaves_early_gets_no_traceback(make_db, share, tmp_path, args):
    db = make_db("a")
    seed(db, students=1)
    sync_once(db, share)
    data_dir = str(Path(db.path).parent)
    db.close()
    if args[0] == "sync":
        args = [*args, "--folder", str(share)]
    r = _closed_reader([*args, "--data-dir", data_dir], tmp_path)
    assert "Traceback" not in r.stderr and "BrokenPipeError" not in r.stderr, r.stderr
    assert r.returncode == 1  # quietly, and not "all well": the output did not all arrive
