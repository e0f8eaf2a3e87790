"""Typing survives a power cut (issue 20, item 4): the editor's text reaches a crash journal on disk
within a second or two (fsynced), is cleared once saved, and is offered back when the task is opened
after Tessera closed without saving."""

from __future__ import annotations

import os

import pytest
from windowhelp import close_all, open_window

from app.people.actor import Actor
from app.ui.student.journal_offer import JOURNAL_MS
from app.ui.tasks import wait_idle
from app.ui.widgets.text_offsets import plain_text
from app.writing.journal import TextJournal
from app.writing.results import TaskSpec

T = 15_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


def _open(qtbot, ctx, actor, task_id):
    w = open_window(qtbot, ctx, _OPEN, actor, size=(1280, 800))
    page = w.area.show_page("writing")
    qtbot.waitUntil(lambda: any(m.task.id == task_id for m in page.tasks), timeout=T)
    with qtbot.waitSignal(page.opened, timeout=T):
        page.open_task(task_id)
    return w, page


def test_text_typed_before_a_hard_kill_is_offered_back_and_cleared_once_saved(qtbot, demo, teacher):
    ctx, info = demo
    task_id = ctx.services.writing.create_task(teacher, info.class_id, TaskSpec("My pet", "A pet.")).id
    me = Actor(info.student_ids[5], "student", info.school_id, "Finn Murphy")
    journal = TextJournal(ctx.settings.data_dir)
    w, page = _open(qtbot, ctx, me, task_id)
    assert page.autosave.interval() >= 10 * JOURNAL_MS  # the journal, not autosave, is what saves this
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, "My cat sleeps all day.")
    qtbot.waitUntil(lambda: (e := journal.read(me.person_id, task_id)) is not None
                    and e.text == "My cat sleeps all day.", timeout=5 * JOURNAL_MS)  # fmt: skip
    # The power cut: the process dies here, so nothing more is saved, on screen or on the way out.
    page.autosave.stop()
    page.view = None
    w.close()
    _OPEN.remove(w)
    wait_idle()
    assert ctx.services.writing.open_draft(me, task_id).text == ""  # autosave never ran

    # The next start: opening the task offers the text back.
    w, page = _open(qtbot, ctx, me, task_id)
    assert plain_text(page.editor) == ""
    assert page.journal_offer.isVisible() and "put it back" in page.journal_offer.label.text()
    page.journal_offer.restore_button.click()
    assert plain_text(page.editor) == "My cat sleeps all day." and not page.journal_offer.isVisible()
    page.save(force=True)
    wait_idle()
    qtbot.waitUntil(lambda: journal.read(me.person_id, task_id) is None, timeout=T)
    assert ctx.services.writing.open_draft(me, task_id).text == "My cat sleeps all day."


def test_discarding_the_kept_text_removes_it(qtbot, demo, teacher):
    ctx, info = demo
    task_id = ctx.services.writing.create_task(teacher, info.class_id, TaskSpec("Trip", "A trip.")).id
    me = Actor(info.student_ids[5], "student", info.school_id, "Finn Murphy")
    journal = TextJournal(ctx.settings.data_dir)
    journal.write(me.person_id, task_id, "Lost words", None)
    _w, page = _open(qtbot, ctx, me, task_id)
    assert page.journal_offer.isVisible()
    page.journal_offer.discard_button.click()
    assert journal.read(me.person_id, task_id) is None and plain_text(page.editor) == ""


def test_the_journal_is_fsynced_and_ignores_damaged_or_foreign_entries(tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    j = TextJournal(tmp_path)
    j.write("s1", "t1", "Hello", "Hel")
    assert len(synced) >= 1  # the file (and, on POSIX, its folder) reached the disk before returning
    e = j.read("s1", "t1")
    assert e is not None and e.text == "Hello" and e.saved_text_sha
    assert j.read("s2", "t1") is None and j.tasks_of("s1") == ["t1"] and j.tasks_of("s2") == []
    path = next((tmp_path / "journal").glob("*.json"))
    path.write_bytes(b'{"student_id": "s1", "task_id": "t1", "te')  # cut short
    assert j.read("s1", "t1") is None
    path.write_text('{"student_id": "s2", "task_id": "t9", "text": "x", "at": 1}')  # not this entry's
    assert j.read("s1", "t1") is None
    j.write("s1", "t1", "Again", None)
    assert j.erase_student("s1") == 1 and j.read("s1", "t1") is None
    assert not list((tmp_path / "journal").glob("*.tmp"))


@pytest.fixture
def teacher(demo):
    ctx, info = demo
    return ctx.services.accounts.sign_in_teacher(info.username, info.password)


def test_erasing_a_student_erases_their_kept_text_too(qtbot, demo, teacher, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    ctx, info = demo
    journal = TextJournal(ctx.settings.data_dir)
    w = open_window(qtbot, ctx, _OPEN, teacher)
    roster = w.area.show_page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=T)
    roster.table.selectRow(0)
    row = roster.selected()
    journal.write(row.id, "some-task", "Unsaved words of a student who leaves", None)
    journal.write(
        info.student_ids[-1] if info.student_ids[-1] != row.id else info.student_ids[0], "t", "x", None
    )
    with qtbot.waitSignal(roster.detail.loaded, timeout=T):
        roster.open_selected()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (row.full_name, True))
    with qtbot.waitSignal(roster.detail.erased, timeout=T):
        roster.detail._erase()
    assert journal.tasks_of(row.id) == [] and len(list(journal.folder.glob("*.json"))) == 1  # others kept
