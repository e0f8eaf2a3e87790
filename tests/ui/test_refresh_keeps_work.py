"""A page's refresh (caused by its own write, or by what a sync brings) keeps what the teacher is
reading and typing: the student page's "Saved." and "New PIN set" stay after the reload that write
causes, and a note being typed when the student's own words arrive by sync is kept, while the words
that arrived show and are not written back over by the teacher's save."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog
from windowhelp import close_all, open_window

from app.sync.session import sync_once

T = 20_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _close_windows():
    yield
    close_all(_OPEN)


def _student_page(qtbot, ctx, info, student_id):  # noqa: ANN001, ANN202
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    w = open_window(qtbot, ctx, _OPEN, teacher, size=(1280, 800))
    roster = w.area.show_page("roster")
    with qtbot.waitSignal(roster.detail.loaded, timeout=T):
        roster.show_item(student_id)
    return roster.detail


def _reloaded(qtbot, view) -> None:  # noqa: ANN001
    """Wait for the reload that the write just made causes (the page is on screen)."""
    with qtbot.waitSignal(view.loaded, timeout=T):
        pass


def test_saved_stays_after_the_reload_the_save_causes(qtbot, demo):
    ctx, info = demo
    view = _student_page(qtbot, ctx, info, info.student_ids[3])
    view.editor.edits["about_me"].setPlainText("Loves puzzles.")
    with qtbot.waitSignal(view.loaded, timeout=T):  # the save, then the reload the store's news causes
        view.editor.save.click()
    assert view.editor.status.text() == "Saved."
    assert view.editor.edits["about_me"].toPlainText() == "Loves puzzles."


def test_a_new_pin_message_stays_after_the_reload_it_causes(qtbot, demo, monkeypatch):
    ctx, info = demo
    view = _student_page(qtbot, ctx, info, info.student_ids[3])
    view.class_id = info.class_id
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("4321", True)))
    with qtbot.waitSignal(view.loaded, timeout=T):  # the PIN is a roster change: the page reloads
        view._set_pin()
    assert view.editor.status.text().startswith("New PIN set:")


def test_a_note_being_typed_stays_and_words_from_sync_are_not_saved_over(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    sid = info.student_ids[5]
    view = _student_page(qtbot, laptop, info, sid)
    editor = view.editor
    notes = editor.edits["teacher_notes"]
    notes.setPlainText("Ready for two-step equations")  # typed, not saved yet

    student = lab.services.accounts.sign_in_student(info.class_id, sid, info.pin)
    lab.services.profiles.update(student, sid, about_me="I like cats and the sea.", interests=["cats", "sea"])
    sync_once(lab.db, share)
    with qtbot.waitSignal(view.loaded, timeout=T):
        sync_once(laptop.db, share)  # the page is on screen: it reloads

    assert notes.toPlainText() == "Ready for two-step equations"  # nothing typed is lost
    assert editor.edits["about_me"].toPlainText() == "I like cats and the sea."
    assert editor.edits["interests"].text() == "cats, sea"
    with qtbot.waitSignal(view.loaded, timeout=T):
        editor.save.click()
    assert editor.status.text() == "Saved."
    sync_once(laptop.db, share)
    sync_once(lab.db, share)
    teacher = lab.services.accounts.sign_in_teacher(info.username, info.password)
    on_lab = lab.services.profiles.get(teacher, sid)
    assert on_lab.about_me == "I like cats and the sea." and on_lab.interests == ["cats", "sea"]
    assert on_lab.teacher_notes == "Ready for two-step equations"
