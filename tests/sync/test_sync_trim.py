"""Trimming the change log, and abandoned replica folders no longer holding compaction back."""

from __future__ import annotations

import json
import os
import time

from sqlmodel import select
from synchelp import add_attempts, converge, count, dump, seed

from app.models import Attempt, Profile
from app.store import capture
from app.store.hlc import Stamp
from app.sync import compact as compact_mod
from app.sync.changes import TRIMMED, ChangeRec
from app.sync.folder import ROOT, SyncFolder
from app.sync.folder_transport import FolderTransport
from app.sync.place import Place
from app.sync.session import sync_once

GONE = "60000000-0000-7000-8000-00000000dead"  # a reimaged lab machine


def _trimmed(db, origin=None):
    sql = "SELECT COUNT(*) FROM change WHERE fields = ?"
    if origin:
        return count(db, sql + " AND replica_id = ?", TRIMMED, origin)
    return count(db, sql, TRIMMED)


def _batches(share, writer):
    d = share / ROOT / "replicas" / writer
    return sorted(p.name for p in d.iterdir() if p.name.startswith("chg-")) if d.exists() else []


def test_acknowledged_event_payloads_are_trimmed_records_kept_late_joiner_whole(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=2, items=2)
    add_attempts(a, sd, 30)
    with a.write() as s:
        s.get(Profile, sd.profiles[sd.students[0]]).about_me = "maps"
    sync_once(a, share)
    assert _trimmed(a) == 0  # nobody has acknowledged anything yet
    sync_once(b, share)
    # b stores the attempts it applied trimmed at once: the rows carry the same values
    assert _trimmed(b, a.replica_id) == 30
    r = sync_once(a, share)  # b's seen.json acknowledges everything
    assert r.trimmed == 30 and _trimmed(a, a.replica_id) == 30
    # records (profiles, plans...) keep their payload: conflicts and superseded values need it
    assert count(a, "SELECT COUNT(*) FROM change WHERE table_name != 'attempt' AND fields = ?", TRIMMED) == 0
    assert sync_once(a, share).trimmed == 0  # nothing new: no work
    add_attempts(a, sd, 5)
    converge([a, b], share)
    assert _trimmed(a, a.replica_id) == 35
    # a replica that joins after compaction gets the whole history, rebuilt from the rows
    c = make_db("c")
    converge([c, a, b], share)
    assert dump(c) == dump(a) == dump(b)
    assert count(c, "SELECT COUNT(*) FROM attempt") == 35


def test_a_tombstoned_trimmed_attempt_reaches_a_late_joiner_as_deleted(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1, items=1)
    add_attempts(a, sd, 3)
    converge([a, b], share)
    with a.read() as s:
        victim = s.exec(select(Attempt)).first().id
    with a.write() as s:
        s.get(Attempt, victim).deleted = True
    converge([a, b], share)
    assert _trimmed(a, a.replica_id) == 3
    c = make_db("c")
    converge([c, a, b], share)
    assert dump(c) == dump(a)
    assert count(c, "SELECT deleted FROM attempt WHERE id = ?", victim) == 1


def test_nothing_is_trimmed_while_a_replica_folder_is_unaccounted_for(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1, items=1)
    add_attempts(a, sd, 4)
    (share / ROOT / "replicas").mkdir(parents=True)
    stray = share / ROOT / "replicas" / "60000000-0000-7000-8000-000000000abc"
    stray.mkdir()
    (stray / "seen.json").write_text("{ half written")  # a replica we cannot read
    converge([a, b], share)
    assert _trimmed(a, a.replica_id) == 0


