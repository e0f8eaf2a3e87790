"""Changes from a newer Tessera wait whole in pending_change and are applied after upgrading;
fields this version does not know survive storing and forwarding, byte for byte."""

from __future__ import annotations

import json
import shutil

from synchelp import count, seed

from app.store import capture
from app.store.hlc import Stamp
from app.store.raw import raw_connection
from app.sync.apply import apply_pending, pending_count
from app.sync.changes import ChangeRec
from app.sync.folder import ROOT, SyncFolder
from app.sync.folder_transport import FolderTransport
from app.sync.place import Place
from app.sync.session import sync_once

NEWER = "70000000-0000-7000-8000-000000000001"


def _stored(db, origin, seq):
    with db.read() as s:
        return (
            raw_connection(s)
            .execute(
                "SELECT fields, schema_version FROM change WHERE replica_id = ? AND seq = ?", (origin, seq)
            )
            .fetchone()
        )


def _newer_change(seq, table, row_id, fields, schema):
    return ChangeRec(
        NEWER,
        seq,
        Stamp(1_800_000_000_000 + seq, 0, NEWER).encode(),
        table,
        row_id,
        "upsert",
        "//",
        schema,
        json.dumps(fields, separators=(",", ":")),
    )


def test_newer_schema_waits_is_forwarded_intact_and_applies_after_upgrade(make_db, share, monkeypatch):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1)
    sync_once(a, share)
    sync_once(b, share)
    student = sd.students[0]
    ours = capture.SCHEMA_VERSION
    newer_fields = {"about_me": "from the future", "favourite_colour": "teal", "updated_at": 99.0}
    same_fields = {"given_name": "Ana", "nickname": "Nan", "updated_at": 98.0}
    SyncFolder(share, NEWER).prepare()
    Place(FolderTransport(share, NEWER)).write_batch(
        NEWER,
        [
            _newer_change(1, "profile", sd.profiles[student], newer_fields, ours + 1),
            _newer_change(2, "person", student, same_fields, ours),  # same version, one unknown field
        ],
    )
    r = sync_once(b, share)
    assert (r.received, r.newer_schema) == (2, 1)
    assert pending_count(b) == (0, 1)
    with b.read() as s:
        raw = raw_connection(s)
        assert raw.execute("SELECT about_me FROM profile").fetchone()[0] == ""  # not applied yet
        assert raw.execute("SELECT given_name FROM person WHERE id = ?", (student,)).fetchone()[0] == "Ana"
    assert json.loads(_stored(b, NEWER, 1)[0]) == newer_fields
    assert json.loads(_stored(b, NEWER, 2)[0]) == same_fields  # unknown field kept for forwarding

    # The newer replica's folder goes away (compacted, or the machine is gone); a new replica C
    # joins and gets both changes from B, unknown fields and all.
    shutil.rmtree(share / ROOT / "replicas" / NEWER)
    c = make_db("c")
    sync_once(c, share)
    r = sync_once(b, share)
    assert r.forwarded >= 2
    sync_once(c, share)
    assert _stored(c, NEWER, 1) == _stored(b, NEWER, 1)
    assert _stored(c, NEWER, 2) == _stored(b, NEWER, 2)
    assert pending_count(c) == (0, 1)

    # Tessera is upgraded on B: at start, pending changes are applied (known columns only)
    monkeypatch.setattr(capture, "SCHEMA_VERSION", ours + 1)
    res = apply_pending(b)
    assert res.applied == 1 and pending_count(b) == (0, 0)
    with b.read() as s:
        assert raw_connection(s).execute("SELECT about_me FROM profile").fetchone()[0] == "from the future"
    assert json.loads(_stored(b, NEWER, 1)[0])["favourite_colour"] == "teal"


def test_pending_survives_restart(make_db, share):
    from app.store.database import Database

    a = make_db("a")
    sd = seed(a, students=1)
    SyncFolder(share, NEWER).prepare()
    Place(FolderTransport(share, NEWER)).write_batch(
        NEWER,
        [
            _newer_change(
                1,
                "plan",
                sd.plans[sd.students[0]],
                {"title": "v9 title", "mood_board": [1]},
                capture.SCHEMA_VERSION + 5,
            ),
        ],
    )
    sync_once(a, share)
    path = a.path
    a.close()
    a2 = Database.open(path)
    try:
        assert pending_count(a2) == (0, 1)
        assert count(a2, "SELECT COUNT(*) FROM pending_change WHERE replica_id = ?", NEWER) == 1
        r = sync_once(a2, share)
        assert r.received == 0 and r.duplicates == 0  # not fetched again
    finally:
        a2.close()
