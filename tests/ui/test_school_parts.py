"""The school pages' shared parts (app/ui/school/parts.py): the row picked in a table, and a write whose
failure is said in the page's status line."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidgetItem, QWidget

from app.errors import PermissionDenied
from app.ui.school.parts import _table, run_write, selected_id

ID = Qt.ItemDataRole.UserRole + 1


def test_the_id_of_the_row_picked_or_nothing(qtbot):
    table = _table("Library", ["Title", "Author"])
    qtbot.addWidget(table)
    assert selected_id(table, ID) == ""  # empty table
    table.setRowCount(2)
    for r, iid in enumerate(("first", "second")):
        item = QTableWidgetItem(iid.title())
        item.setData(ID, iid)
        table.setItem(r, 0, item)
    assert selected_id(table, ID) == ""  # nothing picked yet
    table.selectRow(1)
    assert selected_id(table, ID) == "second"
    table.takeItem(1, 0)  # a row without its first cell (being filled): nothing, not a crash
    assert selected_id(table, ID) == ""


def test_a_write_runs_off_the_ui_thread_and_its_failure_is_said(qtbot):
    page, status = QWidget(), QLabel("")
    qtbot.addWidget(page)
    got, threads = [], []

    def work():
        threads.append(threading.current_thread())
        return 42

    run_write(page, status, work, got.append)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    assert threads and threads[0] is not threading.main_thread()

    def refused():
        raise PermissionDenied("Only a school leader can publish the framework.")

    run_write(page, status, refused, got.append)
    qtbot.waitUntil(lambda: status.text() != "", timeout=5000)
    assert status.text() == "Only a school leader can publish the framework." and got == [42]
