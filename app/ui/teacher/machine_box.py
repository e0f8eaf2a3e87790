"""This computer's idle sign-out, set by a teacher (the shared settings file does not count on a lab
machine: app/people/machine_settings.py). Shown on the Sync page, beside where this computer syncs."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.people.machine_settings import MAX_IDLE_MINUTES
from app.ui.messages import error_text


class MachineBox(QGroupBox):
    def __init__(self, ctx, actor, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setTitle(self.tr("This computer"))
        self.ctx, self.actor = ctx, actor
        self.minutes = QSpinBox()
        self.minutes.setAccessibleName(self.tr("Idle sign-out minutes"))
        self.minutes.setRange(1 if ctx.settings.lab_mode else 0, MAX_IDLE_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.apply = QPushButton(self.tr("Set idle sign-out"))
        self.apply.setAccessibleName(self.tr("Set idle sign-out"))
        self.apply.clicked.connect(self._apply)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Idle sign-out status"))
        self.status.setWordWrap(True)
        label = QLabel(self.tr("Sign a quiet user out after"))
        label.setBuddy(self.minutes)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.minutes)
        row.addWidget(self.apply)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        st = self.ctx.settings
        self.minutes.setValue(int(st.get("idle_signout_minutes")))
        locked = st.is_locked("idle_signout_minutes")
        self.minutes.setEnabled(not locked)
        self.apply.setEnabled(not locked)
        if locked:
            self.status.setText(self.tr("Set by your school for this computer."))
        elif st.lab_mode:
            self.status.setText(self.tr("A lab computer: only a teacher can change this, here."))
        else:
            self.status.setText("")

    def _apply(self) -> None:
        try:
            self.ctx.services.machine.set(self.actor, "idle_signout_minutes", self.minutes.value())
        except Exception as exc:  # noqa: BLE001
            self.status.setText(error_text(exc))
            return
        self.status.setText(
            self.tr("Saved: from the next sign-in, a quiet user is signed out after %1 minutes.").replace(
                "%1", str(self.minutes.value())
            )
        )
