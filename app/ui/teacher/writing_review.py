"""Writing review: the class's writing tasks (set up, edit, the class word list) and each task's drafts,
handed-in work first with what the checks found. Open a draft to read it with its findings, comment on a
selected passage, hand it back with overall feedback, and look through its versions and what changed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.ui.events import ChangeBus
from app.ui.messages import error_text, show_error
from app.ui.tasks import run_task
from app.ui.widgets.common import button
from app.ui.widgets.diff_view import VersionHistory, plural, when
from app.ui.widgets.findings_panel import FindingsPanel
from app.ui.widgets.live_check import CheckOutcome, LiveCheck
from app.ui.widgets.text_offsets import Offsets
from app.ui.widgets.writing_editor import WritingEditor
from app.ui.widgets.writing_task_dialog import TaskDialog, WordListDialog
from app.writing.diff import TextDiff, diff_texts
from app.writing.views import (
    NOT_STARTED,
    RETURNED,
    STATUS_WORDS,
    SUBMITTED,
    DraftRow,
    DraftView,
    TaskRow,
    TaskSpec,
)

ROW = Qt.ItemDataRole.UserRole
COLUMNS = ("Student", "Status", "Words", "Spelling", "Grammar", "Style", "Checklist", "Handed in", "Comments")
STATUS_COLOURS = {NOT_STARTED: "#6b7280", "writing": "#1d4ed8", SUBMITTED: "#b45309", RETURNED: "#15803d"}
TEACHER_STATUS = {**STATUS_WORDS, SUBMITTED: "Awaiting feedback", RETURNED: "Returned"}


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
        self.writing = ctx.services.extra["writing"]
        self.task_rows: list[TaskRow] = []
        self.rows: list[DraftRow] = []
        self.view: DraftView | None = None
        self._offsets = Offsets("")
        # Loads run in parallel and may finish out of order (a new pick, or a refresh of the same one):
        # a result is shown only if it answers the request made last. Lists keep a ticket per request,
        # the draft and the diff their id.
        self._wanted_tasks: object = None
        self._wanted_drafts: object = None
        self._wanted = self._wanted_diff = ""

        # -- tasks and their drafts ---------------------------------------------------------------
        self.class_box = QComboBox()
        self.class_box.setAccessibleName("Class")
        self.task_box = QComboBox()
        self.task_box.setAccessibleName("Writing task")
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
        top.addWidget(_button(self, "&New task…", "New writing task", self.new_task))
        self.edit_button = _button(self, "&Edit task…", "Edit writing task", self.edit_task)
        top.addWidget(self.edit_button)
        top.addWidget(_button(self, "&Word list…", "Class word list", self.edit_word_list))
        self.summary = QLabel("")
        self.summary.setAccessibleName("Task summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #374151;")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Drafts")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.open_button = _button(self, "&Open draft", "Open draft", self.open_selected)
        self.list_note = QLabel("")
        self.list_note.setAccessibleName("Drafts message")
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
        self.draft_title.setAccessibleName("Draft")
        self.draft_title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.draft_title.setWordWrap(True)
        self.draft_status = QLabel("")
        self.draft_status.setAccessibleName("Draft status")
        self.draft_status.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(back)
        head.addWidget(self.draft_title, 1)
        head.addWidget(self.draft_status)
        self.editor = WritingEditor("Student's writing")
        self.editor.setReadOnly(True)
        self.editor.selectionChanged.connect(self._selection_changed)
        self.live = LiveCheck(self.editor)
        self.panel = FindingsPanel(can_apply=False)
        self.panel.setMinimumWidth(330)
        self.comment_text = QPlainTextEdit()
        self.comment_text.setAccessibleName("Comment on the selected words")
        self.comment_text.setPlaceholderText(self.tr("Select words in the writing, then write your comment…"))
        self.comment_text.setTabChangesFocus(True)
        self.comment_text.setMaximumHeight(80)
        self.comment_button = _button(self, "&Comment on selection", "Comment on selection", self.add_comment)
        self.comment_button.setEnabled(False)
        self.selection_note = QLabel(self.tr("Select a passage in the writing to comment on it."))
        self.selection_note.setAccessibleName("Selected passage")
        self.selection_note.setWordWrap(True)
        self.selection_note.setStyleSheet("color: #6b7280;")
        self.feedback = QPlainTextEdit()
        self.feedback.setAccessibleName("Overall feedback")
        self.feedback.setPlaceholderText(self.tr("Overall feedback for the student…"))
        self.feedback.setTabChangesFocus(True)
        self.feedback.setMaximumHeight(110)
        self.return_button = _button(self, "Hand bac&k to student", "Hand back to student", self.return_draft)
        self.review_note = QLabel("")
        self.review_note.setAccessibleName("Review message")
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
        rv.addWidget(self.review_note)
        rv.addStretch(1)
        self.panel.insertTab(0, respond, self.tr("Respond"))
        self.panel.setCurrentIndex(0)
        split = QSplitter()
        split.addWidget(self.editor)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.history = VersionHistory()
        self.history.version_picked.connect(self.show_diff)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Draft views")
        self.tabs.addTab(split, self.tr("&Draft"))
        self.tabs.addTab(self.history, self.tr("&History"))
        draft_page = QWidget()
        dv = QVBoxLayout(draft_page)
        dv.addLayout(head)
        dv.addWidget(self.tabs, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(draft_page)
        QVBoxLayout(self).addWidget(self.stack)

        self.live.checked.connect(self._checked)
        self.live.ready.connect(lambda: self.panel.set_ready(True))
        self.live.failed.connect(lambda m: self.panel.set_ready(True, m))
        self.panel.finding_selected.connect(self.editor.pick)
        self.panel.comment_selected.connect(self.editor.pick_comment)
        self.class_box.currentIndexChanged.connect(lambda _i: self.load_tasks())
        self.task_box.currentIndexChanged.connect(lambda _i: self.load_drafts())
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.back)
        bus.changed.connect(lambda topic: topic in ("writing", "roster") and self.stack.currentIndex() == 0
                            and self.load_drafts())  # fmt: skip
        self.live.start_loading()
        self.load_classes()

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
        ticket = self._wanted_tasks = object()
        run_task(lambda _p: w.tasks_for_class(a, class_id),
                 lambda rows: ticket is self._wanted_tasks and self._show_tasks(rows, select),
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
            self._wanted_drafts = None  # nothing still loading belongs here now
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
        ticket = self._wanted_drafts = object()
        run_task(lambda _p: w.drafts_for_task(a, task_id),
                 lambda rows: ticket is self._wanted_drafts and self._show_drafts(rows),
                 lambda e: self.list_note.setText(error_text(e)), owner=self)  # fmt: skip

    def _show_drafts(self, rows: list[DraftRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            c = r.counts
            values = [
                r.student_name, self.tr(TEACHER_STATUS[r.status]), str(r.words) if r.draft_id else "",
                str(c.spelling) if c else "", str(c.grammar) if c else "", str(c.style) if c else "",
                f"{c.rubric_met}/{c.rubric_total}" if c and c.rubric_total else "",
                when(r.submitted_at, "ddd d MMM HH:mm") if r.status == SUBMITTED else "",
                str(r.comments) if r.comments else "",
            ]  # fmt: skip
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ROW, i)
                if col == 1:
                    item.setData(
                        Qt.ItemDataRole.ForegroundRole, QColor(STATUS_COLOURS.get(r.status, "#111827"))
                    )
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        waiting = sum(1 for r in rows if r.status == SUBMITTED)
        self.list_note.setText(self.tr("Awaiting feedback: %1.").replace("%1", plural(self, waiting, "draft")) if waiting
                               else self.tr("Nothing is waiting for feedback."))  # fmt: skip
        if rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.drafts_loaded.emit()

    # -- tasks and the word list ------------------------------------------------------------------
    def new_task(self) -> None:
        dialog = TaskDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_task(dialog.spec(), "")

    def edit_task(self) -> None:
        row = self.task
        if row is None:
            return
        dialog = TaskDialog(self, row.task)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_task(dialog.spec(), row.task.id)

    def save_task(self, spec: TaskSpec, task_id: str) -> None:
        w, a, class_id = self.writing, self.actor, self.class_id

        def work(_p):
            return w.update_task(a, task_id, spec) if task_id else w.create_task(a, class_id, spec)

        run_task(work, lambda view: (self.load_tasks(view.id), self.bus.changed.emit("writing")),
                 lambda e: show_error(self, e), writes=True, owner=self)  # fmt: skip

    def edit_word_list(self) -> None:
        try:
            words = self.writing.word_list(self.actor, self.class_id)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        dialog = WordListDialog(self, words)
        if dialog.exec() == QDialog.DialogCode.Accepted:
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
        self._wanted = did  # a slower, earlier request must not overwrite this one

        def work(_p):
            view = w.draft(a, did)
            return view, w.check_config(a, view.task.id)

        run_task(work, self._opened, lambda e: self.list_note.setText(error_text(e)), owner=self)

    def _opened(self, data: tuple) -> None:
        view, config = data
        if view.id != self._wanted:
            return  # an earlier draft finished opening late
        self.live.set_config(None)
        self.editor.show_outcome(None)
        self.panel.show_outcome(None)
        self.editor.setPlainText(view.text)
        self.feedback.setPlainText(view.feedback)
        self.comment_text.clear()
        self.review_note.setText("")
        self._show_view(view)
        self.live.set_config(config)
        if not self.live.is_ready:
            self.panel.set_ready(False)
        self.history.set_versions(view.versions)
        self.tabs.setCurrentIndex(0)
        self.panel.setCurrentWidget(self.respond)
        self.stack.setCurrentIndex(1)
        self.editor.setFocus()
        self.draft_opened.emit()

    def _show_view(self, view: DraftView) -> None:
        self.view = view
        self._offsets = Offsets(view.text)
        self.draft_title.setText(f"{view.student_name} \u00b7 {view.task.title}")
        status = self.tr(TEACHER_STATUS[view.status])
        if view.status == SUBMITTED:
            status += " \u00b7 " + self.tr("handed in %1").replace("%1", when(view.submitted_at))
        self.draft_status.setText(status)
        self.draft_status.setStyleSheet(
            f"font-weight: 600; color: {STATUS_COLOURS.get(view.status, '#111827')};"
        )
        self.editor.set_comments([(self._offsets.to_qt(c.anchor[0]), self._offsets.to_qt(c.anchor[1]))
                                  if c.anchor else None for c in view.comments])  # fmt: skip
        self.panel.set_comments(view.comments)
        self.return_button.setEnabled(view.status == SUBMITTED)
        self.return_button.setToolTip("" if view.status == SUBMITTED else
                                      self.tr("Only handed-in work can be handed back."))  # fmt: skip

    def _checked(self, outcome: CheckOutcome) -> None:
        self.editor.show_outcome(outcome)
        self.panel.show_outcome(outcome)

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
        """The editor's selection as str offsets into the version shown."""
        cursor = self.editor.textCursor()
        return self._offsets.to_py(cursor.selectionStart()), self._offsets.to_py(cursor.selectionEnd())

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

    def _commented(self, view: DraftView) -> None:
        if view.id != self._wanted:
            return  # another draft was opened meanwhile; its comment box is not this one's
        self.comment_text.clear()
        self.review_note.setText(self.tr("Comment added."))
        self._show_view(view)
        self.commented.emit()

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

    def _returned(self, view: DraftView) -> None:
        if view.id != self._wanted:
            self.bus.changed.emit("writing")  # saved all the same; only the screen has moved on
            return
        self._show_view(view)
        self.review_note.setText(self.tr("Handed back to %1.").replace("%1", view.student_name))
        self.bus.changed.emit("writing")
        self.returned.emit()

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
        self.load_drafts()
        self.table.setFocus()
