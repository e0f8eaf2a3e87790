"""The Skills heatmap on screen while answers arrive by sync (it reloads during a lesson): the cell the
teacher is on stays current, by student and skill, and the grid stays where it was scrolled."""

from __future__ import annotations

import pytest
from windowhelp import close_all, open_window

from app.sync.session import sync_once

T = 20_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _close_windows():
    yield
    close_all(_OPEN)


def _current(page) -> tuple[str, str]:  # noqa: ANN001
    source = page.proxy.mapToSource(page.table.currentIndex())
    return page.model.map.students[source.row()].id, page.model.skill_at(source.column()).id


def test_the_current_cell_and_scroll_stay_when_answers_arrive(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    teacher = laptop.services.accounts.sign_in_teacher(info.username, info.password)
    w = open_window(qtbot, laptop, _OPEN, teacher, size=(1024, 600))
    page = w.area.show_page("heatmap")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    page.table.setCurrentIndex(page.proxy.index(15, page.model.columnCount() - 2))
    place = _current(page)
    bar = page.table.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()

    s = lab.services
    finn = s.accounts.sign_in_student(info.class_id, info.student_ids[5], info.pin)
    session = s.practice.start_session(finn, info.student_ids[5], length=2).session_id
    item = s.practice.next_item(finn, session)
    s.practice.record_answer(finn, session, item.item_id, item.choices[0] if item.choices else "42")
    sync_once(lab.db, share)
    with qtbot.waitSignal(page.loaded, timeout=T):
        sync_once(laptop.db, share)

    assert _current(page) == place
    assert bar.value() == scrolled
