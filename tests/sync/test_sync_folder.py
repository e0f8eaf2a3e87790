"""The folder transport: file format, damaged and odd files, bounded rounds, compaction and
forwarding to a replica that joins after compaction."""

from __future__ import annotations

import gzip
import json
import re
import shutil

import pytest
from synchelp import add_attempts, converge, count, dump, seed

from app.models import Profile
from app.sync.folder import ROOT, FolderUnavailable, SyncFolder
from app.sync.session import sync_once


def _files(share, writer=None):
    base = share / ROOT / "replicas"
    out = []
    for d in sorted(base.iterdir()):
        if writer and d.name != writer:
            continue
        out += sorted(p for p in d.iterdir() if p.name.startswith("chg-"))
    return out


def test_batch_files_are_plain_checked_and_fat_safe(make_db, share):
    a = make_db("a")
    seed(a)
    r = sync_once(a, share, batch_changes=7)
    files = _files(share, a.replica_id)
    assert r.files_written == len(files) >= 3 and r.sent == count(a, "SELECT COUNT(*) FROM change")
    for f in files:
        assert re.fullmatch(r"chg-\d{12}-\d{12}-[0-9a-f-]{36}\.jsonl\.gz", f.name) and len(f.name) < 100
        lines = gzip.decompress(f.read_bytes()).decode().splitlines()
        header, footer = json.loads(lines[0]), json.loads(lines[-1])
        assert header["format"] == "tessera-changes" and header["origin"] == a.replica_id
        assert footer["count"] == len(lines) - 2 and footer["end"] is True
    seen = json.loads((share / ROOT / "replicas" / a.replica_id / "seen.json").read_text())
    assert seen["vector"][a.replica_id] == count(a, "SELECT MAX(seq) FROM change")
    assert not any(p.is_symlink() for p in share.rglob("*"))


def test_missing_folder_is_reported_and_never_created(make_db, tmp_path):
    a = make_db("a")
    gone = tmp_path / "usb-stick-not-plugged-in"
    with pytest.raises(FolderUnavailable):
        sync_once(a, gone)
    assert not gone.exists()


