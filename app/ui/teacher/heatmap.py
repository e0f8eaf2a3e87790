"""Skills: the class heatmap (students by skills, coloured by mastery, with a legend), sortable by
student or by any skill; a cell opens that student's skill in detail with their recent answers and
practice settings. Also: importing QTI questions and recalculating the estimates, in the background."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.i18n import N_
from app.people.actor import Actor
from app.practice.results import Heatmap, PracticeSkill
from app.ui.events import ChangeBus, Kind
from app.ui.locale_format import number as count_text
from app.ui.messages import error_text, show_error
from app.ui.qmodels.heatmap_model import BANDS, FIXED, SORT_ROLE, HeatmapModel
from app.ui.tasks import Latest, run_task, run_with_dialog
from app.ui.theme import set_role
from app.ui.widgets.common import button, empty_note, fill_class_box, list_and_detail
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.rotated_header import RotatedHeader
from app.ui.widgets.skill_detail import SkillDetailView

# What each colour means, in a teacher's words (the key's tooltips; the same words as the F1 guide).
BAND_TIPS = {
    "Not started": N_("No answers on this skill yet."),
    "Starting": N_("Fewer than half of typical questions likely right."),
    "Learning": N_("Half to three in four typical questions likely right."),
    "Nearly there": N_("Three in four or more likely right, but not yet mastered."),
    "Mastered": N_("The mastery rule holds: likely right, enough answers, and most recent ones right."),
    "Stuck": N_("Most recent answers were wrong, whatever the estimate says: worth a word with the student."),
}


class SkillChoice(QDialog):
    """Which skill imported questions practise (QTI items carry no skill of ours)."""

    def __init__(self, parent: QWidget, skills: list[PracticeSkill], filename: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import questions"))
        self.skill = QComboBox()
        self.skill.setAccessibleName(self.tr("Skill for the imported questions"))
        for sk in skills:
            self.skill.addItem(f"{sk.name} ({sk.domain}) \u00b7 {sk.items}", sk.id)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Questions from %1 practise which skill?").replace("%1", filename)))
        form.addRow(self.tr("&Skill:"), self.skill)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class HeatmapPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()
    imported = Signal(object)

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.teaching = ctx.services.practice_class
        self._loads = Latest()

        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Class"))
        self.skill_order = QComboBox()
        self.skill_order.setAccessibleName(self.tr("Order of skills"))
        self.skill_order.addItem(self.tr("Framework order"), "framework")
        self.skill_order.addItem(self.tr("Class weakest first"), "weakest")
        self.skill_order.addItem(self.tr("Class strongest first"), "strongest")
        self.import_button = self._button(
            N_("&Import questions from a file…"), "Import questions from a file", self.choose_import
        )
        self.import_button.setToolTip(
            self.tr(
                "Add questions saved by a quiz or test tool in the QTI format "
                "(an .xml file or a .zip package) to one skill's practice."
            )
        )
        self.recalc_button = self._button(
            N_("&Recalculate"), "Recalculate estimates from all answers", self.recalculate
        )
        self.recalc_button.setToolTip(self.tr("Work out every estimate again from all the answers (exact)."))
        top = FlowLayout()  # wraps at a large text size instead of scrolling sideways
        top.addWidget(QLabel(self.tr("Class:")))
        top.addWidget(self.class_box)
        top.addWidget(QLabel(self.tr("Skills:")))
        top.addWidget(self.skill_order)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.recalc_button)

        legend = FlowLayout()  # wraps at a large text size instead of scrolling sideways
        legend.addWidget(QLabel(self.tr("Key:")))
        for name, _low, fill, ink in BANDS:
            swatch = QLabel(("\u2713 " if name == "Mastered" else "") + self.tr(name))
            set_role(swatch, "swatch")
            swatch.setAutoFillBackground(True)  # the band's own fill and ink, as in the table's cells
            pal = swatch.palette()
            pal.setColor(QPalette.ColorRole.Window, QColor(fill))
            pal.setColor(QPalette.ColorRole.WindowText, QColor(ink))
            swatch.setPalette(pal)
            swatch.setAccessibleName(self.tr("Key: %1").replace("%1", str(name)))
            swatch.setToolTip(self.tr(BAND_TIPS.get(name.split(" (")[0], "")))
            legend.addWidget(swatch)
        legend.addStretch(1)
        # The counts and an action's outcome have a line each: a refresh that an import or a sync
        # causes must not wipe the message the teacher is reading.
        self.summary = QLabel("")
        self.summary.setAccessibleName(self.tr("Skills summary"))
        self.summary.setWordWrap(True)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Skills status"))
        self.status.setWordWrap(True)

        self.model = HeatmapModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setHorizontalHeader(RotatedHeader(FIXED, parent=self.table))  # skill names read upwards
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.table.setAccessibleName(self.tr("Class heatmap: students by skills"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(True)
        set_role(self.table, "heatmap")
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(30)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.activated.connect(self._open_index)  # Enter or double-click
        self.table.clicked.connect(self._open_index)
        hint = QLabel(
            self.tr(
                "Click a cell (or select it and press Enter) to see that student's answers on the "
                "skill. Click a column heading, or press Ctrl+Shift+S on a cell, to sort students "
                "by it."
            )
        )
        set_role(hint, "muted")
        hint.setWordWrap(True)
        self.sort_button = self._button(
            N_("&Sort by this column"),
            "Sort by this column: students by the selected skill",
            self.sort_by_current,
        )
        self.hint = hint
        # A class with no students (or no skills yet) shows what to do instead of a blank grid.
        self.empty = empty_note(name="Empty heatmap")
        self.empty.linkActivated.connect(lambda key: self.open_page.emit(key, None))
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.sort_button)

        grid_page = QWidget()
        gv = QVBoxLayout(grid_page)
        gv.addLayout(top)
        gv.addLayout(legend)
        gv.addWidget(self.summary)  # a line of its own: beside the key it was squeezed to a narrow column
        gv.addWidget(self.status)
        gv.addWidget(self.table, 1)
        gv.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)  # shown instead of the table
        gv.addLayout(bottom)

        self.detail = SkillDetailView(ctx, actor)
        self.stack = list_and_detail(
            self, grid_page, self.detail, "\u2190 &Back to the class", "Back to the class heatmap", self.back
        )

        QShortcut(QKeySequence("Alt+Left"), self, activated=self.back)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, activated=self.sort_by_current)
        self.class_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.skill_order.currentIndexChanged.connect(lambda _i: self._apply_order())
        self.lazy = LazyRefresh(self, bus, Kind.PRACTICE | Kind.ROSTER | Kind.SKILLS, self.refresh)
        self.load_classes()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        return button(self, text, name, slot)

    # -- data ----------------------------------------------------------------------------------
    def load_classes(self) -> None:
        fill_class_box(self.class_box, self.ctx.services.roster.my_classes(self.actor))
        self.refresh()

    @property
    def class_id(self) -> str:
        return self.class_box.currentData() or ""

    def refresh(self) -> None:
        class_id = self.class_id
        if not class_id:
            return
        # Loads run in parallel: an earlier one (another class, older figures) finishing late is dropped.
        run_task(
            lambda _p: self.teaching.heatmap(self.actor, class_id),
            self._loads(self._show),
            lambda e: show_error(self, e),
            owner=self,
        )

    def _show(self, heatmap: Heatmap) -> None:
        place = self._place()  # before _order, which swaps in the new map
        self.model.set_heatmap(heatmap, self._order(heatmap))
        self._size_columns()
        self._put_back(place)
        started = sum(c is not None for r in heatmap.cells for c in r)
        if not heatmap.students:  # the empty message says it all; "0 students, …" adds nothing
            self.summary.setText("")
        else:
            self.summary.setText(
                ", ".join(
                    (
                        self.tr("%n student(s)", "", len(heatmap.students)),
                        self.tr("%n skill(s)", "", len(heatmap.skills)),
                        self.tr("%1 started").replace("%1", str(started)),
                    )
                )
            )
        self._show_empty(heatmap)
        from app.ui.widgets.chart_text import heatmap_text

        self.table.setAccessibleDescription(heatmap_text(heatmap))  # the picture in words (issue 18)
        self.loaded.emit()

    def _place(self) -> tuple[str, str | int, int, int]:
        """The current cell (student id, skill id or fixed column) and the scroll: a reload (answers
        arriving by sync during a lesson) puts the teacher's place in the grid back."""
        bars = self.table.horizontalScrollBar().value(), self.table.verticalScrollBar().value()
        source = self.proxy.mapToSource(self.table.currentIndex())
        if not source.isValid() or self.model.map is None or source.row() >= len(self.model.map.students):
            return "", -1, *bars
        skill = self.model.skill_at(source.column())
        return self.model.map.students[source.row()].id, skill.id if skill else source.column(), *bars

    def _put_back(self, place: tuple[str, str | int, int, int]) -> None:
        student, where, h, v = place
        heat = self.model.map
        row = (
            next((i for i, st in enumerate(heat.students) if st.id == student), -1)
            if heat and student
            else -1
        )
        if isinstance(where, str):
            col = next(
                (FIXED + j for j, k in enumerate(self.model.order) if heat and heat.skills[k].id == where), -1
            )
        else:
            col = where
        if row >= 0 and col >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, col)))
        self.table.horizontalScrollBar().setValue(h)
        self.table.verticalScrollBar().setValue(v)

    def _show_empty(self, heatmap: Heatmap) -> None:
        if not heatmap.students:
            text = self.tr(
                "No students in this class yet. Add them on the <a href='roster'>Class roster</a> "
                "page: each one's skills fill in here as they practise."
            )
        elif not heatmap.skills:
            # The framework and its questions are written when a student first practises (practice/service).
            text = self.tr(
                "No skills to show yet. They appear here once a student has started practising: "
                "Tessera adds the skills and their questions then."
            )
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        for w in (self.table, self.hint, self.sort_button):
            w.setVisible(not text)

    def _order(self, heatmap: Heatmap) -> list[int]:
        how = self.skill_order.currentData()
        order = list(range(len(heatmap.skills)))
        if how == "framework":
            return order
        self.model.map = heatmap
        means = self.model.class_means()
        key = (
            (lambda j: (means[j] < 0, means[j]))
            if how == "weakest"
            else (lambda j: (means[j] < 0, -means[j]))
        )
        return sorted(order, key=key)

    def _apply_order(self) -> None:
        if self.model.map is not None:
            self.model.set_order(self._order(self.model.map))
            self._size_columns()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(1, 64)
        for c in range(FIXED, self.model.columnCount()):
            self.table.setColumnWidth(c, 46)

    def sort_by_current(self) -> None:
        """Keyboard sorting: by the selected cell's column, strongest first (again: weakest first)."""
        col = self.table.currentIndex().column()
        if col < 0:
            return
        header = self.table.horizontalHeader()
        first = Qt.SortOrder.AscendingOrder if col == 0 else Qt.SortOrder.DescendingOrder
        again = header.sortIndicatorSection() == col and header.sortIndicatorOrder() == first
        order = (
            (
                Qt.SortOrder.DescendingOrder
                if first == Qt.SortOrder.AscendingOrder
                else Qt.SortOrder.AscendingOrder
            )
            if again
            else first
        )
        self.table.sortByColumn(col, order)

    # -- click-through -------------------------------------------------------------------------
    def _open_index(self, index) -> None:  # noqa: ANN001
        source = self.proxy.mapToSource(index)
        if not source.isValid() or self.model.map is None:
            return
        student = self.model.map.students[source.row()]
        skill = self.model.skill_at(source.column())
        if skill is None:
            self.open_page.emit("roster", student.id)  # the student's page
            return
        self.show_cell(student.id, skill.id)

    def show_cell(self, student_id: str, skill_id: str) -> None:
        self.detail.load(student_id, skill_id)
        self.stack.setCurrentIndex(1)

    def show_item(self, arg: object) -> None:
        """Opened from elsewhere with (student id, skill id)."""
        if isinstance(arg, (tuple, list)) and len(arg) == 2:
            self.show_cell(str(arg[0]), str(arg[1]))

    def back(self) -> None:
        self.stack.setCurrentIndex(0)
        self.table.setFocus()

    # -- import and recalculate ------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import questions from a file"),
            "",
            self.tr("QTI question files (*.xml *.zip);;All files (*)"),
        )
        if not path:
            return
        skills = self.teaching.practice_skills(self.actor)
        dlg = SkillChoice(self, skills, path.rsplit("/", 1)[-1])
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.import_file(path, dlg.skill.currentData())

    def import_file(self, path: str, skill_id: str) -> None:
        t, a = self.teaching, self.actor
        self.status.setText(self.tr("Importing…"))

        def done(result) -> None:  # noqa: ANN001
            # "%n ... (s)" reads "1 question" or "12 questions" (app/ui/plurals.py).
            text = self.tr("Imported %n question(s) for %1.", "", result.added).replace(
                "%1", result.skill_name
            )
            if result.already_there:
                text += " " + self.tr("Skipped %n question(s) already in the bank.", "", result.already_there)
            self.status.setText(text)
            self.imported.emit(result)

        def failed(exc: BaseException) -> None:
            self.status.setText(error_text(exc))
            show_error(self, exc, self.tr("Import questions"))
            self.imported.emit(exc)

        run_with_dialog(
            self,
            self.tr("Importing questions"),
            lambda p: t.import_qti(a, path, skill_id, progress=p),
            done,
            failed,
        )

    def recalculate(self) -> None:
        t, a = self.teaching, self.actor

        def done(report) -> None:  # noqa: ANN001
            self.status.setText(
                self.tr("Estimates recalculated from %1 answers in %2 s.")
                .replace("%1", count_text(report.answers))
                .replace("%2", count_text(round(report.seconds, 1)))
            )
            self.bus.announce(Kind.PRACTICE)  # estimates are derived state: the store does not see them

        run_with_dialog(
            self,
            self.tr("Recalculating estimates"),
            lambda p: t.recalculate(a, progress=p),
            done,
            lambda e: self.status.setText(error_text(e)),
        )
