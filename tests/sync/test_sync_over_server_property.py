"""A randomised run of desktops syncing through a real school server: attempts and profile edits
made on three computers in any order, syncs in any order, then quiet. Every computer ends with
the same rows, and the server's current rows (kept by the shared merge rules) equal the desktops'
values field for field."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synchelp import add_attempts, dump, seed

from app.identity.keys import device
from app.models import Profile
from app.sync.http_transport import open_server
from app.sync.session import sync_once
from app.sync.tables import all_tables
from app.sync.transport import TargetRefused
from app.trust import school as trust_school


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from tests.server.kit import ServerProc

    srv = ServerProc(str(tmp_path_factory.mktemp("prop") / "server")).start()
    yield srv
    srv.stop()


op = st.tuples(st.integers(0, 2), st.sampled_from(["attempts", "edit", "sync"]), st.integers(0, 4))


@settings(max_examples=4, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(ops=st.lists(op, min_size=3, max_size=14))
def test_desktops_converge_through_the_server_and_its_rows_match(make_db, server, monkeypatch, ops):
    from tests.server.kit import approve
    from tests.sync.test_sync_over_server import _import

    tag = uuid.uuid4().hex[:8]
    laptop = make_db(f"laptop-{tag}")
    sd = seed(laptop)
    d = Path(laptop.path).parent
    trust_school.create_school(d, "Hill School", [sd.school], [laptop.replica_id])
    sid = _import(server.db, d)
    monkeypatch.setattr("app.trust.run.policy_anchor", lambda: sid)
    sync_once(laptop, open_server(server.url, laptop))
    dbs = [laptop]
    for name in ("b", "c"):
        db = make_db(f"{name}-{tag}")
        with pytest.raises(TargetRefused):
            sync_once(db, open_server(server.url, db))
        approve(server.db, sid, device(Path(db.path).parent).id, "teacher", ["*"])
        sync_once(db, open_server(server.url, db))
        dbs.append(db)
    for who, what, n in ops:
        db = dbs[who]
        if what == "attempts":
            add_attempts(db, sd, n + 1)
        elif what == "edit":
            with db.write() as s:
                prof = s.get(Profile, sd.profiles[sd.students[n % len(sd.students)]])
                if prof is not None:
                    prof.about_me = f"written on {who}, edit {n}"
        else:
            sync_once(db, open_server(server.url, db))
    for _ in range(3):
        for db in dbs:
            sync_once(db, open_server(server.url, db))
    first = dump(laptop)
    assert all(dump(db) == first for db in dbs[1:])
    # The server's rows, field for field, equal what every desktop holds.
    t = open_server(server.url, laptop)(laptop.replica_id)
    t.prepare()
    snap = t._json("GET", t._s("/snapshot"))
    tables = all_tables()
    desk = {name: {r[0]: dict(zip(tables[name].columns, r)) for r in rows} for name, rows in first.items()
            if name in tables}  # fmt: skip
    checked = 0
    for r in snap["rows"]:
        row = desk.get(r["table"], {}).get(r["id"])
        assert row is not None, (r["table"], r["id"])
        for k, v in r["fields"].items():
            if k in row:
                assert row[k] == v, (r["table"], k, row[k], v)
                checked += 1
    assert checked > 0
