"""The Import and Export menus on screen: a preview dialog that lists what will change and every
refused row, an admin's class choice, Import in the background, the report saved beside the file."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from sqlalchemy import text

from app.people.actor import Actor

sys.path.insert(0, str(Path(__file__).parent.parent / "ui"))
from windowhelp import close_all, open_window


def _wait_dialog(qtbot, menus):
    qtbot.waitUntil(lambda: getattr(menus, "last_dialog", None) is not None, timeout=60_000)
    return menus.last_dialog


def test_admin_preview_pick_and_import(qtbot, demo, fixtures, tmp_path):
    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    admin = Actor(teacher.person_id, "admin", teacher.school_id, "Ada Admin")
    src = tmp_path / "district"
    shutil.copytree(fixtures / "or12_bulk", src)
    windows: list = []
    try:
        w = open_window(qtbot, ctx, windows, admin, size=(1200, 800))
        menus = w.centralWidget().interop if hasattr(w.centralWidget(), "interop") else None
        if menus is None:
            from app.ui.main_window import MainArea

            menus = w.findChild(MainArea).interop
        assert menus.import_button.accessibleName() == "Import"
        assert menus.export_button.menu().actions()[0].text().startswith("Gradebook")
        menus.preview(str(src))
        dialog = _wait_dialog(qtbot, menus)
        dialog.resize(980, 600)
        dialog.grab().save(str(Path("/tmp") / "interop-preview.png"))
        tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        assert tabs[0] == "New (20)" and tabs[3] == "Refused (8)"
        refused = dialog.tabs.widget(3)
        reasons = {refused.item(r, 3).text() for r in range(refused.rowCount())}
        assert any("leading zero" in x for x in reasons)
        assert dialog.classes.count() == 4
        # the admin takes only Year 5 Blue
        for i in range(dialog.classes.count()):
            item = dialog.classes.item(i)
            if not item.text().startswith("Year 5"):
                item.setCheckState(item.checkState().Unchecked)
        dialog.apply_choice.click()
        qtbot.waitUntil(lambda: dialog.plan.selected == ("cls-0502",), timeout=60_000)
        assert {e.name for e in dialog.plan.entries if e.kind == "student"} == {"Dana Kim"}
        dialog.grab().save(str(Path("/tmp") / "interop-preview-picked.png"))
        with ctx.db.read() as s:
            before = s.execute(text("SELECT COUNT(*) FROM person")).scalar_one()
        from PySide6.QtWidgets import QMessageBox

        shown = []
        QMessageBox.information = staticmethod(lambda *a: shown.append(a[2]))  # no modal box in a test
        dialog.import_button.click()
        qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
        with ctx.db.read() as s:
            after = s.execute(text("SELECT COUNT(*) FROM person")).scalar_one()
        assert after == before + 2  # Dana Kim and Ms Rivera
        assert "report is saved" in shown[0]
        assert list(tmp_path.glob("district-tessera-import-*.csv"))
    finally:
        close_all(windows)


def test_teacher_sees_menus_and_a_student_does_not(qtbot, demo):
    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    windows: list = []
    try:
        from app.ui.main_window import MainArea

        w = open_window(qtbot, ctx, windows, teacher)
        area = w.findChild(MainArea)
        assert area.interop is not None
        names = [a.text() for a in area.interop.export_button.menu().actions()]
        assert len(names) == 5
        kid = ctx.services.roster.students(teacher, ctx.services.roster.my_classes(teacher)[0].id)[0]
        w2 = open_window(qtbot, ctx, windows, Actor(kid.id, "student", teacher.school_id, kid.full_name))
        assert w2.findChild(MainArea).interop is None
    finally:
        close_all(windows)
