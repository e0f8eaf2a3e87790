"""A class just made, with nobody on it yet: every teacher page says what to do next, with its title
and controls at the top, and the check-in chart labels real, different dates."""

from __future__ import annotations

import pytest
from windowhelp import close_all, open_window

from app.ui.main_window import MainWindow

T = 15_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows():
    yield
    close_all(_OPEN)


@pytest.fixture
def new_class(ctx):
    """(ctx, teacher, class id): a school, teacher and class as the welcome screen makes them."""
    teacher = ctx.services.accounts.create_first_teacher(
        "Riverside", "Ana", "Lee", "ana", "longenough1", "7B"
    )
    return ctx, teacher, ctx.services.roster.my_classes(teacher)[0].id


def _window(qtbot, ctx, actor, size=(1024, 768)) -> MainWindow:
    w = open_window(qtbot, ctx, _OPEN, actor, size=size)
    return w


def test_an_empty_roster_invites_the_teacher_to_add_students(qtbot, new_class):
    ctx, teacher, _cid = new_class
    w = _window(qtbot, ctx, teacher)
    page = w.area.show_page("roster")
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=T)
    assert "No students in this class yet" in page.empty.text() and "Add student" in page.empty.text()
    assert not page.summary.isVisible()  # not "Nobody is stuck, behind or waiting for feedback."
    assert not page.table.isVisible() and page.add_button.isVisible()
    # a search that finds nobody is not an empty class
    page.search.setText("zz")
    qtbot.waitUntil(lambda: page.table.isVisible(), timeout=T)
    assert not page.empty.isVisible()


def test_the_roster_shows_its_table_once_there_is_someone(qtbot, new_class):
    ctx, teacher, cid = new_class
    w = _window(qtbot, ctx, teacher)
    page = w.area.show_page("roster")
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=T)
    ctx.services.roster.add_student(teacher, cid, "Zoe", "Park")  # the store tells the page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=T)
    assert page.table.isVisible() and not page.empty.isVisible() and page.summary.isVisible()


def test_an_empty_heatmap_says_what_to_do_and_links_to_the_roster(qtbot, new_class):
    ctx, teacher, _cid = new_class
    w = _window(qtbot, ctx, teacher)
    page = w.area.show_page("heatmap")
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=T)
    assert "No students in this class yet" in page.empty.text() and "Class roster" in page.empty.text()
    assert not page.table.isVisible()
    assert "0 students" not in page.summary.text()
    page.empty.linkActivated.emit("roster")
    roster = w.area.pages["roster"]
    assert w.area.stack.currentWidget() is roster and roster.stack.currentIndex() == 0


def test_empty_plans_say_what_to_do_without_empty_boxes(qtbot, new_class):
    ctx, teacher, _cid = new_class
    w = _window(qtbot, ctx, teacher)
    page = w.area.show_page("plans")
    qtbot.waitUntil(lambda: page.overview is not None, timeout=T)
    assert page.who.text() == "No students in this class yet."
    assert "Class roster" in page.note.text()
    for hidden in (page.detail, page.goals, page.approve_button, page.suggest_button):
        assert not hidden.isVisible()


def test_empty_challenges_keep_title_and_controls_at_the_top(qtbot, new_class):
    ctx, teacher, _cid = new_class
    w = _window(qtbot, ctx, teacher)
    page = w.area.show_page("challenges")
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=T)
    qtbot.wait(50)  # the layout settles
    controls = page.new_button.mapTo(page, page.new_button.rect().topLeft()).y()
    message = page.empty.mapTo(page, page.empty.rect().topLeft()).y()
    assert controls < 80 and message < 140  # not floating mid-page with gaps above
    assert not page.headline.isVisible()


def test_a_student_not_on_a_team_sees_the_message_at_the_top(qtbot, new_class):
    ctx, teacher, cid = new_class
    zoe = ctx.services.roster.add_student(teacher, cid, "Zoe", "Park")
    ctx.services.roster.set_pin_optional(teacher, cid, True)
    w = _window(qtbot, ctx, ctx.services.accounts.sign_in_student(cid, zoe.id, ""))
    page = w.area.show_page("my_challenge")
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=T)
    qtbot.wait(50)
    assert page.empty.mapTo(page, page.empty.rect().topLeft()).y() < 120


def test_an_empty_check_in_chart_labels_distinct_dates(qtbot, new_class):
    ctx, teacher, _cid = new_class
    w = _window(qtbot, ctx, teacher, (1280, 720))
    page = w.area.show_page("checkins")
    qtbot.waitUntil(lambda: page.data is not None, timeout=T)
    qtbot.wait(50)
    labels = page.chart.tick_labels()
    assert len(labels) >= 2 and len(set(labels)) == len(labels)  # not "1 Jan 1 Jan 1 Jan"
    assert "no check-ins yet" in page.chart.chart_.title()
