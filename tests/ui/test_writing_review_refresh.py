"""Writing review on screen while a sync brings writing: a task set on another machine joins the task
list, and a hand-in that arrived counts in its task's "awaiting feedback" (not only in the table)."""

from __future__ import annotations

import pytest
from windowhelp import close_all, open_window

from app.sync.session import sync_once
from app.writing.results import TaskSpec

T = 20_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _close_windows():
    yield
    close_all(_OPEN)


def _tasks(review) -> list[str]:  # noqa: ANN001
    return [review.task_box.itemText(i) for i in range(review.task_box.count())]


def test_tasks_and_their_counts_follow_what_a_sync_brings(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    teacher = laptop.services.accounts.sign_in_teacher(info.username, info.password)
    w = open_window(qtbot, laptop, _OPEN, teacher, size=(1280, 800))
    review = w.area.show_page("writing_review")
    qtbot.waitUntil(lambda: review.table.rowCount() == 24, timeout=T)
    shown = review.task_box.currentData()

    lab_teacher = lab.services.accounts.sign_in_teacher(info.username, info.password)
    task = lab.services.writing.create_task(
        lab_teacher, info.class_id, TaskSpec("My pet", "Write about a pet.")
    )
    sync_once(lab.db, share)
    sync_once(laptop.db, share)
    qtbot.waitUntil(lambda: any(t.startswith("My pet") for t in _tasks(review)), timeout=T)
    assert review.task_box.currentData() == shown  # the task the teacher was reading stays chosen

    sync_once(lab.db, share)  # the lab has the task too: a student hands in
    finn = lab.services.accounts.sign_in_student(info.class_id, info.student_ids[5], info.pin)
    lab.services.writing.save_draft(finn, task.id, "My cat sleeps all day in the sun.")
    lab.services.writing.submit(finn, task.id, "My cat sleeps all day in the sun.")
    sync_once(lab.db, share)
    sync_once(laptop.db, share)
    qtbot.waitUntil(lambda: "My pet \u00b7 1 awaiting feedback" in _tasks(review), timeout=T)


def test_a_task_that_arrived_while_a_draft_was_open_shows_on_going_back(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    teacher = laptop.services.accounts.sign_in_teacher(info.username, info.password)
    w = open_window(qtbot, laptop, _OPEN, teacher, size=(1280, 800))
    review = w.area.show_page("writing_review")
    qtbot.waitUntil(lambda: review.table.rowCount() == 24, timeout=T)
    row = next(i for i, r in enumerate(review.rows) if r.draft_id)
    review.table.selectRow(row)
    with qtbot.waitSignal(review.draft_opened, timeout=T):
        review.open_selected()

    lab_teacher = lab.services.accounts.sign_in_teacher(info.username, info.password)
    lab.services.writing.create_task(lab_teacher, info.class_id, TaskSpec("My pet", "Write about a pet."))
    sync_once(lab.db, share)
    sync_once(laptop.db, share)  # held back: the teacher is reading a draft
    # The change has reached the page and its refresh came due (not a fixed wait: on a loaded machine
    # the change could come after it, and the test would prove nothing); skipped, the draft is open.
    qtbot.waitUntil(lambda: review.lazy.dirty and not review.lazy.timer.isActive(), timeout=T)
    assert review.stack.currentIndex() == 1

    review.back()
    qtbot.waitUntil(lambda: any(t.startswith("My pet") for t in _tasks(review)), timeout=T)
