"""The checks that keep the code in shape run with the tests: ruff's lint rules (pyproject.toml) over
app/ and tests/, and mypy in basic mode over app/ (its relaxations, each with its reason, are in
pyproject.toml). The import contracts run in test_import_contract.py."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent))
    assert exe, f"{name} is part of the test extra (pip install -e '.[test]')"
    return exe


def test_ruff_check_passes():
    result = subprocess.run(
        [_tool("ruff"), "check", "app", "tests", "benchmarks", "scripts", "tessera_server"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_the_code_as_it_is():
    """The code is in ruff's format (reformatted once; a change that is not fails here)."""
    result = subprocess.run(
        [_tool("ruff"), "format", "--check", "app", "tests", "benchmarks", "scripts", "tessera_server"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes_over_app():
    result = subprocess.run([_tool("mypy"), "--no-incremental"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr
