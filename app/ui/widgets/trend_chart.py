"""A small line chart of mood and energy per day (1-5), for a student or a class."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from app.planning.checkins import DayTrend

MOOD_COLOR = "#2563eb"
ENERGY_COLOR = "#ea580c"


class TrendChart(QChartView):
    def __init__(self, name: str = "Check-in trend") -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_)
        self.setAccessibleName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_.setMargins(self.chart_.margins() * 0)
        self.setMinimumHeight(200)

    def set_days(self, days: list[DayTrend], title: str = "") -> None:
        c = self.chart_
        c.removeAllSeries()
        for axis in c.axes():
            c.removeAxis(axis)
        c.setTitle(title)
        x = QDateTimeAxis()
        x.setFormat("d MMM")
        y = QValueAxis()
        y.setRange(1, 5)
        y.setTickCount(5)
        y.setLabelFormat("%d")
        c.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        c.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        described = []
        for label, color, attr in ((self.tr("Mood"), MOOD_COLOR, "mood"), (self.tr("Energy"), ENERGY_COLOR, "energy")):
            line, dots = QLineSeries(), QScatterSeries()
            line.setName(label)
            line.setPen(QPen(QColor(color), 2.5))
            dots.setColor(QColor(color))
            dots.setBorderColor(QColor(color))
            dots.setMarkerSize(7)
            for d in days:
                ms = QDateTime(dt.datetime.fromisoformat(d.day)).toMSecsSinceEpoch()
                line.append(ms, getattr(d, attr))
                dots.append(ms, getattr(d, attr))
            for s in (line, dots):
                c.addSeries(s)
                s.attachAxis(x)
                s.attachAxis(y)
            c.legend().markers(dots)[0].setVisible(False)
        if days:
            first = QDateTime(dt.datetime.fromisoformat(days[0].day)).addDays(-1)
            last = QDateTime(dt.datetime.fromisoformat(days[-1].day)).addDays(1)
            x.setRange(first, last)
            x.setTickCount(min(8, len(days) + 2))
            described = [f"{d.day}: mood {d.mood:g}, energy {d.energy:g}" for d in days]
        self.setAccessibleDescription("; ".join(described) or self.tr("No check-ins yet."))
