"""The roster list on screen while a sync brings changes to it: the student the teacher selected stays
selected (Edit, Open and Archive act on it) and the list stays where it was scrolled; and the columns
that come from elsewhere (a student's interests, skills mastered) show what arrived."""

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


def _roster(qtbot, ctx, info):  # noqa: ANN001, ANN202
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    w = open_window(qtbot, ctx, _OPEN, teacher, size=(1280, 500))
    roster = w.area.show_page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=T)
    return roster


def _select(roster, student_id: str) -> None:  # noqa: ANN001
    at = next(i for i, row in enumerate(roster.model.rows) if row.id == student_id)
    roster.table.setCurrentIndex(roster.proxy.mapFromSource(roster.model.index(at, 0)))


def test_the_selected_student_stays_selected_when_a_sync_adds_one(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    roster = _roster(qtbot, laptop, info)
    finn = info.student_ids[20]
    _select(roster, finn)
    bar = roster.table.verticalScrollBar()
    assert bar.maximum() > 0  # a window low enough to scroll
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()

    lab_teacher = lab.services.accounts.sign_in_teacher(info.username, info.password)
    lab.services.roster.add_student(lab_teacher, info.class_id, "Zoe", "Park")
    sync_once(lab.db, share)
    sync_once(laptop.db, share)
    qtbot.waitUntil(lambda: roster.model.rowCount() == 25, timeout=T)

    assert roster.selected() is not None and roster.selected().id == finn
    assert roster.table.selectionModel().selectedRows()[0].row() == roster.table.currentIndex().row()
    assert bar.value() == scrolled


def test_interests_that_arrive_by_sync_show_in_the_list(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    roster = _roster(qtbot, laptop, info)
    finn = info.student_ids[5]
    student = lab.services.accounts.sign_in_student(info.class_id, finn, info.pin)
    lab.services.profiles.update(student, finn, interests=["cats", "the sea"])  # nothing else changed
    sync_once(lab.db, share)
    sync_once(laptop.db, share)
    qtbot.waitUntil(
        lambda: next(r for r in roster.model.rows if r.id == finn).interests == ("cats", "the sea"), timeout=T
    )


def test_interests_saved_on_the_student_page_show_when_back_on_the_list(qtbot, two_machines):
    laptop, _lab, info, _share = two_machines
    roster = _roster(qtbot, laptop, info)
    finn = info.student_ids[5]
    with qtbot.waitSignal(roster.detail.loaded, timeout=T):
        roster.show_item(finn)
    roster.detail.editor.edits["interests"].setText("chess, volcanoes")
    roster.detail.editor.save.click()
    qtbot.waitUntil(lambda: roster.detail.editor.status.text() == "Saved.", timeout=T)
    roster.back()
    qtbot.waitUntil(
        lambda: next(r for r in roster.model.rows if r.id == finn).interests == ("chess", "volcanoes"),
        timeout=T,
    )
