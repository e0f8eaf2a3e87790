"""The Challenges page on screen while a team's log post arrives by sync (the board reloads): an
assessment being written and teams being arranged stay until the teacher saves them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox
from windowhelp import close_all, open_window

from app.sync.session import sync_once

T = 20_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _close_windows():
    yield
    close_all(_OPEN)


def _a_post_arrives(qtbot, page, laptop, lab, info, share) -> None:  # noqa: ANN001
    """A student on the lab machine posts to their team's log; the laptop syncs; the board reloads."""
    student = next(
        (
            acc
            for sid in info.student_ids
            if (acc := lab.services.accounts.sign_in_student(info.class_id, sid, info.pin))
            and lab.services.challenges.for_student(acc)
        ),
    )
    team = lab.services.challenges.for_student(student)[0][1]
    lab.services.team_work.post(student, team.id, "progress", "We measured the playground.")
    sync_once(lab.db, share)
    with qtbot.waitSignal(page.board_loaded, timeout=T):
        sync_once(laptop.db, share)


def _page(qtbot, ctx, info):  # noqa: ANN001, ANN202
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    w = open_window(qtbot, ctx, _OPEN, teacher, size=(1280, 800))
    page = w.area.show_page("challenges")
    qtbot.waitUntil(lambda: page.board is not None and bool(page.board.teams), timeout=T)
    return page


def test_an_assessment_being_written_stays(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    page = _page(qtbot, laptop, info)
    page.tabs.setCurrentWidget(page.assess_page)
    team = page.assess_team.currentData()
    box = next(iter(page.criteria.values()))
    top = box.count() - 1
    box.setCurrentIndex(top)
    page.comment.setPlainText("Strong survey; say who the partner is.")

    _a_post_arrives(qtbot, page, laptop, lab, info, share)

    assert page.assess_team.currentData() == team
    assert next(iter(page.criteria.values())).currentIndex() == top
    assert page.comment.toPlainText() == "Strong survey; say who the partner is."


def test_teams_being_arranged_stay(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    page = _page(qtbot, laptop, info)
    page.tabs.setCurrentWidget(page.teams)
    editor = page.teams
    row = next(r for r in range(editor.table.rowCount()) if editor._team_of_row(r))
    box: QComboBox = editor.table.cellWidget(row, 1)
    box.setCurrentIndex(0)  # "(no team)": moved out by hand, not saved
    arranged = editor.teams()

    _a_post_arrives(qtbot, page, laptop, lab, info, share)

    assert editor.teams() == arranged
