"""The writing review: a teacher judges writing skills from the draft on screen, row by row of its task's
rubric, and the levels appear where the student looks."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from windowhelp import close_all, open_window

T = 15_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


def test_teacher_judges_skills_from_the_draft_under_review(qtbot, demo, teacher):
    ctx, _info = demo
    w = open_window(qtbot, ctx, _OPEN, teacher, size=(1280, 800))
    page = w.area.show_page("writing_review")
    qtbot.waitUntil(lambda: bool(page.rows) and page.rows[0].counts is not None, timeout=T)
    page.table.selectRow(0)
    row = page.rows[0]
    with qtbot.waitSignal(page.draft_opened, timeout=T):
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.response.judge_button.isEnabled()
    qtbot.mouseClick(page.response.judge_button, Qt.MouseButton.LeftButton)
    dialog = page.response.dialog
    labels = [dialog.grid_label(i) for i in range(len(dialog.level_boxes))]
    assert "Links ideas with transitions" in labels and "Spells words correctly" in labels
    dialog.set_level(labels.index("Links ideas with transitions"), 3)
    dialog.note.setText("Your 'However' paragraph answers the other side well.")
    if os.environ.get("TESSERA_SHOTS"):
        w.grab().save(os.path.join(os.environ["TESSERA_SHOTS"], "review_with_judge_button.png"))
        dialog.grab().save(os.path.join(os.environ["TESSERA_SHOTS"], "review_judge_dialog.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=T):
        dialog.save()  # on the write worker
    assert "Levels given on 1 skill" in page.response.review_note.text()
    j = ctx.services.judgements
    given = j.for_student(teacher, row.student_id)
    newest = given[0]
    assert (
        newest.skill_name == "Transitions" and newest.level == 3 and newest.evidence_kind == "draft_version"
    )
    assert "your essay 'Should our school have a longer lunch break?'" in newest.source_words()


def test_teacher_gives_skill_levels_from_a_challenge_rubric(qtbot, demo, teacher):
    ctx, _info = demo
    w = open_window(qtbot, ctx, _OPEN, teacher, size=(1280, 800))
    page = w.area.show_page("challenges")
    qtbot.waitUntil(lambda: page.board is not None and page.assess_team.count() > 0, timeout=T)
    first = next(iter(page.criteria))
    page.criteria[first].setCurrentIndex(page.criteria[first].findData(3))
    page.judge_skills()
    dialog = page.judge_dialog
    assert len(dialog.students) >= 2  # every member of the team
    assert dialog.grid_label(0) == first and dialog.level_boxes[0].currentData() == 3  # from the assessment
    assert (
        "Some totals" in dialog.level_boxes[0].itemText(1) or dialog.rows[0].levels
    )  # the rubric's own words
    if os.environ.get("TESSERA_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["TESSERA_SHOTS"], "challenge_judge_dialog.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=T):
        dialog.save()
    assert "Skill levels given to" in page.assess_status.text()
    j = ctx.services.judgements
    for sid, _name in dialog.students:
        newest = j.for_student(teacher, sid)[0]
        assert newest.evidence_kind == "deliverable" and newest.level == 3
