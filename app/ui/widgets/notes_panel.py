"""A teacher's notes on one student (issue 21): the notes this teacher may see (their own, and their
co-teachers' shared ones, each with author, date and who it is shared with) and their own note with a
sharing choice. Only the author may change or remove a note: the service decides and the panel shows
its plain-word refusal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.school.notes import NoteView
from app.ui.locale_format import day_year
from app.ui.messages import error_text
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role

NOTE_ID = Qt.ItemDataRole.UserRole + 1
# The sharing choices, in the service's words ("" private, "team" the class's teachers, "leader" too).
SHARE_CHOICES = (
    ("", "Only me"),
    ("team", "The class's teachers"),
    ("leader", "Also school leaders"),
)


class NotesPanel(QGroupBox):
    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Notes"))
        self.ctx, self.actor = ctx, actor
        self.svc = ctx.services.school.notes
        self.class_id = self.student_id = ""
        self.notes: list[NoteView] = []
        self._loads = Latest()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Notes on this student"))
        self.list.setWordWrap(True)
        self.empty = QLabel(self.tr("No notes yet."))
        set_role(self.empty, "muted")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("My note on this student"))
        self.text.setPlaceholderText(self.tr("My note on this student"))
        self.text.setTabChangesFocus(True)  # Tab moves on to the sharing choice, as in a form
        self.share = QComboBox()
        self.share.setAccessibleName(self.tr("Who sees my note"))
        for value, words in SHARE_CHOICES:
            self.share.addItem(self.tr(words), value)
        share_label = QLabel(self.tr("Shared &with:"))
        share_label.setBuddy(self.share)
        self.save_button = QPushButton(self.tr("Save &note"))
        self.save_button.setAccessibleName(self.tr("Save note"))
        self.save_button.clicked.connect(self.save)
        self.edit_button = QPushButton(self.tr("&Edit chosen note"))
        self.edit_button.setAccessibleName(self.tr("Edit chosen note"))
        self.edit_button.clicked.connect(self.edit_chosen)
        self.delete_button = QPushButton(self.tr("&Remove chosen note"))
        self.delete_button.setAccessibleName(self.tr("Remove chosen note"))
        self.delete_button.clicked.connect(self.delete_chosen)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Notes message"))
        self.status.setWordWrap(True)
        set_role(self.status, "muted")
        chosen = QHBoxLayout()
        chosen.addWidget(self.edit_button)
        chosen.addWidget(self.delete_button)
        chosen.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(share_label)
        row.addWidget(self.share, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.empty)
        layout.addLayout(chosen)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def show_student(self, class_id: str, student_id: str) -> None:
        if (class_id, student_id) != (self.class_id, self.student_id):
            self.text.clear()
            self.status.clear()
        self.class_id, self.student_id = class_id, student_id
        self.refresh()

    def refresh(self) -> None:
        cid, sid, actor, svc = self.class_id, self.student_id, self.actor, self.svc
        self.setEnabled(bool(cid and sid))
        if not (cid and sid):
            self._show([])
            return
        run_task(lambda _p: svc.for_student(actor, cid, sid), self._loads(self._show), self._fail, owner=self)

    def _show(self, notes: list[NoteView]) -> None:
        self.notes = notes
        self.list.clear()
        for n in notes:
            item = QListWidgetItem(f"{self.heading(n)}\n{n.text}")
            item.setData(NOTE_ID, n.id)
            item.setToolTip(n.text)
            self.list.addItem(item)
        self.empty.setVisible(not notes)
        mine = next((n for n in notes if n.mine), None)
        if mine is not None and not self.text.toPlainText().strip():
            self._edit(mine)
        self.loaded.emit()

    def heading(self, n: NoteView) -> str:
        """ "Maya Patel (you), 7 Dec 2026, shared with the class's teachers"."""
        who = n.author + (" " + self.tr("(you)") if n.mine else "")
        when = day_year(n.updated_at) if n.updated_at else ""  # in the chosen language's way
        words = dict(SHARE_CHOICES)
        shared = (
            self.tr("private")
            if not n.shared
            else self.tr("shared with: %1").replace("%1", self.tr(words[n.shared]))
        )
        return ", ".join(p for p in (who, when, shared) if p)

    def chosen(self) -> NoteView | None:
        item = self.list.currentItem()
        nid = item.data(NOTE_ID) if item is not None else ""
        return next((n for n in self.notes if n.id == nid), None)

    def save(self) -> None:
        cid, sid, actor = self.class_id, self.student_id, self.actor
        text, shared = self.text.toPlainText(), self.share.currentData() or ""
        self.status.setText(self.tr("Saving…"))
        run_task(lambda _p: self.svc.write(actor, cid, sid, text, shared),
                 lambda _n: self._done(self.tr("Note saved.")), self._fail, writes=True, owner=self)  # fmt: skip

    def edit_chosen(self) -> None:
        n = self.chosen()
        if n is None:
            self.status.setText(self.tr("Choose a note in the list first."))
        elif n.mine:
            self._edit(n)
            self.text.setFocus()
        else:  # the service refuses a colleague's note, in its own words
            run_task(lambda _p: self.svc.edit_other(self.actor, n.id, n.text), lambda _r: self.refresh(),
                     self._fail, writes=True, owner=self)  # fmt: skip

    def delete_chosen(self) -> None:
        n = self.chosen()
        if n is None:
            self.status.setText(self.tr("Choose a note in the list first."))
            return
        mine = n.mine
        run_task(lambda _p: self.svc.delete(self.actor, n.id),
                 lambda _r: self._done(self.tr("Note removed."), clear=mine), self._fail, writes=True, owner=self)  # fmt: skip

    def _edit(self, n: NoteView) -> None:
        self.text.setPlainText(n.text)
        self.share.setCurrentIndex(max(self.share.findData(n.shared), 0))

    def _done(self, words: str, clear: bool = False) -> None:
        if clear:
            self.text.clear()
            self.share.setCurrentIndex(0)
        set_role(self.status, "muted")
        self.status.setText(words)
        self.saved.emit()
        self.refresh()

    def _fail(self, exc: BaseException) -> None:
        set_role(self.status, "error")
        self.status.setText(error_text(exc))
        self.loaded.emit()
