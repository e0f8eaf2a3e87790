"""The Sync page and header in plain words (issue 20, items 3, 6 and 7): "Up to date" only when the
other computers have confirmed everything, no "Conflict archive" or "changes waiting to send: 14602",
"Sync now" with no folder says what to do, and the header's "Synced just now" ages between syncs."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel
from windowhelp import close_all, open_window

from app.sync.agent import SyncSnapshot

_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


class FakeAgent:
    """Stands in for the sync agent: a snapshot that a test changes without any report."""

    def __init__(self, snap: SyncSnapshot) -> None:
        self.snap, self.asked = snap, 0

    def snapshot(self) -> SyncSnapshot:
        return self.snap

    def add_listener(self, _cb):  # noqa: ANN001, ANN201
        return lambda: None

    def sync_now(self) -> None:
        self.asked += 1

    def refresh_pending(self) -> None:
        pass

    def stop(self, timeout: float = 0) -> bool:
        return True


def _sync_page(qtbot, demo, agent=None):
    ctx, info = demo
    ctx.agent = agent
    w = open_window(qtbot, ctx, _OPEN, ctx.services.accounts.sign_in_teacher(info.username, info.password))
    return w, w.area.show_page("sync")


def test_up_to_date_only_when_the_other_computers_have_everything(qtbot, demo):
    now = time.time()
    agent = FakeAgent(SyncSnapshot(state="idle", folder="/share", last_sync_at=now, unacknowledged=3))
    _w, page = _sync_page(qtbot, demo, agent)
    text = page.state.text()
    assert "Up to date" not in text and "Waiting for the other computers to pick up 3 changes" in text
    assert "waiting to send" not in text and "Everything made here is in the sync folder." in text
    page.show_snapshot(replace(agent.snap, unacknowledged=0))
    assert page.state.text().startswith("Up to date.")
    page.show_snapshot(replace(agent.snap, unacknowledged=0, pending_send=14602, state="unreachable",
                               problem="The sync folder could not be reached."))  # fmt: skip
    assert "Not in the sync folder yet: 14602 changes made here." in page.state.text()
    titles = " ".join(b.title() for b in page.findChildren(type(page.table.parent())) if hasattr(b, "title"))
    # the archive's explanation is a wrapped label at the top of its box (a box title never wraps)
    titles += " " + " ".join(x.text() for x in page.table.parent().findChildren(QLabel))
    assert "Conflict archive" not in titles and "Replaced changes" in titles


def test_sync_now_without_a_folder_says_what_to_do(qtbot, demo):
    agent = FakeAgent(SyncSnapshot(state="off"))
    _w, page = _sync_page(qtbot, demo, agent)
    page.now.click()
    assert "Choose a sync folder first" in page.state.text() and agent.asked == 0
    _w2, page2 = _sync_page(qtbot, demo, None)  # no agent running at all
    page2.service.set_folder(page2.actor, str(demo[0].settings.data_dir))
    page2.now.click()
    assert "not running" in page2.state.text()


def test_the_header_ages_synced_just_now(qtbot, demo):
    agent = FakeAgent(SyncSnapshot(state="idle", folder="/share", last_sync_at=time.time()))
    w, _page = _sync_page(qtbot, demo, agent)
    area = w.area
    assert area.status.text() == "Synced just now"
    assert area.sync_clock.isActive() and area.sync_clock.interval() <= 60_000
    agent.snap = replace(agent.snap, last_sync_at=time.time() - 17 * 60)  # no report came since
    area.refresh_sync_status()  # what the clock does every half minute
    assert area.status.text() == "Synced 17 min ago"
    agent.snap = replace(agent.snap, last_sync_at=time.time() - 3 * 3600 - 60)
    area.refresh_sync_status()
    assert area.status.text() == "Synced 3 h ago"
