"""Issue 21 on screen: a teacher shares a writing task to the school library and a colleague copies it
from their own window; a school-wide challenge's team across two classes seen from each class (each
teacher sees their own students by name); the leader's overview and its board exports."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from windowhelp import close_all, open_window

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "school"))
from schoolhelp import make_school  # noqa: E402

from app.planning.challenges import ChallengeDraft  # noqa: E402
from app.ui.tasks import wait_idle  # noqa: E402
from app.writing.results import TaskSpec  # noqa: E402

T = 20_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _close_windows():
    yield
    close_all(_OPEN)


@pytest.fixture
def school(demo):
    ctx, info = demo
    return make_school(ctx, info)


def test_share_a_task_to_the_library_and_copy_it_as_another_teacher(qtbot, school):
    ctx = school.ctx
    ctx.services.writing.create_task(
        school.teacher, school.class_a, TaskSpec(title="Letter to the mayor", prompt="Ask for a park.")
    )
    w = open_window(qtbot, ctx, _OPEN, school.teacher, size=(1200, 800))
    page = w.area.show_page("library")
    qtbot.waitUntil(lambda: page.share_what.findText("Writing task: Letter to the mayor") >= 0, timeout=T)
    page.share_what.setCurrentIndex(page.share_what.findText("Writing task: Letter to the mayor"))
    page.share_button.click()
    qtbot.waitUntil(lambda: _row(page, "Letter to the mayor") >= 0, timeout=T)
    assert "(you)" in page.table.item(_row(page, "Letter to the mayor"), 2).text()

    w2 = open_window(qtbot, ctx, _OPEN, school.other, size=(1200, 800))
    p2 = w2.area.show_page("library")
    qtbot.waitUntil(lambda: _row(p2, "Letter to the mayor") >= 0, timeout=T)
    r = _row(p2, "Letter to the mayor")
    assert p2.table.item(r, 2).text() == school.teacher.name  # the credit
    p2.table.selectRow(r)
    assert p2.copy_button.isEnabled() and p2.class_box.currentData() == school.class_b
    p2.copy_button.click()
    qtbot.waitUntil(lambda: p2.table.item(_row(p2, "Letter to the mayor"), 5).text() == "Copied", timeout=T)
    wait_idle()
    titles = [r.task.title for r in ctx.services.writing.tasks_for_class(school.other, school.class_b)]
    assert titles == ["Letter to the mayor"]
    lead = school.teacher.name
    qtbot.waitUntil(
        lambda: any(p2.leaders.item(i, 0).text() == lead and int(p2.leaders.item(i, 2).text()) >= 1
                    for i in range(p2.leaders.rowCount())), timeout=T)  # fmt: skip


def _row(page, title: str) -> int:  # noqa: ANN001
    return next((r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == title), -1)


def test_a_school_wide_challenge_seen_from_two_classes(qtbot, school):
    ctx = school.ctx
    ch = ctx.services.challenges.create(school.teacher, ChallengeDraft(
        title="Clean river week", scope="school", checkpoints=[("Survey", time.time() + 86400)]))  # fmt: skip
    team = ctx.services.school.teams.make_team(school.teacher, ch.id, "Otters")
    ctx.services.school.teams.set_my_students(school.other, team, school.class_b, list(school.b_students))

    w = open_window(qtbot, ctx, _OPEN, school.teacher, size=(1200, 800))
    page = w.area.show_page("school")
    qtbot.waitUntil(lambda: page.teams.rowCount() == 1, timeout=T)
    assert page.teams.item(0, 1).text() == "" and page.teams.item(0, 2).text() == "2"
    # the teacher of class A puts two of their own students on the team, from the page
    page.teams.selectRow(0)
    page.students.item(0).setSelected(True)
    page.students.item(1).setSelected(True)
    mine = {page.students.item(0).text(), page.students.item(1).text()}
    put = next(
        b
        for b in page.findChildren(QPushButton)
        if b.accessibleName() == "Put the chosen students on the team"
    )
    put.click()
    qtbot.waitUntil(
        lambda: page.teams.item(0, 1) is not None and set(page.teams.item(0, 1).text().split(", ")) == mine,
        timeout=T,
    )
    assert page.teams.item(0, 3).text() == "2"

    w2 = open_window(qtbot, ctx, _OPEN, school.other, size=(1200, 800))
    p2 = w2.area.show_page("school")
    qtbot.waitUntil(lambda: p2.teams.rowCount() == 1 and p2.teams.item(0, 2).text() == "2", timeout=T)
    seen_b = set(p2.teams.item(0, 1).text().split(", "))
    assert seen_b == {"Zoe B", "Yan B"} and not (seen_b & mine)  # never the other class's names


def test_leader_overview_on_screen_and_board_exports(qtbot, school, tmp_path):
    ctx = school.ctx
    w = open_window(qtbot, ctx, _OPEN, school.leader, size=(1280, 820))
    assert [k for k, _t, _s in w.area.specs][0] == "school_overview"
    page = w.area.show_page("school_overview")
    qtbot.waitUntil(
        lambda: page.data is not None and page.classes.rowCount() == len(page.data.classes) >= 2, timeout=T
    )
    page.measure_box.setCurrentIndex(page.measure_box.findData("mastery"))
    page.target.setValue(5)
    with qtbot.waitSignal(page.loaded, timeout=T):
        next(
            b for b in page.findChildren(QPushButton) if b.accessibleName() == "Set target for this term"
        ).click()
    qtbot.waitUntil(
        lambda: any(page.measures.item(r, 1).text() == "5 %" for r in range(page.measures.rowCount())),
        timeout=T,
    )
    page.export("csv", tmp_path / "board.csv")
    page.export("pdf", tmp_path / "board.pdf")
    qtbot.waitUntil(
        lambda: (tmp_path / "board.pdf").exists() and (tmp_path / "board.csv").exists(), timeout=T
    )
    wait_idle()
    assert (tmp_path / "board.pdf").read_bytes().startswith(b"%PDF")
    assert "class,Year 8 Oak" in (tmp_path / "board.csv").read_text()


def test_framework_editor_split_undo_publish_and_adopt(qtbot, school):
    ctx = school.ctx
    before = ctx.services.school.frameworks.publish_default(school.leader).version
    w = open_window(qtbot, ctx, _OPEN, school.leader, size=(1280, 820))
    page = w.area.show_page("framework")
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() > 0, timeout=T)
    first = page.tree.topLevelItem(0).child(0)
    ident = first.text(1)
    page.tree.setCurrentItem(first)
    page.name.setText("Renamed by the school")
    page.save_button.click()
    assert page.tree.topLevelItem(0).child(0).text(0) == "Renamed by the school"
    page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
    page.split_skill()
    assert page.tree.topLevelItem(0).child(0).text(1) == f"{ident}.1" and page.draft.mapping == {
        ident: [f"{ident}.1", f"{ident}.2"]
    }
    page.undo()
    assert page.tree.topLevelItem(0).child(0).text(1) == ident and page.draft.mapping == {}
    page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
    page.split_skill()
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.publish_button.click()
    assert page.latest.version == before + 1 and page.latest.mapping == {ident: [f"{ident}.1", f"{ident}.2"]}
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.adopt_button.click()
    assert "adopted" in page.tree.topLevelItem(0).text(0)
    assert f"{ident}.1" in ctx.services.framework.skills_by_code()
