"""Kill the syncing process (SIGKILL) at many points, while applying and while writing batches:
the database stays intact, nothing committed is lost, no file is half applied or half written,
and the next sync converges. ``TESSERA_FULL=1`` kills at many more points."""

from __future__ import annotations

import gzip
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from synchelp import converge, count, dump, seed

from app.models import Attempt, Profile
from app.store.database import Database
from app.store.raw import raw_connection
from app.sync.folder import ROOT, SyncFolder
from app.sync.session import sync_once

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
FULL = os.environ.get("TESSERA_FULL") == "1"
REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("killchild.py")


def _child(
    db_path: Path,
    share: Path,
    point: str,
    k: int,
    batch: int = 10,
    kill_after: float | None = None,
    group: int | None = None,
) -> int:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [
            sys.executable,
            str(CHILD),
            str(db_path),
            str(share),
            point,
            str(k),
            str(batch),
            str(group or batch),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=REPO,
        text=True,
    )
    if kill_after is not None:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err, err
    return proc.returncode


def _healthy(path: Path) -> Database:
    db = Database.open(path)
    with db.read() as s:
        raw = raw_connection(s)
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    return db


def _whole_files_only(db: Database, origin: str, ranges: list[tuple[int, int]]) -> None:
    """Every batch file was applied entirely or not at all."""
    for a, b in ranges:
        n = count(
            db, "SELECT COUNT(*) FROM change WHERE replica_id = ? AND seq BETWEEN ? AND ?", origin, a, b
        )
        assert n in (0, b - a + 1), (a, b, n)


def test_killed_while_applying(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=3)
    with a.write() as s:
        for i in range(120):
            s.add(
                Attempt(
                    student_id=sd.students[i % 3], item_id=sd.items[i % 3], skill_id=sd.skill, answer=str(i)
                )
            )
    sync_once(a, share, batch_changes=10)
    ranges = [(r.first, r.last) for r in SyncFolder(share, b.replica_id).scan().batches]
    with b.write() as s:  # B's own committed work, which no crash may take away
        mine = seed(b, students=1)
    b_path = b.path
    b.close()
    # (point, k, files per transaction): one file per transaction, and several
    points = [
        ("apply:before_commit", 0, 1),
        ("apply:before_commit", 3, 1),
        ("apply:after_commit", 2, 1),
        ("apply:before_commit", 1, 4),
    ]
    timed = [0.05]
    quick = len(points)
    if FULL:
        points += [
            (p, k, g)
            for p in ("apply:before_commit", "apply:after_commit")
            for k in range(0, 14, 2)
            for g in (1, 3)
        ]
        timed += [random.uniform(0.0, 0.6) for _ in range(12)]
    for i, (point, k, files) in enumerate(points):
        rc = _child(b_path, share, point, k, group=10 * files)
        # The first kills must land; later ones (full mode) may find the work already done,
        # since every run resumes where the last one died.
        assert rc == -signal.SIGKILL or (i >= quick and rc == 0)
        db = _healthy(b_path)
        _whole_files_only(db, a.replica_id, ranges)
        assert count(db, "SELECT COUNT(*) FROM person WHERE id = ?", mine.students[0]) == 1
        db.close()
    for delay in timed:
        _child(b_path, share, "none", 0, kill_after=delay)
        db = _healthy(b_path)
        _whole_files_only(db, a.replica_id, ranges)
        db.close()
    b = _healthy(b_path)
    try:
        converge([a, b], share)
        assert dump(a) == dump(b)
        assert count(b, "SELECT COUNT(*) FROM attempt") == 120
    finally:
        b.close()


def test_killed_while_writing_batches(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=2)
    with a.write() as s:
        for i in range(100):
            s.add(
                Attempt(student_id=sd.students[i % 2], item_id=sd.items[0], skill_id=sd.skill, answer=str(i))
            )
    with a.write() as s:
        s.get(Profile, sd.profiles[sd.students[0]]).about_me = "last words before the crash"
    a_path = a.path
    a.close()
    points = [("batch:before_rename", 2), ("batch:before_fsync", 0), ("seen:before_rename", 0)]
    timed = [0.05]
    quick = len(points)
    if FULL:
        points += [
            (p, k)
            for p in ("batch:before_rename", "batch:after_rename", "batch:before_fsync")
            for k in range(0, 10, 2)
        ]
        timed += [random.uniform(0.0, 0.5) for _ in range(10)]
    for i, (point, k) in enumerate(points):
        rc = _child(a_path, share, point, k)
        assert rc == -signal.SIGKILL or (i >= quick and rc == 0)
        _healthy(a_path).close()
        _only_whole_batches(share)
    for delay in timed:
        _child(a_path, share, "none", 0, kill_after=delay)
        _healthy(a_path).close()
        _only_whole_batches(share)
    a = _healthy(a_path)
    try:
        converge([a, b], share)
        assert dump(a) == dump(b)
        leftovers = [p for p in (share / ROOT).rglob(".tmp-*")]
        assert leftovers == []  # the writer cleaned its temporary files
    finally:
        a.close()


def _only_whole_batches(share: Path) -> None:
    """Files under their final name are always complete and verify."""
    sf = SyncFolder(share, "00000000-0000-7000-8000-00000000dead")
    for ref in sf.scan().batches:
        sf.read_batch(ref)  # raises BatchDamaged if a file were half written
        assert gzip.decompress(ref.path.read_bytes())
