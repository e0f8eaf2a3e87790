"""Every main screen in the pseudo-locale, and the visible text that never passed through translation.

``python scripts/untranslated.py [--lang pseudo|ar-pseudo] [--json] [--shots DIR]`` builds the demo
class in a throwaway folder, opens the welcome and sign-in screens and every teacher and student page
with the pseudo-locale (app/ui/language.py: every translated text is wrapped in ``[!! ... !!]``),
and lists each visible text without the markers. User data (names, titles, skills: any text stored in
the database) and text with no letters are not counted. tests/ui/test_pseudo_locale.py runs it and
expects nothing listed. ``--shots DIR`` also saves each screen as a PNG (``--lang es`` for Spanish).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

_TAG = re.compile(r"<[^>]+>")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# Innermost first (a translated template filled with a translated word nests markers), and a marked
# text cut short with "…" by a view that elides it counts as marked.
_MARKED = re.compile(r"\[!! (?:(?!\[!! ).)*?(?: !!\]|…$)", re.DOTALL)


def texts_of(w: QWidget) -> list[str]:
    """The texts a person sees on one widget (not its children)."""
    out: list[str] = []
    if isinstance(w, QLabel):
        out.append(w.text())
    elif isinstance(w, QAbstractButton):
        out.append(w.text())
    elif isinstance(w, QGroupBox):
        out.append(w.title())
    elif isinstance(w, QLineEdit):
        out += [w.placeholderText()]
    elif isinstance(w, (QPlainTextEdit, QTextEdit)):
        out.append(w.placeholderText())
    elif isinstance(w, QComboBox):
        out += [w.itemText(i) for i in range(min(w.count(), 30))]
    elif isinstance(w, QTabWidget):
        out += [w.tabText(i) for i in range(w.count())]
    if isinstance(w, QListWidget):
        out += [w.item(i).text() for i in range(min(w.count(), 40))]
    elif isinstance(w, QAbstractItemView) and w.model() is not None:
        m = w.model()
        for orient, count in ((Qt.Orientation.Horizontal, m.columnCount()),):
            out += [str(m.headerData(i, orient) or "") for i in range(count)]
    if w.toolTip():
        out.append(w.toolTip())
    if w.isWindow() and w.windowTitle():
        out.append(w.windowTitle())
    return [t for t in out if t]


def untranslated(root: QWidget, data: set[str]) -> list[tuple[str, str]]:
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        for text in texts_of(w):
            plain = html.unescape(_TAG.sub(" ", text.replace("&&", "&")))
            rest, before = plain, ""
            while rest != before:  # what passed tr; the rest must be data
                before, rest = rest, _MARKED.sub(" ", rest)
            rest = " ".join(rest.split())
            if not _LETTERS.search(rest):
                continue
            for d in sorted((d for d in data if d in rest), key=len, reverse=True):
                rest = rest.replace(d, " ")
            if "…" in rest:  # data elided to fit (its width depends on when the layout settled)
                rest = " ".join(p for p in rest.split("…") if not _elided_data(p.strip(), data))
            if _LETTERS.search(rest):
                found.append((type(w).__name__, text))
    return found


def _elided_data(piece: str, data: set[str]) -> bool:
    """Whether ``piece`` is the start or the end of some stored text, as left by eliding it."""
    return len(piece) > 1 and any(d.startswith(piece) or d.endswith(piece) for d in data)


def data_strings(db_path: Path) -> set[str]:
    """Every text stored in the database (names, titles, skills...): user data, never translated."""
    # the name of the app, units, and each language named in its own words (the language chooser)
    out: set[str] = {"Tessera", "KB", "MB", "English", "Español"}
    con = sqlite3.connect(db_path)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for t in tables:
        cols = [
            r[1]
            for r in con.execute(f'PRAGMA table_info("{t}")')
            if (r[2] or "TEXT").upper().startswith(("TEXT", "VARCHAR", "JSON"))
        ]
        for c in cols:
            for (v,) in con.execute(f'SELECT DISTINCT "{c}" FROM "{t}" LIMIT 5000'):
                if isinstance(v, str) and 1 < len(v) < 400:
                    out.add(" ".join(v.split()))
                    out.update(p.strip() for p in re.split(r"[\n,;]", v) if len(p.strip()) > 1)
    con.close()
    return out


def locale_words() -> set[str]:
    """Month and day names: dates are written by QLocale (app/ui/locale_format.py), not translated."""
    from PySide6.QtCore import QLocale

    loc, short = QLocale(), QLocale.FormatType.ShortFormat
    return {loc.monthName(i, short) for i in range(1, 13)} | {loc.dayName(i, short) for i in range(1, 8)}


def run(lang: str = "pseudo", shots: Path | None = None) -> dict[str, list[tuple[str, str]]]:
    from app.ui.plurals import install_plurals

    app = QApplication.instance() or QApplication([])
    install_plurals(app)
    from app.ui.language import setup_language

    setup_language(app, lang)
    from app.bootstrap import open_context
    from app.demo import DEMO_PASSWORD, DEMO_PIN, DEMO_USERNAME, create_demo
    from app.ui.main_window import MainWindow
    from app.ui.tasks import wait_idle

    def settle() -> None:
        for _ in range(3):
            app.processEvents()
            wait_idle()
            app.processEvents()

    folder = tempfile.mkdtemp(prefix="tessera-pseudo-")
    ctx = open_context(folder)
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    settle()
    report: dict[str, list[tuple[str, str]]] = {}

    def look(name: str) -> None:
        settle()
        report[name] = untranslated(window, data)
        if shots is not None:
            window.grab().save(str(shots / f"{lang}-{name}.png"))

    data: set[str] = {"Tessera", "English", "Español"}
    look("welcome")
    create_demo(ctx.db)
    data = data_strings(ctx.settings.database_path) | locale_words()
    window.show_sign_in()
    look("sign-in")
    accounts = ctx.services.accounts
    for who, actor in (
        ("teacher", lambda: accounts.sign_in_teacher(DEMO_USERNAME, DEMO_PASSWORD)),
        ("student", lambda: _first_student(accounts, DEMO_PIN)),
    ):
        window.signed_in(actor())
        area = window.area
        for key, _title, _spec in area.specs:
            area.show_page(key)
            look(f"{who}-{key}")
        window.sign_out()
        settle()
    window.close()
    wait_idle()
    ctx.close()
    return report


def _first_student(accounts, pin: str):  # noqa: ANN001, ANN202
    klass = accounts.sign_in_classes()[0]
    first = accounts.sign_in_students(klass.id)[0]
    return accounts.sign_in_student(klass.id, first.id, pin)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lang", default="pseudo")
    p.add_argument("--json", action="store_true")
    p.add_argument("--shots", help="save each screen as <lang>-<screen>.png in this folder")
    args = p.parse_args(argv)
    shots = Path(args.shots) if args.shots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    report = run(args.lang, shots)
    if args.json:
        direction = QApplication.instance().layoutDirection().name  # type: ignore[union-attr]
        out = {"screens": len(report), "direction": direction, "untranslated": report}
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for screen, found in report.items():
            for kind, text in found:
                print(f"{screen}\t{kind}\t{text!r}")
        print(f"{sum(map(len, report.values()))} untranslated texts on {len(report)} screens")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
