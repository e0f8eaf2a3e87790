"""The preview of a class-list import: what will be created, updated or archived, what is refused
and why (file and row), and for an admin the classes to bring in. Nothing is written until Import."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_
from app.interop.roster_plan import RosterPlan

_KINDS = {
    "school": N_("School"),
    "class": "Class",
    "teacher": "Teacher",
    "student": "Student",
    "enrollment": "In a class",
    "admin": "Admin",
}


def _table(headers: list[str], rows: list[list[str]], name: str) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)  # translated by the caller
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.verticalHeader().setVisible(False)
    t.setWordWrap(True)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(str(v)))
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class RosterPreviewDialog(QDialog):
    """``repreview(selection)`` is called when an admin changes the classes (the caller runs it in the
    background and calls ``show_plan``); ``accepted`` means: import the plan with ``selection()``."""

    def __init__(
        self,
        plan: RosterPlan,
        is_admin: bool,
        parent: QWidget | None = None,
        repreview: Callable[[set[str] | None], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import class list: preview"))
        self.setAccessibleName(self.tr("Import class list preview"))
        self.resize(860, 560)
        self.is_admin, self.repreview = is_admin, repreview
        lay = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        lay.addWidget(self.summary)
        body = QHBoxLayout()
        self.classes = QListWidget()
        self.classes.setAccessibleName(self.tr("Classes to import"))
        self.classes.setMaximumWidth(260)
        if is_admin:
            side = QVBoxLayout()
            side.addWidget(QLabel(self.tr("Classes to bring in:")))
            side.addWidget(self.classes, 1)
            self.apply_choice = QPushButton(self.tr("&Update preview"))
            self.apply_choice.setAccessibleName(self.tr("Update preview"))
            self.apply_choice.clicked.connect(self._choice_changed)
            side.addWidget(self.apply_choice)
            body.addLayout(side)
            for c in plan.classes:
                item = QListWidgetItem(f"{c.title} ({c.school}) · {c.students}")
                item.setData(QtCore.Qt.ItemDataRole.UserRole, c.external_id)
                item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
                chosen = plan.selected is None or c.external_id in plan.selected
                item.setCheckState(QtCore.Qt.CheckState.Checked if chosen else QtCore.Qt.CheckState.Unchecked)
                self.classes.addItem(item)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("What the import does"))
        body.addWidget(self.tabs, 1)
        lay.addLayout(body, 1)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.show_plan(plan)

    def selection(self) -> set[str] | None:
        if not self.is_admin:
            return None
        picked = set()
        for i in range(self.classes.count()):
            item = self.classes.item(i)
            if item.checkState() == QtCore.Qt.CheckState.Checked:
                picked.add(item.data(QtCore.Qt.ItemDataRole.UserRole))
        return None if len(picked) == self.classes.count() else picked

    def _choice_changed(self) -> None:
        if self.repreview is not None:
            self.import_button.setEnabled(False)
            self.repreview(self.selection())

    def show_plan(self, plan: RosterPlan) -> None:
        self.plan = plan
        c = plan.counts
        fmt = {
            "oneroster-1.2": "OneRoster 1.2",
            "oneroster-1.1": "OneRoster 1.1",
            "sds-2.1": "School Data Sync",
            "clever": "Clever",
            "csv": "a class list",
        }.get(plan.format, plan.format)
        mode = (
            self.tr("a full file (what is missing is archived)")
            if plan.mode == "bulk"
            else self.tr("changes only")
        )
        self.summary.setText(
            self.tr(
                "<b>{0}</b> is {1}, {2}.<br>Importing will create <b>{3}</b>, update <b>{4}</b> and archive <b>{5}</b>; "
                "{6} already match. <b>{7}</b> rows are refused (see Refused)."
            ).format(
                plan.source,
                fmt,
                mode,
                c["created"],
                c["updated"],
                c["archived"],
                c["unchanged"],
                c["rejected"],
            )
        )
        while self.tabs.count():
            w = self.tabs.widget(0)
            self.tabs.removeTab(0)
            w.deleteLater()
        for action, title in (
            ("created", self.tr("New")),
            ("updated", self.tr("Updated")),
            ("archived", self.tr("Archived")),
        ):
            rows = [
                [self.tr(_KINDS.get(e.kind, e.kind)), e.name, e.detail, e.external_id]
                for e in plan.entries
                if e.action == action
            ]
            table = _table(
                [self.tr("What"), self.tr("Name"), self.tr("Detail"), self.tr("Id in the file")], rows, title
            )
            self.tabs.addTab(table, f"{title} ({len(rows)})")
        rej = [[r.file, str(r.row or ""), r.ident, r.reason] for r in plan.rejects]
        self.tabs.addTab(
            _table([self.tr("File"), self.tr("Row"), self.tr("Id"), self.tr("Why")], rej, self.tr("Refused")),
            self.tr("Refused ({0})").format(len(rej)),
        )
        notes = [[n.file, str(n.row or ""), n.ident, n.reason] for n in plan.notes]
        notes += [["", "", self.tr("{0} rows").format(v), k] for k, v in plan.ignored.items()]
        self.tabs.addTab(
            _table(
                [self.tr("File"), self.tr("Row"), self.tr("Id"), self.tr("Note")], notes, self.tr("Notes")
            ),
            self.tr("Notes ({0})").format(len(notes)),
        )
        if rej and not plan.entries:
            self.tabs.setCurrentIndex(3)
        self.import_button.setEnabled(bool(plan.ops))
        if not plan.ops:
            self.import_button.setToolTip(self.tr("Nothing to change: Tessera already matches this file."))
