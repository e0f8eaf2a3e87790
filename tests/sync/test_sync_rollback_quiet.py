"""The rollback and clone check (``rollback.py``) stays quiet for replicas that are what they
say: many syncs, trimming, compaction, our history forwarded by others (rebuilt from trimmed
rows), a sync stopped right after writing seen.json, a touched seen.json, two folders in turn.
And a normal sync does not read its own batches back."""

from __future__ import annotations

import os
import time

from synchelp import add_attempts, converge, count, dump, seed

from app.models import Profile
from app.sync import rollback
from app.sync.changes import TRIMMED
from app.sync.folder import ROOT, SyncFolder
from app.sync.session import sync_once


def test_replicas_syncing_many_times_keep_their_ids(make_db, share, monkeypatch):
    a, b = make_db("a"), make_db("b")
    sd = seed(a)
    converge([a, b], share)
    ids = (a.replica_id, b.replica_id)
    own_reads: list[str] = []  # batches a wrote itself and read back
    for name in ("read_batch", "read_header"):
        real = getattr(SyncFolder, name)

        def spy(self, ref, _real=real):
            if ref.writer == ref.origin == self.me:
                own_reads.append(ref.name)
            return _real(self, ref)

        monkeypatch.setattr(SyncFolder, name, spy)
    checked = []
    real_consistent = rollback._consistent
    monkeypatch.setattr(
        rollback,
        "_consistent",
        lambda db, sf, refs, *rest: checked.extend(refs) or real_consistent(db, sf, refs, *rest),
    )
    for i in range(15):
        add_attempts(a, sd, 7)
        with b.write() as s:
            s.get(Profile, sd.profiles[sd.students[0]]).about_me = f"round {i}"
        for db in (a, b):
            assert not sync_once(db, share, batch_changes=5).renewed_replica
    assert own_reads == [] and checked == []
    trimmed = count(
        a, "SELECT COUNT(*) FROM change WHERE replica_id = ? AND fields = ?", a.replica_id, TRIMMED
    )
    assert trimmed >= 90
    # A replica that joins after compaction: b forwards a's history, rebuilt from a's trimmed
    # rows, and a checks those batches of its own origin against its change log.
    c = make_db("c")
    reports = converge([c, b, a], share, batch_changes=5)
    assert any(r.forwarded for r in reports)
    assert any(ref.origin == a.replica_id and ref.writer == b.replica_id for ref in checked)
    assert not any(r.renewed_replica for r in reports)
    for _ in range(3):  # and again, with nothing new
        for db in (a, b, c):
            assert not sync_once(db, share).renewed_replica
    assert (a.replica_id, b.replica_id) == ids
    assert own_reads == []
    assert dump(a) == dump(b) == dump(c)


def test_interrupted_syncs_touched_files_and_two_folders_keep_the_id(make_db, share, tmp_path, monkeypatch):
    a, b = make_db("a"), make_db("b")
    sd = seed(a)
    converge([a, b], share)
    ids = (a.replica_id, b.replica_id)
    # Stopped right after writing seen.json, before the sync state could say which file is ours.
    with monkeypatch.context() as m:
        m.setattr(rollback, "seen_written", lambda *args: None)
        add_attempts(a, sd, 3)
        sync_once(a, share)
    add_attempts(a, sd, 3)
    assert not sync_once(a, share).renewed_replica
    # Something touched our seen.json without changing it (a backup tool, a file-sync program).
    seen = share / ROOT / "replicas" / a.replica_id / "seen.json"
    later = time.time() + 120
    os.utime(seen, (later, later))
    assert not sync_once(a, share).renewed_replica
    # Two folders in turn: a USB stick at home, the share at school.
    stick = tmp_path / "stick"
    stick.mkdir()
    for i in range(3):
        add_attempts(a, sd, 2)
        with b.write() as s:
            s.get(Profile, sd.profiles[sd.students[1]]).about_me = f"turn {i}"
        for folder in (stick, share):
            for db in (a, b):
                assert not sync_once(db, folder).renewed_replica
    # One folder under two paths (a stick under another drive letter, a mapped drive and its
    # network path): each path in turn finds a seen.json written through the other.
    other_path = tmp_path / "same-share"
    other_path.symlink_to(share, target_is_directory=True)
    for i in range(3):
        add_attempts(a, sd, 2)
        for folder in (other_path, share):
            assert not sync_once(a, folder).renewed_replica
    assert (a.replica_id, b.replica_id) == ids
    converge([a, b], share)
    assert dump(a) == dump(b)


def test_anchors_stay_few_and_dense_near_the_present():
    anchors = [[seq, f"h{seq}"] for seq in range(1, 5001, 7)]
    kept = rollback.thin(anchors)
    seqs = [a[0] for a in kept]
    assert len(kept) <= 16 and seqs[-1] == anchors[-1][0]
    assert seqs == sorted(seqs) and all(a in anchors for a in kept)
    newest = seqs[-1]
    # for any point in the past, an anchor not far before it (within twice its distance)
    for back in (10, 100, 1000, 4000):
        assert any(newest - 2 * back <= s <= newest - back for s in seqs)
