"""First start: explore a demo class, or create my own class (a teacher account)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.demo import DEMO_PASSWORD, DEMO_USERNAME, create_demo
from app.i18n import N_
from app.ui.messages import error_text, show_error
from app.ui.tasks import run_with_dialog
from app.ui.theme import set_role

if TYPE_CHECKING:
    from app.people.actor import Actor
    from app.sync.agent import SyncSnapshot


class WelcomeScreen(QWidget):
    """Emits ``demo_ready`` after the demo class is built, ``created(actor)`` for a new class, and
    ``class_arrived`` when a sync brings the school's class (a machine whose installer preset the
    sync folder: nobody should make a class, or a demo, on top of the one that is coming)."""

    demo_ready = Signal()
    created = Signal(object)
    class_arrived = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._left = False  # the class was made on this screen
        title = QLabel(self.tr("Welcome to Tessera"))
        set_role(title, "display")
        intro = QLabel(
            self.tr(
                "Every learner is a mosaic. Tessera keeps your class's profiles, plans and progress on this "
                "computer and works with no internet."
            )
        )
        intro.setWordWrap(True)

        demo_box = QGroupBox(self.tr("Look around first"))
        self.demo_button = QPushButton(self.tr("Start with a &demo class"))
        self.demo_button.setAccessibleName(self.tr("Start with a demo class"))
        self.demo_button.setMinimumHeight(44)
        self.demo_button.clicked.connect(self._make_demo)
        demo_text = QLabel(
            self.tr(
                "24 students with their profiles, two months of practice, plans and "
                "challenges. You can add your own class later."
            )
        )
        demo_text.setWordWrap(True)
        dl = QVBoxLayout(demo_box)
        dl.addWidget(demo_text)
        dl.addWidget(self.demo_button)

        create_box = QGroupBox(self.tr("Create my class"))
        self.fields = {}
        form = QFormLayout(create_box)
        for key, label, secret in [
            ("school", N_("School"), False),
            ("given", N_("Your first name"), False),
            ("family", N_("Your last name"), False),
            ("username", N_("Username"), False),
            ("password", N_("Password (8+ characters)"), True),
            ("klass", N_("Class name"), False),
        ]:
            edit = QLineEdit()
            edit.setAccessibleName(self.tr(label))
            if secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[key] = edit
            form.addRow(self.tr(label), edit)
        self.create_button = QPushButton(self.tr("&Create my class"))
        self.create_button.setAccessibleName(self.tr("Create my class"))
        self.create_button.clicked.connect(self._create)
        self.error = QLabel("")
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        form.addRow("", self.create_button)
        form.addRow("", self.error)

        row = QHBoxLayout()
        row.addWidget(demo_box, 1)
        row.addWidget(create_box, 1)
        column = QWidget()
        column.setMaximumWidth(980)
        inner = QVBoxLayout(column)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addLayout(row)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(column, 10)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        if getattr(ctx, "agent", None) is not None:
            from app.ui.sync_bridge import SyncBridge

            self.sync_bridge = SyncBridge(ctx.agent, self)
            self.sync_bridge.changed.connect(self._synced)
            # A sync may have finished before this screen: look once the window has connected to it.
            QTimer.singleShot(0, self, lambda: self._synced(ctx.agent.snapshot()))

    def _synced(self, snap: SyncSnapshot) -> None:
        # Any finished sync, not only one that applied something: the one that brought the class may
        # have finished before this screen listened, and the next one then brings nothing new.
        if snap.state != "idle" or not snap.last_sync_at or not self.demo_button.isEnabled() or self._left:
            return  # no sync yet, the demo is being built, or the class was made here
        if self.ctx.services.accounts.has_teacher():
            self.class_arrived.emit()

    def _make_demo(self) -> None:
        self.demo_button.setEnabled(False)
        run_with_dialog(
            self,
            self.tr("Building the demo class"),
            lambda p: create_demo(self.ctx.db, progress=p),
            on_done=lambda _info: self._leave(self.demo_ready.emit),
            on_error=self._demo_failed,
        )

    def _demo_failed(self, exc: BaseException) -> None:
        self.demo_button.setEnabled(True)
        show_error(self, exc)

    def _create(self) -> None:
        f = {k: v.text() for k, v in self.fields.items()}
        try:
            actor = self.ctx.services.accounts.create_first_teacher(
                f["school"], f["given"], f["family"], f["username"], f["password"], f["klass"]
            )
        except Exception as exc:  # noqa: BLE001
            self.error.setText(error_text(exc))
            return
        _make_school_key(self.ctx, actor, f["school"])
        self._leave(lambda: self.created.emit(actor))

    def _leave(self, go: Callable[[], None]) -> None:
        """The class was made here: a sync update still on its way must not send the teacher who just
        made it to the sign-in screen as if the class had arrived from the share."""
        self._left = True
        go()


DEMO_HINT = f"Demo class ready. Teacher: {DEMO_USERNAME} / {DEMO_PASSWORD}. Students' PIN: 1234."


def _make_school_key(ctx: AppContext, actor: Actor, name: str) -> None:
    """Signed sync from the first day: the new school's key is made here, through the trust service
    (``app/trust``). A failure only leaves the school unsigned for now (an IT admin can run
    ``python -m app school create``)."""
    import logging

    try:
        ctx.services.trust.set_up_school(actor, name)
    except Exception:  # noqa: BLE001
        logging.getLogger(__name__).exception("trust: the school key could not be made")
