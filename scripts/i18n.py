"""Tessera's translation catalogue: ``python scripts/i18n.py update|release|check``.

- ``update``: collect every string to translate into ``resources/translations/tessera_es.ts`` with
  pyside6-lupdate: the UI's ``tr``/``translate`` calls, and the sentences built below the UI with
  ``app.i18n._``/``N_`` (found here with Python's ast and handed to lupdate as generated
  ``QCoreApplication.translate("Tessera", ...)`` calls in a temporary file). Translations already
  in the catalogue are kept; strings no longer in the code are dropped.
- ``release``: compile ``tessera_es.qm`` with pyside6-lrelease (checked in, so ``pip install -e .``
  and the PyInstaller bundle need no build step).
- ``check``: exit 1 if ``update`` would change the catalogue, an entry is unfinished, or the ``.qm``
  is older than the ``.ts`` (tests/ui/test_catalogue.py runs the same checks).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "resources" / "translations" / "tessera_es.ts"
CONTEXT = "Tessera"  # app.i18n.CONTEXT


def tool(name: str) -> str:
    """A Qt tool from the PySide6 wheel, beside the running Python (the venv) or on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


# UI helpers that take an accessible name as a literal and translate it at run time (``owner.tr(name)``,
# ``translate("PracticePage", name)``...), where lupdate cannot see it: the position of that argument
# (or its keyword ``name=``). The name is found by its source text whatever the context asking
# (app/ui/language.py: BySourceTranslator), so the literal at the call site is the mark.
NAME_ARGS = {
    "button": 2,  # app/ui/widgets/common.py: button(owner, text, name, slot)
    "_button": 1,  # the pages' and the interop menus' self._button(text, name[, slot])
    "_label": 1,  # PracticePage, WritingPage: _label(text, name, role)
    "_count": 0,  # WritingTaskDialog: _count(name, value)
    "empty_note": 1,  # EmptyNote: empty_note(text, name)
    "WritingEditor": 0,
    "TrendChart": 0,
    "ScalePicker": 2,  # ScalePicker(kind, words, name)
    "_table": 0,  # the school pages' tables: _table(name, headers)
}


def _name_literal(node: ast.Call, name: str) -> ast.Constant | None:
    pos = NAME_ARGS.get(name)
    if pos is None:
        return None
    arg = next((k.value for k in node.keywords if k.arg == "name"), None)
    if arg is None and len(node.args) > pos:
        arg = node.args[pos]
    return arg if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value else None


def marked_strings(root: Path = REPO / "app") -> list[tuple[str, bool]]:
    """(text, is_plural) for every literal passed to ``_`` or ``N_`` (below the UI, and in the UI for
    labels kept in tables), to ``tr`` inside an f-string, which lupdate does not read, and the
    accessible names given to the helpers in ``NAME_ARGS``."""
    out: list[tuple[str, bool]] = []
    seen: set[tuple[str, bool]] = set()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else ""
            attr = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            wanted = name in ("_", "N_") or (attr == "tr" and id(node) in in_fstring)
            # a module's own ``tr(text[, n])`` (chart_text.py's "ChartText"), which lupdate does not read
            wanted = wanted or (name == "tr" and "ui" in path.relative_to(root).parts)
            named = _name_literal(node, name or attr) if "ui" in path.relative_to(root).parts else None
            if named is not None and (named.value, False) not in seen:
                seen.add((named.value, False))
                out.append((named.value, False))
            if (
                wanted
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                plural = any(k.arg == "n" for k in node.keywords) or len(node.args) > (
                    1 if name == "tr" else 2
                )
                key = (node.args[0].value, plural)
                if key not in seen:
                    seen.add(key)
                    out.append(key)
    return out


def ui_sources(root: Path = REPO / "app" / "ui") -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _marked_file(folder: Path) -> Path:
    lines = ["from PySide6.QtCore import QCoreApplication", "", "", "def marked() -> None:"]
    for text, plural in marked_strings():
        extra = ", None, 1" if plural else ""
        lines.append(f"    QCoreApplication.translate({CONTEXT!r}, {text!r}{extra})")
    path = folder / "below_the_ui.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def update(ts: Path = TS) -> None:
    """Bring ``ts`` up to date with the code (keeps existing translations, drops vanished strings)."""
    with tempfile.TemporaryDirectory() as tmp:
        files = [str(p) for p in ui_sources()] + [str(_marked_file(Path(tmp)))]
        listing = Path(tmp) / "files.lst"
        listing.write_text("\n".join(files), encoding="utf-8")
        subprocess.run(
            [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
             "-target-language", "es", f"@{listing}", "-ts", str(ts)],
            check=True,
        )  # fmt: skip


def release(ts: Path = TS, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[^{}]*\}")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def entries(ts: Path = TS) -> list[tuple[str, str, list[str], str]]:
    """(context, source, translations, type) for every message; one translation, or one per plural form."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else []
            out.append((name, msg.findtext("source") or "", forms or [tr.text or ""], tr.get("type") or ""))
    return out


def problems(ts: Path = TS) -> list[str]:
    """What keeps the catalogue from shipping: not current, unfinished, wrong placeholders, stale .qm."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        update(fresh)
        old = {(c, s) for c, s, _t, _k in entries(ts)}
        new = {(c, s) for c, s, _t, _k in entries(fresh)}
        found += [
            f"not in the catalogue (run scripts/i18n.py update): {c}: {s!r}" for c, s in sorted(new - old)
        ]
        found += [
            f"no longer in the code (run scripts/i18n.py update): {c}: {s!r}" for c, s in sorted(old - new)
        ]
    for ctx, source, forms, kind in entries(ts):
        if kind in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            found.append(f"unfinished: {ctx}: {source!r}")
            continue
        want = [p for p in placeholders(source) if p != "%n"]
        for form in forms:
            have = [p for p in placeholders(form) if p != "%n"]
            if have != want:
                found.append(f"placeholders differ: {ctx}: {source!r} -> {form!r}")
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        with tempfile.TemporaryDirectory() as tmp:
            built = release(ts, Path(tmp) / qm.name)
            if not qm.exists() or built.read_bytes() != qm.read_bytes():
                found.append(
                    f"{qm.name} is not built from the current {ts.name} (run scripts/i18n.py release)"
                )
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
        return 0
    if command == "release":
        print(release())
        return 0
    if command == "check":
        found = problems()
        print("\n".join(found) or "catalogue current and complete")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
