"""The shape of the code, as JSON: long modules, long functions, the most complex blocks (radon),
imports that run up the floors and import circles (grimp). Run it before and after a restructuring:

    python scripts/code_figures.py [ROOT]      # ROOT: a checkout (default: this one)

Needs ``radon`` and ``grimp`` (import-linter brings grimp). The floors are those of
docs/architecture.md; a module outside every floor (``app.__main__``, ``app.config``...) is not counted.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

# Top to bottom; an import from a lower floor to a higher one "runs up".
FLOORS = [
    ["app.ui", "app.sync_cli", "app.interop_cli", "app.trust_cli"],
    ["app.trust_upgrade"],
    ["app.bootstrap", "app.demo"],
    ["app.planning", "app.interop"],
    ["app.evidence"],
    ["app.practice"],
    ["app.sync", "app.trust"],
    ["app.writing", "app.skills"],
    ["app.people"],
    ["app.store"],
    ["app.identity"],
    ["app.models"],
]


def floor_of(module: str) -> int | None:
    for i, names in enumerate(FLOORS):
        if any(module == n or module.startswith(n + ".") for n in names):
            return i
    return None


def long_functions(root: Path, limit: int = 60) -> list[tuple[str, int]]:
    out = []
    for path in sorted((root / "app").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > limit:
                    out.append((f"{path.relative_to(root)}:{node.name}", n))
    return sorted(out, key=lambda x: -x[1])


def long_modules(root: Path, limit: int = 400) -> list[tuple[str, int]]:
    out = []
    for path in sorted((root / "app").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > limit:
            out.append((str(path.relative_to(root)), n))
    return sorted(out, key=lambda x: -x[1])


def worst_blocks(root: Path, count: int = 10) -> list[dict]:
    raw = subprocess.run(
        [sys.executable, "-m", "radon", "cc", "-j", "-e", "app/store/migrations/*", "app"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    blocks = []
    for path, items in json.loads(raw).items():
        for b in items if isinstance(items, list) else []:
            blocks.append(
                {
                    "block": f"{path}:{b.get('classname', '') + '.' if b.get('classname') else ''}"
                    f"{b['name']}",
                    "cc": b["complexity"],
                    "grade": b["rank"],
                }
            )
    blocks.sort(key=lambda b: -b["cc"])
    return blocks[:count]


def import_graph(root: Path):
    sys.path.insert(0, str(root))
    import grimp

    return grimp.build_graph("app", cache_dir=None)


def arrows_up(graph) -> list[str]:
    out = set()
    for importer in graph.modules:
        low = floor_of(importer)
        if low is None:
            continue
        for imported in graph.find_modules_directly_imported_by(importer):
            high = floor_of(imported)
            if high is not None and high < low:
                out.add(f"{importer} -> {imported}")
    return sorted(out)


def circles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (every import counts, lazy ones too)."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # iterative Tarjan would be longer; the graph is a few hundred modules
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(out)


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    graph = import_graph(root)
    modules, functions = long_modules(root), long_functions(root)
    up, circ = arrows_up(graph), circles(graph)
    print(
        json.dumps(
            {
                "modules_over_400_lines": len(modules),
                "modules": modules,
                "functions_over_60_lines": len(functions),
                "functions": functions,
                "worst_10_blocks_radon_cc": worst_blocks(root),
                "arrows_up": len(up),
                "arrows_up_list": up,
                "circles": len(circ),
                "circles_list": circ,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
