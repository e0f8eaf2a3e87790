"""The jagged profile: mastery per skill as a skyline of bars coloured by domain, so a teacher
sees the peaks and not only the gaps. The strongest skills are named above the chart."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.skills import DomainProfile
from app.ui.theme.charts import series_colour, style_chart


def peaks(domains: list[DomainProfile], n: int = 3) -> list[str]:
    skills = [s for d in domains for s in d.skills if s.seen]
    skills.sort(key=lambda s: s.mastery, reverse=True)
    return [s.name for s in skills[:n]]


class JaggedProfile(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Strongest skills"))
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().hide()  # the domain key is an HTML line above: names never elided
        self.key = QLabel("")
        self.key.setWordWrap(True)
        self.chart.setMargins(self.chart.margins() * 0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(self.tr("Jagged profile chart"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.key)
        layout.addWidget(scroll, 1)

    def set_profile(self, domains: list[DomainProfile]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        top = peaks(domains)
        # Read top to bottom in framework order. A star means mastered, as in the PDF report and the
        # celebrations (it marked the peaks here, which the summary line names: one star, one meaning).
        categories = [("★ " if s.mastered else "") + s.name for d in domains for s in d.skills]
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.8)
        offset = 0
        for i, d in enumerate(domains):
            bar = QBarSet(d.name)
            bar.setColor(series_colour(i))
            values = [0.0] * len(categories)
            for j, s in enumerate(d.skills):
                values[len(categories) - 1 - (offset + j)] = round(s.mastery * 100, 1) if s.seen else 0.0
            offset += len(d.skills)
            bar.append(values)
            series.append(bar)
        self.chart.addSeries(series)
        self.key.setText(
            " &nbsp; ".join(
                f"<span style='color:{series_colour(i).name()}'>■</span> {d.name}"
                for i, d in enumerate(domains)
            )
        )
        cats = QBarCategoryAxis()
        cats.append(list(reversed(categories)))
        font = cats.labelsFont()
        font.setPointSize(8)
        cats.setLabelsFont(font)
        cats.setTruncateLabels(False)
        value = QValueAxis()
        value.setRange(0, 100)
        value.setTitleText(self.tr("Mastery %"))
        value.setTickCount(6)
        value.setLabelFormat("%d")
        self.chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(value, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(cats)
        series.attachAxis(value)
        style_chart(self.chart)
        self.view.setMinimumHeight(110 + 21 * len(categories))
        # Qt clips axis labels that do not fit from the left ("…der of operations"): keep room for the
        # longest name and a readable bar, and let the scroll area scroll sideways below that.
        longest = max((QFontMetrics(font).horizontalAdvance(c) for c in categories), default=0)
        self.view.setMinimumWidth(longest + 170)
        mastered = sum(1 for d in domains for s in d.skills if s.mastered)
        before = sum(1 for d in domains for s in d.skills if s.ever_mastered and not s.mastered)
        if top:
            text = (
                self.tr("<b>Peaks:</b> %1 · skills mastered: %2")
                .replace("%1", ", ".join(top))
                .replace("%2", str(mastered))
            )
            if before:  # the wins below count these too: say so rather than contradict them
                text += self.tr(" (and %n mastered before, to practise again)", "", before)
            self.summary.setText(text)
        else:
            self.summary.setText(self.tr("No practice yet: the profile fills in as they practise."))
        # Screen readers get the numbers, not only the picture.
        from app.ui.widgets.chart_text import profile_text

        self.view.setAccessibleDescription(profile_text(domains))
