"""The Draft tab of writing review: a student's draft, read-only, beside what the checks found, and the
teacher's response to it: a comment on a selected passage, overall feedback, and handing it back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from app.people.actor import Actor
from app.ui.events import ChangeBus
from app.ui.messages import error_text
from app.ui.tasks import run_task
from app.ui.theme import set_role
from app.ui.widgets.common import button
from app.ui.widgets.findings_panel import FindingsPanel
from app.ui.widgets.live_check import CheckOutcome, LiveCheck
from app.ui.widgets.text_offsets import Offsets
from app.ui.widgets.writing_editor import WritingEditor
from app.writing.checks.findings import CheckConfig
from app.writing.results import SUBMITTED, DraftInfo

if TYPE_CHECKING:
    from app.writing.service import WritingService


class DraftResponse(QSplitter):
    commented = Signal()
    returned = Signal()
    shown = Signal(object)  # the DraftInfo now shown: opened, commented on or handed back

    def __init__(self, writing: WritingService, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.writing, self.actor, self.bus = writing, actor, bus
        self.view: DraftInfo | None = None
        self._offsets = Offsets("")
        # The draft asked for last (set by whoever opens one): a comment or hand-back finishing after
        # another draft was opened must not show on it.
        self.wanted = ""

        self.editor = WritingEditor("Student's writing")
        self.editor.setReadOnly(True)
        # Read-only alone selects by mouse only: a keyboard user must be able to pick a passage to
        # comment on (Shift+arrows), and the cursor shows where that selection starts.
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.editor.selectionChanged.connect(self._selection_changed)
        self.live = LiveCheck(self.editor)
        self.panel = FindingsPanel(can_apply=False)
        self.panel.setMinimumWidth(330)
        self.comment_text = QPlainTextEdit()
        self.comment_text.setAccessibleName(self.tr("Comment on the selected words"))
        self.comment_text.setPlaceholderText(self.tr("Select words in the writing, then write your comment…"))
        self.comment_text.setTabChangesFocus(True)
        self.comment_text.setMaximumHeight(80)
        self.comment_button = button(self, "&Comment on selection", "Comment on selection", self.add_comment)
        self.comment_button.setEnabled(False)
        self.selection_note = QLabel(self.tr("Select a passage in the writing to comment on it."))
        self.selection_note.setAccessibleName(self.tr("Selected passage"))
        self.selection_note.setWordWrap(True)
        set_role(self.selection_note, "muted")
        self.feedback = QPlainTextEdit()
        self.feedback.setAccessibleName(self.tr("Overall feedback"))
        self.feedback.setPlaceholderText(self.tr("Overall feedback for the student…"))
        self.feedback.setTabChangesFocus(True)
        self.feedback.setMaximumHeight(110)
        self.return_button = button(self, "Hand bac&k to student", "Hand back to student", self.return_draft)
        # Levels on writing skills from this draft, row by row of its task's rubric (app.evidence).
        self.services: Any = None  # the app's services, set by the page that owns this (judging needs them)
        self.judge_button = button(
            self, "&Judge skills from this draft…", "Judge skills from this draft", self.judge
        )
        self.judge_button.setToolTip(
            self.tr(
                "Give levels on the writing skills this task's rubric asks for; "
                "the student sees where each level came from."
            )
        )
        self.review_note = QLabel("")
        self.review_note.setAccessibleName(self.tr("Review message"))
        self.review_note.setWordWrap(True)
        self.respond = respond = QWidget()
        rv = QVBoxLayout(respond)
        rv.addWidget(QLabel(self.tr("<b>Comment on a passage</b>")))
        rv.addWidget(self.selection_note)
        rv.addWidget(self.comment_text)
        rv.addWidget(self.comment_button, 0, Qt.AlignmentFlag.AlignLeft)
        rv.addWidget(QLabel(self.tr("<b>Overall feedback</b>")))
        rv.addWidget(self.feedback)
        rv.addWidget(self.return_button, 0, Qt.AlignmentFlag.AlignLeft)
        rv.addWidget(self.judge_button, 0, Qt.AlignmentFlag.AlignLeft)
        rv.addWidget(self.review_note)
        rv.addStretch(1)
        self.panel.insertTab(0, respond, self.tr("Respond"))
        self.panel.setCurrentIndex(0)
        self.addWidget(self.editor)
        self.addWidget(self.panel)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setChildrenCollapsible(False)

        self.live.checked.connect(self._checked)
        self.live.ready.connect(lambda: self.panel.set_ready(True))
        self.live.failed.connect(lambda m: self.panel.set_ready(True, m))
        self.panel.finding_selected.connect(self.editor.pick)
        self.panel.comment_selected.connect(self.editor.pick_comment)

    def open(self, view: DraftInfo, config: CheckConfig) -> None:
        """Show a freshly opened draft, checked with its task's config; the response boxes start empty
        but for the feedback already given."""
        self.live.set_config(None)
        self.editor.show_outcome(None)
        self.panel.show_outcome(None)
        self.editor.setPlainText(view.text)
        self.feedback.setPlainText(view.feedback)
        self.comment_text.clear()
        self.review_note.setText("")
        self.show_view(view)
        self.live.set_config(config)
        if not self.live.is_ready:
            self.panel.set_ready(False)

    def show_view(self, view: DraftInfo) -> None:
        self.view = view
        self._offsets = Offsets(view.text)
        self.shown.emit(view)
        self.editor.set_comments([(self._offsets.to_qt(c.anchor[0]), self._offsets.to_qt(c.anchor[1]))
                                  if c.anchor else None for c in view.comments])  # fmt: skip
        self.panel.set_comments(view.comments)
        self.judge_button.setEnabled(bool(view.version_id) and self.services is not None)
        self.return_button.setEnabled(view.status == SUBMITTED)
        self.return_button.setToolTip("" if view.status == SUBMITTED else
                                      self.tr("Only handed-in work can be handed back."))  # fmt: skip

    def judge(self) -> None:
        """Open the judging dialog for the version on screen, one row per rubric criterion."""
        if self.view is None or not self.view.version_id or self.services is None:
            return
        from app.ui.widgets.judge_dialog import JudgeDialog

        try:
            student, option, rows = self.services.judgements.rows_for_draft(self.actor, self.view.version_id)
        except Exception as exc:  # noqa: BLE001
            self.review_note.setText(error_text(exc))
            return
        self.dialog: JudgeDialog = JudgeDialog(self.services, self.actor, [student], rows, [option], self)
        self.dialog.accepted.connect(self._judged)
        self.dialog.open()

    def _judged(self) -> None:
        n = len({g.skill_id for g in self.dialog.given})
        self.review_note.setText(
            self.tr("Levels given on %n skill(s). The student sees where they came from.", "", n)
        )

    def _checked(self, outcome: CheckOutcome) -> None:
        self.editor.show_outcome(outcome)
        self.panel.show_outcome(outcome)

    # -- a comment on a passage -------------------------------------------------------------------
    def _selection_changed(self) -> None:
        cursor = self.editor.textCursor()
        has = cursor.hasSelection() and self.view is not None and bool(self.view.version_id)
        self.comment_button.setEnabled(has)
        if has:
            quote = " ".join(cursor.selectedText().split())
            quote = quote if len(quote) <= 80 else quote[:79] + "\u2026"
            self.selection_note.setText(self.tr("Selected: “%1”").replace("%1", quote))
        else:
            self.selection_note.setText(self.tr("Select a passage in the writing to comment on it."))

    def selected_passage(self) -> tuple[int, int]:
        """The editor's selection as str offsets into the version shown, without the spaces at its
        ends (Ctrl+Shift+Right and a double-click take the space after a word too)."""
        cursor = self.editor.textCursor()
        start, end = self._offsets.to_py(cursor.selectionStart()), self._offsets.to_py(cursor.selectionEnd())
        text = self.view.text if self.view is not None else ""
        inner = len(text[start:end].strip())
        if inner:
            start += len(text[start:end]) - len(text[start:end].lstrip())
            end = start + inner
        return start, end

    def add_comment(self) -> None:
        view = self.view
        if view is None or not self.editor.textCursor().hasSelection():
            return
        start, end = self.selected_passage()
        text = self.comment_text.toPlainText()
        w, a = self.writing, self.actor

        def work(_p):
            w.add_comment(a, view.id, view.version_id, start, end, text)
            return w.draft(a, view.id)

        run_task(
            work, self._commented, lambda e: self.review_note.setText(error_text(e)), writes=True, owner=self
        )

    def _commented(self, view: DraftInfo) -> None:
        if view.id != self.wanted:
            return  # another draft was opened meanwhile; its comment box is not this one's
        self.comment_text.clear()
        self.review_note.setText(self.tr("Comment added."))
        self.show_view(view)
        self.commented.emit()

    # -- handing back -----------------------------------------------------------------------------
    def return_draft(self) -> None:
        view = self.view
        if view is None:
            return
        feedback = self.feedback.toPlainText()
        w, a = self.writing, self.actor

        def work(_p):
            w.return_draft(a, view.id, feedback)
            return w.draft(a, view.id)

        run_task(
            work, self._returned, lambda e: self.review_note.setText(error_text(e)), writes=True, owner=self
        )

    def _returned(self, view: DraftInfo) -> None:
        if view.id != self.wanted:
            return  # saved all the same (the store tells the screens); only this one has moved on
        self.show_view(view)
        self.review_note.setText(self.tr("Handed back to %1.").replace("%1", view.student_name))
        self.returned.emit()
