"""Render Tessera's main screens offscreen into docs/ (``python scripts/screenshots.py``).
Uses a throwaway data folder with the demo class."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.bootstrap import open_context  # noqa: E402
from app.demo import DEMO_PASSWORD, DEMO_PIN, DEMO_USERNAME, create_demo  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.plurals import install_plurals  # noqa: E402
from app.ui.student.writing_tasks import TASK  # noqa: E402
from app.ui.tasks import wait_idle  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()
        wait_idle()
        app.processEvents()


def start_sync(app: QApplication, ctx, teacher) -> None:  # noqa: ANN001
    """The app syncs from start-up; here a shared folder is chosen and one sync run finishes first,
    so the Sync page shows a working set-up rather than "Sync is not running on this computer"."""
    share = Path(tempfile.mkdtemp(prefix="tessera-shots-share-")) / "Tessera sync"
    share.mkdir()
    ctx.services.sync.set_folder(teacher, str(share))
    agent = ctx.start_sync()
    deadline = time.monotonic() + 120
    while agent.snapshot().last_sync_at is None or agent.snapshot().state != "idle":
        if time.monotonic() > deadline:
            raise SystemExit("screenshots: the first sync did not finish in two minutes")
        app.processEvents()
        time.sleep(0.05)


def main(out_dir: str = "docs", only: str = "") -> None:
    app = QApplication.instance() or QApplication([])
    install_plurals(app)  # as the app does: "24 students", not "24 student(s)"
    out = Path(out_dir)
    out.mkdir(exist_ok=True)
    ctx = open_context(tempfile.mkdtemp(prefix="tessera-shots-"))
    from app.ui import a11y
    from app.ui.theme.prefs import apply_look

    apply_look(app, ctx.settings, {"theme": "light"})  # as the app starts: the theme, fonts and icons
    a11y.install(app)  # 24 px targets and the focus ring, as launch.py does
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    settle(app)
    window.grab().save(str(out / "welcome.png"))
    create_demo(ctx.db)
    window.show_sign_in()
    settle(app)
    window.grab().save(str(out / "sign-in.png"))
    acc = ctx.services.accounts
    teacher = acc.sign_in_teacher(DEMO_USERNAME, DEMO_PASSWORD)
    start_sync(app, ctx, teacher)
    window.signed_in(teacher)
    for key, _t, _s in window.area.specs:
        if only and key != only:
            continue
        page = window.area.show_page(key)
        settle(app)
        window.grab().save(str(out / f"teacher-{key}.png"))
        if key == "roster":
            page.table.selectRow(1)
            page.open_selected()
            settle(app)
            window.grab().save(str(out / "teacher-student-detail.png"))
            page.back()
    klass = acc.sign_in_classes()[0]
    student = acc.sign_in_students(klass.id)[3]
    window.signed_in(acc.sign_in_student(klass.id, student.id, DEMO_PIN))
    for key, _t, _s in window.area.specs:
        if only and key != only:
            continue
        page = window.area.show_page(key)
        settle(app)
        window.grab().save(str(out / f"student-{key}.png"))
        if key == "writing":  # the editor too, on the draft with learner slips in it
            for row in range(page.list.count()):
                if "lunch" in page.list.item(row).text():
                    page.open_task(page.list.item(row).data(TASK))
                    settle(app)
                    window.grab().save(str(out / "student-writing-editor.png"))
    ctx.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
