"""The school's staff on screen (issue 21): who is on the staff; a leader adds a teacher or a leader;
a teacher of a class brings a colleague in as co-teacher. The services check who may: a teacher
cannot add a co-teacher to another teacher's class, and the panel shows the service's plain refusal."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.i18n import N_
from app.people.actor import Actor
from app.school.staff import ClassTeacher, StaffRow
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role
from app.ui.widgets.lazy_refresh import LazyRefresh

ROLE_WORDS = {"teacher": N_("Teacher"), "leader": N_("Leader")}


class StaffPanel(QGroupBox):
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Staff"))
        self.ctx, self.actor = ctx, actor
        self.svc = ctx.services.school.staff
        self._loads = Latest()
        self.staff_rows: list[StaffRow] = []
        self.teachers: list[ClassTeacher] = []
        self.staff_list = QListWidget()
        self.staff_list.setAccessibleName(self.tr("The school's staff"))

        # A class's teachers, and a colleague to bring in as co-teacher.
        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Class for a co-teacher"))
        for c in ctx.services.roster.my_classes(actor):
            self.class_box.addItem(c.name, c.id)
        self.class_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.class_teachers = QLabel("")
        self.class_teachers.setAccessibleName(self.tr("The class's teachers"))
        self.class_teachers.setWordWrap(True)
        self.colleague = QComboBox()
        self.colleague.setAccessibleName(self.tr("Colleague to add as co-teacher"))
        self.add_co_button = QPushButton(self.tr("Add as &co-teacher"))
        self.add_co_button.setAccessibleName(self.tr("Add as co-teacher"))
        self.add_co_button.clicked.connect(self.add_co_teacher)
        self.co_box = QGroupBox(self.tr("Co-teachers"))
        co = QFormLayout(self.co_box)
        co.addRow(self._label(self.tr("Cla&ss:"), self.class_box), self.class_box)
        co.addRow(self.tr("Its teachers:"), self.class_teachers)
        pick = QHBoxLayout()
        pick.addWidget(self.colleague, 1)
        pick.addWidget(self.add_co_button)
        co.addRow(self._label(self.tr("Colleag&ue:"), self.colleague), pick)

        layout = QVBoxLayout(self)
        layout.addWidget(self.staff_list, 1)
        layout.addWidget(self.co_box)
        self.co_box.setVisible(self.class_box.count() > 0)  # a leader teaching no class adds staff only
        self.add_box: QWidget | None = None
        if actor.is_leader:  # a leader (or the machine's admin) adds staff
            layout.addWidget(self._add_staff_box())
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Staff message"))
        self.status.setWordWrap(True)
        set_role(self.status, "muted")
        layout.addWidget(self.status)
        self.lazy = LazyRefresh(self, bus, Kind.ROSTER | Kind.SCHOOL, self.refresh)
        self.refresh()

    def _label(self, words: str, buddy: QWidget) -> QLabel:
        label = QLabel(words)
        label.setBuddy(buddy)
        return label

    def _add_staff_box(self) -> QWidget:
        box = QGroupBox(self.tr("Add a member of staff"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role of the new member of staff"))
        for value, words in ROLE_WORDS.items():
            self.role.addItem(self.tr(words), value)
        self.given = QLineEdit()
        self.given.setAccessibleName(self.tr("Given name"))
        self.family = QLineEdit()
        self.family.setAccessibleName(self.tr("Family name"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Username"))
        self.password = QLineEdit()
        self.password.setAccessibleName(self.tr("First password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Empty: they choose it at first sign-in"))
        self.add_staff_button = QPushButton(self.tr("Add to the &staff"))
        self.add_staff_button.setAccessibleName(self.tr("Add to the staff"))
        self.add_staff_button.clicked.connect(self.add_staff)
        form = QFormLayout(box)
        for words, w in ((self.tr("&Role:"), self.role), (self.tr("G&iven name:"), self.given),
                         (self.tr("&Family name:"), self.family), (self.tr("&Username:"), self.username),
                         (self.tr("First &password:"), self.password)):  # fmt: skip
            form.addRow(self._label(words, w), w)
        form.addRow("", self.add_staff_button)
        self.add_box = box
        return box

    @property
    def class_id(self) -> str:
        return self.class_box.currentData() or ""

    def refresh(self) -> None:
        svc, actor, cid = self.svc, self.actor, self.class_id

        def load(_p):  # noqa: ANN001, ANN202
            return svc.staff(actor), (svc.class_teachers(actor, cid) if cid else [])

        run_task(load, self._loads(self._show), self._fail, owner=self)

    def _show(self, data) -> None:  # noqa: ANN001
        self.staff_rows, self.teachers = data
        self.staff_list.clear()
        for r in self.staff_rows:
            self.staff_list.addItem(f"{r.name}: {self.tr(ROLE_WORDS.get(r.role, r.role))}"
                                    + (f" ({r.username})" if r.username else ""))  # fmt: skip
        self.class_teachers.setText(
            ", ".join(t.name + (" " + self.tr("(you)") if t.is_me else "") for t in self.teachers)
        )
        keep = self.colleague.currentData()
        teaching = {t.id for t in self.teachers}
        self.colleague.clear()
        for r in self.staff_rows:
            if r.role == "teacher" and r.id not in teaching:
                self.colleague.addItem(r.name, r.id)
        i = self.colleague.findData(keep) if keep else 0
        self.colleague.setCurrentIndex(max(i, 0))
        self.add_co_button.setEnabled(self.colleague.count() > 0)
        self.loaded.emit()

    def add_co_teacher(self) -> None:
        cid, tid = self.class_id, self.colleague.currentData() or ""
        name = self.colleague.currentText()
        if not (cid and tid):
            return
        run_task(lambda _p: self.svc.add_co_teacher(self.actor, cid, tid),
                 lambda _r: self._done(self.tr("%1 now co-teaches the class.").replace("%1", name)),
                 self._fail, writes=True, owner=self)  # fmt: skip

    def add_staff(self) -> None:
        role = self.role.currentData()
        given, family, user = self.given.text(), self.family.text(), self.username.text()
        password = self.password.text() or None
        run_task(lambda _p: self.svc.add_staff(self.actor, role, given, family, user, password),
                 lambda row: self._added(row), self._fail, writes=True, owner=self)  # fmt: skip

    def _added(self, row: StaffRow) -> None:
        for w in (self.given, self.family, self.username, self.password):
            w.clear()
        self._done(
            self.tr("%1 is on the staff; they sign in as %2.")
            .replace("%1", row.name)
            .replace("%2", row.username)
        )

    def _done(self, words: str) -> None:
        set_role(self.status, "muted")
        self.status.setText(words)
        self.refresh()

    def _fail(self, exc: BaseException) -> None:
        set_role(self.status, "error")
        self.status.setText(error_text(exc))
        self.loaded.emit()


class StaffPage(QWidget):
    """The leader's own page for the staff (a leader teaches no class, so has no School page)."""

    open_page = Signal(str, object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        title = QLabel(self.tr("Staff"))
        set_role(title, "title")
        self.panel = StaffPanel(ctx, actor, bus)
        self.panel.setTitle("")
        self.panel.loaded.connect(self.loaded)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.panel, 1)

    def refresh(self) -> None:
        self.panel.refresh()
