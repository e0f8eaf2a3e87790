"""Desktops syncing through a real school server (``tessera-server`` on 127.0.0.1, SQLite) with
the same ``sync_once`` as the folder: the HTTP transport (``app/sync/http_transport.py``) behind
the seam, signed sync with the school key imported to the server, enrolment over HTTPS."""

from __future__ import annotations

from pathlib import Path

import pytest
from synchelp import add_attempts, dump, seed, vectors

from app.identity.keys import device
from app.sync.http_transport import open_server
from app.sync.session import sync_once
from app.sync.transport import TargetRefused
from app.trust import school as trust_school


def _dir(db) -> Path:
    return Path(db.path).parent


@pytest.fixture
def server(tmp_path):
    from tests.server.kit import ServerProc

    srv = ServerProc(str(tmp_path / "server"))
    yield srv
    srv.stop()


def _import(target: str, data_dir: Path) -> str:
    from tessera_server import schools
    from tessera_server.db import make_engine, upgrade
    from tests.server.kit import db_url

    engine = make_engine(db_url(target))
    upgrade(engine)
    with engine.begin() as conn:
        sid = schools.import_school(conn, data_dir).school_id
    engine.dispose()
    return sid


def _quiet(dbs, url: str, rounds: int = 6) -> None:
    for _ in range(rounds):
        moved = 0
        for db in dbs:
            r = sync_once(db, open_server(url, db))
            moved += r.received + r.sent + r.forwarded + (0 if r.complete else 1)
        vvs = [vectors(db) for db in dbs]
        if moved == 0 and all(v == vvs[0] for v in vvs):
            return
    raise AssertionError("no convergence through the server")


def test_two_desktops_converge_through_the_server(make_db, server, monkeypatch):
    laptop = make_db("laptop")
    sd = seed(laptop)
    trust_school.create_school(_dir(laptop), "Hill School", [sd.school], [laptop.replica_id])
    sid = _import(server.db, _dir(laptop))
    server.start()
    monkeypatch.setattr("app.trust.run.policy_anchor", lambda: sid)  # the MSI's SCHOOLKEY
    first = sync_once(laptop, open_server(server.url, laptop))
    assert first.signed and first.sent > 0

    other = make_db("other")
    with pytest.raises(TargetRefused, match="asked to join"):
        sync_once(other, open_server(server.url, other))
    from tests.server.kit import approve

    approve(server.db, sid, device(_dir(other)).id, "teacher", ["*"])
    _quiet([laptop, other], server.url)
    add_attempts(laptop, sd, 20)
    add_attempts(other, sd, 7)
    _quiet([laptop, other], server.url)
    assert dump(laptop) == dump(other)
    # A sync with nothing new moves nothing.
    r = sync_once(other, open_server(server.url, other))
    assert r.received == 0 and r.sent == 0


def test_the_end_of_sync_check_repairs_a_partition_by_what_is_missing(make_db, server, monkeypatch):
    """A copy that lost changes its vector still claims (a damaged local copy): the check at the end
    of the next sync finds the partition that differs and reads that partition again."""
    from app.store.raw import raw_connection

    laptop = make_db("laptop")
    sd = seed(laptop)
    trust_school.create_school(_dir(laptop), "Hill School", [sd.school], [laptop.replica_id])
    sid = _import(server.db, _dir(laptop))
    server.start()
    monkeypatch.setattr("app.trust.run.policy_anchor", lambda: sid)
    add_attempts(laptop, sd, 30)
    sync_once(laptop, open_server(server.url, laptop))
    other = make_db("other")
    with pytest.raises(TargetRefused):
        sync_once(other, open_server(server.url, other))
    from tests.server.kit import approve

    approve(server.db, sid, device(_dir(other)).id, "teacher", ["*"])
    seen = {}

    def opener(db):  # noqa: ANN001, ANN202
        make = open_server(server.url, db)

        def one(me: str):  # noqa: ANN202
            t = make(me)
            seen["t"] = t
            return t

        return one

    sync_once(other, opener(other))
    assert seen["t"].last_check is not None and seen["t"].last_check.mismatched == []
    # The laptop writes ten more; the other copy's vector already claims them (a copy whose
    # vector ran ahead of its rows): receiving skips them, and only the check can tell.
    add_attempts(laptop, sd, 10)
    sync_once(laptop, open_server(server.url, laptop))
    with laptop.read() as s:
        top = raw_connection(s).execute("SELECT max(seq) FROM change WHERE replica_id = ?",
                                        (laptop.replica_id,)).fetchone()[0]  # fmt: skip
    with other.write() as s:
        raw_connection(s).execute(
            "UPDATE version_vector SET seq = ? WHERE replica_id = ?", (top, laptop.replica_id)
        )
    seen.clear()
    sync_once(other, opener(other))
    check = seen["t"].last_check
    assert check.mismatched and check.repaired == check.mismatched and check.applied >= 10
    assert dump(other) == dump(laptop)
