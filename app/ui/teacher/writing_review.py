"""Writing review: the class's writing tasks (set up, edit, the class word list) and each task's drafts,
handed-in work first with what the checks found (draft_table.py). Open a draft to read it with its
findings, comment on a selected passage and hand it back with overall feedback (draft_response.py), and
look through its versions and what changed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.i18n import N_
from app.people.actor import Actor
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text, show_error
from app.ui.tasks import Latest, run_task
from app.ui.teacher.draft_response import DraftResponse
from app.ui.teacher.draft_table import STATUS_ROLES, TEACHER_STATUS, DraftTable
from app.ui.theme import set_role
from app.ui.widgets.common import button
from app.ui.widgets.diff_view import VersionHistory, plural, when
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.writing_task_dialog import TaskDialog, WordListDialog
from app.writing.diff import TextDiff, diff_texts
from app.writing.results import SUBMITTED, DraftInfo, DraftRow, TaskRow, TaskSpec

_button = button


class WritingReviewPage(QWidget):
    open_page = Signal(str, object)
    drafts_loaded = Signal()
    draft_opened = Signal()
    commented = Signal()
    returned = Signal()
    diff_shown = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.writing = ctx.services.writing
        self.task_rows: list[TaskRow] = []
        self.rows: list[DraftRow] = []
        # Loads run in parallel and may finish out of order (a new pick, or a refresh of the same one):
        # a result is shown only if it answers the request made last. Lists keep a ticket per request,
        # the draft (kept by the Draft tab, which checks it too) and the diff their id.
        self._task_loads, self._draft_loads = Latest(), Latest()
        self._wanted_diff = ""

        # -- tasks and their drafts ---------------------------------------------------------------
        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Class"))
        self.task_box = QComboBox()
        self.task_box.setAccessibleName(self.tr("Writing task"))
        self.task_box.setMinimumWidth(320)
        top = QHBoxLayout()
        self.class_label = QLabel(self.tr("&Class:"))
        self.class_label.setBuddy(self.class_box)
        task_label = QLabel(self.tr("&Task:"))
        task_label.setBuddy(self.task_box)
        top.addWidget(self.class_label)
        top.addWidget(self.class_box)
        top.addWidget(task_label)
        top.addWidget(self.task_box, 1)
        top.addWidget(_button(self, N_("&New task…"), "New task (writing)", self.new_task))
        self.edit_button = _button(self, N_("&Edit task…"), "Edit task (writing)", self.edit_task)
        top.addWidget(self.edit_button)
        top.addWidget(_button(self, N_("&Word list…"), "Class word list", self.edit_word_list))
        self.summary = QLabel("")
        self.summary.setAccessibleName(self.tr("Task summary"))
        self.summary.setWordWrap(True)
        set_role(self.summary, "muted")
        self.table = DraftTable()
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.open_button = _button(self, N_("&Open draft"), "Open draft", self.open_selected)
        self.list_note = QLabel("")
        self.list_note.setAccessibleName(self.tr("Drafts message"))
        self.list_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.list_note, 1)
        list_page = QWidget()
        lv = QVBoxLayout(list_page)
        lv.addLayout(top)
        lv.addWidget(self.summary)
        lv.addWidget(self.table, 1)
        lv.addLayout(buttons)

        # -- one draft ----------------------------------------------------------------------------
        back = _button(self, "\u2190 &Back to drafts", "Back to drafts", self.back)
        self.draft_title = QLabel("")
        self.draft_title.setAccessibleName(self.tr("Draft"))
        set_role(self.draft_title, "heading")
        self.draft_title.setWordWrap(True)
        self.draft_status = QLabel("")
        self.draft_status.setAccessibleName(self.tr("Draft status"))
        self.draft_status.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(back)
        head.addWidget(self.draft_title, 1)
        head.addWidget(self.draft_status)
        self.response = r = DraftResponse(self.writing, actor, bus)
        r.services = ctx.services  # judging skills from a draft (app.evidence)
        r.shown.connect(self._show_heading)
        r.commented.connect(self.commented.emit)
        # Handing back changes the task's "awaiting feedback" count: reload the task list so the dropdown
        # agrees with the drafts under it (it keeps the task picked when the list arrives).
        r.returned.connect(self.load_tasks)
        r.returned.connect(self.returned.emit)
        # The Draft tab's parts, reached through the page as before the tab had a module of its own.
        self.editor, self.live, self.panel, self.feedback = r.editor, r.live, r.panel, r.feedback
        self.comment_text, self.comment_button = r.comment_text, r.comment_button
        self.selection_note, self.return_button = r.selection_note, r.return_button
        self.selected_passage, self.add_comment = r.selected_passage, r.add_comment
        self.history = VersionHistory()
        self.history.version_picked.connect(self.show_diff)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Draft views"))
        self.tabs.addTab(r, self.tr("&Draft"))
        self.tabs.addTab(self.history, self.tr("&History"))
        draft_page = QWidget()
        dv = QVBoxLayout(draft_page)
        dv.addLayout(head)
        dv.addWidget(self.tabs, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(draft_page)
        QVBoxLayout(self).addWidget(self.stack)

        self.class_box.currentIndexChanged.connect(lambda _i: self.load_tasks())
        self.task_box.currentIndexChanged.connect(lambda _i: self.load_drafts())
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.back)
        # Hand-ins (here or arriving by sync) show in the list, and tasks set elsewhere and the tasks'
        # "awaiting feedback" counts in the task list; an open draft is not reloaded under the teacher.
        self.lazy = LazyRefresh(
            self,
            bus,
            Kind.WRITING | Kind.ROSTER,
            self.load_tasks,
            when=lambda: self.stack.currentIndex() == 0,
        )
        self.live.start_loading()
        self.load_classes()

    @property
    def view(self) -> DraftInfo | None:
        return self.response.view

    def refresh(self) -> None:
        if self.stack.currentIndex() == 0:
            self.load_tasks()

    # -- classes, tasks, drafts -------------------------------------------------------------------
    def load_classes(self) -> None:
        self.class_box.blockSignals(True)
        self.class_box.clear()
        for c in self.ctx.services.roster.my_classes(self.actor):
            self.class_box.addItem(c.name, c.id)
        self.class_box.blockSignals(False)
        self.class_box.setVisible(self.class_box.count() > 1)
        self.class_label.setVisible(self.class_box.count() > 1)
        self.load_tasks()

    @property
    def class_id(self) -> str:
        return self.class_box.currentData() or ""

    @property
    def task(self) -> TaskRow | None:
        task_id = self.task_box.currentData()
        return next((r for r in self.task_rows if r.task.id == task_id), None)

    def load_tasks(self, select: str = "") -> None:
        w, a, class_id = self.writing, self.actor, self.class_id
        if not class_id:
            return
        run_task(lambda _p: w.tasks_for_class(a, class_id),
                 self._task_loads(lambda rows: self._show_tasks(rows, select)),
                 lambda e: self.list_note.setText(error_text(e)), owner=self)  # fmt: skip

    def _show_tasks(self, rows: list[TaskRow], select: str) -> None:
        keep = select or self.task_box.currentData() or ""
        self.task_rows = rows
        self.task_box.blockSignals(True)
        self.task_box.clear()
        for r in rows:
            waiting = (
                self.tr(" \u00b7 %1 awaiting feedback").replace("%1", str(r.awaiting)) if r.awaiting else ""
            )
            self.task_box.addItem(f"{r.task.title}{waiting}", r.task.id)
        index = self.task_box.findData(keep) if keep else -1
        if index < 0:  # the task with most work waiting, else the first
            waiting_most = max(rows, key=lambda r: r.awaiting, default=None)
            index = (
                self.task_box.findData(waiting_most.task.id) if waiting_most and waiting_most.awaiting else 0
            )
        self.task_box.setCurrentIndex(index)
        self.task_box.blockSignals(False)
        self.edit_button.setEnabled(bool(rows))
        self.load_drafts()

    def load_drafts(self) -> None:
        row = self.task
        if row is None:
            self._draft_loads.forget()  # nothing still loading belongs here now
            self.summary.setText(self.tr("No writing tasks yet: press New task to set one."))
            self.table.setRowCount(0)
            return
        t = row.task
        due = (
            self.tr("Due %1").replace("%1", when(t.due_at, "ddd d MMM"))
            if t.due_at
            else self.tr("No due date")
        )
        self.summary.setText(f"{due} \u00b7 {t.prompt}" if t.prompt else due)
        self.list_note.setText(self.tr("Checking the drafts…"))
        w, a, task_id = self.writing, self.actor, t.id
        # An earlier task's drafts finishing late must not show under this task (nor older rows of it).
        run_task(lambda _p: w.drafts_for_task(a, task_id), self._draft_loads(self._show_drafts),
                 lambda e: self.list_note.setText(error_text(e)), owner=self)  # fmt: skip

    def _show_drafts(self, rows: list[DraftRow]) -> None:
        self.rows = rows
        self.table.show_rows(rows)
        waiting = sum(1 for r in rows if r.status == SUBMITTED)
        self.list_note.setText(self.tr("Awaiting feedback: %1.").replace("%1", plural(self, waiting, "draft")) if waiting
                               else self.tr("Nothing is waiting for feedback."))  # fmt: skip
        if rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.drafts_loaded.emit()

    # -- tasks and the word list ------------------------------------------------------------------
    def new_task(self) -> None:
        dialog = TaskDialog(self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()  # a child of the page: it would otherwise live as long as the page
        if accepted:
            self.save_task(dialog.spec(), "")

    def edit_task(self) -> None:
        row = self.task
        if row is None:
            return
        dialog = TaskDialog(self, row.task)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.save_task(dialog.spec(), row.task.id)

    def save_task(self, spec: TaskSpec, task_id: str) -> None:
        w, a, class_id = self.writing, self.actor, self.class_id

        def work(_p):
            return w.update_task(a, task_id, spec) if task_id else w.create_task(a, class_id, spec)

        run_task(work, lambda view: self.load_tasks(view.id),
                 lambda e: show_error(self, e), writes=True, owner=self)  # fmt: skip

    def edit_word_list(self) -> None:
        try:
            words = self.writing.word_list(self.actor, self.class_id)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        dialog = WordListDialog(self, words)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.save_word_list(dialog.word_list())

    def save_word_list(self, words: list[str]) -> None:
        w, a, class_id = self.writing, self.actor, self.class_id
        run_task(lambda _p: w.set_word_list(a, class_id, words), lambda _w: self.load_drafts(),
                 lambda e: show_error(self, e), writes=True, owner=self)  # fmt: skip

    # -- one draft --------------------------------------------------------------------------------
    def selected(self) -> DraftRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not row.draft_id:
            self.list_note.setText(
                self.tr("%1 has not started this task yet.").replace("%1", row.student_name)
            )
            return
        self.show_item(row.draft_id)

    def show_item(self, draft_id: object) -> None:
        """Open one draft (also from other pages: open_page("writing_review", draft_id))."""
        w, a, did = self.writing, self.actor, str(draft_id)
        self.response.wanted = did  # a slower, earlier request must not overwrite this one

        def work(_p):
            view = w.draft(a, did)
            return view, w.check_config(a, view.task.id)

        run_task(work, self._opened, lambda e: self.list_note.setText(error_text(e)), owner=self)

    def _opened(self, data: tuple) -> None:
        view, config = data
        r = self.response
        if view.id != r.wanted:
            return  # an earlier draft finished opening late
        r.open(view, config)
        self.history.set_versions(view.versions)
        self.tabs.setCurrentIndex(0)
        self.panel.setCurrentWidget(r.respond)
        self.stack.setCurrentIndex(1)
        self.editor.setFocus()
        self.draft_opened.emit()

    def _show_heading(self, view: DraftInfo) -> None:
        self.draft_title.setText(f"{view.student_name} \u00b7 {view.task.title}")
        status = self.tr(TEACHER_STATUS[view.status])
        if view.status == SUBMITTED:
            status += " \u00b7 " + self.tr("handed in %1").replace("%1", when(view.submitted_at))
        self.draft_status.setText(status)
        set_role(self.draft_status, "strong " + STATUS_ROLES.get(view.status, ""))

    def show_diff(self, before_id: str, version_id: str) -> None:
        w, a = self.writing, self.actor
        number = next((v.number for v in self.history.versions if v.id == version_id), 0)
        self._wanted_diff = version_id  # a slow diff of a version picked earlier must not replace this one

        def work(_p):
            if before_id:
                return w.diff_versions(a, before_id, version_id)
            return diff_texts("", w.version_text(a, version_id))

        run_task(work, lambda d: self._show_diff(d, number, version_id),
                 lambda e: self.history.summary.setText(error_text(e)), owner=self)  # fmt: skip

    def _show_diff(self, diff: TextDiff, number: int, version_id: str) -> None:
        if version_id != self._wanted_diff:
            return
        self.history.show_diff(diff, number)
        self.diff_shown.emit()

    def back(self) -> None:
        self.stack.setCurrentIndex(0)
        self.load_tasks()  # and its drafts: what changed while the draft was open was held back until now
        self.table.setFocus()
