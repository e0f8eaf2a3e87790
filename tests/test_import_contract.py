"""The house rule: nothing below app/ui imports Qt."""

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [n for n in names if n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}]
    return found


def test_no_qt_outside_ui():
    offenders = {}
    for path in APP.rglob("*.py"):
        rel = path.relative_to(APP)
        if rel.parts[0] == "ui":
            continue
        hits = _qt_imports(path)
        if hits:
            offenders[str(rel)] = hits
    assert offenders == {}


def test_checker_notices_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert _qt_imports(bad) == ["PySide6.QtCore"]


def test_import_linter_contract():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extra"
    result = subprocess.run([exe], cwd=APP.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _contracts() -> list[dict]:
    import tomllib

    with open(APP.parent / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["tool"]["importlinter"]["contracts"]


def test_every_package_is_on_a_floor():
    """A new package has to choose its floor (docs/architecture.md) before the contract can hold it."""
    (layers,) = [c["layers"] for c in _contracts() if c["type"] == "layers"]
    on_floors = {name.strip() for floor in layers for name in re.split(r"[|:]", floor)}
    shared = {"app.config", "app.errors", "app.ids", "app.policy_sources", "app.i18n"}  # under every floor
    top = {f"app.{p.stem}" for p in APP.glob("*.py") if p.stem != "__init__"}
    top |= {f"app.{p.parent.name}" for p in APP.glob("*/__init__.py")}
    assert top - shared == on_floors


def test_the_floors_contract_refuses_an_import_that_runs_up(tmp_path):
    """The same kind of contract on a small package with one import up: lint-imports says no."""
    pkg = tmp_path / "house"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "upstairs.py").write_text("from house import downstairs\n")
    (pkg / "downstairs.py").write_text("def f():\n    from house import upstairs  # lazy, still up\n")
    (tmp_path / ".importlinter").write_text(
        "[importlinter]\nroot_package = house\n\n[importlinter:contract:floors]\nname = floors\n"
        "type = layers\nlayers =\n    house.upstairs\n    house.downstairs\n"
    )
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    result = subprocess.run(
        [exe, "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode != 0 and "house.downstairs -> house.upstairs" in result.stdout


def _cycles(package: str) -> list[list[str]]:
    """The import cycles among ``package``'s modules (imports for type checking and inside
    functions count): each a strongly connected group of two or more modules, sorted."""
    import grimp

    graph = grimp.build_graph(package.split(".")[0], cache_dir=None)
    mods = sorted(m for m in graph.modules if m == package or m.startswith(package + "."))
    inside = set(mods)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & inside) for m in mods}
    # Tarjan's strongly connected components, iteratively (no recursion limit to mind).
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in mods:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = len(index)
                stack.append(v)
                on_stack.add(v)
            if i < len(edges[v]):
                work.append((v, i + 1))
                w = edges[v][i]
                if w not in index:
                    work.append((w, 0))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            if low[v] == index[v]:
                group = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    group.append(w)
                    if w == v:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return sorted(found)


def test_sync_modules_import_one_way():
    """Inside app.sync no two modules import each other, even through others: the merge and the
    applying of received changes each run one way (state <- lookup <- records <- merger;
    apply_types <- intake, validation <- held <- apply)."""
    assert _cycles("app.sync") == []


def test_cycle_finder_notices_a_cycle(tmp_path, monkeypatch):
    pkg = tmp_path / "loop"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from loop import b\n")
    (pkg / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from loop import c\n")
    (pkg / "c.py").write_text("def f():\n    from loop import a  # lazy, still a cycle\n")
    (pkg / "d.py").write_text("from loop import a\n")  # imports into the cycle, is not part of it
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _cycles("loop") == [["loop.a", "loop.b", "loop.c"]]
