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
