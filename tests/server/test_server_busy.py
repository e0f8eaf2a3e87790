"""Overload: a server that may work on one request at a time answers the rest 429 with
Retry-After at once; clients wait (Retry-After plus jitter) and get through, none failing."""

from __future__ import annotations

import threading
import uuid

from app.sync.http_transport import HttpTransport
from tests.server.conftest import SCHOOL_ROW, World
from tests.server.kit import ServerProc, make_school


def test_busy_server_answers_429_and_clients_back_off(tmp_path, monkeypatch):
    target = str(tmp_path / "server")
    sid = make_school(target, [SCHOOL_ROW])
    srv = ServerProc(target, max_busy=1).start()
    try:
        w = World(target, srv, sid)
        devs = [w.device(f"d{i}") for i in range(6)]
        statuses: list[int] = []
        waits: list[float] = []
        real_once = HttpTransport._once

        def once(self, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
            out = real_once(self, *a, **kw)
            statuses.append(out[0])
            if out[0] == 429:
                assert out[3] >= 1  # Retry-After given
            return out

        monkeypatch.setattr(HttpTransport, "_once", once)
        import app.sync.http_transport as ht

        real_sleep = ht.time.sleep
        monkeypatch.setattr(ht.time, "sleep", lambda s: (waits.append(s), real_sleep(min(s, 0.05)))[1])
        errors: list[Exception] = []

        def work(d) -> None:  # noqa: ANN001
            try:
                for _ in range(3):
                    rid = str(uuid.uuid4())
                    d.change("attempt", rid, {"id": rid, "student_id": "s"}, f"{SCHOOL_ROW}/c/s")
                    d.push()
                    d.pull()
            except Exception as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(d,)) for d in devs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert 429 in statuses  # the valve opened
        assert waits and len(set(round(x, 3) for x in waits)) > 1  # waits differ: jitter
        assert not errors or all("busy" in str(e) for e in errors)
        monkeypatch.setattr(HttpTransport, "_once", real_once)
        for _ in range(2):
            for d in devs:
                d.sync()  # whatever a busy answer held back goes now
        every = set().union(*(d.log_keys() for d in devs))
        assert all(set(d.real()) == every for d in devs)
    finally:
        srv.stop()
