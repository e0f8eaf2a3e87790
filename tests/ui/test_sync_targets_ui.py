"""The Sync page per target: the folder and the school server each with their own state in words,
a server this build cannot reach said plainly, and a Cancel that stops a long first sync at a
safe point (nothing half-applied; the rest follows at the next sync)."""

from __future__ import annotations

import shutil
import sys
import threading

import pytest

from app.bootstrap import open_context
from app.sync.batchfile import BATCH_RE
from app.sync.session import sync_once
from app.sync.targets import register_server_transport
from app.ui.main_window import MainWindow


@pytest.fixture
def laptop_b(demo_template, tmp_path):
    src, _info = demo_template
    d = tmp_path / "laptop-b"
    d.mkdir()
    shutil.copy2(src / "tessera.db", d / "tessera.db")
    c = open_context(d)
    yield c
    c.close()


def _practise(db, info, n: int) -> None:
    from sqlmodel import select

    from app.models import Attempt, Item

    with db.write() as s:
        items = list(s.exec(select(Item).limit(20)))
        for i in range(n):
            it = items[i % len(items)]
            sid = info.student_ids[i % len(info.student_ids)]
            s.add(Attempt(student_id=sid, item_id=it.id, skill_id=it.skill_id, answer=str(i)))


def _page(qtbot, ctx, info):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
    return w, w.area.show_page("sync")


def test_folder_and_server_each_say_how_they_are(qtbot, demo, tmp_path, monkeypatch):
    register_server_transport(None)
    monkeypatch.setitem(
        sys.modules, "app.sync.http_transport", None
    )  # a build without it (issue 14 ships one)
    ctx, info = demo
    share = tmp_path / "share"
    share.mkdir()
    ctx.settings.set_user("sync_folder", str(share))
    ctx.settings.set_user("server_url", "https://tessera.school.example")
    agent = ctx.start_sync()
    try:
        w, page = _page(qtbot, ctx, info)
        qtbot.waitUntil(lambda: set(page.targets.boxes) == {"folder", "server"}, timeout=60_000)
        server = page.targets.boxes["server"]
        qtbot.waitUntil(lambda: "not available in this build" in server.words.text(), timeout=10_000)
        assert "Last complete sync" not in server.words.text()  # never claimed for the server
        folder = page.targets.boxes["folder"]
        qtbot.waitUntil(lambda: "Last complete sync" in folder.words.text(), timeout=60_000)
        assert "reached this place" in folder.words.text()
        w.resize(1100, 900)
        page.grab().save(str(tmp_path / "sync-targets.png"))
    finally:
        agent.stop()


def test_cancel_stops_a_long_first_sync_between_batches(qtbot, demo, laptop_b, tmp_path):
    ctx_a, info = demo
    share = tmp_path / "share"
    share.mkdir()
    _practise(ctx_a.db, info, 1200)
    sync_once(ctx_a.db, share, batch_changes=40)  # a term of practice in many small batches
    lasts = {
        int(BATCH_RE.match(p.name).group(2)) for p in share.rglob("chg-*") if ctx_a.db.replica_id in p.name
    }
    assert len(lasts) > 10
    laptop_b.settings.set_user("sync_folder", str(share))
    hold, go = threading.Event(), threading.Event()

    def slow_down(snap):  # on the agent's thread: wait for the teacher at the 5th batch
        if snap.progress and snap.progress[0] == "receive" and snap.progress[1] >= 5 and not hold.is_set():
            hold.set()
            go.wait(20)

    agent = laptop_b.start_sync()
    agent.add_listener(slow_down)
    try:
        w, page = _page(qtbot, laptop_b, info)
        qtbot.waitUntil(hold.is_set, timeout=60_000)
        box = page.targets.boxes["folder"]
        qtbot.waitUntil(lambda: page.targets.cancel.isEnabled() and not box.bar.isHidden(), timeout=10_000)
        assert "Receiving" in box.bar.format()
        page.grab().save(str(tmp_path / "sync-progress.png"))
        page.targets.cancel.click()
        assert not page.targets.cancel.isEnabled() and "Cancelling" in page.targets.cancel.text()
        go.set()
        qtbot.waitUntil(lambda: agent.snapshot().cancelled, timeout=60_000)
        qtbot.waitUntil(lambda: "cancelled" in box.words.text(), timeout=10_000)
        assert agent.snapshot().last_sync_at is None  # a cancelled sync is not a complete one
        assert not page.targets.cancel.isEnabled() and box.bar.isHidden()
    finally:
        go.set()
        agent.stop()
    with laptop_b.db.read() as s:
        from app.store.raw import raw_connection
        from app.sync import vector

        got = vector.load(raw_connection(s)).get(ctx_a.db.replica_id, 0)
    assert 0 < got < max(lasts) and got in lasts  # whole batches only, and not all of them
    sync_once(laptop_b.db, share)
    with laptop_b.db.read() as s:
        assert vector.load(raw_connection(s))[ctx_a.db.replica_id] == max(lasts)  # the rest followed


def test_a_server_only_computer_says_so_and_syncs_now(qtbot, demo, tmp_path):
    from app.sync.memory import MemoryPlace, MemoryTransport

    ctx, info = demo
    server = MemoryPlace()
    register_server_transport(lambda url, db: lambda me: MemoryTransport(server, me, url))
    ctx.settings.set_user("server_url", "https://tessera.school.example")
    agent = ctx.start_sync()
    try:
        w, page = _page(qtbot, ctx, info)
        qtbot.waitUntil(lambda: set(page.targets.boxes) == {"server"}, timeout=60_000)
        box = page.targets.boxes["server"]
        qtbot.waitUntil(lambda: "Last complete sync" in box.words.text(), timeout=60_000)
        assert "school server" in page.state.text()  # not "Sync is off"
        page.sync_now()
        assert "Choose a sync folder first" not in page.state.text()
        assert server.seen  # it went to the server
    finally:
        agent.stop()
        register_server_transport(None)
