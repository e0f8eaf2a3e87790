"""The silent sync gap (issue 20, item 3), with exactly the issue's sequence, on real files:

1. a lab machine's batch on the share is damaged, and the teacher's laptop reports it damaged;
2. random bytes appear under a batch-style file name carrying the lab machine's replica id;
3. both sync on.

Before: the lab machine took the random file as proof it had been copied or restored, took a new replica
id, never rewrote its damaged batch of the old id, and both Sync pages said "Up to date" with one change
missing on the laptop. Now: a damaged file is never evidence of a copy; after any renewal the old id's
ranges that peers reported damaged or lack are sent again; "up to date" needs every peer's acknowledgement.
"""

from __future__ import annotations

import os

from synchelp import dump, seed

from app.models import Profile
from app.store.raw import raw_connection
from app.store.replica import renew_replica
from app.sync import vector
from app.sync.batchfile import batch_name
from app.sync.session import sync_once


def _have(db, origin: str) -> int:
    with db.read() as s:
        return vector.load(raw_connection(s)).get(origin, 0)


def _damage_lab_batch(share, lab_id: str) -> str:
    """Spoil the lab machine's newest batch (as a flaky share or an interrupted copy would)."""
    own = share / "tessera-sync" / "replicas" / lab_id
    newest = max(own.glob("chg-*.jsonl.gz"), key=lambda p: int(p.name.split("-")[2]))
    data = bytearray(newest.read_bytes())
    data[len(data) // 2] ^= 0xFF
    newest.write_bytes(bytes(data))
    return newest.name


def _the_issues_first_steps(make_db, share):
    lab, teacher = make_db("lab"), make_db("teacher")
    sd = seed(lab, students=2)
    sync_once(lab, share)
    sync_once(teacher, share)
    with lab.write() as s:  # the change that went missing on the teacher's laptop
        s.get(Profile, sd.profiles[sd.students[0]]).about_me = "I like maps"
    sync_once(lab, share)
    _damage_lab_batch(share, lab.replica_id)
    r = sync_once(teacher, share)  # skips it and says so in its seen.json
    assert any("damaged" in k.reason or "checksum" in k.reason or k.reason for k in r.skipped)
    assert _have(teacher, lab.replica_id) < _have(lab, lab.replica_id)
    return lab, teacher


def test_random_bytes_under_a_batch_name_are_no_evidence_of_a_copy(make_db, share):
    lab, teacher = _the_issues_first_steps(make_db, share)
    old = lab.replica_id
    # Random bytes saved under a batch-style name that claims far more of the lab's changes.
    junk = share / "tessera-sync" / "replicas" / teacher.replica_id / batch_name(old, 1, 99_999)
    junk.write_bytes(os.urandom(4096))
    r = sync_once(lab, share)
    assert not r.renewed_replica and lab.replica_id == old
    assert r.unacknowledged > 0  # the teacher has not confirmed the change yet: not "up to date"
    sync_once(teacher, share)
    r = sync_once(lab, share)
    assert _have(teacher, old) == _have(lab, old)
    assert dump(lab) == dump(teacher)
    assert r.pending_send == 0 and r.unacknowledged == 0  # now it is up to date, truly


def test_after_a_renewal_the_old_ids_damaged_ranges_are_sent_again(make_db, share):
    lab, teacher = _the_issues_first_steps(make_db, share)
    old = lab.replica_id
    with lab.write(remote=True) as s:  # a renewal for any reason (here: as the old code did)
        state = renew_replica(s, lab.path, "test: renewed")
        new = state.replica_id
        s.flush()
        vector.settle_previous(raw_connection(s))
    lab.replica_id = new
    lab.clock.replica = new
    r = sync_once(lab, share)
    assert r.unacknowledged > 0  # the teacher still lacks a change of the old id
    sync_once(teacher, share)
    r = sync_once(lab, share)
    assert _have(teacher, old) == _have(lab, old)  # the range of the old id came again
    assert dump(lab) == dump(teacher)
    assert r.pending_send == 0 and r.unacknowledged == 0
    r = sync_once(teacher, share)
    assert r.unacknowledged == 0 and r.pending_send == 0
