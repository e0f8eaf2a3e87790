"""A teacher's view of the school: their class against the school's measures this term, and the
school-wide challenges whose teams span classes (their own students by name, the rest as counts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.school.overview import MyClass
from app.school.teams import SchoolTeamPart
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text
from app.ui.school.parts import _table, run_write, selected_id
from app.ui.school.staff_panel import StaffPanel
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role
from app.ui.widgets.lazy_refresh import LazyRefresh

SID = Qt.ItemDataRole.UserRole + 1


def measure_cells(r, tr) -> list[str]:  # noqa: ANN001
    value = "-" if r.value is None else f"{r.value:g} {tr(r.unit)}"
    met = "" if r.met is None else (tr("met") if r.met else tr("not yet"))
    return [tr(r.label), f"{r.target:g} {tr(r.unit)}", value, met]


class MySchoolPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.svc = ctx.services.school
        self._loads = Latest()
        self.parts: list[SchoolTeamPart] = []
        title = QLabel(self.tr("My class in the school"))
        title.setObjectName("pageTitle")
        set_role(title, "title")
        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Class"))
        for c in ctx.services.roster.my_classes(actor):
            self.class_box.addItem(c.name, c.id)
        self.class_box.currentIndexChanged.connect(lambda _i: self.refresh())
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Class:")))
        head.addWidget(self.class_box)

        self.term = QLabel("")
        self.term.setAccessibleName(self.tr("Term"))
        self.measures = _table("My class against the school's measures",
                               [self.tr("Measure"), self.tr("Target"), self.tr("My class"), ""])  # fmt: skip
        mbox = QGroupBox(self.tr("Our school's measures"))
        mv = QVBoxLayout(mbox)
        mv.addWidget(self.term)
        mv.addWidget(self.measures)

        self.challenge_box = QComboBox()
        self.challenge_box.setAccessibleName(self.tr("School-wide challenge"))
        self.challenge_box.currentIndexChanged.connect(lambda _i: self._load_teams())
        self.teams = _table(self.tr("Teams across classes"),
                            [self.tr("Team"), self.tr("My students"), self.tr("From other classes"), self.tr("Classes")])  # fmt: skip
        head_view = self.teams.horizontalHeader()
        head_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3):
            head_view.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.students = QListWidget()
        self.students.setAccessibleName(self.tr("My students to put on the team"))
        self.students.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
        self.team_name = QLineEdit()
        self.team_name.setAccessibleName(self.tr("New team name"))
        self.team_name.setPlaceholderText(self.tr("New team name"))
        new_team = QPushButton(self.tr("&New team"))
        new_team.setAccessibleName(self.tr("New team"))
        new_team.clicked.connect(self.make_team)
        put = QPushButton(self.tr("&Put the chosen students on the team"))
        put.setAccessibleName(self.tr("Put the chosen students on the team"))
        put.clicked.connect(self.put_students)
        tbox = QGroupBox(self.tr("School-wide challenges: teams across classes"))
        tv = QVBoxLayout(tbox)
        tv.addWidget(self.challenge_box)
        tv.addWidget(self.teams, 2)
        row = QHBoxLayout()
        row.addWidget(self.team_name)
        row.addWidget(new_team)
        tv.addLayout(row)
        tv.addWidget(self.students, 1)
        tv.addWidget(put)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("School page message"))
        self.status.setObjectName("statusLine")
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(mbox, 2)
        layout.addWidget(tbox, 3)
        self.staff = StaffPanel(ctx, actor, bus)  # the staff; co-teachers for my classes
        layout.addWidget(self.staff, 2)
        layout.addWidget(self.status)
        self.lazy = LazyRefresh(
            self, bus, Kind.SCHOOL | Kind.CHALLENGES | Kind.ROSTER | Kind.PLANS, self.refresh
        )
        self.refresh()

    @property
    def class_id(self) -> str:
        return self.class_box.currentData() or ""

    def refresh(self) -> None:
        cid, svc, actor, ctx = self.class_id, self.svc, self.actor, self.ctx
        if not cid:
            self.loaded.emit()
            return

        def load(_p):  # noqa: ANN001, ANN202
            mine = svc.overview.my_class(actor, cid)
            chs = [c for c in ctx.services.challenges.for_class(actor, cid) if c.scope in ("school", "grade")]
            kids = [(s.id, s.full_name) for s in ctx.services.roster.students(actor, cid)]
            return mine, chs, kids

        run_task(load, self._loads(self._show), lambda e: self.status.setText(error_text(e)), owner=self)

    def _show(self, data) -> None:  # noqa: ANN001
        mine: MyClass = data[0]
        chs, kids = data[1], data[2]
        self.term.setText(
            self.tr("Term %1: %2 students").replace("%1", mine.term).replace("%2", str(mine.figures.students))
        )
        self.measures.setRowCount(len(mine.results))
        for r, res in enumerate(mine.results):
            for c, text in enumerate(measure_cells(res, self.tr)):
                self.measures.setItem(r, c, QTableWidgetItem(text))
        if not mine.results:
            self.term.setText(
                self.term.text() + " " + self.tr("(the school has not set measures for this term)")
            )
        keep = self.challenge_box.currentData()
        self.challenge_box.blockSignals(True)
        self.challenge_box.clear()
        for ch in chs:
            self.challenge_box.addItem(ch.title, ch.id)
        i = self.challenge_box.findData(keep) if keep else 0
        self.challenge_box.setCurrentIndex(max(i, 0))
        self.challenge_box.blockSignals(False)
        self.students.clear()
        for sid, name in kids:
            item = QListWidgetItem(name)
            item.setData(SID, sid)
            self.students.addItem(item)
        self._load_teams()

    def _load_teams(self) -> None:
        ch, cid = self.challenge_box.currentData(), self.class_id
        if not ch:
            self.parts = []
            self.teams.setRowCount(0)
            self.loaded.emit()
            return
        run_task(lambda _p: self.svc.teams.my_part(self.actor, ch, cid), self._show_teams,
                 lambda e: self.status.setText(error_text(e)), owner=self)  # fmt: skip

    def _show_teams(self, parts: list[SchoolTeamPart]) -> None:
        keep = self.selected_team()
        self.parts = parts
        self.teams.setRowCount(len(parts))
        for r, p in enumerate(parts):
            cells = [p.name, ", ".join(n for _i, n in p.my_students), str(p.others), str(p.classes)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(SID, p.team_id)
                self.teams.setItem(r, c, item)
            if p.team_id == keep:
                self.teams.selectRow(r)
        self.loaded.emit()

    def selected_team(self) -> str:
        return selected_id(self.teams, SID)

    def make_team(self) -> None:
        ch, name = self.challenge_box.currentData(), self.team_name.text()
        if ch:
            run_write(self, self.status, lambda: self.svc.teams.make_team(self.actor, ch, name),
                      lambda _r: self._done(self.tr("Team made.")))  # fmt: skip

    def put_students(self) -> None:
        team, cid = self.selected_team(), self.class_id
        chosen = [i.data(SID) for i in self.students.selectedItems()]
        if team:
            run_write(self, self.status, lambda: self.svc.teams.set_my_students(self.actor, team, cid, chosen),
                      lambda _r: self._done(self.tr("Your students on the team are saved.")))  # fmt: skip

    def _done(self, words: str) -> None:
        self.status.setText(words)
        self.team_name.clear()
        self._load_teams()
