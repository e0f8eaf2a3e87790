"""The agent syncs to the folder, the school server, or both (``targets.py``), keeps a status
per target, and a Cancel stops a sync at a safe point between batches."""

from __future__ import annotations

import sys
import time

import pytest
from synchelp import add_attempts, dump, seed, vectors

from app.sync.agent import SyncAgent
from app.sync.batchfile import BATCH_RE
from app.sync.memory import MemoryPlace, MemoryTransport
from app.sync.session import sync_once
from app.sync.targets import NOT_IN_BUILD, register_server_transport, server_opener
from app.sync.transport import TargetUnavailable


def _wait_for(pred, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def no_http(monkeypatch):
    register_server_transport(None)
    # A build without the HTTP transport: its module cannot be imported (issue 14 ships one).
    monkeypatch.setitem(sys.modules, "app.sync.http_transport", None)
    yield
    register_server_transport(None)


def test_a_server_url_without_http_transport_says_so_and_the_folder_still_syncs(make_db, tmp_path, no_http):
    a = make_db("a")
    seed(a, students=1)
    share = tmp_path / "share"
    share.mkdir()
    with pytest.raises(Exception, match="not available in this build"):
        server_opener("https://school.example", a)
    agent = SyncAgent(a, share, server="https://school.example", interval=0.2, poll=0.05)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().last_sync_at is not None)
        snap = agent.snapshot()
        folder, server = snap.targets
        assert folder.key == "folder" and folder.state in ("idle", "syncing") and folder.last_success_at
        assert server.key == "server" and server.state == "unavailable" and server.problem == NOT_IN_BUILD
        assert server.last_success_at is None  # never claimed
    finally:
        assert agent.stop(timeout=10)


def test_two_computers_sync_through_the_server_alone(make_db, no_http):
    a, b = make_db("a"), make_db("b")
    seed(a, students=2)
    server = MemoryPlace()
    register_server_transport(lambda url, db: lambda me: MemoryTransport(server, me, url))
    agents = [SyncAgent(d, None, server="https://school.example", interval=0.1, poll=0.05) for d in (a, b)]
    for ag in agents:
        ag.start()
    try:
        assert _wait_for(lambda: vectors(a) == vectors(b) and dump(a, False) == dump(b, False))
        assert _wait_for(lambda: all(ag.snapshot().server.last_success_at for ag in agents))
        snap = agents[0].snapshot()
        assert [t.key for t in snap.targets] == ["server"]  # no folder set: the server only
        st = snap.server
        assert st.state in ("idle", "syncing") and st.problem is None and st.refused == 0
    finally:
        for ag in agents:
            assert ag.stop(timeout=10)


def test_an_unreachable_server_is_said_and_retried(make_db, no_http):
    a = make_db("a")
    seed(a, students=1)
    server = MemoryPlace(reachable=False)
    register_server_transport(lambda url, db: lambda me: MemoryTransport(server, me, url))
    agent = SyncAgent(a, None, server="https://school.example", interval=0.1, poll=0.05, backoff_base=0.05)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().server and agent.snapshot().server.state == "unreachable")
        assert "could not be reached" in agent.snapshot().server.problem
        server.reachable = True
        assert _wait_for(lambda: agent.snapshot().server.last_success_at is not None)
        assert agent.snapshot().server.waiting_to_send == 0
    finally:
        assert agent.stop(timeout=10)


def test_cancel_stops_between_batches_and_nothing_is_half_applied(make_db, tmp_path):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=3)
    add_attempts(a, sd, 400)
    share = tmp_path / "share"
    share.mkdir()
    sync_once(a, share, batch_changes=20)  # many small batches
    lasts = {int(BATCH_RE.match(p.name).group(2)) for p in share.rglob("chg-*")}
    agent = SyncAgent(b, share, interval=60, poll=0.05, round_files=1000)
    agent._sync = lambda db, folder, **kw: sync_once(db, folder, batch_changes=20, **kw)
    seen_progress = []

    def listen(snap):
        if snap.progress and snap.progress[0] == "receive":
            seen_progress.append(snap.progress)
            if snap.progress[1] >= 3:
                agent.cancel()

    agent.add_listener(listen)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().cancelled)
        snap = agent.snapshot()
        assert snap.state == "idle" and snap.last_sync_at is None  # not a complete sync
        assert "cancelled" in snap.notice
        (folder,) = snap.targets
        assert folder.cancelled and folder.progress is None
    finally:
        assert agent.stop(timeout=10)
    got = vectors(b).get(a.replica_id, 0)
    assert 0 < got < max(lasts) and got in lasts  # whole batches only
    assert seen_progress and seen_progress[-1][1] < seen_progress[-1][2]
    sync_once(b, share)  # the rest follows
    assert vectors(b)[a.replica_id] == max(lasts)


def test_memory_transport_unreachable_raises(make_db):
    a = make_db("a")
    with pytest.raises(TargetUnavailable):
        sync_once(a, lambda me: MemoryTransport(MemoryPlace(reachable=False), me))


def test_after_a_restart_offline_the_server_keeps_its_last_success(make_db, no_http):
    a = make_db("a")
    seed(a, students=1)
    server = MemoryPlace()
    url = "https://school.example"
    sync_once(a, lambda me: MemoryTransport(server, me, url))
    server.reachable = False
    register_server_transport(lambda u, db: lambda me: MemoryTransport(server, me, u))
    agent = SyncAgent(a, None, server=url, interval=0.1, poll=0.05, backoff_base=0.05)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().server and agent.snapshot().server.state == "unreachable")
        st = agent.snapshot().server
        assert st.last_success_at is not None and st.waiting_to_send == 0  # as the server acknowledged
    finally:
        assert agent.stop(timeout=10)
