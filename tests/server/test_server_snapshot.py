"""A new computer's first sync starts from the server's snapshot (``tessera_server/snapshot.py``,
``app/sync/http_snapshot.py``): real desktops (SQLite files, the real ``sync_once``) and a real
server on 127.0.0.1, on SQLite and on PostgreSQL.

- the snapshot gives exactly what a full replay gives (rows, field clocks, change log, vector),
  and the next sync goes on from its cursor: later changes arrive once, nothing again;
- a segment altered at the server (its checksum made to match, its seal cannot be) is refused,
  reported and kept aside, and the rest is applied;
- a lab machine of class A never receives class B's rows or ids through the snapshot;
- a connection cut mid-snapshot, and a Cancel, resume from the last applied cursor, not from zero.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import socket
import threading
from pathlib import Path

import pytest

from app.identity.keys import device
from app.models import Profile
from app.models.practice import Attempt
from app.store.capture import bulk_insert_events
from app.store.database import Database
from app.store.raw import raw_connection
from app.sync import http_snapshot
from app.sync.http_transport import open_server
from app.sync.session import sync_once
from app.sync.transport import TargetRefused
from app.trust import school as trust_school
from tests.server.kit import ServerProc, approve, db_url
from tests.sync.synchelp import dump, seed, vectors

_n = [0]


class School:
    """A teacher laptop with two classes' practice, its school on a running server."""

    def __init__(self, tmp: Path, target: str, monkeypatch, attempts: int = 11_000) -> None:  # noqa: ANN001
        from tessera_server import schools
        from tessera_server.db import make_engine, upgrade

        self.tmp, self.target = tmp, target
        self.laptop = self.db("laptop")
        self.sd = seed(self.laptop, students=6)
        self.class_b = "class-b-" + "9" * 8
        self.add(attempts)
        trust_school.create_school(tmp / "laptop", "Hill School", [self.sd.school], [self.laptop.replica_id])
        engine = make_engine(db_url(target))
        upgrade(engine)
        with engine.begin() as conn:
            self.sid = schools.import_school(conn, tmp / "laptop").school_id
        engine.dispose()
        self.server = ServerProc(target).start()
        monkeypatch.setattr("app.trust.run.policy_anchor", lambda: self.sid)
        self.sync(self.laptop)
        self.opened: list[Database] = [self.laptop]

    def db(self, name: str) -> Database:
        (self.tmp / name).mkdir()
        return Database.open(self.tmp / name / "tessera.db")

    def add(self, n: int, seed_: int = 1) -> None:
        """``n`` attempts: students 0-2 in the seeded class (A), 3-5 in class B (secret answers)."""
        rnd = random.Random(seed_)
        rows = []
        for i in range(n):
            k = rnd.randrange(6)
            st = self.sd.students[k]
            klass = self.sd.klass if k < 3 else self.class_b
            rows.append({"student_id": st, "item_id": self.sd.items[i % 3], "skill_id": self.sd.skill,
                         "answer": "B-secret" if k >= 3 else str(i), "correct": True, "response_ms": 900,
                         "at": 1.7e9 + i, "partition": f"{self.sd.school}/{klass}/{st}", "device": "d",
                         "session_id": "s"})  # fmt: skip
        with self.laptop.write() as s:
            bulk_insert_events(s, Attempt, rows)

    def sync(self, db: Database, **kw):  # noqa: ANN003, ANN201
        return sync_once(db, open_server(self.server.url if "url" not in kw else kw.pop("url"), db), **kw)

    def lab(self, name: str, role: str = "teacher", classes=("*",), url: str | None = None) -> Database:  # noqa: ANN001
        db = self.db(name)
        self.opened.append(db)
        with pytest.raises(TargetRefused):
            self.sync(db, url=url or self.server.url)  # asks to join
        approve(self.target, self.sid, device(self.tmp / name).id, role, list(classes))
        return db

    def close(self) -> None:
        self.server.stop()
        for db in self.opened:
            db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def school(request, tmp_path, monkeypatch):
    if request.param == "sqlite":
        target = str(tmp_path / "server")
    else:
        _n[0] += 1
        target = request.getfixturevalue("pg").createdb(f"snap{_n[0]}")
    s = School(tmp_path, target, monkeypatch)
    yield s
    s.close()


@pytest.fixture
def sqlite_school(tmp_path, monkeypatch):
    s = School(tmp_path, str(tmp_path / "server"), monkeypatch)
    yield s
    s.close()


