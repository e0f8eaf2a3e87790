"""Dialogs for the teacher: set up a writing task (prompt, due date, checks, checklist), and the class
word list (words the spelling check accepts; students' names are always accepted)."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.theme import set_role
from app.writing.checks import GRAMMAR, SPELLING, STYLE, RubricCriteria
from app.writing.results import TaskInfo, TaskSpec


def _count(name: str, value: int | None, maximum: int = 5000) -> QSpinBox:
    box = QSpinBox()
    box.setAccessibleName(QCoreApplication.translate("WritingTaskDialog", name))
    box.setRange(0, maximum)
    box.setSpecialValueText("\u2014")  # 0 shows as a dash: not asked
    box.setValue(value or 0)
    return box


def _name_buttons(box: QDialogButtonBox) -> None:
    for button in box.buttons():
        button.setAccessibleName(button.text().replace("&", ""))


class TaskDialog(QDialog):
    def __init__(self, parent: QWidget | None, task: TaskInfo | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit writing task") if task else self.tr("New writing task"))
        self.setAccessibleName(self.windowTitle())
        spec = task.spec if task is not None else TaskSpec("")
        r = spec.rubric
        self.title = QLineEdit(spec.title)
        self.title.setAccessibleName(self.tr("Title"))
        self.prompt = QPlainTextEdit(spec.prompt)
        self.prompt.setAccessibleName(self.tr("Instructions for students"))
        self.prompt.setTabChangesFocus(True)
        self.prompt.setMinimumHeight(90)
        self.has_due = QCheckBox(self.tr("&Due on"))
        self.has_due.setAccessibleName(self.tr("Has a due date"))
        self.has_due.setChecked(spec.due_at > 0)
        self.due = QDateEdit()
        self.due.setAccessibleName(self.tr("Due date"))
        self.due.setCalendarPopup(True)
        due = (
            QDateTime.fromSecsSinceEpoch(int(spec.due_at)).date()
            if spec.due_at
            else QDate.currentDate().addDays(7)
        )
        self.due.setDate(due)
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)

        self.checks: dict[str, QCheckBox] = {}
        checks_row = QHBoxLayout()
        for category, label in ((SPELLING, self.tr("&Spelling")), (GRAMMAR, self.tr("&Grammar")),
                                (STYLE, self.tr("St&yle"))):  # fmt: skip
            box = QCheckBox(label)
            box.setAccessibleName(self.tr("Check %1").replace("%1", str(category)))
            box.setChecked(category in spec.categories)
            self.checks[category] = box
            checks_row.addWidget(box)
        checks_row.addStretch(1)

        self.min_words = _count("Fewest words", r.min_words)
        self.max_words = _count("Most words", r.max_words)
        self.min_paragraphs = _count("Fewest paragraphs", r.min_paragraphs, 100)
        self.max_paragraphs = _count("Most paragraphs", r.max_paragraphs, 100)
        self.topic_words = QLineEdit(", ".join(r.topic_words))
        self.topic_words.setAccessibleName(self.tr("Topic words"))
        self.topic_words.setPlaceholderText(self.tr("magma, lava, tectonic plates"))
        self.min_topic = _count("How many topic words", r.min_topic_words, 30)
        self.min_topic.setSpecialValueText(self.tr("all"))
        self.claim = QCheckBox(self.tr("States a &claim or main idea at the start"))
        self.claim.setAccessibleName(self.tr("Requires a claim"))
        self.claim.setChecked(r.require_claim)
        self.conclusion = QCheckBox(self.tr("Ends with a co&nclusion"))
        self.conclusion.setAccessibleName(self.tr("Requires a conclusion"))
        self.conclusion.setChecked(r.require_conclusion)
        self.transitions = _count("Fewest linking words", r.min_transitions, 20)

        rubric = QGroupBox(self.tr("Checklist (students see it as they write; \u2014 means not asked)"))
        rf = QFormLayout(rubric)
        words = QHBoxLayout()
        words.addWidget(self.min_words)
        words.addWidget(QLabel(self.tr("to")))
        words.addWidget(self.max_words)
        words.addStretch(1)
        paragraphs = QHBoxLayout()
        paragraphs.addWidget(self.min_paragraphs)
        paragraphs.addWidget(QLabel(self.tr("to")))
        paragraphs.addWidget(self.max_paragraphs)
        paragraphs.addStretch(1)
        rf.addRow(self.tr("Words:"), words)
        rf.addRow(self.tr("Paragraphs:"), paragraphs)
        rf.addRow(self.tr("&Topic words:"), self.topic_words)
        rf.addRow(self.tr("Use at least:"), self.min_topic)
        rf.addRow(self.claim)
        rf.addRow(self.conclusion)
        rf.addRow(self.tr("Different linking words:"), self.transitions)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Instructions:"), self.prompt)
        form.addRow(self.tr("Due:"), due_row)
        form.addRow(self.tr("Checks:"), checks_row)
        self.message = QLabel("")
        self.message.setAccessibleName(self.tr("Task message"))
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        _name_buttons(buttons)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(rubric)
        outer.addWidget(self.message)
        outer.addWidget(buttons)
        self.resize(620, 600)

    def spec(self) -> TaskSpec:
        def asked(box: QSpinBox) -> int | None:
            return box.value() or None

        due = 0.0
        if self.has_due.isChecked():
            due = float(QDateTime(self.due.date(), QTime(23, 59)).toSecsSinceEpoch())
        topic = tuple(w.strip() for w in self.topic_words.text().replace(";", ",").split(",") if w.strip())
        criteria = RubricCriteria(
            min_words=asked(self.min_words), max_words=asked(self.max_words),
            min_paragraphs=asked(self.min_paragraphs), max_paragraphs=asked(self.max_paragraphs),
            topic_words=topic, min_topic_words=asked(self.min_topic) if topic else None,
            require_claim=self.claim.isChecked(), require_conclusion=self.conclusion.isChecked(),
            min_transitions=asked(self.transitions),
        )  # fmt: skip
        categories = frozenset(c for c, box in self.checks.items() if box.isChecked())
        return TaskSpec(self.title.text(), self.prompt.toPlainText(), due, categories, criteria)

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.message.setText(self.tr("Give the writing task a title."))
            self.title.setFocus()
            return
        if self.has_due.isChecked() and self.spec().due_at < time.time() - 86_400 * 365:
            self.message.setText(self.tr("That due date is more than a year ago."))
            return
        self.accept()


class WordListDialog(QDialog):
    def __init__(self, parent: QWidget | None, words: tuple[str, ...] | list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Class word list"))
        self.setAccessibleName(self.windowTitle())
        note = QLabel(self.tr("Words the spelling check accepts for this class, one per line: places, topic "
                              "words, names from books. Students' and teachers' names are always accepted."))  # fmt: skip
        note.setWordWrap(True)
        self.words = QPlainTextEdit("\n".join(words))
        self.words.setAccessibleName(self.tr("Class words, one per line"))
        self.words.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        _name_buttons(buttons)
        outer = QVBoxLayout(self)
        outer.addWidget(note)
        outer.addWidget(self.words, 1)
        outer.addWidget(buttons)
        self.resize(420, 420)

    def word_list(self) -> list[str]:
        return [line.strip() for line in self.words.toPlainText().splitlines() if line.strip()]
