"""Create a challenge, from scratch or from a template: driving question, brief, community partner,
who it is for (this class, its grade or the whole school), skills, rubric and dated checkpoints."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.planning.challenges import ChallengeDraft, Template
from app.skills import DomainProfile
from app.ui.theme import set_role
from app.ui.widgets.common import qdate as _qdate
from app.ui.widgets.common import timestamp as _ts

DAY = 86_400.0
SKILL = Qt.ItemDataRole.UserRole + 1


class ChallengeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        templates: list[Template],
        domains: list[DomainProfile],
        class_id: str,
        class_name: str,
        grade: str,
        draft_for,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New challenge"))
        self.resize(820, 640)
        self.class_id, self.grade, self.draft_for = class_id, grade, draft_for
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Start from"))
        self.template.addItem(self.tr("A blank challenge"), "")
        for t in templates:
            self.template.addItem(t.title, t.key)
        self.template.currentIndexChanged.connect(self._use_template)
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Challenge title"))
        self.question = QLineEdit()
        self.question.setAccessibleName(self.tr("Driving question"))
        self.brief = QPlainTextEdit()
        self.brief.setAccessibleName(self.tr("Brief"))
        self.brief.setTabChangesFocus(True)  # Tab leaves the box, as everywhere else
        self.partner = QLineEdit()
        self.partner.setAccessibleName(self.tr("Community partner"))
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Who it is for"))
        self.scope.addItem(self.tr("This class (%1)").replace("%1", class_name), "class")
        if grade:
            self.scope.addItem(self.tr("Every class in grade %1").replace("%1", grade), "grade")
        self.scope.addItem(self.tr("The whole school"), "school")

        about = QWidget()
        form = QFormLayout(about)
        form.addRow(self.tr("&Start from:"), self.template)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Driving question:"), self.question)
        form.addRow(self.tr("&Brief:"), self.brief)
        form.addRow(self.tr("Community &partner:"), self.partner)
        form.addRow(self.tr("&For:"), self.scope)

        self.skills = QListWidget()
        self.skills.setAccessibleName(self.tr("Skills"))
        for d in domains:
            for s in d.skills:
                item = QListWidgetItem(f"{s.name}  ({d.name})")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setData(SKILL, s.skill_id)
                self.skills.addItem(item)

        self.rubric = QTableWidget(0, 5)
        self.rubric.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.rubric.setAccessibleName(self.tr("Rubric"))
        self.rubric.setHorizontalHeaderLabels(
            [
                self.tr("Criterion"),
                self.tr("1 Beginning"),
                self.tr("2 Developing"),
                self.tr("3 Secure"),
                self.tr("4 Extending"),
            ]
        )
        self.rubric.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rubric.setWordWrap(True)
        rubric_page = QWidget()
        rv = QVBoxLayout(rubric_page)
        rv.addWidget(self.rubric)
        rv.addLayout(self._row_buttons(self.rubric, self.tr("Add a criterion"), self._add_criterion))

        self.checkpoints = QTableWidget(0, 2)
        self.checkpoints.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.checkpoints.setAccessibleName(self.tr("Checkpoints"))
        self.checkpoints.setHorizontalHeaderLabels([self.tr("Checkpoint"), self.tr("Due")])
        self.checkpoints.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        cp_page = QWidget()
        cv = QVBoxLayout(cp_page)
        cv.addWidget(self.checkpoints)
        cv.addLayout(
            self._row_buttons(
                self.checkpoints,
                self.tr("Add a checkpoint"),
                lambda: self.add_checkpoint(self.tr("New checkpoint"), time.time() + 14 * DAY),
            )
        )

        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Challenge parts"))
        tabs.addTab(about, self.tr("&About"))
        tabs.addTab(self.skills, self.tr("S&kills"))
        tabs.addTab(rubric_page, self.tr("&Rubric"))
        tabs.addTab(cp_page, self.tr("&Checkpoints"))
        self.message = QLabel("")
        self.message.setAccessibleName(self.tr("Challenge form message"))
        set_role(self.message, "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create challenge"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _row_buttons(self, table: QTableWidget, add_text: str, add) -> QHBoxLayout:
        row = QHBoxLayout()
        a = QPushButton(add_text)
        a.setAccessibleName(add_text)
        a.clicked.connect(add)
        r = QPushButton(self.tr("Remove"))
        r.setAccessibleName(self.tr("Remove from %1").replace("%1", str(table.accessibleName())))
        r.clicked.connect(lambda: table.removeRow(table.currentRow()))  # nothing chosen (-1): nothing removed
        row.addWidget(a)
        row.addWidget(r)
        row.addStretch(1)
        return row

    def _add_criterion(self, criterion: str = "", levels: list[str] | None = None) -> None:
        row = self.rubric.rowCount()
        self.rubric.insertRow(row)
        for col, text in enumerate(
            [criterion or self.tr("New criterion")] + list(levels or ["", "", "", ""])[:4]
        ):
            self.rubric.setItem(row, col, QTableWidgetItem(text))

    def add_checkpoint(self, title: str, due: float) -> None:
        row = self.checkpoints.rowCount()
        self.checkpoints.insertRow(row)
        self.checkpoints.setItem(row, 0, QTableWidgetItem(title))
        date = QDateEdit(_qdate(due))
        date.setDisplayFormat("d MMM yyyy")
        date.setCalendarPopup(True)
        date.setAccessibleName(self.tr("Checkpoint date"))
        self.checkpoints.setCellWidget(row, 1, date)

    def _use_template(self) -> None:
        key = self.template.currentData()
        if not key:
            return
        d: ChallengeDraft = self.draft_for(key)
        self.title.setText(d.title)
        self.question.setText(d.driving_question)
        self.brief.setPlainText(d.brief)
        self.partner.setText(d.community_partner)
        for i in range(self.skills.count()):
            item = self.skills.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(SKILL) in d.skill_ids else Qt.CheckState.Unchecked
            )
        self.rubric.setRowCount(0)
        for r in d.rubric:
            self._add_criterion(r["criterion"], r.get("levels"))
        self.rubric.resizeRowsToContents()
        self.checkpoints.setRowCount(0)
        for title, due in d.checkpoints:
            self.add_checkpoint(title, due)

    def draft(self) -> ChallengeDraft:
        skills = [
            self.skills.item(i).data(SKILL)
            for i in range(self.skills.count())
            if self.skills.item(i).checkState() == Qt.CheckState.Checked
        ]
        rubric = []
        for r in range(self.rubric.rowCount()):
            cells = [(self.rubric.item(r, c).text() if self.rubric.item(r, c) else "") for c in range(5)]
            if cells[0].strip():
                rubric.append({"criterion": cells[0].strip(), "levels": cells[1:]})
        checkpoints = []
        for r in range(self.checkpoints.rowCount()):
            item = self.checkpoints.item(r, 0)
            if item and item.text().strip():
                checkpoints.append((item.text().strip(), _ts(self.checkpoints.cellWidget(r, 1).date())))  # type: ignore[attr-defined]  # a QDateEdit
        return ChallengeDraft(
            self.title.text(),
            self.question.text(),
            self.brief.toPlainText(),
            self.partner.text(),
            skills,
            rubric,
            checkpoints,
            self.scope.currentData(),
            self.class_id,
            self.grade,
        )

    def _check(self) -> None:
        d = self.draft()
        if not d.title.strip():
            self.message.setText(self.tr("Give the challenge a title."))
        elif not d.checkpoints:
            self.message.setText(self.tr("Add at least one checkpoint with a date."))
        else:
            self.accept()