@pytest.fixture
def used(monkeypatch):
    """How many snapshots were taken to the end (the path is really the snapshot's)."""
    got = []
    real = http_snapshot._Snapshot._finish

    def spy(self) -> None:  # noqa: ANN001
        got.append(dict(self.state))
        real(self)

    monkeypatch.setattr(http_snapshot._Snapshot, "_finish", spy)
    return got


def _log(db: Database) -> list[tuple]:
    with db.read() as s:
        return (
            raw_connection(s)
            .execute(
                "SELECT replica_id, seq, hlc, table_name, row_id, op, fields, partition FROM change ORDER BY 1, 2"
            )
            .fetchall()
        )


def _count(db: Database, sql: str, *args) -> int:  # noqa: ANN002
    with db.read() as s:
        return raw_connection(s).execute(sql, args).fetchone()[0]


def _state(db: Database) -> dict:
    [path] = Path(db.path).parent.glob("server-*.json")
    return json.loads(path.read_text())


def test_the_snapshot_equals_a_full_replay_and_the_next_sync_goes_on_from_it(school, used, monkeypatch):
    w = school
    with w.laptop.write() as s:  # mutable rows edited several times: their history comes too
        for i, pid in enumerate(w.sd.profiles.values()):
            for k in range(3):
                s.get(Profile, pid).about_me = f"edit {k} of {i}"
                s.flush()
    w.sync(w.laptop)
    snap = w.lab("snap")
    progress: list[tuple[str, int, int]] = []
    r = w.sync(snap, progress=lambda *a: progress.append(a))
    assert r.complete and r.refused == 0 and len(used) == 1
    assert any(p[0] == "receive" and p[1] > 0 for p in progress)
    monkeypatch.setattr(http_snapshot, "ENABLED", False)
    replay = w.lab("replay")
    w.sync(replay)
    assert dump(snap) == dump(replay) == dump(w.laptop)  # rows and field clocks
    assert _log(snap) == _log(replay)  # the change log, so both forward the same
    assert vectors(snap) == vectors(replay)
    assert "snapshot" not in _state(snap) and _state(snap)["cursor"] == used[0]["upto"]

    # Later changes arrive once, by the ordinary incremental pull after the snapshot's cursor.
    before = _count(snap, "SELECT count(*) FROM change")
    w.add(40, seed_=2)
    with w.laptop.write() as s:
        s.get(Profile, next(iter(w.sd.profiles.values()))).about_me = "after the snapshot"
    w.sync(w.laptop)
    monkeypatch.setattr(http_snapshot, "ENABLED", True)
    again = w.sync(snap)
    assert again.complete and again.received == 41 and len(used) == 1  # no second snapshot
    assert _count(snap, "SELECT count(*) FROM change") == before + 41
    assert dump(snap) == dump(w.laptop)
    assert w.sync(snap).received == 0


