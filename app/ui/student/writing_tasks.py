"""Writing, the first screen: the student's tasks (due dates, where each stands) and why some of their
writing is kept on this computer. Opening a task is the writing page's job (``open_requested``)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.theme import set_role
from app.ui.theme.icons import set_icon
from app.ui.widgets.diff_view import plural, when
from app.writing.results import STATUS_WORDS, MyTask

TASK = Qt.ItemDataRole.UserRole  # a list item's task id


def _label(text: str, name: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setAccessibleName(QCoreApplication.translate("WritingPage", name))
    label.setWordWrap(True)
    if role:
        set_role(label, role)
    return label


class TaskList(QWidget):
    open_requested = Signal(str)  # a task id

    def __init__(self) -> None:
        super().__init__()
        title = _label(self.tr("Writing"), "Writing", "title")
        intro = _label(self.tr("Your writing tasks. The checks help as you write; your teacher sees what you "
                               "hand in."), "About writing", "muted")  # fmt: skip
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Writing tasks"))
        set_role(self.list, "lead roomy")
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(TASK)))
        self.open_button = QPushButton(self.tr("&Open"))
        set_icon(self.open_button, "folder-open", "on_accent")
        set_role(self.open_button, "primary")
        self.open_button.setAccessibleName(self.tr("Open writing task"))
        self.open_button.clicked.connect(self._open_selected)
        self.message = _label("", "Writing message", "error")
        lv = QVBoxLayout(self)
        lv.addWidget(title)
        lv.addWidget(intro)
        lv.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.message, 1)
        lv.addLayout(row)

    def _open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_requested.emit(item.data(TASK))

    def show_tasks(self, tasks: list[MyTask], kept_failed: bool, journal_tasks: Iterable[str]) -> None:
        """The tasks, keeping the one selected; ``kept_failed``: a save of this student's failed and its
        text is kept in memory; ``journal_tasks``: tasks with text left in the crash journal."""
        current = self.list.currentItem().data(TASK) if self.list.currentItem() else ""
        self.list.clear()
        for m in tasks:
            due = self.tr("Due %1").replace("%1", when(m.task.due_at, "ddd d MMM")) if m.task.due_at else \
                self.tr("No due date")  # fmt: skip
            status = self.tr(STATUS_WORDS[m.status])
            extra = f" \u00b7 {plural(self, m.versions, 'version')}" if m.versions else ""
            item = QListWidgetItem(f"{m.task.title}\n{due} \u00b7 {status}{extra}")
            item.setData(TASK, m.task.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{m.task.title}. {due}. {status}.")
            self.list.addItem(item)
            if m.task.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and tasks:
            self.list.setCurrentRow(0)
        journal = set(journal_tasks) & {m.task.id for m in tasks}
        self.message.setText(
            self.tr("Some of your writing is not saved yet: it is kept on this computer. Open the task to "
                    "carry on; it saves as soon as it can.") if kept_failed else
            self.tr("Tessera closed before it saved some of your writing. It is kept on this computer: open "
                    "the task to put it back.") if journal else
            "" if tasks else self.tr("No writing tasks yet."))  # fmt: skip
        set_role(self.message, "muted" if not tasks else "error")
