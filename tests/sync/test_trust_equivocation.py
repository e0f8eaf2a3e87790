"""A database put back from a backup over the same file, or copied, and then written again uses
sequence numbers twice. With signed sync the second version is seen as equivocation by a peer,
refused and reported; the database whose version peers do not hold takes a new replica id, sends
its changes again, and takes the lost ones back: no change is lost on either side."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from synchelp import count, dump
from trusthelp import add_work, quarantined, signed_school

from app.store.database import Database
from app.sync.session import sync_once


def _backup(db, to: Path) -> None:
    src = sqlite3.connect(db.path)
    dst = sqlite3.connect(to)
    src.backup(dst)
    src.close()
    dst.close()


def _put_back(db, backup: Path):
    """Close the database and copy the backup over the same file (same inode, as ``cp`` does)."""
    path = Path(db.path)
    db.close()
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    with open(path, "r+b") as fh:
        fh.truncate(0)
        fh.write(backup.read_bytes())
    return Database.open(path)


def test_a_restored_backup_loses_no_change(make_db, share, tmp_path):
    sch = signed_school(make_db, share)
    add_work(sch.lab, sch.sd, 3)
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    backup = tmp_path / "backup.db"
    _backup(sch.lab, backup)
    add_work(sch.lab, sch.sd, 4)  # made after the backup: lost on the lab machine by the restore
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    old_id = sch.lab.replica_id
    lab = _put_back(sch.lab, backup)
    try:
        assert lab.replica_id == old_id  # same file, same place: the fingerprint cannot tell
        add_work(lab, sch.sd, 6)  # more new work than was lost, under the same sequence numbers
        for _ in range(3):
            sync_once(lab, share)
            sync_once(sch.laptop, share)
        assert lab.replica_id != old_id
        assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 13
        assert count(lab, "SELECT COUNT(*) FROM attempt") == 13
        assert dump(lab, with_clocks=False) == dump(sch.laptop, with_clocks=False)
        assert {q[2] for q in quarantined(sch.laptop)} <= {"equivocation"}
    finally:
        lab.close()


def test_a_cloned_database_loses_no_change(make_db, share, tmp_path):
    sch = signed_school(make_db, share)
    add_work(sch.lab, sch.sd, 2)
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    # a perfect clone: same file, key and place as far as it can tell (a VM snapshot run twice)
    lab_dir = Path(sch.lab.path).parent
    clone_dir = tmp_path / "clone"
    _backup(sch.lab, tmp_path / "c.db")
    shutil.copytree(lab_dir / "trust", clone_dir / "trust")
    shutil.copy(tmp_path / "c.db", clone_dir / "tessera.db")
    clone = Database.open(clone_dir / "tessera.db")
    try:
        if clone.replica_id != sch.lab.replica_id:  # the fingerprint saw the copy: force the hard case
            from app.store.raw import raw_connection

            with sch.lab.read() as s:
                rid, nxt, prev = (
                    raw_connection(s)
                    .execute("SELECT replica_id, next_seq, previous_ids FROM replica_state")
                    .fetchone()
                )
            with clone.write(remote=True) as s:
                raw = raw_connection(s)
                raw.execute("DELETE FROM version_vector WHERE replica_id = ?", (clone.replica_id,))
                raw.execute(
                    "UPDATE replica_state SET replica_id = ?, next_seq = ?, previous_ids = ?",
                    (rid, nxt, prev),
                )
            clone.close()
            clone = Database.open(clone_dir / "tessera.db")
            assert clone.replica_id == sch.lab.replica_id
        add_work(sch.lab, sch.sd, 3)
        add_work(clone, sch.sd, 5)
        for _ in range(3):
            sync_once(sch.lab, share)
            sync_once(sch.laptop, share)
            sync_once(clone, share)
        for db in (sch.lab, sch.laptop, clone):
            sync_once(db, share)
        assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 10
        assert count(sch.lab, "SELECT COUNT(*) FROM attempt") == 10
        assert count(clone, "SELECT COUNT(*) FROM attempt") == 10
        assert clone.replica_id != sch.lab.replica_id
    finally:
        clone.close()
