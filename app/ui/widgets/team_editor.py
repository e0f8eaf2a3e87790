"""Form teams by hand (each student's team in a list) or start from Tessera's suggestion, which
balances complementary strengths and shared interests; the reasons are shown for each team."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.people.roster import StudentRow
from app.planning.challenges import SuggestedTeam, TeamView


class TeamEditor(QWidget):
    suggest_requested = Signal(int)
    save_requested = Signal(list)  # [(name, [member ids])]

    def __init__(self) -> None:
        super().__init__()
        self.students: list[StudentRow] = []
        self.names: list[str] = []
        self.filled: dict[str, frozenset[str]] = {}  # the teams as last filled in (saved ones)
        self.count = QSpinBox()
        self.count.setRange(1, 12)
        self.count.setValue(6)
        self.count.setAccessibleName(self.tr("Number of teams"))
        self.count.valueChanged.connect(self._resize_names)
        self.suggest = QPushButton(self.tr("S&uggest teams"))
        self.suggest.setAccessibleName(self.tr("Suggest teams"))
        self.suggest.clicked.connect(lambda: self.suggest_requested.emit(self.count.value()))
        self.save = QPushButton(self.tr("Sa&ve teams"))
        self.save.setAccessibleName(self.tr("Save teams"))
        self.save.clicked.connect(lambda: self.save_requested.emit(self.teams()))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Teams:")))
        top.addWidget(self.count)
        top.addWidget(self.suggest)
        top.addStretch(1)
        top.addWidget(self.save)
        self.table = QTableWidget(0, 2)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.table.setAccessibleName(self.tr("Team of each student"))
        self.table.setHorizontalHeaderLabels([self.tr("Student"), self.tr("Team")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.reasons = QLabel("")
        self.reasons.setWordWrap(True)
        self.reasons.setAccessibleName(self.tr("Why these teams"))
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Teams message"))
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.reasons, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)

    def set_students(self, students: list[StudentRow], teams: tuple[TeamView, ...]) -> None:
        self.students = list(students)
        self.names = [t.name for t in teams] or [
            self.tr("Team %1").replace("%1", str(i + 1)) for i in range(6)
        ]
        self.count.blockSignals(True)
        self.count.setValue(len(self.names))
        self.count.blockSignals(False)
        team_of = {m: t.name for t in teams for m in t.member_ids}
        self._fill(team_of)
        if teams:
            self.reasons.setText(
                "<b>"
                + self.tr("Teams now")
                + "</b><br>"
                + "<br>".join(
                    f"<b>{t.name}</b>: {', '.join(n.split(' ')[0] for n in t.member_names)}" for t in teams
                )
            )
        else:
            self.reasons.setText(
                self.tr(
                    "No teams yet. <b>Suggest teams</b> balances complementary strengths "
                    "and shared interests; or choose each student's team by hand."
                )
            )
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.filled = arrangement(self.teams())

    def edited(self) -> bool:
        """Teams arranged here (by hand or from a suggestion) since they were last filled in."""
        return arrangement(self.teams()) != self.filled

    def show_suggestion(self, teams: list[SuggestedTeam]) -> None:
        self.names = [t.name for t in teams]
        self.count.blockSignals(True)
        self.count.setValue(len(self.names))
        self.count.blockSignals(False)
        self._fill({m: t.name for t in teams for m in t.member_ids})
        self.reasons.setText(
            "<br><br>".join(
                f"<b>{t.name}</b>: {', '.join(n.split(' ')[0] for n in t.member_names)}. {t.reason}"
                for t in teams
            )
        )
        self.status.setText(self.tr("A suggestion: change anything, then save."))

    def _resize_names(self, n: int) -> None:
        while len(self.names) < n:
            self.names.append(self.tr("Team %1").replace("%1", str(len(self.names) + 1)))
        self.names = self.names[:n]
        self._fill({s.id: self._team_of_row(r) for r, s in enumerate(self.students)})

    def _team_of_row(self, row: int) -> str:
        box = self.table.cellWidget(row, 1)
        return box.currentData() if isinstance(box, QComboBox) else ""

    def _fill(self, team_of: dict[str, str]) -> None:
        self.table.setRowCount(len(self.students))
        for r, s in enumerate(self.students):
            self.table.setItem(r, 0, QTableWidgetItem(s.full_name))
            box = QComboBox()
            box.setAccessibleName(self.tr("Team for %1").replace("%1", str(s.full_name)))
            box.addItem(self.tr("(no team)"), "")
            for name in self.names:
                box.addItem(name, name)
            box.setCurrentIndex(max(0, box.findData(team_of.get(s.id, ""))))
            self.table.setCellWidget(r, 1, box)

    def teams(self) -> list[tuple[str, list[str]]]:
        out: dict[str, list[str]] = {n: [] for n in self.names}
        for r, s in enumerate(self.students):
            name = self._team_of_row(r)
            if name:
                out.setdefault(name, []).append(s.id)
        return [(n, m) for n, m in out.items() if m]


def arrangement(teams: list[tuple[str, list[str]]]) -> dict[str, frozenset[str]]:
    """Team name -> its members, for comparing two arrangements whatever their order."""
    return {name: frozenset(members) for name, members in teams if members}
