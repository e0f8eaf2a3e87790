"""Open every main screen (teacher and student, demo class) in one colour scheme and text size, and
print JSON: per screen, the lowest text contrast (and where), and the labels or buttons whose text
does not fit, and whether the page scrolls sideways. ``--shots DIR`` also saves each screen.

    python scripts/theme_report.py --scheme dark --text-scale 200 --size 1280x720 --shots /tmp/s
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402


def _apply(app: QApplication, scheme: str, scale: int) -> None:
    try:
        from app.ui.theme import apply_theme  # type: ignore[attr-defined]
    except ImportError:  # before the theme module: what a system palette would do to the old code
        from PySide6.QtGui import QColor, QPalette

        if scheme in ("dark", "high-contrast"):
            p = QPalette()
            dark = scheme == "dark"
            win, text = (
                (QColor("#202124"), QColor("#e8eaed")) if dark else (QColor("#000000"), QColor("#ffffff"))
            )
            for role, c in (
                (QPalette.ColorRole.Window, win),
                (QPalette.ColorRole.Base, QColor("#2a2b2e") if dark else win),
                (QPalette.ColorRole.AlternateBase, QColor("#303134") if dark else win),
                (QPalette.ColorRole.Button, QColor("#303134") if dark else win),
                (QPalette.ColorRole.WindowText, text),
                (QPalette.ColorRole.Text, text),
                (QPalette.ColorRole.ButtonText, text),
            ):
                p.setColor(role, c)
            app.setPalette(p)
        f = app.font()
        f.setPointSizeF(f.pointSizeF() * scale / 100)
        app.setFont(f)
        return
    apply_theme(app, scheme, scale)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scheme", default="light")
    ap.add_argument("--text-scale", type=int, default=100)
    ap.add_argument("--size", default="1280x800")
    ap.add_argument("--shots", default="")
    ap.add_argument("--who", default="teacher,student")
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    from app.ui.plurals import install_plurals

    install_plurals(app)
    _apply(app, args.scheme, args.text_scale)
    from app.bootstrap import open_context
    from app.demo import DEMO_PASSWORD, DEMO_PIN, DEMO_USERNAME, create_demo
    from app.ui.main_window import MainWindow
    from app.ui.tasks import wait_idle
    from app.ui.theme.audit import clipped_text, measure_text, scrolls_sideways

    def settle() -> None:
        for _ in range(3):
            app.processEvents()
            wait_idle()
            app.processEvents()

    ctx = open_context(tempfile.mkdtemp(prefix="tessera-theme-"))
    create_demo(ctx.db)
    window = MainWindow(ctx)
    w, h = (int(v) for v in args.size.split("x"))
    window.setFixedSize(w, h)  # as on a screen of that size: the layout must fit, not grow the window
    window.show()
    acc = ctx.services.accounts
    shots = Path(args.shots) if args.shots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    report: dict[str, dict] = {}
    klass = acc.sign_in_classes()[0]
    actors = {
        "teacher": lambda: acc.sign_in_teacher(DEMO_USERNAME, DEMO_PASSWORD),
        "student": lambda: acc.sign_in_student(klass.id, acc.sign_in_students(klass.id)[3].id, DEMO_PIN),
    }
    for who in args.who.split(","):
        window.signed_in(actors[who]())
        for key, _t, _s in window.area.specs:
            page = window.area.show_page(key)
            settle()
            found = measure_text(window)
            low = min(found, key=lambda t: t.ratio) if found else None
            bar = page.findChild(type(page), "") and None
            from PySide6.QtWidgets import QScrollArea

            sideways = any(
                s.horizontalScrollBar().isVisible() for s in page.findChildren(QScrollArea) if s.isVisible()
            )
            clipped = clipped_text(window)
            report[f"{who}-{key}"] = {
                "texts": len(found),
                "lowest": low.ratio if low else None,
                "lowest_at": f"{low.widget} {low.fg} on {low.bg}" if low else "",
                "under_4_5": sum(1 for t in found if t.ratio < 4.5),
                "clipped": len(clipped),
                "clipped_at": [c.widget for c in clipped][:5],
                "scrolls_sideways": sideways,
                "page_wider_than_window": scrolls_sideways(page),
            }
            del bar
            if shots:
                window.grab().save(str(shots / f"{who}-{key}.png"))
            if shots and who == "student" and key == "writing":  # the editor, with a teacher's comments
                from app.ui.student.writing_tasks import TASK

                for row in range(page.list.count()):
                    if "place" in page.list.item(row).text():
                        page.open_task(page.list.item(row).data(TASK))
                        settle()
                        editor_texts = measure_text(window)
                        report["student-writing-editor"] = {
                            "texts": len(editor_texts),
                            "lowest": min((t.ratio for t in editor_texts), default=None),
                        }
                        window.grab().save(str(shots / "student-writing-editor.png"))
                        break
        window.sign_out()
        settle()
    print(
        json.dumps(
            {"scheme": args.scheme, "text_scale": args.text_scale, "size": args.size, "screens": report},
            indent=1,
        )
    )
    window.close()
    wait_idle()
    ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
