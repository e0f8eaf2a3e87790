"""The drafts of one writing task as a table, one row per student: status (coloured), words, what each
check found, the checklist, when it was handed in and how many comments it has."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.i18n import N_
from app.ui.theme import colour
from app.ui.widgets.diff_view import when
from app.writing.results import NOT_STARTED, RETURNED, STATUS_WORDS, SUBMITTED, DraftRow

ROW = Qt.ItemDataRole.UserRole
COLUMNS = (
    "Student",
    "Status",
    "Words",
    "Spelling",
    "Grammar",
    N_("Style"),
    "Checklist",
    "Handed in",
    "Comments",
)
STATUS_ROLES = {
    NOT_STARTED: "muted",
    "writing": "accent",
    SUBMITTED: "warning",
    RETURNED: "success",
}  # theme tokens
TEACHER_STATUS = {**STATUS_WORDS, SUBMITTED: "Awaiting feedback", RETURNED: "Returned"}


class DraftTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setAccessibleName(self.tr("Drafts"))
        self.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def show_rows(self, rows: list[DraftRow]) -> None:
        self.setRowCount(len(rows))
        for i, r in enumerate(rows):
            c = r.counts
            values = [
                r.student_name, self.tr(TEACHER_STATUS[r.status]), str(r.words) if r.draft_id else "",
                str(c.spelling) if c else "", str(c.grammar) if c else "", str(c.style) if c else "",
                f"{c.rubric_met}/{c.rubric_total}" if c and c.rubric_total else "",
                when(r.submitted_at, "ddd d MMM HH:mm") if r.status == SUBMITTED else "",
                str(r.comments) if r.comments else "",
            ]  # fmt: skip
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ROW, i)
                if col == 1:
                    item.setData(Qt.ItemDataRole.ForegroundRole, colour(STATUS_ROLES.get(r.status, "text")))
                self.setItem(i, col, item)
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
