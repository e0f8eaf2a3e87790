"""Sign-in PINs for the whole class at once (from the roster): make a new PIN for each student, or give
everyone one PIN; for everybody or only those without one. The PINs are shown once, here, with a button
that prints them as sign-in cards (PDF) for the first lesson."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.people.actor import Actor
from app.people.class_pins import ClassPins, ClassPinService, PinStatus
from app.ui.messages import show_error
from app.ui.tasks import run_with_dialog
from app.ui.widgets.save_place import remember, suggested_path


class ClassPinsDialog(QDialog):
    def __init__(
        self, parent: QWidget, pins: ClassPinService, actor: Actor, class_id: str, status: PinStatus
    ) -> None:
        super().__init__(parent)
        self.pins, self.actor, self.class_id, self.status = pins, actor, class_id, status
        self.result_pins: ClassPins | None = None
        self.setWindowTitle(self.tr("Sign-in PINs for %1").replace("%1", status.class_name))
        self.setAccessibleName(self.tr("Sign-in PINs for the class"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "Students sign in on shared computers with their class, their name and a PIN. %1 of %2 students "
            "have no PIN yet. The PINs are shown once, here: print the sign-in cards before you close this.")
            .replace("%1", str(status.without_pin)).replace("%2", str(status.students)))  # fmt: skip
        intro.setWordWrap(True)
        self.each = QRadioButton(self.tr("&Make a new PIN for each student"))
        self.each.setAccessibleName(self.tr("A new PIN for each student"))
        self.each.setChecked(True)
        self.same = QRadioButton(self.tr("Give every student the &same PIN:"))
        self.same.setAccessibleName(self.tr("The same PIN for every student"))
        self.same_pin = QLineEdit()
        self.same_pin.setAccessibleName(self.tr("PIN for every student"))
        self.same_pin.setPlaceholderText(self.tr("4 to 6 digits"))
        self.same_pin.setMaxLength(6)
        self.same_pin.setEnabled(False)
        self.same.toggled.connect(self.same_pin.setEnabled)
        group = QButtonGroup(self)
        group.addButton(self.each)
        group.addButton(self.same)
        same_row = QHBoxLayout()
        same_row.addWidget(self.same)
        same_row.addWidget(self.same_pin, 1)
        self.only_missing = QCheckBox(self.tr("&Only students who have no PIN yet"))
        self.only_missing.setAccessibleName(self.tr("Only students without a PIN"))
        self.only_missing.setChecked(status.without_pin > 0)
        self.set_button = QPushButton(self.tr("Set &PINs"))
        self.set_button.setAccessibleName(self.tr("Set PINs"))
        self.set_button.setDefault(True)
        self.set_button.clicked.connect(self.set_pins)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("New PINs"))
        self.table.setHorizontalHeaderLabels([self.tr("Student"), self.tr("PIN")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(260)
        self.table.hide()
        self.message = QLabel("")
        self.message.setAccessibleName(self.tr("PIN message"))
        self.message.setWordWrap(True)
        self.print_button = QPushButton(self.tr("P&rint sign-in cards (PDF)…"))
        self.print_button.setAccessibleName(self.tr("Print sign-in cards"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.ask_cards)
        close = QPushButton(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.each)
        layout.addLayout(same_row)
        layout.addWidget(self.only_missing)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def set_pins(self) -> None:
        same = self.same_pin.text().strip() if self.same.isChecked() else None
        pins, a, cid, only = self.pins, self.actor, self.class_id, self.only_missing.isChecked()
        run_with_dialog(self, self.tr("Setting PINs"),
                        lambda progress: pins.set_pins(a, cid, only, same, progress),
                        self._set, lambda e: show_error(self, e))  # fmt: skip

    def _set(self, pins: ClassPins) -> None:
        self.result_pins = pins
        self.table.setRowCount(len(pins.issued))
        for r, p in enumerate(pins.issued):
            self.table.setItem(r, 0, QTableWidgetItem(p.name))
            self.table.setItem(r, 1, QTableWidgetItem(p.pin))
        self.table.setVisible(bool(pins.issued))
        self.adjustSize()
        kept = self.tr(" %n student(s) kept the PIN they had.", "", pins.kept) if pins.kept else ""
        if pins.issued:
            self.message.setText(self.tr("%n new PIN(s) set.", "", len(pins.issued)) + kept
                                 + " " + self.tr("Print the cards now: the PINs cannot be shown again."))  # fmt: skip
        else:
            self.message.setText(self.tr("Every student already has a PIN.") + " "
                                 + self.tr("Untick \u201cOnly students who have no PIN yet\u201d to make new ones."))  # fmt: skip
        self.print_button.setEnabled(bool(pins.issued))
        if pins.issued:
            self.print_button.setFocus()

    def ask_cards(self) -> None:
        pins = self.result_pins
        if pins is None or not pins.issued:
            return
        name = pins.class_name.replace(" ", "-").lower() or "class"
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save the sign-in cards"),
                                               suggested_path(f"{name}-sign-in-cards.pdf"), self.tr("PDF (*.pdf)"))  # fmt: skip
        remember(path)
        if path:
            self.write_cards(path)

    def write_cards(self, path: str) -> None:
        from app.ui.widgets.signin_cards_pdf import write_signin_cards

        pins = self.result_pins
        assert pins is not None
        run_with_dialog(self, self.tr("Making the sign-in cards"),
                        lambda _p: str(write_signin_cards(pins.class_name, pins.issued, path)),
                        lambda p: self.message.setText(self.tr("Saved %1").replace("%1", Path(p).name)),
                        lambda e: show_error(self, e), writes=False)  # fmt: skip
