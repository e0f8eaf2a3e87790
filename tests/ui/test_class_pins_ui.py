"""The roster on a new student's first day (issue 20, items 5 and 7): adding a student says they need a
PIN and the class box's count follows; "Sign-in PINs…" makes PINs for the class and prints the cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from windowhelp import close_all, open_window

from app.ui.tasks import wait_idle

T = 15_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


def _roster(qtbot, demo):
    ctx, info = demo
    w = open_window(qtbot, ctx, _OPEN, ctx.services.accounts.sign_in_teacher(info.username, info.password))
    page = w.area.show_page("roster")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    return page


def test_adding_a_student_mentions_the_pin_and_updates_the_class_count(qtbot, demo, monkeypatch):
    from app.ui.teacher import roster as module

    page = _roster(qtbot, demo)
    assert page.class_box.currentText() == "Year 7 Maple (24)"

    def answered(dialog):
        dialog.given.setText("Zoe")
        dialog.family.setText("Park")
        return module.QDialog.DialogCode.Accepted

    monkeypatch.setattr(module.StudentDialog, "exec", answered)
    page.add_student()
    qtbot.waitUntil(lambda: page.model.rowCount() == 25, timeout=T)
    qtbot.waitUntil(lambda: page.class_box.currentText() == "Year 7 Maple (25)", timeout=T)
    assert "Zoe Park" in page.undo_banner.text() and "PIN" in page.undo_banner.text()


def test_pins_for_the_class_and_sign_in_cards_from_the_roster(qtbot, demo, tmp_path, monkeypatch):
    from app.ui.teacher import class_pins_dialog as module

    ctx, info = demo
    page = _roster(qtbot, demo)
    page.class_pins()
    qtbot.waitUntil(lambda: getattr(page, "pins_dialog", None) is not None and page.pins_dialog.isVisible(),
                    timeout=T)  # fmt: skip
    dlg = page.pins_dialog
    assert not dlg.only_missing.isChecked()  # every demo student has a PIN already
    dlg.set_pins()
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 24, timeout=T)
    pin_of = {dlg.table.item(r, 0).text(): dlg.table.item(r, 1).text() for r in range(24)}
    zoe = next(s for s in ctx.services.accounts.sign_in_students(info.class_id) if s.name.startswith("Amara"))
    assert ctx.services.accounts.sign_in_student(info.class_id, zoe.id, pin_of["Amara Okafor"])
    asked = []
    out = tmp_path / "cards.pdf"

    def save_as(_parent, _title, where, _filter):
        asked.append(where)
        return str(out), ""

    monkeypatch.setattr(module.QFileDialog, "getSaveFileName", save_as)
    dlg.print_button.click()
    wait_idle()
    qtbot.waitUntil(lambda: out.exists() and "Saved" in dlg.message.text(), timeout=T)
    assert out.read_bytes().startswith(b"%PDF")
    # The save dialog opens in Documents (or home), never in the folder the app was started from.
    assert Path(asked[0]).parent != Path.cwd() and asked[0].endswith("year-7-maple-sign-in-cards.pdf")
