"""The Plans page reloads its overview when plans or practice change (here or by sync): the chosen
student's goal keeps the feedback the teacher is typing and the "Feedback saved." just said."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from windowhelp import close_all, open_window

from app.sync.session import sync_once
from app.ui.tasks import wait_idle

T = 20_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _close_windows():
    yield
    close_all(_OPEN)


def _settled() -> None:
    """Background loads finished and their results shown."""
    wait_idle()
    QApplication.processEvents()


def _plans(qtbot, ctx, info):  # noqa: ANN001, ANN202
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    w = open_window(qtbot, ctx, _OPEN, teacher, size=(1280, 800))
    page = w.area.show_page("plans")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    with_goals = next(r for r in page.model.rows if r.goals)
    page.select_student(with_goals.student_id)
    qtbot.waitUntil(lambda: page.detail.goal is not None, timeout=T)
    return page


def test_feedback_saved_stays_after_the_reload_the_save_causes(qtbot, demo):
    ctx, info = demo
    page = _plans(qtbot, ctx, info)
    page.detail.feedback.setPlainText("Great start, keep going.")
    with qtbot.waitSignal(page.loaded, timeout=T):  # the save, then the overview's reload it causes
        page.detail.save_teacher_feedback()
    qtbot.waitUntil(lambda: page.detail.status.text() == "Feedback saved.", timeout=T)
    _settled()  # the chosen plan reloaded after the overview
    assert page.detail.status.text() == "Feedback saved."
    assert page.detail.feedback.toPlainText() == "Great start, keep going."


def test_feedback_being_typed_stays_when_a_sync_brings_answers(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    page = _plans(qtbot, laptop, info)
    goal = page.detail.goal.id
    page.detail.feedback.setPlainText("Try the harder set next")  # typed, not saved

    s = lab.services
    finn = s.accounts.sign_in_student(info.class_id, info.student_ids[5], info.pin)
    session = s.practice.start_session(finn, info.student_ids[5], length=2).session_id
    item = s.practice.next_item(finn, session)
    s.practice.record_answer(finn, session, item.item_id, item.choices[0] if item.choices else "42")
    sync_once(lab.db, share)
    with qtbot.waitSignal(page.loaded, timeout=T):  # the overview on screen reloads
        sync_once(laptop.db, share)
    _settled()  # and the chosen plan after it
    assert page.detail.goal is not None and page.detail.goal.id == goal
    assert page.detail.feedback.toPlainText() == "Try the harder set next"
