"""Writing, saving a draft: every little while (autosave), on Save now, on leaving the page; the words
of the save status; and the text kept in memory (``KEPT``) until its save has succeeded.

``DraftSaving`` is the saving part of ``WritingPage`` (app/ui/student/writing.py), which builds the
widgets it names and shows the draft (``_show_view``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget
from shiboken6 import isValid

import app.writing.drafts as drafts
from app.people.actor import Actor
from app.ui.messages import error_text
from app.ui.student.journal_offer import EditorJournal
from app.ui.student.kept_text import KEPT
from app.ui.tasks import run_task
from app.ui.theme import set_role
from app.ui.widgets.diff_view import when_short
from app.ui.widgets.text_offsets import plain_text
from app.ui.widgets.writing_editor import WritingEditor
from app.writing.drafts import DraftTooLarge
from app.writing.results import DraftInfo, SaveResult

AUTOSAVE_MS = 30_000


class DraftSaving(QWidget):
    saved = Signal(object)  # SaveResult

    # Built by the writing page.
    writing: Any  # the writing service
    actor: Actor
    view: DraftInfo | None
    editor: WritingEditor
    save_status: QLabel
    list_message: QLabel
    stack: QStackedWidget  # 0: the list of tasks, 1: the draft
    journal: EditorJournal

    def _set_up_saving(self) -> None:
        self._queued: str | None = None  # the last text handed to a save
        self._saved: str | None = None  # the last text known to be saved
        self._saved_line = ""  # the "Saved … version N" words last shown: typing replaces exactly these
        self._too_long = False  # the status shows "too long to save" for the text in the editor
        self.editor.textChanged.connect(self._edited)
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save(force=True))

    def _show_view(self, view: DraftInfo) -> None:  # pragma: no cover - the page's
        raise NotImplementedError

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
            # and "Saved" from this read would hide that. So does the line typing replaces: this read
            # may have begun before a later save ("version 1" while the footer says "version 2").
            words, role = self.save_status.text(), str(self.save_status.property("role") or "")
            line = self._saved_line
            self._show_view(view)
            self.save_status.setText(words)
            set_role(self.save_status, role)
            self._saved_line = line
