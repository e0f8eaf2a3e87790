"""Bad input in the sync folder, file by file: a batch name that is a link (to a file outside the
share, or to a device), a pipe, or a file larger than any batch is skipped with a reason; nothing
is followed out of the folder, nothing waits forever, and nothing is read past a fixed size."""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from synchelp import count, seed

from app.sync import batchfile
from app.sync.batchfile import NOT_PLAIN, BatchDamaged, BatchRef, read_plain
from app.sync.folder import ROOT, SyncFolder
from app.sync.session import sync_once

pytestmark = pytest.mark.skipif(os.name == "nt", reason="links and pipes as made on Linux and macOS")


def _published(make_db, share):
    """A replica's first batch file, moved out of the share, and a fresh replica to receive it."""
    a = make_db("a")
    seed(a, students=1)
    sync_once(a, share)
    [path] = (share / ROOT / "replicas" / a.replica_id).glob("chg-*")
    return a, path


def _finishes(fn, timeout: float = 30.0):
    """Run fn on a thread; the result, or fail if it is still waiting after ``timeout``."""
    out: dict = {}
    t = threading.Thread(target=lambda: out.setdefault("r", fn()), daemon=True)
    t.start()
    t.join(timeout)
    return t.is_alive(), out.get("r")


def test_a_link_under_a_batch_name_is_not_followed(make_db, share, tmp_path):
    _, path = _published(make_db, share)
    outside = tmp_path / "outside.jsonl.gz"
    shutil.move(path, outside)  # a real batch, but outside the share
    path.symlink_to(outside)
    b = make_db("b")
    r = sync_once(b, share)
    assert r.received == 0 and count(b, "SELECT COUNT(*) FROM person") == 0
    assert [s.reason for s in r.skipped] == [NOT_PLAIN]


def test_a_link_to_a_device_is_skipped_unread(make_db, share):
    a, path = _published(make_db, share)
    path.unlink()
    path.symlink_to("/dev/zero")  # read whole, this used to exhaust memory
    scan = SyncFolder(share, "someone-else").scan()
    assert scan.batches == [] and scan.skipped == [(f"{a.replica_id}/{path.name}", NOT_PLAIN)]
    stuck, r = _finishes(lambda: sync_once(make_db("b"), share))
    assert not stuck and [s.reason for s in r.skipped] == [NOT_PLAIN]
    with pytest.raises(BatchDamaged, match="not a plain file"):
        read_plain("/dev/zero", 1 << 20, "too large")  # a device: refused before any read


def test_a_pipe_under_a_batch_or_seen_name_does_not_hang_sync(make_db, share):
    a, path = _published(make_db, share)
    path.unlink()
    os.mkfifo(path)
    os.mkfifo(path.parent / "seen.json.tmp")  # no Tessera name: never opened anyway
    (path.parent / "seen.json").unlink(missing_ok=True)
    os.mkfifo(path.parent / "seen.json")
    b = make_db("b")
    try:
        stuck, r = _finishes(lambda: sync_once(b, share))  # used to wait forever, holding the lock
        assert not stuck
        assert {s.name.split("/")[-1]: s.reason for s in r.skipped if s.reason == NOT_PLAIN} == {
            path.name: NOT_PLAIN,
            "seen.json": NOT_PLAIN,
        }
        # Read directly (as if it became a pipe after the folder was listed): refused, not waited on.
        ref = BatchRef(a.replica_id, path.name, path, a.replica_id, 1, 1, 0)
        stuck, _ = _finishes(
            lambda: pytest.raises(BatchDamaged, SyncFolder(share, b.replica_id).fetch_batch, ref)
        )
        assert not stuck
    finally:
        for p in (path, path.parent / "seen.json"):  # let a reader still waiting (old code) go
            try:
                os.close(os.open(p, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass


def test_reads_stop_at_the_cap_whatever_the_size_says(tmp_path, monkeypatch):
    big = tmp_path / "big"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(BatchDamaged, match="too large"):
        read_plain(big, 4096, "too large")
    data, st = read_plain(big, 5000, "too large")
    assert len(data) == st.st_size == 5000
    # A batch larger than the cap is skipped as such, before anything is decompressed.
    monkeypatch.setattr(batchfile, "MAX_FILE_BYTES", 100)
    ref = BatchRef("w", "n", big, "w", 1, 1, 0)  # the size the folder listing claimed: not trusted
    with pytest.raises(BatchDamaged, match="too large"):
        SyncFolder(tmp_path, "me").fetch_batch(ref)