def test_damaged_temporary_and_conflicted_files_are_skipped_then_picked_up(make_db, share, tmp_path):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=2)
    add_attempts(a, sd, 40, item=sd.items[0])
    sync_once(a, share, batch_changes=10)
    files = _files(share, a.replica_id)
    assert len(files) >= 5
    keep = tmp_path / "originals"
    keep.mkdir()
    for f in files:
        shutil.copy(f, keep / f.name)
    truncated, flipped = files[1], files[3]
    data = truncated.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    data = bytearray(flipped.read_bytes())
    data[len(data) // 2] ^= 0x55
    flipped.write_bytes(bytes(data))
    adir = share / ROOT / "replicas" / a.replica_id
    shutil.copy(
        keep / files[0].name, adir / (files[0].name.replace(".jsonl.gz", " (conflicted copy).jsonl.gz"))
    )
    shutil.copy(
        keep / files[2].name, adir / files[2].name.replace(".jsonl.gz", ".sync-conflict-20250101-1.jsonl.gz")
    )
    (adir / ".tmp-half-written.part").write_bytes(b"\x1f\x8b half")
    (adir / "notes.txt").write_text("hello")

    r = sync_once(b, share)
    reasons = {s.name.split("/")[-1]: s.reason for s in r.skipped}
    assert "truncated" in reasons[truncated.name] or "damaged" in reasons[truncated.name]
    assert "damaged" in reasons[flipped.name] or "truncated" in reasons[flipped.name]
    assert any("conflicted copy" in v for k, v in reasons.items() if "conflicted" in k)
    assert any("conflicted copy" in v for k, v in reasons.items() if "sync-conflict" in k)
    assert "temporary" in reasons[".tmp-half-written.part"]
    assert "not a Tessera" in reasons["notes.txt"]
    # nothing partial: exactly the good files' changes are here, the vector stops at the first hole
    total = count(a, "SELECT COUNT(*) FROM change")
    bad = sum(int(f.name[17:29]) - int(f.name[4:16]) + 1 for f in (truncated, flipped))
    assert count(b, "SELECT COUNT(*) FROM change WHERE replica_id = ?", a.replica_id) == total - bad
    first_bad = int(truncated.name[4:16])
    assert count(b, "SELECT seq FROM version_vector WHERE replica_id = ?", a.replica_id) == first_bad - 1
    with b.read() as s:
        from app.store.raw import raw_connection

        assert raw_connection(s).execute("PRAGMA foreign_key_check").fetchall() == []
    seen_b = json.loads((share / ROOT / "replicas" / b.replica_id / "seen.json").read_text())
    assert {d["name"] for d in seen_b["damaged"]} == {truncated.name, flipped.name}

    # the files become whole again (the file-sync program finished): picked up, nothing else changes
    shutil.copy(keep / truncated.name, truncated)
    shutil.copy(keep / flipped.name, flipped)
    r = sync_once(b, share)
    assert r.files_read == 2 and not any(s.name.endswith((truncated.name, flipped.name)) for s in r.skipped)
    assert dump(a) == dump(b)


def test_writer_rewrites_a_file_others_report_damaged(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a)
    add_attempts(a, sd, 30, item=sd.items[0])
    sync_once(a, share, batch_changes=10)
    victim = _files(share, a.replica_id)[1]
    victim.write_bytes(victim.read_bytes()[:-20])  # bit rot on the share, for good
    sync_once(b, share)  # reports it in seen.json
    r = sync_once(a, share, batch_changes=10)  # checks, removes, writes the range again
    assert r.sent >= 10
    sync_once(b, share)
    assert dump(a) == dump(b)


def test_bounded_rounds_finish_and_resume(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a)
    add_attempts(a, sd, 50, item=sd.items[0])
    sync_once(a, share, batch_changes=5)
    rounds = 0
    while True:
        r = sync_once(b, share, max_files=3)
        rounds += 1
        assert r.files_read <= 3
        if r.complete:
            break
    assert rounds >= 4
    assert dump(a) == dump(b)


def test_compaction_keeps_the_folder_small_and_late_joiners_get_everything(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a)
    for i in range(6):
        add_attempts(a, sd, 10, item=sd.items[0])
        converge([a, b], share, batch_changes=8)
        if i:
            with b.write() as s:
                s.get(Profile, sd.profiles[sd.students[0]]).about_me = f"round {i}"
    converge([a, b], share, batch_changes=8)
    # every replica has seen everything: each writer has removed its batches
    assert _files(share) == []
    c = make_db("c")  # joins after compaction: history is forwarded by whoever has it
    converge([c, a, b], share, batch_changes=8)
    assert dump(c) == dump(a) == dump(b)
    converge([a, b, c], share)
    assert _files(share) == []


def test_never_reads_its_own_folder_and_writes_only_there(make_db, share):
    a, b = make_db("a"), make_db("b")
    seed(a)
    sync_once(a, share)
    before = {p: p.stat().st_mtime_ns for p in (share / ROOT / "replicas" / a.replica_id).iterdir()}
    sync_once(b, share)
    after = {p: p.stat().st_mtime_ns for p in (share / ROOT / "replicas" / a.replica_id).iterdir()}
    assert before == after  # b touched nothing in a's folder
    sf = SyncFolder(share, b.replica_id)
    ref = next(r for r in sf.scan().batches if r.writer == a.replica_id)
    with pytest.raises(ValueError):
        sf.remove(ref)


def test_reading_ahead_on_a_share_gives_the_same_result(make_db, share, monkeypatch):
    """On a share or a stick the next file is fetched on a second thread; same outcome."""
    from app.sync import receive

    monkeypatch.setattr(receive, "_elsewhere", lambda folder, local: True)
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=2)
    add_attempts(a, sd, 60, item=sd.items[0])
    sync_once(a, share, batch_changes=7)
    victim = _files(share, a.replica_id)[2]
    victim.write_bytes(victim.read_bytes()[:-30])
    r = sync_once(b, share, max_files=4)
    assert r.files_read == 4 and not r.complete
    r = sync_once(b, share)
    assert any(s.name.endswith(victim.name) for s in r.skipped) and r.complete
    sync_once(a, share, batch_changes=7)  # the writer replaces the file b reported
    sync_once(b, share)
    assert dump(a) == dump(b)
