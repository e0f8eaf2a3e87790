"""Fixtures of the server tests: a real server process on 127.0.0.1 over SQLite, or over a real
PostgreSQL cluster started in a temporary folder (skipped, saying why, only where this machine
has no PostgreSQL binaries at all; ``.ci/run`` installs them)."""

from __future__ import annotations

import pytest

from tests.server.kit import ServerProc, SimDevice, approve, make_school
from tests.server.pgcluster import Cluster, find_bin

SCHOOL_ROW = "school-row-1"


@pytest.fixture(scope="session")
def pg():
    if find_bin() is None:
        pytest.skip("no PostgreSQL binaries on this machine (apt-get install postgresql; .ci/run does)")
    c = Cluster().start()
    yield c
    c.stop()


class World:
    """A school on a running server, and helpers to enrol devices."""

    def __init__(self, target: str, server: ServerProc, school_id: str) -> None:
        self.target, self.server, self.school_id = target, server, school_id

    def device(self, name: str = "dev", role: str = "teacher", classes=("*",), url: str | None = None,
               state=None) -> SimDevice:  # noqa: ANN001  # fmt: skip
        d = SimDevice(url or self.server.url, self.school_id, name, role, tuple(classes), state)
        d.ask()
        approve(self.target, self.school_id, d.device_id, role, list(classes))
        d.load_cert()
        return d


@pytest.fixture
def sqlite_world(tmp_path):
    target = str(tmp_path / "server")
    sid = make_school(target, [SCHOOL_ROW])
    srv = ServerProc(target).start()
    yield World(target, srv, sid)
    srv.stop()


_n = [0]


@pytest.fixture
def pg_world(pg):
    _n[0] += 1
    target = pg.createdb(f"t{_n[0]}")
    sid = make_school(target, [SCHOOL_ROW])
    srv = ServerProc(target).start()
    yield World(target, srv, sid)
    srv.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request):
    return request.getfixturevalue("sqlite_world" if request.param == "sqlite" else "pg_world")
