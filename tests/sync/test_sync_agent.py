"""The sync agent: notices the folder coming and going, backs off, reports in plain words."""

from __future__ import annotations

import itertools
import time

from synchelp import dump, seed

from app.config import Settings
from app.models import Profile
from app.sync import faults
from app.sync.agent import SyncAgent, folder_from_settings, in_words
from app.sync.session import sync_once


def _wait_for(pred, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.02)
    return False


def test_words_and_backoff():
    assert in_words(30) == "in 30 seconds"
    assert in_words(60) == "in 1 minute"
    assert in_words(120) == "in 2 minutes"
    agent = SyncAgent(None, None, backoff_base=15, backoff_cap=600)
    assert [agent._backoff(n) for n in range(1, 8)] == [15, 30, 60, 120, 240, 480, 600]


def test_waits_for_the_folder_then_syncs(make_db, tmp_path):
    a = make_db("a")
    seed(a, students=1)
    share = tmp_path / "usb"
    snaps = []
    agent = SyncAgent(a, share, interval=0.2, poll=0.05, backoff_base=0.1, backoff_cap=0.4)
    agent.add_listener(snaps.append)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().state == "unreachable")
        snap = agent.snapshot()
        assert snap.problem_code == "unreachable" and snap.pending_send > 0
        assert (
            "could not be reached" in snap.problem and "Your work is safe on this computer." in snap.problem
        )
        assert "Tessera will try again in" in snap.problem
        assert not share.exists()  # never created by Tessera
        share.mkdir()  # the stick is plugged in
        assert _wait_for(lambda: agent.snapshot().last_sync_at is not None)
        snap = agent.snapshot()
        assert snap.state in ("idle", "syncing") and snap.problem is None and snap.pending_send == 0
        assert snap.last_report["sent"] > 0
    finally:
        assert agent.stop(timeout=10)
    assert agent.snapshot().state == "stopped"
    states = [s.state for s in snaps]
    assert "unreachable" in states and "syncing" in states and "idle" in states


def test_folder_vanishing_mid_sync_is_reported_and_resumed(make_db, share, tmp_path):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=2)
    with a.write() as s:
        s.get(Profile, sd.profiles[sd.students[0]]).about_me = "x"
    sync_once(a, share, batch_changes=3)
    away = tmp_path / "share-unplugged"
    hits = [0]

    def unplug(point):
        if point == "apply:after_commit":
            hits[0] += 1
            if hits[0] == 2:
                share.rename(away)

    faults.set_hook(unplug)
    agent = SyncAgent(b, share, interval=0.2, poll=0.05, backoff_base=0.2, backoff_cap=0.5, round_files=2)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().problem_code == "unreachable")
        assert agent.snapshot().failures >= 1
        faults.set_hook(None)
        away.rename(share)  # back on the network
        assert _wait_for(
            lambda: agent.snapshot().last_sync_at is not None and agent.snapshot().problem is None
        )
    finally:
        agent.stop()
    assert dump(a) == dump(b)


def test_failures_back_off_and_recover(make_db, share):
    a = make_db("a")
    calls = []

    def flaky(db, folder, **kw):
        calls.append(time.monotonic())
        if len(calls) < 4:
            raise RuntimeError("disk hiccup")
        return sync_once(db, folder, **kw)

    agent = SyncAgent(a, share, interval=5, poll=0.01, backoff_base=0.05, backoff_cap=0.2, sync=flaky)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().last_sync_at is not None)
    finally:
        agent.stop()
    gaps = [b - a for a, b in itertools.pairwise(calls)]
    assert gaps[0] >= 0.045 and gaps[1] >= 0.09 and gaps[2] >= 0.18  # doubling
    assert agent.snapshot().failures == 0


