"""The teacher's window fits a small laptop screen, and nothing on the busiest pages is cut off at
1024 or 1280 pixels wide: board headings wrap at words, plan details never scroll sideways, chart
dates fit, the roster's headings show whole. Also the question import's words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from windowhelp import close_all, open_window

from app.ui.main_window import MainWindow

T = 15_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


def _teacher(qtbot, demo, size=(1024, 768)) -> MainWindow:
    ctx, info = demo
    w = open_window(
        qtbot, ctx, _OPEN, ctx.services.accounts.sign_in_teacher(info.username, info.password), size=size
    )
    return w


def test_the_teacher_window_fits_a_1280x720_screen(qtbot, demo):
    w = _teacher(qtbot, demo)
    for key, _title, _spec in w.area.specs:
        w.area.show_page(key)
    roster = w.area.pages["roster"]
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=T)
    roster.table.selectRow(1)
    with qtbot.waitSignal(roster.detail.loaded, timeout=T):
        roster.open_selected()
    assert w.minimumSizeHint().height() <= 650
    w.resize(1024, 600)
    qtbot.waitUntil(lambda: w.height() == 600, timeout=T)  # the window really gets that short
    # the student's profile and celebrations scroll; their buttons are still there
    assert roster.detail.column.verticalScrollBar().maximum() > 0


def test_board_headings_wrap_to_their_columns_with_the_whole_title_in_a_tooltip(qtbot, demo):
    w = _teacher(qtbot, demo)
    page = w.area.show_page("challenges")
    qtbot.waitUntil(lambda: page.board is not None, timeout=T)
    qtbot.wait(50)  # the headings rewrap once the columns have their widths
    table = page.table
    fm = QFontMetrics(table.horizontalHeader().font())
    checkpoints = page.board.challenge.checkpoints
    assert checkpoints
    for col, cp in enumerate(checkpoints, start=1):
        item = table.horizontalHeaderItem(col)
        assert item.toolTip().startswith(cp.title)
        lines = item.text().split("\n")
        assert lines[-1].startswith("due ")
        assert all(fm.horizontalAdvance(line) <= table.columnWidth(col) for line in lines), lines
        # whole words only: every word shown is a word of the title (or elided with "…")
        for word in " ".join(lines[:-1]).split():
            assert word in cp.title.split() or word.endswith("\u2026"), word


def test_the_plan_detail_never_scrolls_sideways_at_1024(qtbot, demo):
    w = _teacher(qtbot, demo)
    page = w.area.show_page("plans")
    qtbot.waitUntil(lambda: page.plan is not None and page.detail.goal is not None, timeout=T)
    qtbot.wait(50)
    detail = page.detail
    assert detail.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert detail.widget().minimumSizeHint().width() <= detail.viewport().width()
    assert detail.widget().width() <= detail.viewport().width()


def test_a_student_without_a_plan_shows_no_empty_goal_boxes(qtbot, demo):
    w = _teacher(qtbot, demo)
    page = w.area.show_page("plans")
    qtbot.waitUntil(lambda: page.overview is not None and page.proxy.rowCount() > 0, timeout=T)
    row = next(r for r in page.overview.rows if r.pace == "no_plan")
    page.select_student(row.student_id)
    qtbot.waitUntil(lambda: "No plan yet" in page.note.text(), timeout=T)
    assert not page.detail.isVisible() and not page.goals.isVisible()
    assert not page.approve_button.isVisible()


def test_check_in_dates_fit_under_the_chart_at_1024(qtbot, demo):
    w = _teacher(qtbot, demo)
    page = w.area.show_page("checkins")
    qtbot.waitUntil(lambda: page.data is not None and bool(page.data.days), timeout=T)
    qtbot.wait(50)  # the labels are counted once the chart has its width
    chart = page.chart
    labels = chart.tick_labels()
    assert len(labels) >= 2 and len(set(labels)) == len(labels)
    fm = QFontMetrics(chart.x_axis.labelsFont())
    spacing = chart.chart_.plotArea().width() / (len(labels) - 1)
    assert max(fm.horizontalAdvance(s) for s in labels) < spacing  # no "22…"
    # every day with a check-in is within the axis
    first, last = page.data.days[0].day, page.data.days[-1].day
    lo, hi = (
        chart.x_axis.min().date().toString("yyyy-MM-dd"),
        chart.x_axis.max().date().toString("yyyy-MM-dd"),
    )
    assert lo < first and last < hi


def test_roster_headings_are_whole_at_1280(qtbot, demo):
    w = _teacher(qtbot, demo, (1280, 720))
    page = w.area.show_page("roster")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    header = page.table.horizontalHeader()
    for col in range(page.model.columnCount()):
        if col != 1:  # Interests takes what is left
            assert page.table.columnWidth(col) >= header.sectionSizeHint(col), page.model.headerData(
                col, Qt.Orientation.Horizontal
            )


def test_question_import_in_a_teachers_words(qtbot, demo, tmp_path):
    from tests.practice.qti_samples import choice22, good_package

    ctx, info = demo
    w = _teacher(qtbot, demo)
    page = w.area.show_page("heatmap")
    assert page.import_button.text().replace("&", "") == "Import questions from a file…"
    assert "QTI" in page.import_button.toolTip()
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    skill = next(s for s in ctx.services.practice_class.practice_skills(teacher) if s.code == "WRC.ARG")
    one = tmp_path / "one.xml"
    one.write_text(choice22())
    with qtbot.waitSignal(page.imported, timeout=T):
        page.import_file(str(one), skill.id)
    assert page.status.text() == "Imported 1 question for Argument."
    many = tmp_path / "quiz.zip"
    many.write_bytes(good_package())
    with qtbot.waitSignal(page.imported, timeout=T):
        page.import_file(str(many), skill.id)
    # the package holds the same question again: counted apart, in words too
    assert page.status.text() == "Imported 2 questions for Argument. Skipped 1 question already in the bank."
