"""Every control can be reached with Tab, and Tab always moves on: no table or text box keeps the
focus, and no two controls on screen answer the same Alt key."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPlainTextEdit, QWidget

from app.ui.main_window import MainWindow
from app.ui.tasks import wait_idle
from tests.ui.windowhelp import close_all


def _settle(qtbot) -> None:
    for _ in range(3):
        qtbot.wait(50)
        wait_idle()
        QApplication.processEvents()


def _window(qtbot, ctx, actor):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.signed_in(actor)
    return w


def _tab_round(qtbot, w, area, limit: int = 60) -> list[str]:
    """Tab from the navigation until it comes back; the names of what had the focus on the way."""
    area.nav.setFocus()
    seen = []
    for _ in range(limit):
        qtbot.keyClick(w.focusWidget(), Qt.Key.Key_Tab)
        if w.focusWidget() is area.nav:
            return seen
        seen.append(w.focusWidget().accessibleName())
    raise AssertionError(f"Tab never left the page; the focus went round: {seen[-12:]}")


def test_tab_goes_through_every_teacher_page_and_out_again(qtbot, demo):
    ctx, info = demo
    w = _window(qtbot, ctx, ctx.services.accounts.sign_in_teacher(info.username, info.password))
    area = w.centralWidget()
    try:
        for key, _t, _s in area.specs:
            area.show_page(key)
            _settle(qtbot)
            names = _tab_round(qtbot, w, area)
            assert "Sign out" in names, key
        roster = area.pages["roster"]
        area.show_page("roster")
        names = [n for n in _tab_round(qtbot, w, area) if n]
        assert names.index("Students") < names.index("Add student")  # the buttons under the table
        assert roster.model.rowCount() == 24
    finally:
        close_all([w])


def test_tab_leaves_the_reflection_box_and_types_no_tab(qtbot, demo):
    ctx, info = demo
    acc = ctx.services.accounts
    student = acc.sign_in_students(info.class_id)[0]
    w = _window(qtbot, ctx, acc.sign_in_student(info.class_id, student.id, info.pin))
    area = w.centralWidget()
    try:
        page = area.show_page("my_plan")
        _settle(qtbot)
        box = next(b for b in page.findChildren(QPlainTextEdit) if b.accessibleName() == "My reflection")
        qtbot.waitUntil(lambda: box.isVisible() and not box.isReadOnly(), timeout=10_000)
        box.setFocus()
        box.clear()
        qtbot.keyClicks(box, "Practice helped")
        qtbot.keyClick(box, Qt.Key.Key_Tab)
        assert w.focusWidget() is not box
        assert box.toPlainText() == "Practice helped"
        _tab_round(qtbot, w, area)  # and on round the whole page, challenge board included
        area.show_page("my_challenge")
        _settle(qtbot)
        assert "Sign out" in _tab_round(qtbot, w, area)
    finally:
        close_all([w])


def _alt_keys(area: QWidget) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = defaultdict(list)
    for x in area.findChildren(QWidget):
        shown = x.isVisible()
        text = x.text() if shown and isinstance(x, QAbstractButton | QLabel) else ""
        if isinstance(x, QLabel) and x.buddy() is None:
            text = ""
        found = re.search(r"&([^&\s])", text.replace("&&", ""))
        if found:
            keys[found.group(1).lower()].append(text)
    return {k: v for k, v in keys.items() if len(v) > 1}


def test_no_two_controls_on_screen_share_an_alt_key(qtbot, demo):
    ctx, info = demo
    acc = ctx.services.accounts
    w = _window(qtbot, ctx, acc.sign_in_teacher(info.username, info.password))
    area = w.centralWidget()
    try:
        for key, _t, _s in area.specs:
            area.show_page(key)
            _settle(qtbot)
            assert not _alt_keys(area), key
        student = acc.sign_in_students(info.class_id)[3]
        w.signed_in(acc.sign_in_student(info.class_id, student.id, info.pin))
        area = w.centralWidget()
        for key, _t, _s in area.specs:
            area.show_page(key)
            _settle(qtbot)
            assert not _alt_keys(area), key
    finally:
        close_all([w])
