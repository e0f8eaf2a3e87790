"""Writing, handing a draft in: the question first (saying what the task's checklist still asks for,
updated when a check comes back), then the text saved and handed in on the write worker, kept in
memory until that succeeded.

``HandingIn`` is the handing-in part of ``WritingPage`` (app/ui/student/writing.py).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.ui.student.writing_save import DraftSaving
from app.ui.widgets.live_check import LiveCheck
from app.ui.widgets.text_offsets import plain_text
from app.writing.checks.rubric import still_missing


class HandingIn(DraftSaving):
    submitted = Signal()

    # Built by the writing page.
    live: LiveCheck
    submit_button: QPushButton
    confirm: QMessageBox | None

    def confirm_submit(self) -> None:
        if self.view is None or not self.view.editable:
            return
        if not plain_text(self.editor).strip():
            self.save_status.setText(self.tr("Write something before you hand it in."))
            return
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        question = self._hand_in_question()
        self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Hand in"), question, buttons, self)
        self.confirm.setAccessibleName(self.tr("Confirm hand in"))
        self.confirm.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm.button(QMessageBox.StandardButton.Yes).clicked.connect(self.submit)
        self.confirm.open()  # not blocking: the editor keeps its state meanwhile

    def _hand_in_question(self) -> str:
        title = self.view.task.title if self.view is not None else ""
        missing = self._still_missing()
        if not missing:
            question = self.tr("Hand in “%1” now? You cannot change it until your teacher hands it back.")
            return question.replace("%1", title)
        question = self.tr("Hand in “%1” anyway? You cannot change it until your teacher hands it back.")
        return missing + "\n\n" + question.replace("%1", title)

    def _still_missing(self) -> str:
        """What the checklist still asks for, in a sentence or two; "" when it is all done, or when the
        text on screen has not been checked yet (the question is updated when it has)."""
        outcome, config = self.live.last, self.live.config
        if outcome is None or outcome.text != plain_text(self.editor):
            return ""
        rubric = config.rubric if config is not None else None
        return still_missing(rubric, outcome.result.rubric, outcome.result.readability.words)

    def submit(self) -> None:
        if self.view is None:
            return
        text = plain_text(self.editor)
        w, a, task_id = self.writing, self.actor, self.view.task.id
        self.autosave.stop()
        self.save_status.setText(self.tr("Handing in…"))
        self._write_kept(
            self.view,
            text,
            lambda: (w.submit(a, task_id, text), w.open_draft(a, task_id)),
            self._submitted,
            lambda e: self._hand_in_failed(text, e, task_id),
        )

    def _hand_in_failed(self, text: str, exc: BaseException, task_id: str) -> None:
        self._save_failed(text, exc, task_id)
        self.autosave.start()  # not handed in: go on saving as before

    def _submitted(self, data: tuple) -> None:
        _result, view = data
        self._queued = self._saved = view.text
        self.journal.saved(self.actor.person_id, view.task.id, view.text)
        self._show_view(view)
        self.submitted.emit()
