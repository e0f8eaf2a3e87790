"""The class's check-ins: the trend of mood and energy, each student's latest, and a quiet, private
flag when a student has reported low mood several times in a row. Only the class's teachers see it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.planning.checkins import ENERGY_WORDS, MOOD_WORDS, ClassCheckIns, daily_trend
from app.ui.events import ChangeBus, Kind
from app.ui.locale_format import weekday_day, weekday_time
from app.ui.messages import error_text
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role, tokens
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.scales import energy_pixmap, mood_pixmap
from app.ui.widgets.trend_chart import TrendChart

SID = Qt.ItemDataRole.UserRole + 1


class ClassCheckInsPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.service = ctx.services.checkins
        self.data: ClassCheckIns | None = None
        # Loads run in parallel and may finish out of order: show a result only if it answers the request
        # made last (a ticket per class load; the student whose trend is charted, "" for the class trend).
        self._class_loads = Latest()
        self._wanted_trend = ""
        title = QLabel(self.tr("Check-ins"))
        set_role(title, "title")
        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Class"))
        for c in ctx.services.roster.my_classes(actor):
            self.class_box.addItem(c.name, c.id)
        self.class_box.currentIndexChanged.connect(lambda _i: self.refresh())
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Class:")))
        head.addWidget(self.class_box)
        self.off = QLabel(self.tr("Check-ins are switched off at this school."))
        self.off.setAccessibleName(self.tr("Check-ins switched off"))
        self.off.hide()

        self.flags = QLabel("")
        self.flags.setWordWrap(True)
        self.flags.setAccessibleName(self.tr("Worth a quiet word"))
        flag_box = QGroupBox(self.tr("Worth a quiet word (only you see this)"))
        QVBoxLayout(flag_box).addWidget(self.flags)
        set_role(flag_box, "quiet-word")
        self.flag_box = flag_box

        self.chart = TrendChart("Class check-in trend")
        self.class_button = QPushButton(self.tr("Show the &class trend"))
        self.class_button.setAccessibleName(self.tr("Show the class trend"))
        self.class_button.clicked.connect(self.show_class_trend)
        chart_box = QGroupBox(self.tr("Trend, last two weeks"))
        cv = QVBoxLayout(chart_box)
        cv.addWidget(self.chart, 1)
        cv.addWidget(self.class_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.table = QTableWidget(0, 5)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.table.setAccessibleName(self.tr("Students' check-ins"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Student"), self.tr("Last"), self.tr("Mood"), self.tr("Energy"), self.tr("Their words")]
        )
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemSelectionChanged.connect(self._student_trend)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Check-ins message"))

        split = QSplitter()
        split.addWidget(self.table)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(flag_box)
        rv.addWidget(chart_box, 1)
        split.addWidget(right)
        split.setSizes([560, 480])
        self.split = split
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.off)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.lazy = LazyRefresh(self, bus, Kind.CHECKINS | Kind.ROSTER, self.refresh)
        self.refresh()

    @property
    def class_id(self) -> str:
        return self.class_box.currentData() or ""

    def refresh(self) -> None:
        cid, svc, a = self.class_id, self.service, self.actor
        if not cid:
            self.loaded.emit()
            return
        run_task(
            lambda _p: svc.class_view(a, cid) if svc.enabled(a) else None,
            self._class_loads(self._show),
            lambda e: self.status.setText(error_text(e)),
            owner=self,
        )

    def _show(self, data: ClassCheckIns | None) -> None:
        self.data = data
        # A reload (a check-in arriving by sync, most mornings) keeps the student whose trend is shown.
        chosen = self.table.selectionModel().selectedRows()
        keep = (
            self.table.item(chosen[0].row(), 0).data(SID)
            if chosen and self.table.item(chosen[0].row(), 0)
            else ""
        )
        self.off.setVisible(data is None)
        self.split.setVisible(data is not None)
        if data is None:
            self.loaded.emit()
            return
        if data.flags:

            def when(ts: float) -> str:
                return weekday_day(ts)

            self.flags.setText(
                "<br>".join(
                    f"\u25cf {f.message} <span style='color:{tokens().muted}'>({self.tr('last: %1').replace('%1', when(f.last_at))})</span>"
                    for f in data.flags
                )
            )
        else:
            self.flags.setText(self.tr("No patterns that need attention."))
        self.table.setRowCount(len(data.students))
        flagged = {f.student_id for f in data.flags}
        for r, s in enumerate(sorted(data.students, key=lambda s: (s.student_id not in flagged, s.name))):
            name = QTableWidgetItem(("\u25cf " if s.student_id in flagged else "") + s.name)
            name.setData(SID, s.student_id)
            self.table.setItem(r, 0, name)
            last = s.last
            self.table.setItem(
                r,
                1,
                QTableWidgetItem(weekday_time(last.at) if last else self.tr("none yet")),
            )
            for col, value, words in (
                (2, last.mood if last else 0, MOOD_WORDS),
                (3, last.energy if last else 0, ENERGY_WORDS),
            ):
                item = QTableWidgetItem(f"{value} {self.tr(words[value])}" if value else "")
                if value:
                    item.setIcon(QIcon(mood_pixmap(value, 16) if col == 2 else energy_pixmap(value, 16)))
                self.table.setItem(r, col, item)
            self.table.setItem(r, 4, QTableWidgetItem(last.note if last else ""))
        self.table.resizeColumnsToContents()
        row = next(
            (r for r in range(self.table.rowCount()) if keep and self.table.item(r, 0).data(SID) == keep), -1
        )
        if row < 0:
            self.show_class_trend()
        else:
            self.table.selectRow(row)
            self._student_trend()  # their trend again, with what arrived
        self.loaded.emit()

    def show_class_trend(self) -> None:
        self._wanted_trend = ""  # a student's trend still loading must not replace the class's
        if self.data:
            self.chart.set_days(list(self.data.days), self.tr("The class"))
        self.table.clearSelection()

    def _student_trend(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        sid, name = item.data(SID), item.text().lstrip("\u25cf ")
        self._wanted_trend = sid
        run_task(
            lambda _p: daily_trend(self.service.for_student(self.actor, sid)),
            lambda days: self._show_trend(sid, name, days),
            lambda e: self.status.setText(error_text(e)),
            owner=self,
        )

    def _show_trend(self, student_id: str, name: str, days: list) -> None:
        if student_id == self._wanted_trend:  # else a student picked earlier finished late
            self.chart.set_days(days, name)
