"""Per screen: controls, unnamed, unreachable by Tab, under 24 px (``python scripts/a11y_audit.py``,
JSON lines; ``--details`` lists each finding; ``--pseudo`` marks translated text to count
names that never passed through translation). The demo class in a throwaway data folder, 1280x800."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.ui.a11y_audit import ScreenAudit, audit  # noqa: E402
from app.ui.tasks import wait_idle  # noqa: E402


def settle() -> None:
    app = QApplication.instance()
    for _ in range(3):
        app.processEvents()
        wait_idle()
        app.processEvents()


def screens(
    window, ctx, demo_info=None, settle: Callable[[], None] = settle
) -> Iterator[tuple[str, QWidget]]:  # noqa: ANN001
    """Sign in, open each teacher, student and school leader screen in ``window`` and yield (name, screen root)."""
    from app.demo import DEMO_PASSWORD, DEMO_PIN, DEMO_USERNAME
    from app.ui.student.writing_tasks import TASK

    acc = ctx.services.accounts
    window.show_sign_in()
    settle()
    yield "sign-in", window.centralWidget()
    teacher = acc.sign_in_teacher(DEMO_USERNAME, DEMO_PASSWORD)
    window.signed_in(teacher)
    for key, _t, _s in window.area.specs:
        page = window.area.show_page(key)
        settle()
        yield f"teacher-{key}", window.area
        if key == "roster":
            page.table.selectRow(1)
            page.open_selected()
            settle()
            yield "teacher-student-detail", window.area
            page.back()
    klass = acc.sign_in_classes()[0]
    student = acc.sign_in_students(klass.id)[3]
    window.signed_in(acc.sign_in_student(klass.id, student.id, DEMO_PIN))
    for key, _t, _s in window.area.specs:
        page = window.area.show_page(key)
        settle()
        yield f"student-{key}", window.area
        if key == "writing":
            for row in range(page.list.count()):
                if "lunch" in page.list.item(row).text():
                    page.open_task(page.list.item(row).data(TASK))
                    settle()
                    yield "student-writing-editor", window.area
                    break
    from app.demo.school_seed import DEMO_LEADER

    window.signed_in(acc.sign_in_teacher(DEMO_LEADER, DEMO_PASSWORD))  # the school as a whole (issue 21)
    for key, _t, _s in window.area.specs:
        window.area.show_page(key)
        settle()
        yield f"leader-{key}", window.area


def run(details: bool = False, pseudo: bool = False) -> list[ScreenAudit]:
    from app.bootstrap import open_context
    from app.demo import create_demo
    from app.ui.main_window import MainWindow
    from app.ui.plurals import install_plurals

    app = QApplication.instance() or QApplication([])
    install_plurals(app)
    if "--before" not in sys.argv:
        from app.ui import a11y

        a11y.install(app)
    mark = ""
    if pseudo:
        from app.ui.a11y_audit import PseudoTranslator

        translator = PseudoTranslator(app)
        app.installTranslator(translator)
        mark = translator.MARK
    ctx = open_context(tempfile.mkdtemp(prefix="tessera-a11y-"))
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    settle()
    results = [audit("welcome", window.centralWidget(), mark)]
    create_demo(ctx.db)
    results += [audit(name, root, mark) for name, root in screens(window, ctx)]
    for r in results:
        print(json.dumps(r.row()))
        if details:
            for f in r.findings:
                print(f"    {f.problem}: {f.widget}")
    total = {
        k: sum(r.row()[k] for r in results)
        for k in (
            "controls",
            "unnamed",
            "unreachable",
            "under_24px",
            "name_not_translated",
            "label_not_in_name",
        )
    }
    print(json.dumps({"screen": "total", **total}))
    window.close()
    ctx.close()
    return results


if __name__ == "__main__":
    run("--details" in sys.argv, "--pseudo" in sys.argv)