def test_error_words_and_sync_now(make_db, share):
    a = make_db("a")

    def broken(db, folder, **kw):
        raise RuntimeError("boom")

    agent = SyncAgent(a, share, interval=60, poll=0.01, backoff_base=30, backoff_cap=60, sync=broken)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().problem_code == "error")
        snap = agent.snapshot()
        assert "Tessera will try again in 30 seconds" in snap.problem and "safe" in snap.problem
        agent._sync = sync_once
        agent.sync_now()  # skips the backoff
        assert _wait_for(lambda: agent.snapshot().last_sync_at is not None, timeout=10)
    finally:
        agent.stop()


def test_folder_comes_from_settings(tmp_path, make_db, share):
    settings = Settings(data_dir=tmp_path, policy={}, user={}, machine={})
    src = folder_from_settings(settings)
    assert src() is None
    settings.user["sync_folder"] = str(share)
    assert src() == str(share)
    settings.policy["sync_folder"] = str(tmp_path / "district")
    assert src() == str(tmp_path / "district")  # machine policy wins
    agent = SyncAgent(make_db("a"), None, interval=0.1, poll=0.02)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().state == "off")
        agent.set_folder(lambda: str(share))
        assert _wait_for(lambda: agent.snapshot().last_sync_at is not None)
    finally:
        agent.stop()


def test_read_only_share_is_said_plainly(make_db, share):
    """A share that refuses writes (here: the rename of a new batch fails with EACCES)."""
    import errno

    a = make_db("a")
    seed(a, students=1)

    def refuse(point):
        if point == "batch:before_rename":
            raise PermissionError(errno.EACCES, "Permission denied")

    faults.set_hook(refuse)
    agent = SyncAgent(a, share, interval=5, poll=0.02, backoff_base=60, backoff_cap=120)
    agent.start()
    try:
        assert _wait_for(lambda: agent.snapshot().problem_code == "folder")
        snap = agent.snapshot()
        assert "read-only or you do not have permission" in snap.problem
        assert "Tessera will try again in 1 minute" in snap.problem and snap.state == "error"
        assert snap.pending_send > 0
    finally:
        agent.stop()


def test_unexpected_os_errors_are_said_plainly(make_db, share, caplog):
    """An OSError nothing else caught: plain words on the page, the class name only in the log."""
    import errno
    import logging

    from app.sync.sync_words import unexpected_words

    a = make_db("a")

    def refused(db, folder, **kw):
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    agent = SyncAgent(a, share, interval=60, poll=0.01, backoff_base=30, backoff_cap=60, sync=refused)
    with caplog.at_level(logging.ERROR, logger="app.sync.agent"):
        agent.start()
        try:
            assert _wait_for(lambda: agent.snapshot().problem_code == "error")
        finally:
            agent.stop()
    problem = agent.snapshot().problem
    assert problem.startswith("Tessera may not write to the sync folder.")
    assert (
        "Your work is safe on this computer; ask your IT admin to check the folder's permissions." in problem
    )
    assert "PermissionError" not in problem and "Errno" not in problem
    logged = [r for r in caplog.records if r.exc_info]
    assert logged and logged[0].exc_info[0] is PermissionError  # the detail stays in the log

    cases = {
        "no space left": OSError(errno.ENOSPC, "No space left on device"),
        "is read-only": OSError(errno.EROFS, "Read-only file system"),
        "went missing": FileNotFoundError(errno.ENOENT, "No such file"),
        "took too long": TimeoutError("timed out"),
        "could not use the sync folder": OSError(errno.EIO, "Input/output error"),
        "unexpected problem": RuntimeError("boom"),
    }
    for words, exc in cases.items():
        text = unexpected_words(exc, str(share), 30)
        assert words in text and "Your work is safe on this computer" in text, text
        assert "Tessera will try again in 30 seconds." in text
        assert type(exc).__name__ not in text and "Errno" not in text and "boom" not in text
    assert unexpected_words(PermissionError(), "\\\\school\\share", 30).startswith(
        "Tessera may not write to the school share."
    )
