"""Charts (Qt Charts) in the scheme's colours: a chart's own theme is light whatever the palette,
so its background, labels and grid are set from the tokens."""

from __future__ import annotations

from PySide6.QtCharts import QChart
from PySide6.QtGui import QBrush, QColor, QPen

from app.ui.theme import tokens


def style_chart(chart: QChart) -> None:
    """Call after the axes are added (each axis takes the colours when it is styled)."""
    t = tokens()
    chart.setBackgroundBrush(QBrush(QColor(t.surface)))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitleBrush(QBrush(QColor(t.text)))
    chart.legend().setLabelColor(QColor(t.text))
    for axis in chart.axes():
        axis.setLabelsBrush(QBrush(QColor(t.text)))
        axis.setTitleBrush(QBrush(QColor(t.text)))
        axis.setLinePen(QPen(QColor(t.border)))
        axis.setGridLinePen(QPen(QColor(t.surface_alt if not t.dark else t.border), 1))


def series_colour(i: int) -> QColor:
    s = tokens().series
    return QColor(s[i % len(s)])
