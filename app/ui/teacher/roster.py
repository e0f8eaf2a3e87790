"""Class roster: search, sort, add, edit, archive with undo; open a student's detail page."""

from __future__ import annotations

import functools

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.i18n import N_
from app.people.actor import Actor
from app.people.roster import StudentRow
from app.planning.attention import Attention, attention_counts
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text, show_error
from app.ui.qmodels.roster_model import ATTENTION, RosterModel, attention_steps
from app.ui.tasks import Latest, run_task
from app.ui.widgets.common import button, empty_note, fill_class_box, list_and_detail
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.student_view import StudentView


class StudentDialog(QDialog):
    def __init__(self, parent: QWidget, row: StudentRow | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit student") if row else self.tr("Add a student"))
        self.given = QLineEdit(row.given_name if row else "")
        self.given.setAccessibleName(self.tr("First name"))
        self.family = QLineEdit(row.family_name if row else "")
        self.family.setAccessibleName(self.tr("Last name"))
        self.display = QLineEdit(row.display_name if row else "")
        self.display.setAccessibleName(self.tr("Preferred name"))
        form = QFormLayout(self)
        form.addRow(self.tr("&First name"), self.given)
        form.addRow(self.tr("&Last name"), self.family)
        form.addRow(self.tr("&Preferred name"), self.display)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


# Practice, plans and essays (here or arriving by sync) change who needs attention.
ATTENTION_KINDS = Kind.ROSTER | Kind.PRACTICE | Kind.PLANS | Kind.WRITING


class RosterPage(QWidget):
    open_page = Signal(str, object)

    def focus_first(self) -> None:
        self.search.setFocus()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.roster = ctx.services.roster
        self.attention = ctx.services.attention
        self.last_archived: StudentRow | None = None
        self._loads = Latest()
        self._attention_loads = Latest()
        self._attention_for: str | None = None  # the class whose attention is shown or on its way
        self.attention_menu: QMenu | None = None

        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Class"))
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search students"))
        self.search.setPlaceholderText(self.tr("Search by name…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.show_archived = QCheckBox(self.tr("Show archi&ved"))  # Alt+A is Add student
        self.show_archived.setAccessibleName(self.tr("Show archived students"))
        top = FlowLayout()  # wraps at a large text size instead of scrolling sideways
        top.addWidget(QLabel(self.tr("Class:")))
        top.addWidget(self.class_box)
        top.addWidget(self.search)
        top.addWidget(self.show_archived)

        self.model = RosterModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole + 1)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.table.setAccessibleName(self.tr("Students"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Interests take what is left; every other column is as wide as its heading or its widest cell,
        # so "Skills mastered" is never clipped.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel("")
        self.summary.setAccessibleName(self.tr("Who needs attention"))
        self.summary.setWordWrap(True)
        self._rows_for: tuple[str, str, bool] | None = None  # (class, search, archived) of the rows shown
        # A class with nobody on it yet: what to do first, in place of an empty table and "Nobody is stuck".
        self.empty = empty_note(name="Empty roster")
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)

        self.add_button = self._button(N_("&Add student…"), "Add student", self.add_student)
        self.edit_button = self._button(N_("&Edit…"), "Edit student", self.edit_selected)
        self.open_button = self._button("&Open", "Open student", self.open_selected)
        self.archive_button = self._button(N_("Arc&hive"), "Archive student", self.archive_selected)
        self.add_button.setToolTip(self.tr("Put a new student on this class's roster"))
        self.archive_button.setToolTip(
            self.tr("Hide a student who left; nothing is deleted, and Undo brings them back")
        )
        self.pins_button = self._button(N_("Sign-in &PINs…"), "Sign-in PINs for the class", self.class_pins)
        self.pins_button.setToolTip(self.tr("Set or make PINs for the whole class and print sign-in cards"))
        self.undo_banner = QLabel("")
        self.undo_banner.setAccessibleName(self.tr("Undo message"))
        self.undo_button = self._button("&Undo", "Undo archive", self.undo_archive)
        self.undo_button.hide()
        self.count = QLabel("")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.open_button, self.archive_button, self.pins_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_banner)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.count)

        list_page = QWidget()
        lv = QVBoxLayout(list_page)
        lv.addLayout(top)
        lv.addWidget(self.summary)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)  # shown instead of the table
        lv.addLayout(buttons)

        self.detail = StudentView(ctx, actor, bus)
        self.detail.erased.connect(lambda _sid: self.back())
        self.stack = list_and_detail(
            self, list_page, self.detail, "← &Back to roster", "Back to roster", self.back
        )

        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_archive)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.back)
        self._debounce = QTimer(self, singleShot=True, interval=200, timeout=self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.show_archived.toggled.connect(lambda _b: self.refresh())
        self.class_box.currentIndexChanged.connect(lambda _i: self.refresh())
        # The rows show interests (profiles) and skills mastered (practice) beside the names.
        self.lazy = LazyRefresh(self, bus, Kind.ROSTER | Kind.PROFILE | Kind.PRACTICE, self.refresh)
        self.lazy_attention = LazyRefresh(self, bus, ATTENTION_KINDS, self.load_attention)
        self.lazy_labels = LazyRefresh(self, bus, Kind.ROSTER, self.relabel_classes)  # the class box's counts
        self._undo_timer = QTimer(self, singleShot=True, interval=15_000, timeout=self._hide_undo)
        self.load_classes()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        return button(self, text, name, slot)

    # -- data ----------------------------------------------------------------------------------
    def load_classes(self) -> None:
        fill_class_box(
            self.class_box, self.roster.my_classes(self.actor), lambda c: f"{c.name} ({c.student_count})"
        )
        self.refresh()

    def relabel_classes(self) -> None:
        """A student added, archived or erased: "Year 7 Maple (24)" follows, the choice stays."""
        run_task(lambda _p: self.roster.my_classes(self.actor), self._relabel, lambda e: None, owner=self)

    def _relabel(self, classes) -> None:  # noqa: ANN001
        for c in classes:
            i = self.class_box.findData(c.id)
            if i >= 0:
                self.class_box.setItemText(i, f"{c.name} ({c.student_count})")

    @property
    def class_id(self) -> str:
        return self.class_box.currentData() or ""

    def refresh(self) -> None:
        class_id, text, archived = self.class_id, self.search.text(), self.show_archived.isChecked()
        # A search typed, a class picked, an archive and its undo each start a load.
        show = self._loads(self._show_rows)
        if class_id != self._attention_for:
            self.load_attention()
        if not class_id:
            self.model.set_rows([])
            return
        run_task(
            lambda _p: (class_id, text, archived, self.roster.students(self.actor, class_id, text, archived)),
            show,
            lambda e: show_error(self, e),
            owner=self,
        )

    def load_attention(self) -> None:
        """Who is stuck, behind or waiting for feedback: loaded apart from the names (it reads the
        class's recent practice), and only the load for the class shown now is shown."""
        class_id = self.class_id
        if class_id != self._attention_for:  # another class: nothing of the last one stays on screen
            self.model.set_attention({})
            self.summary.setText("")
        self._attention_for = class_id
        arrived = self._attention_loads(self._attention_arrived)  # one ticket for the result or the error
        if not class_id:
            return
        actor = self.actor
        run_task(lambda _p: self.attention.class_attention(actor, class_id), arrived, arrived, owner=self)

    def _attention_arrived(self, result: dict[str, Attention] | BaseException) -> None:
        if isinstance(result, BaseException):
            self.summary.setText(error_text(result))
            return
        self.model.set_attention(result)
        stuck, behind, essays = attention_counts(result)
        parts = [
            self.tr("%1 stuck").replace("%1", str(stuck)) if stuck else "",
            self._count(behind, N_("%1 plan behind"), N_("%1 plans behind")),
            self._count(essays, N_("%1 essay to read"), N_("%1 essays to read")),
        ]
        words = " \u00b7 ".join(p for p in parts if p)
        self.summary.setText(
            self.tr("Needs attention: %1").replace("%1", words)
            if words
            else self.tr("Nobody is stuck, behind or waiting for feedback.")
        )

    def _count(self, n: int, one: str, many: str) -> str:
        return (self.tr(one) if n == 1 else self.tr(many)).replace("%1", str(n)) if n else ""

    def _show_rows(self, data: tuple[str, str, bool, list[StudentRow]]) -> None:
        class_id, search, archived, rows = data
        # A reload (a write here, or what a sync brought) keeps the student the teacher has selected
        # and where the list is scrolled: Edit, Open and Archive act on the selection.
        keep, index = self.selected(), self.table.currentIndex()
        scrolled = self.table.verticalScrollBar().value()
        self.model.set_rows(rows)
        at = next((i for i, r in enumerate(rows) if keep is not None and r.id == keep.id), -1)
        if at >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(at, max(0, index.column()))))
        self.table.verticalScrollBar().setValue(scrolled)
        self._rows_for = (class_id, search, archived)
        self.count.setText(self.tr("%n student(s)", "", len(rows)))
        self._show_empty()

    def _show_empty(self) -> None:
        """No names in the class at all (not merely none matching a search): say what to do first."""
        asked = self._rows_for
        empty = asked is not None and asked[0] == self.class_id and not asked[1] and not self.model.rows
        if asked is not None and empty:
            self.empty.setText(
                self.tr(
                    "Nobody is on this class's roster, archived or not. Press <b>Add student…</b> to add "
                    "someone."
                )
                if asked[2]
                else self.tr(
                    "No students in this class yet. Press <b>Add student…</b> to add them one by one, "
                    "then <b>Sign-in PINs…</b> to give the whole class PINs and print sign-in cards."
                )
            )
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        self.summary.setVisible(not empty)

    def selected(self) -> StudentRow | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(idx))

    # -- actions -------------------------------------------------------------------------------
    # Writes go to the write worker: one row each, but the database may be busy with a sync, and the
    # window must not freeze while it waits its turn.
    def _write(self, fn, done=None) -> None:  # noqa: ANN001
        def ok(_r) -> None:
            if done is not None:
                done()

        run_task(lambda _p: fn(), ok, lambda e: show_error(self, e), writes=True, owner=self)

    def add_student(self) -> None:
        dlg = StudentDialog(self)
        accepted = dlg.exec() == QDialog.DialogCode.Accepted
        a, cid, given, family = self.actor, self.class_id, dlg.given.text(), dlg.family.text()
        dlg.deleteLater()  # a child of the page: without this every Add would keep its dialog
        if not accepted:
            return
        name = f"{given} {family}".strip()
        self._write(lambda: self.roster.add_student(a, cid, given, family), lambda: self._added(name))

    def _added(self, name: str) -> None:
        """Adding a student says what they need before they can sign in."""
        self.undo_button.hide()
        self.undo_banner.setText(self.tr("Added %1. They need a PIN to sign in: press Sign-in PINs….")
                                 .replace("%1", name))  # fmt: skip
        self._undo_timer.start()

    def class_pins(self) -> None:
        """PINs for the whole class at once, and sign-in cards to print."""
        cid = self.class_id
        if not cid:
            return
        pins, a = self.ctx.services.class_pins, self.actor
        run_task(lambda _p: pins.status(a, cid), lambda st: self._open_pins(cid, st),
                 lambda e: show_error(self, e), owner=self)  # fmt: skip

    def _open_pins(self, class_id: str, status) -> None:  # noqa: ANN001
        from app.ui.teacher.class_pins_dialog import ClassPinsDialog

        dlg = ClassPinsDialog(self, self.ctx.services.class_pins, self.actor, class_id, status)
        self.pins_dialog = dlg  # for tests and the screenshot script
        dlg.finished.connect(lambda _r: dlg.deleteLater())  # the roster refreshes on what changed
        dlg.open()

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dlg = StudentDialog(self, row)
        accepted = dlg.exec() == QDialog.DialogCode.Accepted
        values = {
            "given_name": dlg.given.text(),
            "family_name": dlg.family.text(),
            "display_name": dlg.display.text(),
        }
        dlg.deleteLater()
        if not accepted:
            return
        self._write(lambda: self.roster.update_student(self.actor, row.id, **values))

    def archive_selected(self) -> None:
        row = self.selected()
        if row is None:
            return

        def archived() -> None:
            if not row.archived:
                self.last_archived = row
                self.undo_banner.setText(self.tr("%1 archived.").replace("%1", row.full_name))
                self.undo_button.show()
                self._undo_timer.start()

        run_task(
            lambda _p: self.roster.set_archived(self.actor, row.id, not row.archived),
            lambda _r: archived(),
            lambda e: self.undo_banner.setText(error_text(e)),
            writes=True,
            owner=self,
        )

    def undo_archive(self) -> None:
        row = self.last_archived
        if row is None:
            return
        self.last_archived = None
        self.undo_button.hide()  # one undo, even if clicked twice

        def back() -> None:
            self.undo_banner.setText(self.tr("%1 is back on the roster.").replace("%1", row.full_name))

        self._write(lambda: self.roster.set_archived(self.actor, row.id, False), back)

    def _hide_undo(self) -> None:
        self.undo_button.hide()
        self.undo_banner.setText("")
        self.last_archived = None

    def _activated(self, index: QModelIndex) -> None:
        """Double-click or Enter: on the "Needs attention" cell, straight to what needs it (a choice when
        there are several); elsewhere, the student's page."""
        row = self.selected()
        steps = attention_steps(row.id, self.model.attention_of(row)) if row is not None else []
        if index.column() != ATTENTION or not steps:
            self.open_selected()
            return
        if len(steps) == 1:
            self.open_page.emit(steps[0][1], steps[0][2])
            return
        menu = self.attention_menu
        if menu is None:
            menu = self.attention_menu = QMenu(self)  # one, refilled: not a new menu at every click
            menu.setAccessibleName(self.tr("What needs attention"))
        menu.clear()
        for words, page, arg in steps:
            menu.addAction(self.tr(words), functools.partial(self.open_page.emit, page, arg))
        menu.addAction(self.tr("Open the student's page"), self.open_selected)
        rect = self.table.visualRect(index)
        menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.show_item(row.id)

    def show_item(self, student_id: object) -> None:
        if not student_id:  # opened from another page without a student: the roster itself
            self.back()
            return
        self.detail.load(str(student_id), self.class_id)
        self.stack.setCurrentIndex(1)

    def back(self) -> None:
        self.stack.setCurrentIndex(0)
        self.table.setFocus()
