"""A small line chart of mood and energy per day (1-5), for a student or a class."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPainter, QPen

from app.planning.checkins import DayTrend
from app.ui.theme.charts import series_colour, style_chart

MOOD_COLOR, ENERGY_COLOR = 0, 3  # series colours from the theme (3:1 against the chart in every scheme)
DATE_FORMAT = "d MMM"
EMPTY_DAYS = 14  # with no check-ins, the axis shows the last two weeks
LABEL_GAP = 16  # pixels between two date labels


def _noon(day: dt.date) -> QDateTime:
    # Days sit at noon, and so do the ticks: an hour of summer time either way never changes a date.
    return QDateTime(dt.datetime.combine(day, dt.time(12)))


def ticks(first: dt.date, last: dt.date, room: int) -> tuple[dt.date, int]:
    """The axis's start and its number of ticks for days ``first`` to ``last``: the ticks a whole number
    of days apart (so every label is a different date), at most ``room`` of them, the last on ``last``
    (the axis reaches back a little further rather than into days to come)."""
    days = max(1, (last - first).days)
    room = max(2, room)
    step = next(k for k in range(1, days + 1) if math.ceil(days / k) + 1 <= room)
    intervals = math.ceil(days / step)
    return last - dt.timedelta(days=intervals * step), intervals + 1


class TrendChart(QChartView):
    def __init__(self, name: str = "Check-in trend") -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_)
        self.setAccessibleName(self.tr(name))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_.setMargins(self.chart_.margins() * 0)
        self.setMinimumHeight(200)
        self.x_axis: QDateTimeAxis | None = None  # not self.x: that is QWidget.x()
        self._span: tuple[dt.date, dt.date] | None = None  # the first and last day on the axis
        # The number of date labels follows the width; once per resize, after the chart has laid out.
        self._refit = QTimer(self, singleShot=True, interval=0, timeout=self._fit_ticks)

    def set_days(self, days: list[DayTrend], title: str = "") -> None:
        c = self.chart_
        c.removeAllSeries()
        for axis in c.axes():
            c.removeAxis(axis)
        x = self.x_axis = QDateTimeAxis()
        x.setFormat(DATE_FORMAT)
        y = QValueAxis()
        y.setRange(1, 5)
        y.setTickCount(5)
        y.setLabelFormat("%d")
        c.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        c.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for label, color, attr in (
            (self.tr("Mood"), MOOD_COLOR, "mood"),
            (self.tr("Energy"), ENERGY_COLOR, "energy"),
        ):
            line, dots = QLineSeries(), QScatterSeries()
            line.setName(label)
            ink = series_colour(color)
            line.setPen(QPen(ink, 2.5))
            dots.setColor(ink)
            dots.setBorderColor(ink)
            dots.setMarkerSize(7)
            for d in days:
                ms = _noon(dt.date.fromisoformat(d.day)).toMSecsSinceEpoch()
                line.append(ms, getattr(d, attr))
                dots.append(ms, getattr(d, attr))
            for s in (line, dots):
                c.addSeries(s)
                s.attachAxis(x)
                s.attachAxis(y)
            c.legend().markers(dots)[0].setVisible(False)
        if days:
            first = dt.date.fromisoformat(days[0].day) - dt.timedelta(days=1)
            last = dt.date.fromisoformat(days[-1].day) + dt.timedelta(days=1)
            c.setTitle(title)
        else:  # an empty range labelled every tick "1 Jan": say so, over real dates
            last = dt.date.today()
            first = last - dt.timedelta(days=EMPTY_DAYS - 1)
            none = self.tr("No check-ins yet")
            c.setTitle(f"{title}: {none[0].lower()}{none[1:]}" if title else none)
        style_chart(c)
        self._span = (first, last)
        self._fit_ticks()
        self._refit.start()
        from app.ui.widgets.chart_text import trend_text

        self.setAccessibleDescription(trend_text(days))

    def label_room(self) -> int:
        """How many date labels fit side by side under the plot."""
        if self.x_axis is None or self._span is None:
            return 2
        first, last = self._span
        fm = QFontMetrics(self.x_axis.labelsFont())
        widest = max(
            fm.horizontalAdvance(_noon(first + dt.timedelta(days=i)).toString(DATE_FORMAT))
            for i in range((last - first).days + 1)
        )
        width = self.chart_.plotArea().width()
        if width <= 0:  # not laid out yet: the view less the value axis
            width = self.viewport().width() - 60
        return int(width // (widest + LABEL_GAP)) + 1  # a label sits on each end

    def _fit_ticks(self) -> None:
        if self.x_axis is None or self._span is None:
            return
        first, last = self._span
        start, count = ticks(first, last, self.label_room())
        self.x_axis.setRange(_noon(start), _noon(last))
        self.x_axis.setTickCount(count)

    def tick_labels(self) -> list[str]:
        """The date labels under the plot, as drawn."""
        if self.x_axis is None:
            return []
        lo, hi, n = (
            self.x_axis.min().toMSecsSinceEpoch(),
            self.x_axis.max().toMSecsSinceEpoch(),
            self.x_axis.tickCount(),
        )
        return [
            QDateTime.fromMSecsSinceEpoch(round(lo + i * (hi - lo) / (n - 1))).toString(DATE_FORMAT)
            for i in range(n)
        ]

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._refit.start()
