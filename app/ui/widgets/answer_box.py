"""Where a learner answers: a line for a number or a word, or numbered choices (radio buttons that the
number keys select). Plain to use by keyboard; every control is named for screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from app.practice.engine.kinds import PICKED, item_kind
from app.ui.theme import set_role


class AnswerBox(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "number"
        self.picked = False  # the learner picks one of the choices (else types the answer)
        self.choices: tuple[str, ...] = ()
        self.locked = False
        self.line = QLineEdit()
        self.line.setAccessibleName(self.tr("Your answer"))
        self.line.setMaxLength(200)
        set_role(self.line, "answer")
        self.line.textChanged.connect(lambda _t: self.changed.emit())
        self.hint = QLabel("")
        set_role(self.hint, "muted")
        self.choices_box = QWidget()
        self.choices_layout = QVBoxLayout(self.choices_box)
        self.choices_layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.buttonToggled.connect(lambda *_a: self.changed.emit())
        self.radios: list[QRadioButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.choices_box)
        layout.addWidget(self.hint)

    def set_item(self, kind: str, choices: tuple[str, ...]) -> None:
        self.kind = kind
        spec = item_kind(kind)
        self.picked = spec.entry == PICKED
        self.choices = tuple(choices)
        for r in self.radios:
            self.group.removeButton(r)
            r.deleteLater()
        self.radios = []
        self.line.clear()
        set_role(self.line, "answer")
        if self.picked:
            for i, text in enumerate(choices):
                shown = text.replace("&", "&&")
                radio = QRadioButton(f"&{i + 1}.  {shown}" if i < 9 else shown)
                radio.setAccessibleName(
                    self.tr("Answer %1: %2").replace("%1", str(i + 1)).replace("%2", str(text))
                )
                set_role(radio, "answer")
                self.group.addButton(radio, i)
                self.choices_layout.addWidget(radio)
                self.radios.append(radio)
        self.hint.setText(self.tr(spec.entry_hint))
        self.line.setVisible(not self.picked)
        self.choices_box.setVisible(self.picked)
        self.set_locked(False)

    def set_locked(self, locked: bool) -> None:
        """While an answer is checked and shown: nothing changes it (but it stays readable, not greyed)."""
        self.locked = locked
        self.line.setReadOnly(locked)
        for r in self.radios:
            r.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, locked)
            r.setFocusPolicy(Qt.FocusPolicy.NoFocus if locked else Qt.FocusPolicy.StrongFocus)

    def mark(self, correct: bool, expected: str) -> None:
        """Show the right answer among the choices (and the learner's, if it was not)."""
        if not self.picked:
            set_role(self.line, "answer-good" if correct else "answer-try")
            return
        chosen = self.group.checkedButton()
        for i, radio in enumerate(self.radios):
            if self.choices[i] == expected:
                set_role(radio, "answer-good")
                radio.setText(radio.text() + "   \u2714")
            elif radio is chosen:
                set_role(radio, "answer-try")
                radio.setText(radio.text() + "   \u2716")

    def focus(self) -> None:
        if self.picked and self.radios:
            (self.group.checkedButton() or self.radios[0]).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, number: int) -> bool:
        """Select choice ``number`` (1-based); False if there is none."""
        if not self.picked or not 1 <= number <= len(self.radios) or self.locked:
            return False
        self.radios[number - 1].setChecked(True)
        self.radios[number - 1].setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def response(self) -> str:
        if self.picked:
            b = self.group.checkedButton()
            return self.choices[self.group.id(b)] if b is not None else ""
        return self.line.text()
