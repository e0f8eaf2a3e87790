"""The roster's "Needs attention" column and summary: a stuck student is named, flagged rows sort first,
and attention loaded for a class the teacher has left is never shown for the one they picked."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from windowhelp import close_all, open_window

from app.models import Attempt, Item, Person
from app.practice.live import live_model
from app.ui.qmodels.roster_model import ATTENTION
from app.ui.tasks import wait_idle

T = 15_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


def _roster(qtbot, demo):
    ctx, info = demo
    w = open_window(qtbot, ctx, _OPEN, ctx.services.accounts.sign_in_teacher(info.username, info.password))
    page = w.area.show_page("roster")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24 and bool(page.model.attention), timeout=T)
    return page


def _four_wrong(ctx, student_id: str) -> str:
    with ctx.db.write() as s:
        item = s.execute(select(Item).where(Item.deleted == False).order_by(Item.skill_id)).scalars().first()
        part = s.get(Person, student_id).partition
        for i in range(4):
            s.add(
                Attempt(
                    student_id=student_id,
                    item_id=item.id,
                    skill_id=item.skill_id,
                    correct=False,
                    at=time.time() - 600 + i * 60,
                    partition=part,
                )
            )
    live = live_model(ctx.db)  # the derived state follows the answers, as after a sync
    live.ensure()
    live.reconcile()
    return item.skill_id


def _cell(page, row: int, col: int = ATTENTION, role=Qt.ItemDataRole.DisplayRole):
    return page.proxy.index(row, col).data(role)


def test_roster_names_who_is_stuck_and_sorts_them_first(qtbot, demo):
    ctx, info = demo
    student = info.student_ids[7]
    _four_wrong(ctx, student)
    page = _roster(qtbot, demo)
    row = next(
        r
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) == student
    )
    assert _cell(page, row).startswith("Stuck on ")
    assert "the last " in _cell(page, row, role=Qt.ItemDataRole.ToolTipRole)  # which skill, since when
    summary = page.summary.text()
    assert summary.startswith("Needs attention: ") and " stuck" in summary
    assert page.proxy.headerData(ATTENTION, Qt.Orientation.Horizontal) == "Needs attention"
    # Sorting by the column (a click on its header) brings the rows that need attention to the top.
    header = page.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(ATTENTION) + 8, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert header.sortIndicatorSection() == ATTENTION
    flags = [
        page.model.attention_of(page.model.row_at(page.proxy.mapToSource(page.proxy.index(r, 0)))).flags
        for r in range(page.proxy.rowCount())
    ]
    assert flags == sorted(flags, reverse=True) and flags[0] >= 1 and flags[-1] == 0
    assert all(_cell(page, r) for r in range(sum(1 for f in flags if f)))


def test_attention_for_the_class_left_behind_is_not_shown(qtbot, demo, monkeypatch):
    from app.ui.teacher import roster as module

    ctx, _info = demo
    page = _roster(qtbot, demo)
    teacher = page.actor
    ctx.services.roster.create_class(teacher, "Year 7 Spare")
    page.load_classes()
    qtbot.waitUntil(lambda: page.model.rowCount() == 24 and bool(page.model.attention), timeout=T)
    wait_idle()
    QApplication.processEvents()
    held: list = []
    monkeypatch.setattr(module, "run_task", lambda fn, done=None, *a, **k: held.append((fn, done)))
    page.load_attention()  # say, practice changed: the demo class's attention is on its way ...
    page.class_box.setCurrentIndex(page.class_box.findText("Year 7 Spare", Qt.MatchFlag.MatchStartsWith))
    assert page.model.attention == {} and page.summary.text() == ""  # ... and the teacher picked another
    for fn, done in reversed(held):  # the new class's loads first, the demo class's last
        done(fn(None))
    assert page.model.rowCount() == 0 and page.model.attention == {}
    assert page.summary.text() == "Nobody is stuck, behind or waiting for feedback."


def _row_of(page, student_id):
    return next(
        r
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) == student_id
    )


def test_the_attention_cell_opens_what_needs_attention(qtbot, demo):
    """Two clicks from the roster to the thing itself: an essay to read opens for review; a student with
    several things gets a short menu (a stuck skill opens their answers on it); the name opens the page."""
    from app.ui.qmodels.roster_model import attention_steps

    ctx, info = demo
    stuck = info.student_ids[7]
    skill = _four_wrong(ctx, stuck)
    page = _roster(qtbot, demo)
    area = page.window().area
    one_essay = next(
        sid for sid, a in page.model.attention.items()
        if len(attention_steps(sid, a)) == 1 and a.essays and sid != stuck
    )  # fmt: skip
    draft_id = page.model.attention[one_essay].essays[0].draft_id
    index = page.proxy.index(_row_of(page, one_essay), ATTENTION)
    page.table.setCurrentIndex(index)
    page._activated(index)
    review = area.pages["writing_review"]
    assert area.stack.currentWidget() is review and review.response.wanted == draft_id

    area.show_page("roster")
    index = page.proxy.index(_row_of(page, stuck), ATTENTION)
    page.table.setCurrentIndex(index)
    steps = attention_steps(stuck, page.model.attention[stuck])
    assert steps[0] == (steps[0][0], "heatmap", (stuck, skill))
    page._activated(index)
    if len(steps) > 1:  # a menu of them, keyboard-reachable; its first line is the stuck skill
        qtbot.waitUntil(lambda: page.attention_menu.isVisible(), timeout=T)
        page.attention_menu.actions()[0].trigger()
    heatmap = area.pages["heatmap"]
    assert area.stack.currentWidget() is heatmap and heatmap.stack.currentIndex() == 1

    area.show_page("roster")
    index = page.proxy.index(_row_of(page, stuck), 0)
    page.table.setCurrentIndex(index)
    page._activated(index)
    assert page.stack.currentIndex() == 1  # the student's own page
