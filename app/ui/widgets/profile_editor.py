"""Edit a student's profile. Students see and edit their own voice; teachers everything."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from app.i18n import N_
from app.people.profiles import LIST_FIELDS, ProfileView
from app.ui import a11y

LABELS = {
    "strengths": N_("Strengths"),
    "interests": N_("Interests"),
    "values": N_("What matters to me"),
    "learning_prefs": N_("How I like to learn"),
    "about_me": N_("In my own words"),
    "accommodations": N_("Accommodations"),
    "teacher_notes": N_("Teacher's notes (private)"),
}


class ProfileEditor(QWidget):
    save_requested = Signal(dict)

    def __init__(self, teacher: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.teacher = teacher
        self.shown: dict = {}  # the values last filled in, to tell what is still unsaved
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout(self)
        for key in LIST_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("separate with commas"))
            self._add(form, key, edit)
        self._add(form, "about_me", QPlainTextEdit())
        acc = QPlainTextEdit()
        acc.setReadOnly(not teacher)
        self._add(form, "accommodations", acc)
        self.read_aloud: QCheckBox | None = None
        if teacher:
            self._add(form, "teacher_notes", QPlainTextEdit())
            # issue 18: the teacher turns read aloud on for a student (practice and writing pages)
            self.read_aloud = QCheckBox(self.tr("Read aloud for this student"))
            self.read_aloud.setAccessibleName(self.tr("Read aloud for this student"))
            self.read_aloud.setAccessibleDescription(
                self.tr("Questions, instructions, feedback and their own writing can be read aloud to them.")
            )
            self.read_aloud.setToolTip(self.read_aloud.accessibleDescription())
            form.addRow(self.tr("Read aloud"), self.read_aloud)
        self.status = a11y.live(QLabel(""))  # messages said as they change
        self.status.setAccessibleName(self.tr("Profile status"))
        self.save = QPushButton(self.tr("&Save profile"))
        self.save.setAccessibleName(self.tr("Save profile"))
        self.save.clicked.connect(self._save)
        form.addRow(self.status, self.save)

    def _add(self, form: QFormLayout, key: str, edit: QLineEdit | QPlainTextEdit) -> None:
        edit.setAccessibleName(self.tr(LABELS[key]))
        if isinstance(edit, QPlainTextEdit):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(70)
        self.edits[key] = edit
        form.addRow(self.tr(LABELS[key]), edit)

    def set_profile(self, view: ProfileView) -> None:
        for key, edit in self.edits.items():
            value = getattr(view, key)
            if isinstance(edit, QLineEdit):
                edit.setText(", ".join(value or []))
                edit.setCursorPosition(0)  # show the start of a long list, not its last few letters
            else:
                edit.setPlainText(value or "")
        if self.read_aloud is not None:
            self.read_aloud.setChecked(view.read_aloud)
        self.shown = self.values()
        self.status.setText("")

    def merge_profile(self, view: ProfileView) -> None:
        """A newer copy of the profile already shown (written here, or arriving by sync): a field being
        typed in keeps what is typed, every other field takes the new value, and the status line keeps
        what it says ("Saved.", "New PIN set…"): the reload a save causes must not wipe its message."""
        typed = self.values()
        for key, edit in self.edits.items():
            new = _text(view, key)
            if key in typed and typed[key] != self.shown.get(key):
                continue  # being typed: kept (and saved as typed)
            current = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
            if current == new:
                continue  # unchanged: the cursor stays where it is
            if isinstance(edit, QLineEdit):
                edit.setText(new)
                edit.setCursorPosition(0)
            else:
                edit.setPlainText(new)
        if self.read_aloud is not None:
            if self.read_aloud.isChecked() == self.shown.get("read_aloud"):  # not changed here: take the new
                self.read_aloud.setChecked(view.read_aloud)
        self.shown = {key: _text(view, key) for key in self.shown if key != "read_aloud"}
        if self.read_aloud is not None:
            self.shown["read_aloud"] = view.read_aloud

    def edited(self) -> bool:
        """Something typed and not saved yet."""
        return self.values() != self.shown

    def values(self) -> dict:
        out: dict[str, str | bool] = {}
        for key, edit in self.edits.items():
            if not self.teacher and key in ("accommodations", "teacher_notes"):
                continue
            out[key] = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
        if self.read_aloud is not None:
            out["read_aloud"] = self.read_aloud.isChecked()
        return out

    def _save(self) -> None:
        self.save_requested.emit(self.values())


def _text(view: ProfileView, key: str) -> str:
    """A field as its edit shows it (lists joined by commas)."""
    value = getattr(view, key)
    return ", ".join(value or []) if key in LIST_FIELDS else value or ""
