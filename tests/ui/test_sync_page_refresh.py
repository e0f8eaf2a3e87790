"""The Sync page's conflict archive reloads when a sync brings conflicts (newest first, so the older
ones move down): the conflict the teacher chose stays chosen, and Restore restores that one, not the
one that moved into its row."""

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


@pytest.fixture
def two_laptops(two_machines):
    return two_machines  # two teachers' machines: the same copies of one class


def _conflict(a, b, info, share, sid, field) -> None:  # noqa: ANN001
    """Both laptops change one field of a student's profile; a's later value wins on b."""
    ta = a.services.accounts.sign_in_teacher(info.username, info.password)
    tb = b.services.accounts.sign_in_teacher(info.username, info.password)
    b.services.profiles.update(tb, sid, **{field: f"{field} written on B first"})
    a.services.profiles.update(ta, sid, **{field: f"{field} written on A later"})
    for db in (b.db, a.db, b.db):
        sync_once(db, share)


def test_the_chosen_conflict_stays_chosen_when_newer_ones_arrive(qtbot, two_laptops):
    a, b, info, share = two_laptops
    sid = info.student_ids[0]
    _conflict(a, b, info, share, sid, "teacher_notes")
    teacher = b.services.accounts.sign_in_teacher(info.username, info.password)
    w = open_window(qtbot, b, _OPEN, teacher, size=(1280, 800))
    page = w.area.show_page("sync")
    qtbot.waitUntil(lambda: page.table.rowCount() >= 1, timeout=T)
    row = next(r for r, v in enumerate(page.conflicts) if v.conflict.field == "teacher_notes")
    page.table.selectRow(row)
    chosen = page.conflicts[row].conflict.id
    before = page.table.rowCount()

    _conflict(a, b, info, share, info.student_ids[1], "about_me")  # a newer one, listed first
    page.refresh()  # what its LazyRefresh does when a sync brought conflicts (with the sync agent running)
    qtbot.waitUntil(lambda: page.table.rowCount() > before, timeout=T)

    assert page.conflicts[page.table.currentRow()].conflict.id == chosen
    page._restore()
    qtbot.waitUntil(
        lambda: b.services.profiles.get(teacher, sid).teacher_notes == "teacher_notes written on B first",
        timeout=T,
    )
    assert b.services.profiles.get(teacher, info.student_ids[1]).about_me == "about_me written on A later"
