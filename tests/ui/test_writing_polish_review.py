"""Writing review, polished: a teacher comments on a passage with the keyboard only, and the task list's
"awaiting feedback" count follows a draft handed back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from windowhelp import close_all, open_window

from app.writing.results import SUBMITTED

T = 15_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


def _review(qtbot, ctx, teacher):
    w = open_window(qtbot, ctx, _OPEN, teacher, size=(1280, 800))
    page = w.area.show_page("writing_review")
    qtbot.waitUntil(lambda: bool(page.rows) and page.rows[0].counts is not None, timeout=T)
    return page


def _open_first(qtbot, page):
    assert page.rows[0].status == SUBMITTED  # awaiting feedback first
    page.table.setFocus()
    page.table.selectRow(0)
    with qtbot.waitSignal(page.draft_opened, timeout=T):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    return page.rows[0]


def _focused():
    return QApplication.focusWidget()


def test_a_teacher_selects_a_passage_and_comments_with_the_keyboard_only(qtbot, demo, teacher):
    ctx, _info = demo
    page = _review(qtbot, ctx, teacher)
    row = _open_first(qtbot, page)
    editor = page.editor
    assert _focused() is editor and editor.isReadOnly()  # read-only still: the teacher cannot change it
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(
            editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    quote = editor.textCursor().selectedText()  # three words and the space after them, as Qt selects
    assert len(quote.split()) == 3 and editor.toPlainText().startswith(quote)
    assert page.comment_button.isEnabled() and quote.strip() in page.selection_note.text()
    qtbot.keyClick(editor, Qt.Key.Key_A)  # typing changes nothing
    assert editor.textCursor().selectedText() == quote and editor.toPlainText().startswith(quote)
    # Into the comment box, write, Tab to the button and press Space: no mouse anywhere.
    page.comment_text.setFocus()
    qtbot.keyClicks(_focused(), "Strong start.")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is page.comment_button
    with qtbot.waitSignal(page.commented, timeout=T):
        qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    view = ctx.services.writing.draft(teacher, row.draft_id)
    # The passage is the words, not the space Qt selected after them.
    assert [(c.quote, c.text) for c in view.comments] == [(quote.rstrip(), "Strong start.")]


def test_handing_a_draft_back_updates_the_tasks_awaiting_count(qtbot, demo, teacher):
    ctx, _info = demo
    page = _review(qtbot, ctx, teacher)
    task_id = page.task_box.currentData()
    waiting = page.task.awaiting
    assert waiting >= 2 and f"{waiting} awaiting feedback" in page.task_box.currentText()
    _open_first(qtbot, page)
    page.feedback.setPlainText("Well argued.")
    with qtbot.waitSignal(page.returned, timeout=T):
        qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back to the drafts
    qtbot.waitUntil(lambda: f"{waiting - 1} awaiting feedback" in page.task_box.currentText(), timeout=T)
    assert page.task_box.currentData() == task_id  # still the task the teacher was working through
    qtbot.waitUntil(lambda: page.list_note.text() == f"Awaiting feedback: {waiting - 1} drafts.", timeout=T)
