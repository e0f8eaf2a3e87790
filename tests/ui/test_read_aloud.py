"""Read aloud: shown only to a student whose teacher turned it on; the shortcut or the button reads the
question (then the feedback), the instructions and the student's own draft; the word being read is
highlighted and moves word by word. A fake engine here; Qt's engines in test_read_aloud_engines.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.ui.speech import FakeSpeech, Reader
from app.ui.tasks import wait_idle
from tests.conftest import student_actor
from tests.ui.windowhelp import close_all, open_window


@pytest.fixture(autouse=True)
def _fake_engine(monkeypatch):
    monkeypatch.setenv("TESSERA_SPEECH", "fake")


def _settle(qtbot) -> None:
    for _ in range(3):
        qtbot.wait(20)
        wait_idle()
        QApplication.processEvents()


def _student(ctx, info, teacher, on: bool, i: int = 0):
    me = student_actor(info, i)
    ctx.services.profiles.update(teacher, me.person_id, read_aloud=on)
    return me


def test_read_aloud_is_hidden_unless_the_teacher_turned_it_on(qtbot, demo, teacher):
    ctx, info = demo
    windows: list = []
    try:
        w = open_window(qtbot, ctx, windows, _student(ctx, info, teacher, on=False), size=(1280, 800))
        page = w.area.show_page("practice")
        _settle(qtbot)
        assert not page.read_aloud.isVisibleTo(page) and not page.read_aloud.shortcut.isEnabled()
    finally:
        close_all(windows)


def test_the_question_is_read_and_the_word_highlighted_word_by_word(qtbot, demo, teacher):
    ctx, info = demo
    windows: list = []
    try:
        w = open_window(qtbot, ctx, windows, _student(ctx, info, teacher, on=True), size=(1280, 800))
        page = w.area.show_page("practice")
        _settle(qtbot)
        page.start()
        qtbot.waitUntil(lambda: page.stack.currentIndex() == 1, timeout=20_000)
        assert page.read_aloud.isVisibleTo(page)
        assert page.read_aloud.button.accessibleName() == "Read aloud"
        question = page.prompt.text()
        qtbot.keyClick(
            page.answer.line if page.answer.line.isVisible() else page,
            Qt.Key.Key_R,
            Qt.KeyboardModifier.ControlModifier,
        )
        engine: FakeSpeech = page.read_aloud.engine  # type: ignore[assignment]
        assert isinstance(engine, FakeSpeech) and engine.said == [question]
        assert page.read_aloud.button.accessibleName() == "Stop reading"
        reader = page.read_aloud.reader
        spoken = question.split()
        for n, word in enumerate(spoken[:3]):
            assert engine.step()
            assert reader.current_word() == word
            assert "background-color" in page.prompt.text()  # the word shown highlighted
            assert f">{word}</span>" in page.prompt.text().replace("&lt;", "<").replace("&gt;", ">") or n > 0
        while reader.widget is page.prompt:
            engine.step()
        assert page.prompt.text() == question  # the label as it was once its reading is over
        if reader.reading:  # the choices come next: stop
            page.read_aloud.toggle()
        assert not reader.reading and page.read_aloud.button.accessibleName() == "Read aloud"
        # after an answer, the feedback is read (without the tick or cross)
        page.answer.line.setText("1") if page.answer.line.isVisible() else page.answer.radios[0].setChecked(
            True
        )
        page.submit()
        qtbot.waitUntil(lambda: page.feedback.isVisible(), timeout=20_000)
        page.read_aloud.toggle()
        assert engine.said[-1] == page.verdict.text().lstrip("\u2714\u2716 ")
    finally:
        close_all(windows)


def test_the_draft_is_read_with_the_word_highlighted_in_the_editor(qtbot, demo, teacher):
    ctx, info = demo
    windows: list = []
    try:
        w = open_window(qtbot, ctx, windows, _student(ctx, info, teacher, on=True, i=3), size=(1280, 800))
        page = w.area.show_page("writing")
        _settle(qtbot)
        from app.ui.student.writing_tasks import TASK

        page.open_task(page.list.item(0).data(TASK))
        _settle(qtbot)
        page.editor.setPlainText("My dog runs fast.")
        own = len(page.editor.extraSelections())
        page.read_mine.toggle()
        engine: FakeSpeech = page.read_mine.engine  # type: ignore[assignment]
        assert engine.said == ["My dog runs fast."]
        engine.step()
        engine.step()
        sels = page.editor.extraSelections()
        assert len(sels) == own + 1 and sels[-1].cursor.selectedText() == "dog"
        engine.step()
        assert page.editor.extraSelections()[-1].cursor.selectedText() == "runs"
        engine.step()  # the last word: done, the highlight goes
        assert len(page.editor.extraSelections()) == own
        # the instructions button reads the task's title and instructions
        page.read_aloud.toggle()
        said = page.read_aloud.engine.said  # type: ignore[union-attr]
        assert said == [page.task_title.text()]
        page.read_aloud.engine.step()  # type: ignore[union-attr]
        while page.read_aloud.reader.widget is page.task_title:
            page.read_aloud.engine.step()  # type: ignore[union-attr]
        assert said[-1] == page.prompt.text()
    finally:
        close_all(windows)


def test_a_teacher_turns_read_aloud_on_from_the_student_page(qtbot, demo, teacher):
    from app.ui.widgets.profile_editor import ProfileEditor

    ctx, info = demo
    sid = info.student_ids[0]
    editor = ProfileEditor(teacher=True)
    qtbot.addWidget(editor)
    editor.set_profile(ctx.services.profiles.get(teacher, sid))
    assert editor.read_aloud is not None and not editor.read_aloud.isChecked()
    assert editor.read_aloud.accessibleName() == "Read aloud for this student"
    editor.read_aloud.setChecked(True)
    assert editor.edited()
    with qtbot.waitSignal(editor.save_requested) as saved:
        editor.save.click()
    ctx.services.profiles.update(teacher, sid, **saved.args[0])
    assert ctx.services.profiles.get(teacher, sid).read_aloud is True
    assert ProfileEditor(teacher=False).read_aloud is None  # a student cannot turn it on or off


def test_a_reader_stops_and_leaves_text_the_page_changed_meanwhile(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel("What is 2 + 2?")
    qtbot.addWidget(label)
    engine = FakeSpeech()
    reader = Reader(engine)
    reader.read([(label, label.text())])
    engine.step()
    label.setText("Next question")  # the page moved on while it was read
    reader.stop()
    assert label.text() == "Next question" and not reader.reading


def _next_stop(w):
    """The next control Tab stops on after ``w``."""
    n = w.nextInFocusChain()
    while not (n.focusPolicy() & Qt.FocusPolicy.TabFocus and n.isVisible() and n.isEnabled()):
        n = n.nextInFocusChain()
    return n


def test_with_read_aloud_on_tab_reads_in_order_and_no_alt_key_is_shared(qtbot, demo, teacher):
    from tests.ui.test_keyboard_reach import _alt_keys

    ctx, info = demo
    windows: list = []
    try:
        w = open_window(qtbot, ctx, windows, _student(ctx, info, teacher, on=True, i=3), size=(1280, 800))
        practice = w.area.show_page("practice")
        _settle(qtbot)
        practice.start()
        qtbot.waitUntil(lambda: practice.stack.currentIndex() == 1, timeout=20_000)
        assert not _alt_keys(w.area)
        assert _next_stop(practice.check_button) is practice.read_aloud.button
        page = w.area.show_page("writing")
        _settle(qtbot)
        from app.ui.student.writing_tasks import TASK

        page.open_task(page.list.item(0).data(TASK))
        _settle(qtbot)
        assert not _alt_keys(w.area)
        back = next(
            b for b in page.findChildren(QPushButton) if b.accessibleName() == "Back to all writing tasks"
        )
        assert _next_stop(back) is page.read_aloud.button
        nxt = _next_stop(page.read_mine.button)
        assert nxt is page.save_button, (nxt.accessibleName(), page.save_button.isVisible())
    finally:
        close_all(windows)
