"""A database rolled back in place or cloned whole keeps its replica id (the fingerprint matches),
and its two lines of history reuse sequence numbers for different changes. Sync must notice by
content, take a new id before sending, and lose nothing: every change of both lines reaches every
replica. Real SQLite files and a real shared folder."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from synchelp import conflicts, converge, count, dump, seed

from app.models import Attempt, Profile
from app.store.database import Database
from app.store.replica import fingerprint
from app.sync.folder import ROOT
from app.sync.session import sync_once
from app.sync.state import STATE_FILE


def _work(db, sd, tag: str, n: int) -> None:
    """n attempts (events) and an edit of the first student's profile (a record), all tagged."""
    with db.write() as s:
        for i in range(n):
            s.add(
                Attempt(
                    student_id=sd.students[0], item_id=sd.items[0], skill_id=sd.skill, answer=f"{tag} {i}"
                )
            )
        s.get(Profile, sd.profiles[sd.students[0]]).about_me = tag


def _answers(db, tag: str) -> int:
    return count(db, "SELECT COUNT(*) FROM attempt WHERE answer LIKE ?", f"{tag} %")


def _own_batches(share: Path, replica: str) -> list[str]:
    d = share / ROOT / "replicas" / replica
    return sorted(p.name for p in d.iterdir() if p.name.startswith("chg-") and replica in p.name)


def _put_back(path: Path, data: bytes) -> None:
    """Copy a backup over the database in place: same path, same inode (``cp backup tessera.db``)."""
    for ext in ("-wal", "-shm"):
        Path(f"{path}{ext}").unlink(missing_ok=True)
    with open(path, "r+b") as fh:
        fh.write(data)
        fh.truncate()


def _losers(db) -> set[str]:
    return {
        value for table, _row, field, value, *_ in conflicts(db) if (table, field) == ("profile", "about_me")
    }


@pytest.mark.parametrize("compacted", [False, True], ids=["batch-in-folder", "batch-compacted"])
@pytest.mark.parametrize("restored", ["database", "data-folder"])
def test_restore_in_place_with_more_new_work_than_lost(make_db, share, compacted, restored):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1)
    converge([a, b], share)
    path = a.path
    a.close()
    backup, backup_state = path.read_bytes(), (path.parent / STATE_FILE).read_bytes()
    a = Database.open(path)
    old = a.replica_id
    _work(a, sd, "lost", 3)  # done after the backup, then lost by the restore
    sync_once(a, share)
    if compacted:  # b has seen it, so a removes its batch: only b holds those changes now
        sync_once(b, share)
        sync_once(a, share)
        assert _own_batches(share, old) == []
    a.close()
    _put_back(path, backup)
    if restored == "data-folder":  # the sync state beside the database goes back too
        (path.parent / STATE_FILE).write_bytes(backup_state)
    a = Database.open(path)
    try:
        assert a.replica_id == old and not a.renewed_replica  # the fingerprint cannot tell
        _work(a, sd, "new", 5)  # more new work than was lost, under the same sequence numbers
        r = sync_once(a, share)
        assert r.renewed_replica and a.replica_id != old
        assert old in a.replica_state().previous_ids
        # exactly the new work moved to the new id (5 attempts, 1 profile edit), so it is sent
        assert count(a, "SELECT COUNT(*) FROM change WHERE replica_id = ?", a.replica_id) == 6
        converge([a, b], share)
        for db in (a, b):
            assert (_answers(db, "lost"), _answers(db, "new")) == (3, 5)
        assert dump(a) == dump(b)
        with a.read() as s:
            assert s.get(Profile, sd.profiles[sd.students[0]]).about_me == "new"  # the later edit
        assert '"lost"' in _losers(a) and '"lost"' in _losers(b)  # the other kept in the archive
        assert sync_once(a, share).renewed_replica is False
    finally:
        a.close()


def _perfect_clone(src: Path, dst: Path) -> Path:
    """Copy a data folder to where the fingerprint still matches (a lab image cloned onto machines
    that look alike: no network card visible, same path)."""
    shutil.copytree(src, dst)
    db_path = dst / "tessera.db"
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE replica_state SET fingerprint = ?", (fingerprint(db_path.resolve()),))
    conn.commit()
    conn.close()
    return db_path


@pytest.mark.parametrize("race", ["one-after-the-other", "after-compaction", "at-the-same-time"])
def test_perfect_clones_both_get_everything_through(make_db, share, tmp_path, race):
    a, e = make_db("a"), make_db("e")
    sd = seed(a, students=1)
    converge([a, e], share)
    path = a.path
    a.close()
    a2_path = _perfect_clone(path.parent, tmp_path / "a2")
    a, a2 = Database.open(path), Database.open(a2_path)
    try:
        old = a.replica_id
        assert a2.replica_id == old and not a2.renewed_replica
        _work(a, sd, "from a", 3)
        _work(a2, sd, "from a2", 5)
        before = tmp_path / "share-as-a2-saw-it"
        shutil.copytree(share, before)
        sync_once(a, share)
        if race == "after-compaction":  # e reads a's batch, a removes it: no batch left to compare
            sync_once(e, share)
            sync_once(a, share)
            assert _own_batches(share, old) == []
        if race == "at-the-same-time":
            # Both looked at the folder before either wrote to it: a2 sees it as it was before a
            # synced, and its files land beside a's (its seen.json over a's).
            assert not sync_once(a2, before).renewed_replica
            for f in (before / ROOT / "replicas" / old).iterdir():
                shutil.copy2(f, share / ROOT / "replicas" / old / f.name)
            assert len(_own_batches(share, old)) == 2
        else:
            assert sync_once(a2, share).renewed_replica  # the second to sync takes a new id
            assert a2.replica_id != old and a.replica_id == old
        converge([a, a2, e], share)
        assert a.replica_id != a2.replica_id
        for db in (a, a2, e):
            assert (_answers(db, "from a"), _answers(db, "from a2")) == (3, 5)
        assert dump(a) == dump(a2) == dump(e)
        # two lines of history edited the same field: the losing value is archived, not dropped
        with e.read() as s:
            winner = s.get(Profile, sd.profiles[sd.students[0]]).about_me
        loser = '"from a"' if winner == "from a2" else '"from a2"'
        assert all(loser in _losers(db) for db in (a, a2, e))
    finally:
        a.close()
        a2.close()