def _tamper(target: str, school_id: str) -> int:
    """Change one answer inside the second stored segment, fixing its checksum (as a server
    could); its author's seal cannot be made again. Returns that segment's cursor."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url(target))
    with engine.begin() as conn:
        cur, data = conn.execute(
            text("SELECT cursor, data FROM segment WHERE school_id = :s ORDER BY cursor LIMIT 1 OFFSET 1"),
            {"s": school_id},
        ).one()
        raw = gzip.decompress(bytes(data))
        end = raw.rfind(b"\n", 0, len(raw) - 1)
        body, footer = raw[: end + 1], json.loads(raw[end + 1 :])
        lines = body.split(b"\n")
        lines[5] = lines[5].replace(b'"correct": true', b'"correct": false')
        assert lines[5] != body.split(b"\n")[5]
        body = b"\n".join(lines)
        footer["sha256"] = hashlib.sha256(body).hexdigest()
        new = gzip.compress(body + json.dumps(footer).encode() + b"\n")
        conn.execute(text("UPDATE segment SET data = :d, size = :n WHERE school_id = :s AND cursor = :c"),
                     {"d": new, "n": len(new), "s": school_id, "c": cur})  # fmt: skip
    engine.dispose()
    return int(cur)


def test_a_segment_altered_at_the_server_is_refused_and_reported(sqlite_school, used):
    w = sqlite_school
    cur = _tamper(w.target, w.sid)
    lab = w.lab("lab")
    r = w.sync(lab)
    assert r.refused > 0
    assert any("altered" in s.reason for s in r.skipped)
    # Kept aside, not applied; everything else is here.
    assert _count(lab, "SELECT count(*) FROM attempt WHERE correct = 0") == 0
    total = _count(w.laptop, "SELECT count(*) FROM attempt")
    assert _count(lab, "SELECT count(*) FROM attempt") == total - r.refused
    assert _count(lab, "SELECT count(*) FROM quarantined_change") >= r.refused
    # The incremental cursor stays before it: the ordinary listing offers it again (refused again).
    assert len(used) == 1 and _state(lab)["cursor"] == cur - 1
    assert w.sync(lab).received == 0


def test_a_lab_machine_of_class_a_never_receives_class_b_through_the_snapshot(sqlite_school, used):
    w = sqlite_school
    lab = w.lab("lab", "lab", [w.sd.klass])
    r = w.sync(lab)
    assert r.complete and len(used) == 1
    mine = _count(w.laptop, "SELECT count(*) FROM attempt WHERE partition LIKE ?", f"%/{w.sd.klass}/%")
    assert mine > 0 and _count(lab, "SELECT count(*) FROM attempt") == mine
    for sql in (
        "SELECT count(*) FROM attempt WHERE partition LIKE ?",
        "SELECT count(*) FROM change WHERE partition LIKE ?",
    ):
        assert _count(lab, sql, f"%{w.class_b}%") == 0
    assert _count(lab, "SELECT count(*) FROM change WHERE fields LIKE '%B-secret%'") == 0
    # Nor in the bytes on the wire: the stream holds no class B id and no class B answer.
    t = open_server(w.server.url, lab)(lab.replica_id)
    resp = _stream(t)
    wire = b""
    while (line := resp.readline()) and not json.loads(line).get("end"):
        wire += gzip.decompress(resp.read(json.loads(line)["size"]))
    t.close()
    assert w.sd.klass.encode() in wire and w.class_b.encode() not in wire and b"B-secret" not in wire


def _stream(t, after: int = 0):  # noqa: ANN001, ANN202
    conn = t._conn()
    conn.request(
        "GET", t._s(f"/snapshot/segments?after={after}"), headers={"Authorization": f"Bearer {t._bearer()}"}
    )
    resp = conn.getresponse()
    assert resp.status == 200
    return resp


class Proxy:
    """Forwards 127.0.0.1 traffic to the server, noting each snapshot request's ``after``, and
    cuts the first snapshot answer after ``cut_at`` bytes."""

    def __init__(self, port: int, cut_at: int | None) -> None:
        self.target, self.cut_at = port, cut_at
        self.afters: list[int] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(20)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._pair, args=(c,), daemon=True).start()

    def _pair(self, c: socket.socket) -> None:
        s = socket.create_connection(("127.0.0.1", self.target))
        cutting = threading.Event()

        def up() -> None:
            try:
                while data := c.recv(65536):
                    if b"/snapshot/segments?after=" in data:
                        after = int(data.split(b"after=")[1].split(b"&")[0].split(b" ")[0])
                        self.afters.append(after)
                        if self.cut_at is not None:
                            cutting.set()
                    s.sendall(data)
            except OSError:
                pass

        threading.Thread(target=up, daemon=True).start()
        sent = 0
        try:
            while data := s.recv(65536):
                if cutting.is_set() and self.cut_at is not None:
                    if sent + len(data) >= self.cut_at:
                        c.sendall(data[: self.cut_at - sent])
                        self.cut_at = None  # once
                        break
                    sent += len(data)
                c.sendall(data)
        except OSError:
            pass
        for sock in (c, s):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()


def _sizes(target: str, school_id: str) -> list[tuple[int, int]]:
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url(target))
    with engine.connect() as conn:
        out = [(r[0], r[1]) for r in conn.execute(text(
            "SELECT cursor, size FROM segment WHERE school_id = :s ORDER BY cursor"), {"s": school_id})]  # fmt: skip
    engine.dispose()
    return out


def test_a_connection_cut_mid_snapshot_resumes_from_the_last_applied_segment(school, used):
    w = school
    segs = _sizes(w.target, w.sid)
    assert len(segs) >= 3 and segs[2][1] > 10_000
    proxy = Proxy(w.server.port, cut_at=None)
    lab = w.lab("lab", url=proxy.url)
    # Cut inside the third segment: the first two are applied, and the next request goes on after them.
    proxy.cut_at = segs[0][1] + segs[1][1] + 2000
    r = w.sync(lab, url=proxy.url)
    assert r.complete and len(used) == 1
    assert proxy.afters == [0, segs[1][0]]
    assert dump(lab) == dump(w.laptop)


def test_cancel_mid_snapshot_resumes_at_the_next_sync(sqlite_school, used, monkeypatch):
    w = sqlite_school
    monkeypatch.setattr(http_snapshot, "APPLY_CHANGES", 1)  # a commit after every segment
    proxy = Proxy(w.server.port, cut_at=None)
    lab = w.lab("lab", url=proxy.url)
    seen: list[int] = []

    def stop() -> bool:
        return len(seen) >= 2

    r = w.sync(lab, url=proxy.url, should_stop=stop, progress=lambda phase, done, total: seen.append(done))
    assert not r.complete and used == []
    kept = _state(lab)["snapshot"]["after"]
    assert kept >= 1
    assert _count(lab, "SELECT count(*) FROM attempt") < _count(w.laptop, "SELECT count(*) FROM attempt")
    proxy.afters.clear()
    r = w.sync(lab, url=proxy.url)
    assert r.complete and len(used) == 1 and proxy.afters[0] == kept
    assert dump(lab) == dump(w.laptop)


class Forger(Proxy):
    """A server (or a machine in the middle) that answers the snapshot request with its own bytes."""

    def __init__(self, port: int, body: bytes) -> None:
        super().__init__(port, cut_at=None)
        self.body = body

    def _pair(self, c: socket.socket) -> None:
        s = socket.create_connection(("127.0.0.1", self.target))

        def down() -> None:
            try:
                while data := s.recv(65536):
                    c.sendall(data)
            except OSError:
                pass

        threading.Thread(target=down, daemon=True).start()
        try:
            while data := c.recv(65536):
                if b"/snapshot/segments?" in data:
                    c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/x-tessera-segments\r\n"
                              b"X-Tessera-Epoch: forged\r\nX-Tessera-Upto: 99\r\n"
                              b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(self.body) + self.body)  # fmt: skip
                    break
                s.sendall(data)
        except OSError:
            pass
        for sock in (c, s):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()


def _forged_segment(w: School) -> bytes:
    """A well-formed segment of one attempt in class A, checksummed, sealed by a key the school
    never enrolled."""
    import time as _time

    from app.identity import ed25519
    from app.identity.docs import derived_replica_id
    from app.store.capture import SCHEMA_VERSION
    from app.sync.batchfile import encode_batch
    from app.sync.changes import ChangeRec
    from app.trust.segment import make_seal

    key = ed25519.new_private()
    origin = derived_replica_id(ed25519.public_of(key))
    st = w.sd.students[0]
    rid = "forged-attempt-1"
    fields = {"id": rid, "student_id": st, "item_id": w.sd.items[0], "skill_id": w.sd.skill, "answer": "forged",
              "correct": True, "response_ms": 1, "at": 1.7e9, "partition": f"{w.sd.school}/{w.sd.klass}/{st}",
              "device": "d", "session_id": "s", "created_at": 1.7e9, "updated_at": 1.7e9, "deleted": False}  # fmt: skip
    c = ChangeRec(origin, 1, f"{int(_time.time() * 1000):013d}-00000-{origin}", "attempt", rid, "upsert",
                  fields["partition"], SCHEMA_VERSION, json.dumps(fields))  # fmt: skip

    def sealer(o: str, first: int, last: int, sha: str) -> dict:
        return make_seal(key, 7, o, first, last, SCHEMA_VERSION, sha).to_json()

    made = encode_batch(origin, origin, [c], sealer=sealer)
    assert made is not None
    data = made[0]
    meta = {"cursor": 1, "origin": origin, "first": 1, "last": 1, "size": len(data)}
    return (
        json.dumps(meta).encode()
        + b"\n"
        + data
        + json.dumps({"end": True, "cursor": 1, "more": False}).encode()
        + b"\n"
    )


def test_a_segment_the_server_made_up_is_refused_and_reported(sqlite_school):
    w = sqlite_school
    forger = Forger(w.server.port, _forged_segment(w))
    lab = w.lab("lab", url=forger.url)
    r = w.sync(lab, url=forger.url)
    assert r.refused == 1 and any("does not know" in s.reason for s in r.skipped)
    assert _count(lab, "SELECT count(*) FROM attempt WHERE id = 'forged-attempt-1'") == 0
    assert _count(lab, "SELECT count(*) FROM quarantined_change") == 1


def test_a_snapshot_frame_larger_than_any_segment_is_refused_unread(sqlite_school):
    from app.sync.transport import TargetUnavailable

    w = sqlite_school
    forger = Forger(
        w.server.port, b'{"cursor": 1, "origin": "x", "first": 1, "last": 1, "size": 99999999999}\n'
    )
    lab = w.lab("lab", url=forger.url)
    with pytest.raises(TargetUnavailable, match="cannot read"):
        w.sync(lab, url=forger.url)
    assert _count(lab, "SELECT count(*) FROM change") == _count(
        lab, "SELECT count(*) FROM change WHERE replica_id = ?", lab.replica_id
    )
