"""Writing: the student's tasks (due dates, where each stands), and the editor for one draft.

The checks run as the student types, off the UI thread and debounced (LiveCheck); underlines appear
in the text and the side panel explains each one with one-click, undoable fixes, the task's checklist
and readability figures. The draft saves itself every little while and on leaving the page; every
save is kept as a version. A draft handed back shows the teacher's comments on their passages.

Split by job: the list of tasks is writing_tasks.py, saving writing_save.py, handing in
writing_hand_in.py; this module builds the page and shows one draft.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text
from app.ui.student.journal_offer import EditorJournal, JournalOffer
from app.ui.student.kept_text import KEPT
from app.ui.student.writing_hand_in import HandingIn
from app.ui.student.writing_tasks import TaskList, _label
from app.ui.tasks import run_task
from app.ui.theme import set_role
from app.ui.theme.icons import set_icon
from app.ui.widgets.diff_view import plural, when
from app.ui.widgets.findings_panel import FindingsPanel
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.live_check import CheckOutcome, LiveCheck
from app.ui.widgets.long_paragraph import LongParagraphNotice
from app.ui.widgets.text_offsets import Offsets
from app.ui.widgets.writing_editor import WritingEditor
from app.writing.journal import TextJournal
from app.writing.results import NOT_STARTED, RETURNED, STATUS_WORDS, SUBMITTED, DraftInfo, MyTask

# Status words are coloured by role (theme tokens), never by a colour written here.
STATUS_ROLES = {NOT_STARTED: "muted", "writing": "accent", SUBMITTED: "warning", RETURNED: "success"}


class WritingPage(HandingIn):
    """The list of tasks, then one draft in the editor. Saving is ``DraftSaving``'s job
    (writing_save.py), handing in ``HandingIn``'s (writing_hand_in.py)."""

    open_page = Signal(str, object)
    opened = Signal()  # a draft is in the editor

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.writing = ctx.services.writing
        self.tasks: list[MyTask] = []
        self.view: DraftInfo | None = None
        self._wanted = ""  # a task asked for before the list arrived

        # -- the list of tasks --------------------------------------------------------------------
        self.task_list = TaskList()
        self.task_list.open_requested.connect(self.open_task)
        self.list, self.open_button = self.task_list.list, self.task_list.open_button
        self.list_message = self.task_list.message

        # -- one draft ----------------------------------------------------------------------------
        back = QPushButton(self.tr("\u2190 &All writing tasks"))
        back.setAccessibleName(self.tr("Back to all writing tasks"))
        back.clicked.connect(self.back)
        self.task_title = _label("", "Task", "heading")
        self.status = _label("", "Draft status", "font-weight: 600;")
        self.prompt = _label("", "Instructions", "panel")  # fmt: skip
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback = _label("", "Teacher feedback", "feedback")  # fmt: skip
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.hide()
        self.editor = WritingEditor("My writing")
        self.editor.setPlaceholderText(self.tr("Start writing here…"))
        self.long_paragraph = LongParagraphNotice(self.editor)
        self.journal_offer = JournalOffer()
        self.journal = EditorJournal(self.editor, _journal_of(ctx), self._journal_key,
                                     self.journal_offer)  # fmt: skip
        self.editor.pasted.connect(self.long_paragraph.check)
        self.panel = FindingsPanel(can_apply=True)
        self.panel.setMinimumWidth(300)
        self.live = LiveCheck(self.editor)
        self.words = _label("", "Word count", "muted")
        self.save_status = _label("", "Save status", "muted")
        self.save_button = QPushButton(self.tr("&Save now"))
        set_icon(self.save_button, "save")
        self.save_button.setAccessibleName(self.tr("Save now"))
        self.save_button.clicked.connect(lambda: self.save(force=True))
        self.submit_button = QPushButton(self.tr("&Hand in…"))
        set_icon(self.submit_button, "send", "on_accent")
        self.submit_button.setAccessibleName(self.tr("Hand in"))
        set_role(self.submit_button, "primary")
        self.submit_button.clicked.connect(self.confirm_submit)
        self.confirm: QMessageBox | None = None

        split = QSplitter()
        split.addWidget(self.editor)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        head = QHBoxLayout()
        head.addWidget(back)
        head.addWidget(self.task_title, 1)
        head.addWidget(self.status)
        foot = QHBoxLayout()
        foot.addWidget(self.words)
        foot.addWidget(self.save_status, 1)
        foot.addWidget(self.save_button)
        foot.addWidget(self.submit_button)
        from app.ui.widgets.read_aloud import ReadAloud  # issue 18: read aloud, if the teacher turned it on

        draft_page = QWidget()
        self.read_aloud = ReadAloud(ctx, actor, self.read_aloud_parts, draft_page)
        self.read_mine = ReadAloud(ctx, actor, lambda: [(self.editor, self.editor.toPlainText())], draft_page,
                                   self.tr("Read &my writing"), self.tr("Read my writing aloud"), "Ctrl+Shift+R")  # fmt: skip
        head.addWidget(self.read_aloud)
        self.read_aloud.tab_after(back)  # Tab goes as the page reads: the top, then the foot
        self.read_mine.tab_before(self.save_button)
        from app.ui import a11y

        a11y.live(self.save_status)  # saving, saved, handed in: said as it changes
        a11y.live(self.list_message)
        foot.insertWidget(0, self.read_mine)
        dv = QVBoxLayout(draft_page)
        dv.addLayout(head)
        dv.addWidget(self.prompt)
        dv.addWidget(self.feedback)
        dv.addWidget(self.long_paragraph)
        dv.addWidget(self.journal_offer)
        dv.addWidget(split, 1)
        dv.addLayout(foot)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.task_list)
        self.stack.addWidget(draft_page)
        QVBoxLayout(self).addWidget(self.stack)

        self.live.checked.connect(self._checked)
        self.live.ready.connect(lambda: self.panel.set_ready(True, self.tr("Checking…") if self.view else ""))
        self.live.failed.connect(lambda m: self.panel.set_ready(True, m))
        self.panel.finding_selected.connect(self.editor.pick)
        self.panel.apply_requested.connect(self.apply)
        self.panel.comment_selected.connect(self.editor.pick_comment)
        self.editor.suggestion_chosen.connect(self.apply)
        self._set_up_saving()  # the autosave timer, Ctrl+S, the status line following the typing
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.back)
        # The list reloads when writing changed (a task set, a draft handed back); an open draft does not.
        self.lazy = LazyRefresh(
            self, bus, Kind.WRITING, self.refresh, when=lambda: self.stack.currentIndex() == 0
        )
        self.live.start_loading()
        self.refresh()

    # -- the list ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        w, a = self.writing, self.actor
        run_task(lambda _p: w.my_tasks(a), self._show_tasks, lambda e: self.list_message.setText(error_text(e)),
                 owner=self)  # fmt: skip

    def _show_tasks(self, tasks: list[MyTask]) -> None:
        self.tasks = tasks
        journal = self.journal.journal.tasks_of(self.actor.person_id)
        self.task_list.show_tasks(tasks, KEPT.any_failed(self.actor.person_id), journal)
        if self._wanted:
            wanted, self._wanted = self._wanted, ""
            if any(m.task.id == wanted for m in tasks):
                self.open_task(wanted)

    def show_item(self, arg: object) -> None:
        """Opened from "what next" with a task id: open that task (a goal id just shows the list)."""
        wanted = str(arg or "")
        if any(m.task.id == wanted for m in self.tasks):
            self.open_task(wanted)
        else:
            self._wanted = wanted
            self.back()

    # -- one draft --------------------------------------------------------------------------------
    def open_task(self, task_id: str) -> None:
        self.save()  # what is in the editor now, before anything replaces it
        w, a = self.writing, self.actor
        self.list_message.setText(self.tr("Opening…"))
        # On the writing worker: it runs after any save still queued, so it reads what was just saved.
        run_task(lambda _p: (w.open_draft(a, task_id), w.check_config(a, task_id)), self._opened,
                 lambda e: self.list_message.setText(error_text(e)), writes=True, owner=self)  # fmt: skip

    def _opened(self, data: tuple) -> None:
        view, config = data
        self.list_message.setText("")
        self._too_long = False
        self.live.set_config(None)
        self.editor.show_outcome(None)
        self.panel.show_outcome(None)
        self.editor.setPlainText(view.text)
        self._queued = self._saved = view.text
        self._show_view(view)
        kept = KEPT.get((self.actor.person_id, view.task.id))
        if kept is not None and view.returned_at > kept.returned_at:
            # Handed back since the text was typed: the teacher's comments are on the version handed
            # in, and the text typed before that must not take its place.
            KEPT.drop((self.actor.person_id, view.task.id))
            kept = None
        if kept is not None and kept.text != view.text and view.editable:
            # Typed before a save failed, or whose save is still on its way: saved at the next autosave.
            self.editor.setPlainText(kept.text)
            self._queued = None
            self.save_status.setText(self.tr("Not saved yet: your text is kept and saves as soon as it can."))
        self.journal.opened(self.actor.person_id, view.task.id, view.text, view.editable, when)
        self.long_paragraph.check()  # after _show_view: a handed-in draft is read-only, not offered
        self.live.set_config(config)
        if not self.live.is_ready:
            self.panel.set_ready(False)
        self.stack.setCurrentIndex(1)
        self.editor.setFocus()
        self.autosave.start()
        self.opened.emit()

    def _show_view(self, view: DraftInfo) -> None:
        """Everything about the draft except its text (the editor has that)."""
        self.view = view
        task = view.task
        self.task_title.setText(task.title)
        due = self.tr("Due %1").replace("%1", when(task.due_at, "dddd d MMMM")) if task.due_at else ""
        self.prompt.setText(task.prompt + (f"\n\n{due}" if due else ""))
        self.prompt.setVisible(bool(task.prompt or due))
        status = view.status if view.id else NOT_STARTED
        self.status.setText(self.tr(STATUS_WORDS[status]))
        set_role(self.status, "strong " + STATUS_ROLES.get(status, ""))
        returned = view.status == RETURNED and view.feedback
        self.feedback.setText(
            self.tr("Your teacher's feedback: %1").replace("%1", view.feedback) if returned else ""
        )
        self.feedback.setVisible(bool(returned))
        self.editor.setReadOnly(not view.editable)
        if not view.editable:  # read-only alone selects by mouse only: keyboard users copy from it too
            self.editor.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        self.panel.set_can_apply(view.editable)
        self.submit_button.setEnabled(view.editable)
        self.save_button.setEnabled(view.editable)
        self._saved_line = ""  # this draft's own, if it has a version
        if view.status == SUBMITTED:
            self.save_status.setText(self.tr("Handed in %1. It comes back here with your teacher's feedback.")
                                     .replace("%1", when(view.submitted_at)))  # fmt: skip
        elif view.versions:
            self._say_saved(view.versions[-1].number, view.versions[-1].saved_at)
        else:
            self.save_status.setText(self.tr("Not saved yet: it saves by itself as you write."))
        offsets = Offsets(view.text)  # comment anchors are offsets into the saved text
        self.editor.set_comments([(offsets.to_qt(c.anchor[0]), offsets.to_qt(c.anchor[1])) if c.anchor else None
                                  for c in view.comments])  # fmt: skip
        self.panel.set_comments(view.comments)
        if view.comments and view.status == RETURNED:
            self.panel.setCurrentWidget(self.panel.comments_page)

    def _checked(self, outcome: CheckOutcome) -> None:
        self.editor.show_outcome(outcome)
        self.panel.show_outcome(outcome)
        r = outcome.result.readability
        self.words.setText(plural(self, r.words, "word"))
        if self.confirm is not None and self.confirm.isVisible():
            # Asked before this check of the text came back: say now what it found missing.
            self.confirm.setText(self._hand_in_question())

    def apply(self, index: int, choice: int) -> None:
        if not self.editor.apply(index, choice):
            self.panel.set_ready(True, self.tr("That part has changed since the check: checking again…"))
            self.live.set_config(self.live.config)
            return
        self.panel.set_ready(True, self.tr("Changed. Ctrl+Z puts it back."))
        self.editor.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        self.save()  # leaving the page (another page, signing out, closing): keep the work
        super().hideEvent(event)

    def back(self) -> None:
        self.save()
        self.autosave.stop()
        self.stack.setCurrentIndex(0)
        self.refresh()
        self.list.setFocus()

    def read_aloud_parts(self) -> list[tuple[QWidget, str]]:
        """What Read aloud reads on a task: its title, the instructions and the teacher's feedback."""
        parts: list[tuple[QWidget, str]] = [
            (self.task_title, self.task_title.text()),
            (self.prompt, self.prompt.text()),
        ]
        if self.feedback.isVisible():
            parts.append((self.feedback, self.feedback.text()))
        return parts


def _journal_of(ctx: Any) -> Any:
    """The crash journal: on a lab computer the service keeps it in its own folder (app/lab/journal.py)."""
    return getattr(ctx, "journal", None) or TextJournal(ctx.settings.data_dir)
