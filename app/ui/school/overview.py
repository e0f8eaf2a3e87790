"""The leader's school overview: the school's measures and targets this term, every class and grade
(progress on the framework by domain, plans, practice, writing feedback, challenges), the year's
trend, and the board's CSV and PDF. Aggregates only: a leader sees no student's work here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.school.board import board_csv, board_html
from app.school.figures import ClassFigures
from app.school.measures import MEASURES
from app.school.overview import SchoolOverview
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text
from app.ui.school.my_school import measure_cells
from app.ui.school.parts import _table, run_write
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role
from app.ui.widgets.lazy_refresh import LazyRefresh


class SchoolOverviewPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.svc = ctx.services.school
        self.data: SchoolOverview | None = None
        self._loads = Latest()
        title = QLabel(self.tr("Our school"))
        title.setObjectName("pageTitle")
        set_role(title, "title")
        self.summary = QLabel("")
        self.summary.setAccessibleName(self.tr("School summary"))
        csv_button = QPushButton(self.tr("Board &CSV…"))
        csv_button.setAccessibleName(csv_button.text().replace("&", ""))  # the label it shows
        csv_button.setAccessibleDescription(self.tr("Save the board's CSV"))
        csv_button.clicked.connect(lambda: self._export("csv"))
        pdf_button = QPushButton(self.tr("Board &PDF…"))
        pdf_button.setAccessibleName(pdf_button.text().replace("&", ""))  # the label it shows
        pdf_button.setAccessibleDescription(self.tr("Save the board's PDF"))
        pdf_button.clicked.connect(lambda: self._export("pdf"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.summary, 1)
        head.addWidget(csv_button)
        head.addWidget(pdf_button)

        self.measures = _table("The school's measures", [self.tr("Measure"), self.tr("Target"), self.tr("School"),
                                                          ""])  # fmt: skip
        self.measure_box = QComboBox()
        self.measure_box.setAccessibleName(self.tr("Measure"))
        for m in MEASURES.values():
            self.measure_box.addItem(self.tr(m.label), m.key)
        self.target = QDoubleSpinBox()
        self.target.setAccessibleName(self.tr("Target"))
        self.target.setRange(0, 10_000)
        self.target.setDecimals(1)
        set_button = QPushButton(self.tr("Set &target for this term"))
        set_button.setAccessibleName(self.tr("Set target for this term"))
        set_button.clicked.connect(self.set_target)
        mrow = QHBoxLayout()
        mrow.addWidget(self.measure_box)
        mrow.addWidget(self.target)
        mrow.addWidget(set_button)
        mrow.addStretch(1)
        mbox = QGroupBox(self.tr("Our measures this term"))
        mv = QVBoxLayout(mbox)
        mv.addWidget(self.measures)
        mv.addLayout(mrow)

        self.classes = _table(self.tr("Classes"), [])
        self.grades = _table(self.tr("Grades"), [])
        self.trend = _table(self.tr("Across the year"), [self.tr("Month"), self.tr("Practice minutes"),
                                                self.tr("Skills mastered"), self.tr("Drafts returned")])  # fmt: skip
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("School figures"))
        tabs.addTab(self.grades, self.tr("By grade"))
        tabs.addTab(self.classes, self.tr("By class"))
        tabs.addTab(self.trend, self.tr("Across the year"))
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("School overview message"))
        self.status.setObjectName("statusLine")
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(mbox, 2)
        layout.addWidget(tabs, 4)
        layout.addWidget(self.status)
        kinds = (
            Kind.SCHOOL
            | Kind.PRACTICE
            | Kind.PLANS
            | Kind.WRITING
            | Kind.CHALLENGES
            | Kind.ROSTER
            | Kind.SKILLS
        )
        self.lazy = LazyRefresh(self, bus, kinds, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        svc, actor = self.svc, self.actor
        run_task(lambda _p: svc.overview.overview(actor), self._loads(self._show),
                 lambda e: self.status.setText(error_text(e)), owner=self)  # fmt: skip

    def _show(self, ov: SchoolOverview) -> None:
        self.data = ov
        s = ov.school
        self.summary.setText(
            self.tr("Term %1 · %2 students in %3 classes")
            .replace("%1", ov.term).replace("%2", str(s.students)).replace("%3", str(len(ov.classes)))
        )  # fmt: skip
        results = ov.results.get("", ())
        self.measures.setRowCount(len(results))
        for r, res in enumerate(results):
            for c, text in enumerate(measure_cells(res, self.tr)):
                self.measures.setItem(r, c, QTableWidgetItem(text))
        self._fill(self.classes, list(ov.classes), ov)
        self._fill(self.grades, [*ov.grades, s], ov)
        self.trend.setRowCount(len(s.months))
        for r, m in enumerate(s.months):
            for c, text in enumerate([m.month, f"{m.minutes:.0f}", str(m.mastered), str(m.returned)]):
                self.trend.setItem(r, c, QTableWidgetItem(text))
        self.loaded.emit()

    def _fill(self, table: QTableWidget, rows: list[ClassFigures], ov: SchoolOverview) -> None:
        domains = [d.domain for d in ov.school.domains]
        heads = [self.tr("Name"), self.tr("Grade"), self.tr("Students"), *domains, self.tr("Plans approved"),
                 self.tr("On track"), self.tr("Behind"), self.tr("Practice min/week"), self.tr("Feedback days"),
                 self.tr("Checkpoints done")]  # fmt: skip
        table.setColumnCount(len(heads))
        table.setHorizontalHeaderLabels(heads)
        table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            fd = "-" if f.feedback_days is None else f"{f.feedback_days:g}"
            cells = [f.name, f.grade, str(f.students), *(f"{100 * d.share:.0f}%" for d in f.domains),
                     str(f.plans_approved), str(f.plans_on_track), str(f.plans_behind),
                     f"{f.minutes_per_student_week:.0f}", fd, f"{100 * f.challenge_completion:.0f}%"]  # fmt: skip
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def set_target(self) -> None:
        key, value, svc, actor = self.measure_box.currentData(), self.target.value(), self.svc, self.actor
        term = self.data.term if self.data else ""
        run_write(
            self,
            self.status,
            lambda: svc.measures.set_target(actor, key, term, value),
            lambda _r: self.refresh(),
        )

    def _export(self, kind: str) -> None:
        if self.data is None:
            return
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save for the board"), f"school-{self.data.term}.{kind}",
                                               "PDF (*.pdf)" if kind == "pdf" else "CSV (*.csv)")  # fmt: skip
        if path:
            self.export(kind, Path(path))

    def export(self, kind: str, path: Path) -> None:
        """Write the board's CSV or PDF of what is on screen (off the UI thread)."""
        ov = self.data
        if ov is None:
            return
        html = board_html(ov, self.tr("School overview"))

        def fn(_p) -> Path:  # noqa: ANN001
            if kind == "csv":
                path.write_text(board_csv(ov), encoding="utf-8")
                return path
            from app.ui.school.board_pdf import write_pdf

            return write_pdf(html, path)

        run_task(fn, lambda _r: self.status.setText(self.tr("Saved %1.").replace("%1", path.name)),
                 lambda e: self.status.setText(error_text(e)), owner=self)  # fmt: skip