def test_newer_schema_and_held_changes_keep_their_payload(make_db, share):
    a = make_db("a")
    sd = seed(a, students=1, items=1)
    newer = "70000000-0000-7000-8000-000000000002"
    later = capture.SCHEMA_VERSION + 1
    missing_parent = "50000000-0000-7000-8000-0000000000ff"
    att = "50000000-0000-7000-8000-0000000000a1"
    att2 = "50000000-0000-7000-8000-0000000000a2"
    full = {
        "created_at": 1.0,
        "updated_at": 1.0,
        "deleted": False,
        "partition": "//",
        "item_id": sd.items[0],
        "skill_id": sd.skill,
        "answer": "4",
        "correct": True,
        "response_ms": 10,
        "at": 1.0,
        "device": "",
        "session_id": "",
    }
    changes = [
        ChangeRec(
            newer,
            1,
            Stamp(1_800_000_000_000, 0, newer).encode(),
            "attempt",
            att,
            "upsert",
            "//",
            later,
            json.dumps({"id": att, "student_id": sd.students[0], **full, "mood": "happy"}),
        ),
        ChangeRec(
            newer,
            2,
            Stamp(1_800_000_000_001, 0, newer).encode(),
            "attempt",
            att2,
            "upsert",
            "//",
            capture.SCHEMA_VERSION,
            json.dumps({"id": att2, "student_id": missing_parent, **full}),
        ),
    ]
    SyncFolder(share, newer).prepare()
    Place(FolderTransport(share, newer)).write_batch(newer, changes)
    r = sync_once(a, share)
    assert r.received == 2 and r.held == 1 and r.newer_schema == 1
    assert _trimmed(a, newer) == 0
    b = make_db("b")
    converge([a, b], share)
    assert _trimmed(a, newer) == 0 and _trimmed(b, newer) == 0


def _age(path, days):
    old = time.time() - days * 86400
    for p in [*path.rglob("*"), path]:
        os.utime(p, (old, old))


def _abandoned_folder(share, a, days):
    """GONE wrote a batch of a's changes (forwarded) and a damaged seen.json, ``days`` ago."""
    sf = SyncFolder(share, GONE)
    sf.prepare()
    with a.read() as s:
        from app.store.raw import raw_connection
        from app.sync.changes import CHANGE_COLUMNS

        rows = (
            raw_connection(s)
            .execute(
                f"SELECT {CHANGE_COLUMNS} FROM change WHERE replica_id = ? ORDER BY seq LIMIT 3",
                (a.replica_id,),
            )
            .fetchall()
        )
    Place(FolderTransport(share, GONE)).write_batch(a.replica_id, (ChangeRec.from_row(r) for r in rows))
    (sf.mine / "seen.json").write_text("{ damaged")
    _age(sf.mine, days)


def test_an_abandoned_replica_no_longer_blocks_compaction(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1, items=1)
    add_attempts(a, sd, 6)
    sync_once(a, share)
    _abandoned_folder(share, a, days=100)
    converge([a, b], share)
    assert _batches(share, a.replica_id) == [] and _batches(share, b.replica_id) == []
    assert _batches(share, GONE) == []  # compacted by the live replicas
    assert _trimmed(a, a.replica_id) == 6
    assert dump(a) == dump(b)


def test_a_replica_away_for_less_than_the_limit_still_blocks(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1, items=1)
    add_attempts(a, sd, 6)
    sync_once(a, share)
    _abandoned_folder(share, a, days=30)
    converge([a, b], share)
    assert _batches(share, a.replica_id) != [] and len(_batches(share, GONE)) == 1
    assert _trimmed(a, a.replica_id) == 0
    # the limit is a setting: with 20 days, the same folder counts as abandoned
    converge([a, b], share, abandoned_days=20)
    assert _batches(share, a.replica_id) == [] and _batches(share, GONE) == []


def test_abandoned_rule_never_touches_a_batch_a_live_replica_lacks(make_db, share, monkeypatch):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1, items=1)
    add_attempts(a, sd, 4)
    sync_once(a, share)
    _abandoned_folder(share, a, days=100)
    monkeypatch.setattr(compact_mod, "ABANDONED_DAYS", 90)
    sync_once(b, max_files=0, folder=share)  # b has seen nothing yet: its seen.json says so
    sync_once(a, share)
    assert len(_batches(share, GONE)) == 1  # b still lacks those changes
