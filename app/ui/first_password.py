"""A teacher whose account came from the school's class lists chooses a password at first sign-in."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class FirstPasswordDialog(QDialog):
    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose your password"))
        self.setAccessibleName(self.tr("Choose your password"))
        self.setMinimumWidth(440)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Welcome, {0}! Your school added you to Tessera. Choose a password of at least "
                "8 characters; you will use it every time you sign in."
            ).format(username)
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New password"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("New password again"))
        form.addRow(self.tr("New password"), self.first)
        form.addRow(self.tr("Again"), self.second)
        lay.addLayout(form)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set password and sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(
            self.tr("Set password and sign in")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def password(self) -> str:
        return self.first.text()

    def _check(self) -> None:
        if len(self.first.text()) < 8:
            self.message.setText(self.tr("Please choose a password of at least 8 characters."))
        elif self.first.text() != self.second.text():
            self.message.setText(self.tr("The two passwords are not the same."))
        else:
            self.accept()
