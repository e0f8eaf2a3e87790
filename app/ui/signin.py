"""Sign-in: students pick their class and name and type a short PIN; teachers use a password.
Checks run on a worker thread (Argon2 is deliberately slow). Each refusal (wrong PIN, a wait after
wrong tries, a hold until the teacher unlocks, a switched-off, archived or removed account, a closed
class) is said in its own words; a refusal that means the lists are stale reloads them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui import a11y
from app.ui.a11y import follow_selection
from app.ui.messages import error_text
from app.ui.tasks import run_task
from app.ui.theme import set_role

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.people.actor import Actor
    from app.store.quick_read import QuickClass


# Refusals after which the name (or class) on the screen is out of date.
_STALE_NAME = frozenset({"removed", "archived", "disabled", "not_in_class"})

# Qt.ItemDataRole.UserRole as a plain number: the sign-in screen is the first thing on screen, and
# reaching Qt's namespace would build ~120 enums (~80 ms) before it appears.
STUDENT_ID_ROLE = 256


class SignInScreen(QWidget):
    signed_in = Signal(object)

    def __init__(
        self, ctx: AppContext | None, parent: QWidget | None = None, quick: list[QuickClass] | None = None
    ) -> None:
        """``ctx`` may arrive later (``attach``): until then the lists come from ``quick``."""
        super().__init__(parent)
        self.ctx = ctx
        self.quick = {c.id: c for c in quick or []}
        self.pin_optional: dict[str, bool] = {}  # class -> students sign in without a PIN

        title = QLabel(self.tr("Welcome to Tessera"))
        set_role(title, "display")
        self.message = a11y.live(QLabel(""))  # messages said as they change
        self.message.setAccessibleName(self.tr("Sign-in message"))
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Room for three lines: a wrapped label under the tabs is otherwise given one or two and cut.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 3 + 6)

        # Students
        student = QWidget()
        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Your class"))
        for class_id, name in self._classes():
            self.class_box.addItem(name, class_id)
        self.names = QListWidget()
        self.names.setAccessibleName(self.tr("Your name"))
        set_role(self.names, "lead")
        self.pin = QLineEdit()
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QIntValidator(0, 999999, self))
        self.pin.setMaxLength(6)
        self.pin.setPlaceholderText(self.tr("Your PIN"))
        self.student_button = QPushButton(self.tr("Sign in"))
        self.student_button.setAccessibleName(self.tr("Sign in as student"))
        self.student_button.setDefault(True)
        self.form = form = QFormLayout(student)
        form.addRow(self.tr("&Class"), self.class_box)
        form.addRow(self.tr("&Name"), self.names)
        form.addRow(self.tr("&PIN"), self.pin)
        form.addRow("", self.student_button)
        self.class_box.currentIndexChanged.connect(self._load_names)
        self.names.itemActivated.connect(self._name_chosen)
        follow_selection(self.names)  # a screen reader's "select" picks the name too
        self.pin.returnPressed.connect(self._student_sign_in)
        self.student_button.clicked.connect(self._student_sign_in)

        # Teachers
        teacher = QWidget()
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Username"))
        self.password = QLineEdit()
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.teacher_button = QPushButton(self.tr("Sign in"))
        self.teacher_button.setAccessibleName(self.tr("Sign in as teacher"))
        tform = QFormLayout(teacher)
        tform.addRow(self.tr("&Username"), self.username)
        tform.addRow(self.tr("Pass&word"), self.password)
        tform.addRow("", self.teacher_button)
        self.password.returnPressed.connect(self._teacher_sign_in)
        self.teacher_button.clicked.connect(self._teacher_sign_in)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Sign in as"))
        self.tabs.addTab(student, self.tr("I'm a student"))
        self.tabs.addTab(teacher, self.tr("I'm a teacher"))
        self.tabs.setMaximumWidth(520)
        self.tabs.currentChanged.connect(self._tab_changed)

        box = QVBoxLayout(self)
        box.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        col = QVBoxLayout()
        col.addWidget(title)
        col.addWidget(self.tabs)
        col.addWidget(self.message)
        row.addLayout(col)
        row.addStretch(1)
        box.addLayout(row)
        box.addStretch(2)
        self._load_names()
        self._set_ready(ctx is not None)

    def focus_first(self) -> None:
        """Where a keyboard user starts: their name (the class box while it lists no one), or the
        username on the teacher tab."""
        if self.tabs.currentIndex() == 1:
            self.username.setFocus()
        else:
            (self.names if self.names.count() else self.class_box).setFocus()

    def _tab_changed(self, _index: int) -> None:
        if not self.tabs.tabBar().hasFocus():  # clicked (arrowing along the tabs keeps the focus there)
            self.focus_first()

    def _classes(self) -> list[tuple[str, str]]:
        if self.ctx is None:
            return [(c.id, c.name) for c in self.quick.values()]
        classes = self.ctx.services.accounts.sign_in_classes()
        self.pin_optional = {c.id: c.pin_optional for c in classes}
        return [(c.id, c.name) for c in classes]

    def _name_chosen(self, _item: QListWidgetItem) -> None:
        if self.pin.isVisible():
            self.pin.setFocus()
        else:
            self._student_sign_in()

    def _show_pin(self) -> None:
        """The PIN row is there unless this class signs in without one (and the policy allows it)."""
        self.form.setRowVisible(self.pin, not self.pin_optional.get(self.class_box.currentData(), False))

    def _students(self, class_id: str) -> list[tuple[str, str]]:
        if self.ctx is None:
            return list(self.quick[class_id].students) if class_id in self.quick else []
        return [(st.id, st.name) for st in self.ctx.services.accounts.sign_in_students(class_id)]

    def _set_ready(self, ready: bool) -> None:
        self.student_button.setEnabled(ready)
        self.teacher_button.setEnabled(ready)
        self.student_button.setToolTip("" if ready else self.tr("Opening your class…"))

    def attach(self, ctx: AppContext) -> None:
        """The data folder is open: sign-in works from now on (lists stay as the user left them)."""
        self.ctx = ctx
        self.pin_optional = {c.id: c.pin_optional for c in ctx.services.accounts.sign_in_classes()}
        self._show_pin()
        self._set_ready(True)

    def _reload(self) -> None:
        """Fresh lists after a refusal that showed them stale, keeping the class picked if it is still open."""
        class_id = self.class_box.currentData()
        self.class_box.blockSignals(True)
        self.class_box.clear()
        for cid, name in self._classes():
            self.class_box.addItem(name, cid)
        self.class_box.setCurrentIndex(max(0, self.class_box.findData(class_id)))
        self.class_box.blockSignals(False)
        self._load_names()

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def _load_names(self) -> None:
        self.names.clear()
        self._show_pin()
        class_id = self.class_box.currentData()
        if not class_id:
            return
        for student_id, name in self._students(class_id):
            item = QListWidgetItem(name)
            item.setData(STUDENT_ID_ROLE, student_id)
            self.names.addItem(item)

    def _busy(self, busy: bool) -> None:
        self._set_ready(not busy and self.ctx is not None)
        if busy:
            self.message.setText(self.tr("Checking…"))

    def _student_sign_in(self) -> None:
        if self.ctx is None or not self.student_button.isEnabled():
            return  # not open yet, or already checking: Enter pressed twice must not sign in twice
        item = self.names.currentItem()
        if item is None:
            self.message.setText(self.tr("Pick your name first."))
            return
        class_id, student_id, pin = self.class_box.currentData(), item.data(STUDENT_ID_ROLE), self.pin.text()
        self._busy(True)
        run_task(
            lambda _p: self.ctx.services.accounts.sign_in_student(class_id, student_id, pin),
            self._done,
            self._failed,
            owner=self,
        )

    def _teacher_sign_in(self) -> None:
        if self.ctx is None or not self.teacher_button.isEnabled():
            return  # not open yet, or already checking: Enter pressed twice must not sign in twice
        user, password = self.username.text(), self.password.text()
        self._busy(True)
        run_task(
            lambda _p: self.ctx.services.accounts.sign_in_teacher(user, password),
            self._done,
            self._failed,
            owner=self,
        )

    def _first_password(self, user: str) -> None:
        """A teacher from the school's class lists: choose a password, then in (app.ui.first_password)."""
        from app.ui.first_password import FirstPasswordDialog

        dialog = FirstPasswordDialog(user.strip(), self)
        if dialog.exec() != FirstPasswordDialog.DialogCode.Accepted:
            self._busy(False)
            self.password.clear()
            return
        chosen = dialog.password()
        run_task(
            lambda _p: self.ctx.services.accounts.set_first_password(user, chosen),
            self._done,
            self._failed,
            writes=True,
            owner=self,
        )

    def _done(self, actor: Actor) -> None:
        self._busy(False)
        self.pin.clear()
        self.password.clear()
        self.message.setText("")
        self.signed_in.emit(actor)

    def _failed(self, exc: BaseException) -> None:
        from app.people.accounts import PasswordNotSet

        if isinstance(exc, PasswordNotSet) and self.ctx is not None:
            self._first_password(self.username.text())
            return
        self._busy(False)
        self.pin.clear()
        self.password.clear()
        reason = getattr(exc, "reason", "")
        if reason in _STALE_NAME or reason == "class_closed":
            self._reload()
        self.message.setText(error_text(exc))
