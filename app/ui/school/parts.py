"""Parts the school pages (library, my school, overview, framework editor) share: their tables, the
row picked in one, and a write that says its failure in the page's status line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QWidget

from app.ui.messages import error_text
from app.ui.tasks import run_task


def _table(name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setAccessibleName(QCoreApplication.translate("SchoolTable", name))
    t.setTabKeyNavigation(False)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # The header and three rows stay in view at any text size; the page scrolls, not the table.
    t.setMinimumHeight((t.fontMetrics().lineSpacing() + 12) * 4)
    return t


def selected_id(table: QTableWidget, role: int) -> str:
    """The id kept (under ``role``) in the first cell of the row picked; "" when none is."""
    rows = table.selectionModel().selectedRows()
    item = table.item(rows[0].row(), 0) if rows else None
    return item.data(role) if item is not None else ""


def run_write(
    owner: QWidget, status: QLabel, work: Callable[[], Any], on_done: Callable[[Any], None]
) -> None:
    """``work`` on the write worker, then ``on_done`` with its result; a failure is said in ``status``."""
    run_task(lambda _p: work(), on_done, lambda e: status.setText(error_text(e)), writes=True, owner=owner)
