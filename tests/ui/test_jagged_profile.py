"""The jagged profile keeps every skill name whole in a narrow column: the chart keeps room for the
longest name and scrolls sideways instead of letting Qt clip names from the left."""

from PySide6.QtGui import QFontMetrics

from app.skills.service import DomainProfile, SkillMastery
from app.ui.widgets.jagged_profile import JaggedProfile


def test_a_narrow_profile_keeps_room_for_the_longest_skill_name(qtbot):
    long_name = "Multiplying fractions and mixed numbers"
    skills = [
        SkillMastery("s1", "A", "Place value", 0.9, 12, False),
        SkillMastery("s2", "B", long_name, 0.95, 30, True),
    ]
    widget = JaggedProfile()
    qtbot.addWidget(widget)
    widget.resize(260, 500)
    widget.show()
    widget.set_profile([DomainProfile("d1", "NUM", "Number", "maths", skills)])
    font = widget.chart.axes()[0].labelsFont()
    needed = QFontMetrics(font).horizontalAdvance("★ " + long_name)  # mastered: it carries a star
    assert widget.view.minimumWidth() >= needed + 100  # the name, and room for its bar
    assert widget.view.minimumWidth() > widget.width()  # so the narrow column scrolls sideways


def test_a_star_means_mastered_here_as_in_the_report(qtbot):
    from PySide6.QtCharts import QBarCategoryAxis

    skills = [
        SkillMastery("s1", "A", "Rounding", 0.84, 12, False),
        SkillMastery("s2", "B", "Angles", 0.86, 9, True),
    ]
    widget = JaggedProfile()
    qtbot.addWidget(widget)
    widget.set_profile([DomainProfile("d1", "NUM", "Number", "maths", skills)])
    axis = next(a for a in widget.chart.axes() if isinstance(a, QBarCategoryAxis))
    assert set(axis.categories()) == {"Rounding", "\u2605 Angles"}  # the peak Rounding is not mastered
