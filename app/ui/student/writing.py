"""Writing: the student's tasks (due dates, where each stands), and the editor for one draft.

The checks run as the student types, off the UI thread and debounced (LiveCheck); underlines appear
in the text and the side panel explains each one with one-click, undoable fixes, the task's checklist
and readability figures. The draft saves itself every little while and on leaving the page; every
save is kept as a version. A draft handed back shows the teacher's comments on their passages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

import app.writing.drafts as drafts
from app.bootstrap import AppContext
from app.people.actor import Actor
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text
from app.ui.student.journal_offer import EditorJournal, JournalOffer
from app.ui.student.kept_text import KEPT
from app.ui.tasks import run_task
from app.ui.theme import set_role
from app.ui.theme.icons import set_icon
from app.ui.widgets.diff_view import plural, when, when_short
from app.ui.widgets.findings_panel import FindingsPanel
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.live_check import CheckOutcome, LiveCheck
from app.ui.widgets.long_paragraph import LongParagraphNotice
from app.ui.widgets.text_offsets import Offsets, plain_text
from app.ui.widgets.writing_editor import WritingEditor
from app.writing.checks.rubric import still_missing
from app.writing.drafts import DraftTooLarge
from app.writing.journal import TextJournal
from app.writing.results import (
    NOT_STARTED,
    RETURNED,
    STATUS_WORDS,
    SUBMITTED,
    DraftInfo,
    MyTask,
    SaveResult,
)

AUTOSAVE_MS = 30_000


TASK = Qt.ItemDataRole.UserRole
# Status words are coloured by role (theme tokens), never by a colour written here.
STATUS_ROLES = {NOT_STARTED: "muted", "writing": "accent", SUBMITTED: "warning", RETURNED: "success"}


def _label(text: str, name: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setAccessibleName(QCoreApplication.translate("WritingPage", name))
    label.setWordWrap(True)
    if role:
        set_role(label, role)
    return label


class WritingPage(QWidget):
    open_page = Signal(str, object)
    opened = Signal()  # a draft is in the editor
    saved = Signal(object)  # SaveResult
    submitted = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.writing = ctx.services.writing
        self.tasks: list[MyTask] = []
        self.view: DraftInfo | None = None
        self._queued: str | None = None  # the last text handed to a save
        self._saved: str | None = None  # the last text known to be saved
        self._wanted = ""  # a task asked for before the list arrived
        self._saved_line = ""  # the "Saved … version N" words last shown: typing replaces exactly these
        self._too_long = False  # the status shows "too long to save" for the text in the editor

        # -- the list of tasks --------------------------------------------------------------------
        title = _label(self.tr("Writing"), "Writing", "title")
        intro = _label(self.tr("Your writing tasks. The checks help as you write; your teacher sees what you "
                               "hand in."), "About writing", "muted")  # fmt: skip
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Writing tasks"))
        set_role(self.list, "lead roomy")
        self.list.itemActivated.connect(lambda item: self.open_task(item.data(TASK)))
        self.open_button = QPushButton(self.tr("&Open"))
        set_icon(self.open_button, "folder-open", "on_accent")
        set_role(self.open_button, "primary")
        self.open_button.setAccessibleName(self.tr("Open writing task"))
        self.open_button.clicked.connect(self._open_selected)
        self.list_message = _label("", "Writing message", "error")
        list_page = QWidget()
        lv = QVBoxLayout(list_page)
        lv.addWidget(title)
        lv.addWidget(intro)
        lv.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.list_message, 1)
        lv.addLayout(row)

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
        self.stack.addWidget(list_page)
        self.stack.addWidget(draft_page)
        QVBoxLayout(self).addWidget(self.stack)

        self.live.checked.connect(self._checked)
        self.live.ready.connect(lambda: self.panel.set_ready(True, self.tr("Checking…") if self.view else ""))
        self.live.failed.connect(lambda m: self.panel.set_ready(True, m))
        self.panel.finding_selected.connect(self.editor.pick)
        self.panel.apply_requested.connect(self.apply)
        self.panel.comment_selected.connect(self.editor.pick_comment)
        self.editor.suggestion_chosen.connect(self.apply)
        self.editor.textChanged.connect(self._edited)
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save(force=True))
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
        current = self.list.currentItem().data(TASK) if self.list.currentItem() else ""
        self.list.clear()
        for m in tasks:
            due = self.tr("Due %1").replace("%1", when(m.task.due_at, "ddd d MMM")) if m.task.due_at else \
                self.tr("No due date")  # fmt: skip
            status = self.tr(STATUS_WORDS[m.status])
            extra = f" \u00b7 {plural(self, m.versions, 'version')}" if m.versions else ""
            item = QListWidgetItem(f"{m.task.title}\n{due} \u00b7 {status}{extra}")
            item.setData(TASK, m.task.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{m.task.title}. {due}. {status}.")
            self.list.addItem(item)
            if m.task.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and tasks:
            self.list.setCurrentRow(0)
        kept = KEPT.any_failed(self.actor.person_id)
        journal = set(self.journal.journal.tasks_of(self.actor.person_id)) & {m.task.id for m in tasks}
        self.list_message.setText(
            self.tr("Some of your writing is not saved yet: it is kept on this computer. Open the task to "
                    "carry on; it saves as soon as it can.") if kept else
            self.tr("Tessera closed before it saved some of your writing. It is kept on this computer: open "
                    "the task to put it back.") if journal else
            "" if tasks else self.tr("No writing tasks yet."))  # fmt: skip
        set_role(self.list_message, "muted" if not tasks else "error")
        if self._wanted:
            wanted, self._wanted = self._wanted, ""
            if any(m.task.id == wanted for m in tasks):
                self.open_task(wanted)

    def _open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_task(item.data(TASK))

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

    # -- saving -----------------------------------------------------------------------------------
    def _unsaved_words(self) -> str:
        return self.tr("Not saved yet: your latest changes save by themselves in a moment.")

    def _edited(self) -> None:
        # On every keystroke, so only two short strings are compared. Only the "Saved" line gives way:
        # an error or a note about kept text says more than "not saved yet" would.
        view = self.view
        if self._too_long and self._fits_now():
            # Undone or shortened below the limit: the "too long to save" error is not true any more.
            self._too_long = False
            self._queued = None
            set_role(self.save_status, "muted")
            saved = plain_text(self.editor) == self._saved and self._saved_line
            self.save_status.setText(self._saved_line if saved else self._unsaved_words())
            return
        if (
            view is not None
            and view.editable
            and self._saved_line
            and self.save_status.text() == self._saved_line
        ):
            self.save_status.setText(self._unsaved_words())

    def _fits_now(self) -> bool:
        """The editor's text is within the draft size limit (exact only near the limit: per keystroke)."""
        limit = drafts.MAX_DRAFT_BYTES
        chars = self.editor.document().characterCount()
        if chars * 4 <= limit:
            return True
        if chars > limit:
            return False
        return len(plain_text(self.editor).encode("utf-8")) <= limit

    def save(self, force: bool = False) -> None:
        """Save the text as a new version if it changed (the service skips an unchanged text too)."""
        view = self.view
        if view is None or not view.editable:
            return
        text = plain_text(self.editor)
        if text == self._saved and self.save_status.text() == self._unsaved_words():
            self.save_status.setText(self._saved_line)  # changed and changed back: it is saved as it is
        if text == self._queued and not force:
            return
        key = (self.actor.person_id, view.task.id)
        if text == self._saved:
            KEPT.drop(key)  # back to what is saved (a failed addition deleted again): nothing to keep
            return
        self._queued = text
        w, a, task_id = self.writing, self.actor, view.task.id
        self.save_status.setText(self.tr("Saving…"))
        self._write_kept(view, text, lambda: w.save_draft(a, task_id, text),
                         lambda r: self._did_save(text, r, task_id),
                         lambda e: self._save_failed(text, e, task_id))  # fmt: skip

    def _write_kept(
        self, view: DraftInfo, text: str, work: Callable[[], Any],
        on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None],
    ) -> None:  # fmt: skip
        """Write ``text`` on the write worker, kept in memory until that succeeds. No owner: the
        bookkeeping of kept text must run even when the page is gone (signed out)."""
        key = (self.actor.person_id, view.task.id)
        revision = KEPT.keep(key, text, view.returned_at)

        def done(result: Any) -> None:
            KEPT.saved(key, revision)
            if isValid(self):
                on_done(result)

        def failed(exc: BaseException) -> None:
            KEPT.failed(key, revision, exc)
            if isValid(self):
                on_failed(exc)

        run_task(lambda _p: work(), done, failed, writes=True)

    def _journal_key(self) -> tuple[str, str, str | None] | None:
        view = self.view
        if view is None or not view.editable or self.stack.currentIndex() != 1:
            return None
        return self.actor.person_id, view.task.id, self._saved

    def _did_save(self, text: str, result: SaveResult, task_id: str = "") -> None:
        self._saved = text
        self._too_long = False
        if task_id:
            self.journal.saved(self.actor.person_id, task_id, text)
        if result.version is not None:
            self._say_saved(result.version.number, result.version.saved_at)
            if self.view is not None and self.view.task.id == task_id and plain_text(self.editor) != text:
                self.save_status.setText(self._unsaved_words())  # typed on while it was saving
        if self.view is not None and not self.view.id and result.version is not None:
            self._refresh_view()  # the first save started the draft
        self.saved.emit(result)

    def _save_failed(self, text: str, exc: BaseException, task_id: str = "") -> None:
        self._too_long = isinstance(exc, DraftTooLarge) and plain_text(self.editor) == text
        if not isinstance(exc, DraftTooLarge):
            self._queued = None  # try again at the next autosave
        self.save_status.setText(error_text(exc))
        set_role(self.save_status, "error")
        if task_id and self.stack.currentIndex() == 0:  # the save on the way out failed
            self.list_message.setText(
                error_text(exc)
                + " "
                + self.tr("Your text is kept on this computer: open the task again to carry on.")
            )

    def _say_saved(self, number: int, at: float) -> None:
        set_role(self.save_status, "muted")
        self._saved_line = self.tr("Saved %1 \u00b7 version %2").replace("%1", when_short(at)) \
            .replace("%2", str(number))  # fmt: skip
        self.save_status.setText(self._saved_line)

    def _refresh_view(self) -> None:
        if self.view is None:
            return
        w, a, task_id = self.writing, self.actor, self.view.task.id
        run_task(lambda _p: w.open_draft(a, task_id), self._refreshed, lambda e: None, owner=self)

    def _refreshed(self, view: DraftInfo) -> None:
        # This read runs beside the writing worker: if another task was opened meanwhile, this view is
        # not the editor's any more, and taking it would send the editor's text to the wrong task.
        if self.view is not None and view.task.id == self.view.task.id:
            # The save's own words stay: a later save may have failed meanwhile ("the disk is full"),
            # and "Saved" from this read would hide that.
            words, role = self.save_status.text(), str(self.save_status.property("role") or "")
            self._show_view(view)
            self.save_status.setText(words)
            set_role(self.save_status, role)

    def hideEvent(self, event: QHideEvent) -> None:
        self.save()  # leaving the page (another page, signing out, closing): keep the work
        super().hideEvent(event)

    # -- handing in -------------------------------------------------------------------------------
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
