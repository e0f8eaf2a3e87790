"""The heatmap, the jagged profile and the check-in trend have text alternatives built from their data,
and the screens put them where screen readers read them (the chart's accessible description)."""

from __future__ import annotations

import re

from app.planning.checkins import DayTrend
from app.ui.widgets.chart_text import heatmap_text, profile_text, trend_text
from app.ui.widgets.trend_chart import TrendChart
from tests.ui.windowhelp import close_all, open_window


def test_heatmap_text_counts_every_student_once_per_skill(demo, teacher):
    ctx, info = demo
    heatmap = ctx.services.practice_class.heatmap(teacher, info.class_id)
    text = heatmap_text(heatmap)
    assert text.startswith(f"{len(heatmap.students)} students, {len(heatmap.skills)} skills.")
    for skill in heatmap.skills[:5]:
        line = re.search(re.escape(skill.name) + r": ([^.]*)\.", text)
        assert line, skill.name
        counts = [int(n) for n in re.findall(r"(\d+) [a-z ]+", line.group(1))]
        assert sum(counts) == len(heatmap.students)
    assert "stuck" in text or "mastered" in text


def test_profile_text_names_each_practised_skill_with_its_mastery(demo, teacher):
    ctx, info = demo
    domains = ctx.services.framework.jagged_profile(teacher, info.student_ids[0])
    text = profile_text(domains)
    seen = [s for d in domains for s in d.skills if s.seen]
    assert seen
    for s in seen:
        assert f"{s.name} {round(s.mastery * 100)}%" in text
    assert all(d.name + ":" in text for d in domains)


def test_trend_text_summarises_then_lists_each_day(qtbot):
    days = [DayTrend("2026-12-01", 2, 3, 1), DayTrend("2026-12-02", 5, 4, 1), DayTrend("2026-12-03", 4, 3, 2)]
    text = trend_text(days)
    assert text.startswith("3 days of check-ins from 1 Dec to 3 Dec.")
    assert "Mood averaged 3.7 of 5 (lowest 2 on 1 Dec, highest 5 on 2 Dec); energy averaged 3.3." in text
    assert "Latest, 3 Dec: mood 4, energy 3." in text and "2 Dec: mood 5, energy 4" in text
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_days(days)
    assert chart.accessibleDescription() == text
    chart.set_days([])
    assert chart.accessibleDescription() == "No check-ins yet."


def test_the_screens_describe_their_charts(qtbot, demo, teacher):
    ctx, info = demo
    windows: list = []
    try:
        w = open_window(qtbot, ctx, windows, teacher, size=(1280, 800))
        page = w.area.show_page("heatmap")
        qtbot.waitUntil(lambda: page.table.accessibleDescription().startswith("24 students"), timeout=20_000)
        roster = w.area.show_page("roster")
        roster.table.selectRow(1)
        roster.open_selected()
        from app.ui.widgets.jagged_profile import JaggedProfile

        jagged = roster.findChild(JaggedProfile)
        qtbot.waitUntil(lambda: "%" in jagged.view.accessibleDescription(), timeout=20_000)
    finally:
        close_all(windows)
