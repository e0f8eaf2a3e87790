"""The writing page's crash journal (``app/writing/journal.py``) on screen: the editor's text is written
to the journal every ``JOURNAL_MS`` while it differs from what is saved, cleared once a save of exactly
that text succeeds, and offered back in a bar above the editor when the task is opened again after
Tessera was closed without saving (a power cut, a hard kill)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.tasks import run_task
from app.ui.theme import set_role
from app.ui.widgets.text_offsets import plain_text
from app.writing.journal import JournalEntry, TextJournal

JOURNAL_MS = 1_500  # "every second or two" while typing: at most this much typing is at risk


class JournalOffer(QFrame):
    """ "Tessera kept text you typed …  [Put it back] [Discard it]"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalOffer")
        set_role(self, "notice")
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Unsaved text found"))
        self.restore_button = QPushButton(self.tr("&Put it back"))
        self.restore_button.setAccessibleName(self.tr("Put the kept text back"))
        self.discard_button = QPushButton(self.tr("&Discard it"))
        self.discard_button.setAccessibleName(self.tr("Discard the kept text"))
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.hide()


class EditorJournal(QObject):
    """Journal bookkeeping for one writing page. ``current()`` says (student, task, saved text) of the
    draft in the editor, or None when nothing editable is open."""

    def __init__(self, editor, journal: TextJournal, current: Callable[[], tuple[str, str, str | None] | None],
                 offer: JournalOffer) -> None:  # fmt: skip
        super().__init__(editor)
        self.editor, self.journal, self.current, self.offer = editor, journal, current, offer
        self.entry: JournalEntry | None = None  # the one offered
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(JOURNAL_MS)
        self.timer.timeout.connect(self.write_now)
        editor.textChanged.connect(self._edited)
        offer.restore_button.clicked.connect(self.restore)
        offer.discard_button.clicked.connect(self.discard)

    def _edited(self) -> None:
        if not self.timer.isActive():  # not restarted on each key: typing on still writes every JOURNAL_MS
            self.timer.start()

    def write_now(self) -> None:
        cur = self.current()
        if cur is None or self.entry is not None:  # never over the text on offer, before it is answered
            return
        sid, task_id, saved = cur
        text = plain_text(self.editor)
        j = self.journal
        if text == (saved or ""):
            run_task(lambda _p: j.clear(sid, task_id), lambda _r: None, lambda _e: None, writes=True)
        else:
            # On the write worker, in order with the saves; no owner: it must finish if the page goes.
            run_task(
                lambda _p: j.write(sid, task_id, text, saved), lambda _r: None, lambda _e: None, writes=True
            )

    def saved(self, student_id: str, task_id: str, text: str) -> None:
        """A save of ``text`` succeeded: the entry goes, unless the editor has moved on since."""
        cur = self.current()
        if cur is not None and cur[1] == task_id and plain_text(self.editor) != text:
            return
        if self.entry is not None and self.entry.task_id == task_id:
            return  # the kept text is still on offer
        j = self.journal
        run_task(lambda _p: j.clear(student_id, task_id), lambda _r: None, lambda _e: None, writes=True)

    def opened(
        self, student_id: str, task_id: str, saved_text: str, editable: bool, when: Callable[[float], str]
    ) -> None:
        """A draft was opened: offer back text typed into it before Tessera closed without saving."""
        self.timer.stop()
        self.entry = None
        self.offer.hide()
        entry = self.journal.read(student_id, task_id)
        if entry is None:
            return
        if not editable or entry.text == saved_text:
            self.journal.clear(student_id, task_id)  # saved after all, or handed in: nothing to offer
            return
        self.entry = entry
        self.offer.label.setText(
            self.tr(
                "Tessera closed before it could save what you typed on %1. It kept the text on this "
                "computer: put it back in your draft?"
            ).replace("%1", when(entry.at))
        )
        self.offer.show()

    def restore(self) -> None:
        entry, self.entry = self.entry, None
        self.offer.hide()
        if entry is None:
            return
        # Through the cursor, so Ctrl+Z goes back to the saved draft.
        cursor = self.editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(entry.text)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def discard(self) -> None:
        entry, self.entry = self.entry, None
        self.offer.hide()
        if entry is not None:
            self.journal.clear(entry.student_id, entry.task_id)
        self.editor.setFocus()
