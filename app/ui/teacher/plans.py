"""Plans of the class: who is on track, behind or done; open a student's plan to give feedback on
each goal, approve it or suggest changes; export a student's report (PDF) or the class summary (CSV)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.i18n import N_
from app.people.actor import Actor
from app.planning.plans import ClassPlans, PlanRow, PlanView
from app.ui.events import ChangeBus, Kind
from app.ui.locale_format import day
from app.ui.messages import show_error
from app.ui.qmodels.plan_overview_model import SORT_ROLE, STATUS_LABELS, PlanOverviewModel
from app.ui.tasks import Latest, run_task, run_with_dialog
from app.ui.theme import set_role
from app.ui.widgets.common import button
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.goal_detail import GoalDetail, fit
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.save_place import remember, suggested_path

PACE_WORDS = {
    "on_track": N_("on track"),
    "behind": N_("behind"),
    "done": N_("done"),
    "no_plan": N_("no plan"),
}

FILTERS = [
    ("all", N_("Everyone")),
    ("behind", "Behind"),
    ("waiting", N_("Waiting for approval")),
    ("on_track", "On track"),
    ("done", "Done"),
    ("no_plan", "No plan yet"),
]
GOAL = Qt.ItemDataRole.UserRole + 1


class _Filter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.mode = "all"

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if self.mode == "all":
            return True
        r: PlanRow = self.sourceModel().rows[row]  # type: ignore[attr-defined]  # a PlanOverviewModel
        return r.plan_status == "submitted" if self.mode == "waiting" else r.pace == self.mode


class PlansPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()
    exported = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.plans = ctx.services.plans
        self.reports = ctx.services.reports
        self._reselecting = ""  # the student whose plan is shown, picked again after the overview reloaded
        self.plan: PlanView | None = None
        # Tickets of the loads asked for last: loads run in parallel, and an earlier one (another
        # student, or an older read of this one) finishing late must not replace it.
        self._plan_loads, self._overview_loads = Latest(), Latest()
        self.overview: ClassPlans | None = None

        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Class"))
        for c in ctx.services.roster.my_classes(actor):
            self.class_box.addItem(c.name, c.id)
        self.class_box.currentIndexChanged.connect(lambda _i: self.refresh(check_met=True))
        self.filter_box = QComboBox()
        self.filter_box.setAccessibleName(self.tr("Show"))
        for key, label in FILTERS:
            self.filter_box.addItem(self.tr(label), key)
        self.filter_box.currentIndexChanged.connect(self._filter)
        self.summary = QLabel("")
        self.summary.setAccessibleName(self.tr("Class summary"))
        self.pdf_button = self._button(
            self.tr("Student &report (PDF)…"), "Export student report as PDF", self.ask_pdf
        )
        self.csv_button = self._button(
            self.tr("Class summary (&CSV)…"), "Export class summary as CSV", self.ask_csv
        )
        top = FlowLayout()  # wraps at a large text size instead of scrolling sideways
        top.addWidget(QLabel(self.tr("Class:")))
        top.addWidget(self.class_box)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.filter_box)
        top.addStretch(1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.csv_button)

        self.model = PlanOverviewModel()
        self.proxy = _Filter()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.table.setAccessibleName(self.tr("Plans of the class"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(6, True)  # the reason shows beside the chosen student and as a tooltip
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._open(cur))

        # The chosen student's plan.
        self.who = QLabel(self.tr("Choose a student to see their plan."))
        set_role(self.who, "heading")
        self.who.setAccessibleName(self.tr("Chosen student"))
        self.who.setWordWrap(True)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Plan note"))
        self.approve_button = self._button(self.tr("&Approve plan"), "Approve plan", self.approve)
        self.suggest_button = self._button(self.tr("&Suggest changes…"), "Suggest changes", self.ask_changes)
        actions = QHBoxLayout()
        actions.addWidget(self.approve_button)
        actions.addWidget(self.suggest_button)
        actions.addStretch(1)
        self.goals = QListWidget()
        self.goals.setAccessibleName(self.tr("Goals of the chosen student"))
        self.goals.setMaximumHeight(110)
        # Long goal names are cut with "…" (the whole line is in the tooltip), not scrolled sideways.
        self.goals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.goals.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.goals.currentRowChanged.connect(self._pick_goal)
        self.detail = GoalDetail(self.plans, actor)
        self.detail.set_services(ctx.services)  # teachers judge skills from plan evidence
        self.detail.changed.connect(self._reload_plan)
        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        self.reason = QLabel("")
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(self.tr("Pace of the chosen student"))
        set_role(self.reason, "warning")
        for w in (self.who, self.reason, self.note):
            sv.addWidget(w)
        sv.addLayout(actions)
        sv.addWidget(self.goals)
        sv.addWidget(self.detail, 1)
        sv.addStretch(0)  # holds the text at the top while the detail is hidden
        self._set_actions()
        self._show_parts()

        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(side)
        split.setCollapsible(1, False)  # the pane keeps the goal detail's width: nothing is cut off
        split.setSizes([640, 480])
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Plans"))
        set_role(title, "title")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.lazy = LazyRefresh(self, bus, Kind.PLANS | Kind.ROSTER | Kind.PRACTICE, self.refresh)
        self.refresh(check_met=True)

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        return button(self, text, name, slot)

    @property
    def class_id(self) -> str:
        return self.class_box.currentData() or ""

    def refresh(self, check_met: bool = False) -> None:
        """Reload the overview; on opening, first mark goals the evidence shows are met."""
        cid, a = self.class_id, self.actor
        if not cid:
            self.loaded.emit()
            return

        def work(_p):
            if check_met:
                self.plans.record_met_goals(a, class_id=cid)
            return self.plans.class_overview(a, cid)

        run_task(
            work,
            self._overview_loads(self._show),
            lambda e: show_error(self, e),
            writes=check_met,
            owner=self,
        )

    def _show(self, overview: ClassPlans) -> None:
        self.overview = overview
        row = self.selected_row()
        current = row.student_id if row else self.plan.student_id if self.plan else ""
        self.model.set_rows(list(overview.rows))
        if not overview.rows:  # a new class: what to do first, in place of "Choose a student"
            self.plan = None
            self.who.setText(self.tr("No students in this class yet."))
            self.reason.setText("")
            self.note.setText(
                self.tr(
                    "Add them on the Class roster page. Each one builds a plan from their Home "
                    "or My plan page, and it shows here for you to approve."
                )
            )
            self._set_actions()
            self._show_parts()
        elif not self.selected_row() and not current:
            self.who.setText(self.tr("Choose a student to see their plan."))
            self.note.setText("")
        self.summary.setText(
            self.tr(
                "<b>%1</b> on track \u00b7 <b>%2</b> behind \u00b7 <b>%3</b> done \u00b7 "
                "<b>%4</b> waiting for approval \u00b7 <b>%5</b> without a plan"
            )
            .replace("%1", str(overview.count("on_track")))
            .replace("%2", str(overview.count("behind")))
            .replace("%3", str(overview.count("done")))
            .replace("%4", str(overview.waiting))
            .replace("%5", str(overview.count("no_plan")))
        )
        self.table.resizeColumnsToContents()
        self._keep_milestones_whole()
        if current:
            # The same student after a reload (a write here, or what a sync brought): fresh figures, but
            # the goal detail keeps the feedback being typed and its "Feedback saved.".
            self._reselecting = current if self.plan is not None and self.plan.student_id == current else ""
            self.select_student(current)
            self._reselecting = ""
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self.loaded.emit()

    def _filter(self) -> None:
        self.proxy.mode = self.filter_box.currentData()
        self.proxy.invalidate()

    def select_student(self, student_id: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0))).student_id == student_id:
                self.table.selectRow(r)
                return

    def show_item(self, arg: object) -> None:
        self.select_student(str(arg))

    def selected_row(self) -> PlanRow | None:
        idx = self.table.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(idx)) if idx.isValid() else None

    def _open(self, index) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(self.proxy.mapToSource(index))
        self.who.setText(row.name)
        self.reason.setText(row.reason)
        if row.student_id == self._reselecting:
            self._load_plan(row.student_id)
            return
        # Until this student's plan arrives, nothing may act on the one shown before (Approve or
        # Save feedback would write to the previous student).
        self.plan = None
        self._set_actions()
        self.detail.set_goal(None)
        self._load_plan(row.student_id)

    def _load_plan(self, student_id: str) -> None:
        run_task(
            lambda _p: (student_id, self.plans.get(self.actor, student_id)),
            self._plan_loads(self._show_plan),
            lambda e: show_error(self, e),
            owner=self,
        )

    def _reload_plan(self) -> None:
        if self.plan:
            self._load_plan(self.plan.student_id)

    def _show_plan(self, data) -> None:
        _student_id, plan = data
        self.plan = plan
        self._show_parts()  # before the goal is filled in: its lists size their rows only when shown
        keep = self.goals.currentRow()
        # Refill quietly and show the goal once: clearing would first show "no goal", and the detail
        # would then treat the same goal as a new one (dropping unsaved feedback and the "saved" note).
        self.goals.blockSignals(True)
        self.goals.clear()
        if plan is None:
            self.note.setText(self.tr("No plan yet. They can build one from their Home or My plan page."))
            self.detail.set_goal(None)
        else:
            status = self.tr(STATUS_LABELS.get(plan.status, plan.status))
            when = day(plan.updated_at)
            extra = f" \u00b7 {self.tr('your note')}: {plan.teacher_note}" if plan.teacher_note else ""
            none = "<br>" + self.tr("No goals in this plan yet.") if not plan.goals else ""
            self.note.setText(
                f"<b>{plan.title}</b> \u00b7 {status} \u00b7 {self.tr('updated')} {when}{extra}{none}"
            )
            for g in plan.goals:
                pace = self.tr(PACE_WORDS.get(g.pace.status, g.pace.status))
                item = QListWidgetItem(f"{g.title}  \u00b7  {round(g.progress * 100)}%  \u00b7  {pace}")
                item.setToolTip(item.text())
                item.setData(GOAL, g)
                self.goals.addItem(item)
            if plan.goals:
                self.goals.setCurrentRow(min(max(0, keep), len(plan.goals) - 1))
            self.goals.blockSignals(False)
            self._pick_goal(self.goals.currentRow())
        self.goals.blockSignals(False)
        fit(self.goals, 110)
        self._set_actions()
        # Lay the pane out now, not at Qt's next pass: the goal's parts were hidden while the plan
        # loaded, and until then Save feedback, enabled, has no height and a click on it is lost.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _pick_goal(self, row: int) -> None:
        item = self.goals.item(row)
        self.detail.set_goal(item.data(GOAL) if item else None)

    def _show_parts(self) -> None:
        """Only what there is to see: no empty boxes or greyed buttons before a plan is shown."""
        plan = self.plan
        self.reason.setVisible(bool(self.reason.text()))
        for w in (self.approve_button, self.suggest_button):
            w.setVisible(plan is not None)
        self.goals.setVisible(plan is not None and bool(plan.goals))
        self.detail.setVisible(plan is not None and bool(plan.goals))

    def _set_actions(self) -> None:
        has = self.plan is not None
        self.approve_button.setEnabled(has and self.plan.status != "approved")
        self.suggest_button.setEnabled(has)
        self.pdf_button.setEnabled(self.selected_row() is not None)

    # -- approve / suggest -------------------------------------------------------------------------
    def approve(self, note: str = "") -> None:
        if self.plan is None:
            return
        self._review("approved", note if isinstance(note, str) else "")

    def ask_changes(self) -> None:
        if self.plan is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Suggest changes"), self.tr("What would you change? The student sees this note.")
        )
        if ok:
            self.suggest_changes(text)

    def suggest_changes(self, note: str) -> None:
        self._review("changes_suggested", note)

    def _review(self, decision: str, note: str) -> None:
        if self.plan is None:
            return  # the next student's plan is still loading
        pid, sid = self.plan.id, self.plan.student_id
        run_task(
            lambda _p: self.plans.review(self.actor, pid, decision, note),
            lambda _r: self._load_plan(sid),
            lambda e: show_error(self, e),
            writes=True,
            owner=self,
        )

    def _keep_milestones_whole(self) -> None:
        """The table is never narrower than its columns plus a readable "Next milestone" column (its
        heading and the date that starts each cell): the side pane gives way, not the table."""
        header = self.table.horizontalHeader()
        fm = header.fontMetrics()
        least = (
            max(fm.horizontalAdvance(self.tr("Next milestone")), fm.horizontalAdvance("23 Sep: Practise"))
            + 28
        )
        fixed = sum(header.sectionSize(c) for c in range(5))
        self.table.setMinimumWidth(fixed + least + self.table.verticalScrollBar().sizeHint().width() + 4)

    # -- exports ------------------------------------------------------------------------------------
    def ask_pdf(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        name = row.name.replace(" ", "-").lower()
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), suggested_path(f"{name}-report.pdf"), self.tr("PDF (*.pdf)")
        )
        remember(path)
        if path:
            self.export_pdf(row.student_id, path)

    def export_pdf(self, student_id: str, path: str) -> None:
        from app.ui.widgets.report_pdf import write_student_pdf

        def work(progress):
            report = self.reports.student_report(self.actor, student_id, progress)
            progress(0.95, "Writing the PDF")
            return str(write_student_pdf(report, path))

        run_with_dialog(
            self,
            self.tr("Making the report"),
            work,
            self._exported,
            lambda e: show_error(self, e),
            writes=False,
        )

    def ask_csv(self) -> None:
        name = self.class_box.currentText().replace(" ", "-").lower()
        path, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the class summary"),
            suggested_path(f"{name}-summary.csv"),
            self.tr("CSV (*.csv)"),
        )
        remember(path)
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> None:
        cid = self.class_id
        run_with_dialog(
            self,
            self.tr("Writing the class summary"),
            lambda progress: (self.reports.write_class_csv(self.actor, cid, path, progress), path)[1],
            self._exported,
            lambda e: show_error(self, e),
            writes=False,
        )

    def _exported(self, path: str) -> None:
        self.summary.setText(self.tr("Saved %1").replace("%1", Path(path).name))
        self.exported.emit(path)
