"""Small helpers every screen uses: an accessible button, the note an empty page shows, dates between Qt
and timestamps, emptying a layout."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.ui.theme import set_role


def button(owner: QWidget, text: str, name: str, slot: Callable) -> QPushButton:
    """A push button with its text translated in ``owner``'s context and an accessible name."""
    b = QPushButton(owner.tr(text))
    b.setAccessibleName(owner.tr(name))
    b.clicked.connect(slot)
    return b


def empty_note(text: str = "", name: str = "") -> QLabel:
    """What a page shows in place of an empty list or table: what to do first, in large, wrapped text.
    Hidden until the page knows it is empty."""
    label = QLabel(text)
    label.setWordWrap(True)
    set_role(label, "empty")
    if name:
        label.setAccessibleName(QCoreApplication.translate("EmptyNote", name))
    label.hide()
    return label


def qdate(ts: float) -> QDate:
    d = dt.date.fromtimestamp(ts)
    return QDate(d.year, d.month, d.day)


def timestamp(date: QDate, hour: int = 17) -> float:
    """A due date means the end of that school day."""
    return dt.datetime(date.year(), date.month(), date.day(), hour, 0).timestamp()


def list_and_detail(
    owner: QWidget, list_page: QWidget, detail: QWidget, back_text: str, back_name: str, back: Callable
) -> QStackedWidget:
    """A page that shows a list, and a detail view with a Back button (Alt+Left), filling ``owner``."""
    detail_page = QWidget()
    layout = QVBoxLayout(detail_page)
    layout.addWidget(button(owner, back_text, back_name, back), 0, Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(detail, 1)
    stack = QStackedWidget()
    stack.addWidget(list_page)
    stack.addWidget(detail_page)
    QVBoxLayout(owner).addWidget(stack)
    return stack


def fill_class_box(box, classes, label=lambda c: c.name) -> None:  # noqa: ANN001
    """Fill a class picker without firing its change signal for every row."""
    box.blockSignals(True)
    box.clear()
    for c in classes:
        box.addItem(label(c), c.id)
    box.blockSignals(False)


def clear_layout(layout: QLayout) -> None:
    """Remove every item; widgets are deleted later (one may be the sender of the current signal)."""
    while layout.count():
        w = layout.takeAt(0).widget()
        if w is not None:
            w.deleteLater()
