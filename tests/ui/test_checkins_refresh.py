"""The class check-ins page on screen while check-ins arrive by sync: the student whose trend the
teacher is reading stays chosen, and the chart stays theirs (not the class's)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from windowhelp import close_all, open_window

from app.sync.session import sync_once
from app.ui.tasks import wait_idle
from app.ui.teacher.checkins import SID

T = 20_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _close_windows():
    yield
    close_all(_OPEN)


def test_the_student_whose_trend_is_shown_stays_chosen(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    teacher = laptop.services.accounts.sign_in_teacher(info.username, info.password)
    w = open_window(qtbot, laptop, _OPEN, teacher, size=(1280, 800))
    page = w.area.show_page("checkins")
    qtbot.waitUntil(lambda: page.table.rowCount() == 24, timeout=T)
    page.table.selectRow(3)
    name = page.table.item(3, 0).text().lstrip("\u25cf ")
    qtbot.waitUntil(lambda: page.chart.chart_.title() == name, timeout=T)

    other = next(sid for sid in info.student_ids if sid != page.table.item(3, 0).data(SID))
    student = lab.services.accounts.sign_in_student(info.class_id, other, info.pin)
    lab.services.checkins.record(student, 2, 2, "Tired today")
    sync_once(lab.db, share)
    with qtbot.waitSignal(page.loaded, timeout=T):
        sync_once(laptop.db, share)
    wait_idle()
    QApplication.processEvents()

    assert any("Tired today" in (page.table.item(r, 4).text()) for r in range(page.table.rowCount()))
    chosen = page.table.selectionModel().selectedRows()
    assert chosen and page.table.item(chosen[0].row(), 0).text().lstrip("\u25cf ") == name
    assert page.chart.chart_.title() == name
