"""What the server tests and ``benchmarks/server.py`` share: a real server process on 127.0.0.1
(``ServerProc``), a school made in its database, and ``SimDevice``: a device with its own key and
replica id that makes signed segments the way the desktop does (``encode_batch`` + seal) and pushes
and pulls them through the real ``HttpTransport``, checking what it receives with the desktop's gate."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from app.identity import ed25519
from app.identity.docs import Cert, derived_replica_id, opened, request_body, seal
from app.store.capture import SCHEMA_VERSION
from app.sync.batchfile import BatchFiles, decode_batch, encode_batch
from app.sync.changes import ChangeRec
from app.sync.http_transport import HttpTransport
from app.sync.transport import SeenDoc
from app.trust.gate import Gate
from app.trust.segment import make_seal
from app.trust.state import Revocations, School, TrustState
from tessera_server import devices, schools
from tessera_server.db import make_engine, upgrade
from tests.server.pgcluster import free_port, wait_port

ROOT = Path(__file__).resolve().parents[2]


class ServerProc:
    """``python -m tessera_server ... serve`` in a child process."""

    def __init__(self, url: str, workers: int = 1, max_busy: int = 64, port: int | None = None) -> None:
        self.db = url
        self.port = port or free_port()
        self.workers, self.max_busy = workers, max_busy
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProc:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        args = ["--database", self.db] if "://" in self.db else ["--data-dir", self.db]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tessera_server", *args, "serve", "--port", str(self.port), "--workers",
             str(self.workers), "--max-busy", str(self.max_busy)], env=env, cwd=str(ROOT),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        try:
            wait_port(self.port, 30)
        except TimeoutError:
            self.proc.kill()
            raise RuntimeError(
                self.proc.stderr.read().decode() if self.proc.stderr else "server did not start"
            )
        return self

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(2)  # clients' keep-alive connections would hold a graceful stop
            except subprocess.TimeoutExpired:
                self.kill()


def db_url(target: str) -> str:
    from tessera_server.db import url_for

    return url_for(None if "://" in target else target, target if "://" in target else None)


def make_school(target: str, school_ids: list[str], name: str = "Test School") -> str:
    engine = make_engine(db_url(target))
    upgrade(engine)
    with engine.begin() as conn:
        row = schools.create_school(conn, name, school_ids)
    engine.dispose()
    return row.school_id


def approve(target: str, school_id: str, device_id: str, role: str | None = None, classes=None) -> None:  # noqa: ANN001
    engine = make_engine(db_url(target))
    with engine.begin() as conn:
        devices.approve(conn, school_id, device_id, role, classes)
    engine.dispose()


def revoke(target: str, school_id: str, device_id: str) -> None:
    engine = make_engine(db_url(target))
    with engine.begin() as conn:
        devices.revoke(conn, school_id, device_id)
    engine.dispose()


class SimDevice:
    """One device: enrols, makes changes, pushes signed segments, pulls and checks what it gets."""

    def __init__(self, server_url: str, school_id: str, name: str = "dev", role: str = "teacher",
                 classes: tuple[str, ...] = ("*",), state: Path | None = None) -> None:  # fmt: skip
        self.private = ed25519.new_private()
        self.public = ed25519.public_of(self.private)
        self.device_id = str(uuid.uuid4())
        self.me = derived_replica_id(self.public)
        self.name, self.role, self.classes = name, role, classes
        self.school_id = school_id
        self.t = HttpTransport(server_url, school_id, self.me, self.device_id, self.private, state)
        self.seq = 0
        self.wall = int(time.time() * 1000)
        self.log: list[ChangeRec] = []  # our own changes
        self.sent = 0
        self.held: dict[tuple[str, int], ChangeRec] = {}  # every change we hold (ours and received)
        self.vector: dict[str, int] = {}
        self.refused: list[tuple[ChangeRec, str]] = []
        self.cert: Cert | None = None
        self.skew_ms = 0
        self.segments: dict[tuple[str, int], bytes] = {}  # others' segments as received (to forward)
        self._trust_state: tuple[dict, TrustState] | None = None

    # enrolment
    def ask(self) -> None:
        body = request_body(self.device_id, self.public, self.name, self.role, list(self.classes), [], [])
        self.t.put_doc(f"requests/{self.device_id}.json", json.dumps(seal(body, self.private)).encode())

    # changes
    def stamp(self) -> str:
        self.wall = max(self.wall + 1, int(time.time() * 1000) + self.skew_ms)
        return f"{self.wall:013d}-00000-{self.me}"

    def change(self, table: str, row_id: str, fields: dict, partition: str, op: str = "upsert") -> ChangeRec:
        self.seq += 1
        c = ChangeRec(self.me, self.seq, self.stamp(), table, row_id, op, partition, SCHEMA_VERSION,
                      json.dumps(fields, separators=(",", ":")))  # fmt: skip
        self.log.append(c)
        self.held[c.key] = c
        self.vector[self.me] = self.seq
        return c

    def batches(self, size: int = 5000) -> list[tuple[int, int, bytes]]:
        out = []
        pending = self.log[self.sent :]
        i = 0
        while i < len(pending):
            chunk = pending[i : i + size]
            data, first, last, n = encode_batch(self.me, self.me, iter(chunk), max_changes=size,
                                                sealer=self.sealer)  # type: ignore[misc]  # fmt: skip
            out.append((first, last, data))
            i += n
        return out

    def sealer(self, origin: str, first: int, last: int, sha: str) -> dict:
        serial = self.cert.serial if self.cert else 0
        return make_seal(self.private, serial, origin, first, last, SCHEMA_VERSION, sha).to_json()

    def push(self) -> int:
        n = 0
        for first, last, data in self.batches():
            self.t.put_batch(self.me, first, last, data)
            n += last - first + 1
        self.sent = len(self.log)
        return n

    def load_cert(self) -> None:
        doc = self.t.get_doc(f"certs/{self.device_id}.json")
        assert doc is not None, "not approved yet"
        b = opened(json.loads(doc), "cert")
        self.cert = Cert.from_body(b) if b else None

    def trust(self) -> TrustState:
        t = self.t._trust()
        if self._trust_state is not None and self._trust_state[0] is t:
            return self._trust_state[1]  # the server said nothing changed: the same documents
        st = TrustState(Path("/nonexistent"))
        st.school, st.school_doc = School.from_doc(t["school"]), t["school"]
        for doc in t["certs"]:
            b = opened(doc, "cert", st.school.key)  # type: ignore[union-attr]
            c = Cert.from_body(b) if b else None
            if c is not None:
                st.certs[c.key] = c
        if t.get("revoked"):
            st.revoked = Revocations.from_body(opened(t["revoked"], "revoked", st.school.key))  # type: ignore[union-attr]
        self._trust_state = (t, st)
        return st

    def pull(self, publish: bool = True) -> int:
        """Scan, fetch, check with the gate, keep; publish our vector. Returns changes taken."""
        gate = Gate(self.trust())
        listing = self.t.scan(self.vector)
        got = 0
        for ref in listing.batches:  # in cursor order, as listed: the transport fetches ahead in it
            if self.vector.get(ref.origin, 0) >= ref.last:
                continue
            try:
                data = self.t.fetch_batch(ref)
            except FileNotFoundError:
                continue
            body, footer = decode_batch(data)
            batch = BatchFiles.parse_batch(None, ref, body, footer)  # type: ignore[arg-type]
            v = gate.check(ref, body, footer, batch.changes, verified=True)
            if v.refusal is not None:
                self.refused.extend((c, v.refusal.code) for c in batch.changes)
                continue
            self.segments[(ref.origin, ref.first)] = data
            for c in batch.changes:
                if c.key not in self.held:
                    self.held[c.key] = c
                    got += 1
            self._advance(ref.origin)
        if publish:
            self.t.publish_seen(SeenDoc(dict(self.vector), SCHEMA_VERSION))
        return got

    def _advance(self, origin: str) -> None:
        n = self.vector.get(origin, 0)
        while (origin, n + 1) in self.held:
            n += 1
        self.vector[origin] = n

    def sync(self) -> None:
        """Push what the server lacks (ours from where its vector stops, and others' segments we
        hold, as they came: after a restore from backup it may have lost them), then pull."""
        theirs = self.t.server_vector()
        mine = theirs.get(self.me, 0)
        if mine < self.sent:
            self.sent = mine  # the server lost some of ours: send them again
        self.push()
        for (origin, first), data in sorted(self.segments.items()):
            if origin != self.me and theirs.get(origin, 0) < first:
                last = self._last_of(data)
                self.t.put_batch(origin, first, last, data)
        self.pull()

    @staticmethod
    def _last_of(data: bytes) -> int:
        _, footer = decode_batch(data)
        return int(footer["last"])

    def rows(self) -> dict[tuple[str, str], dict]:
        """The current rows by the shared merge rules, from what we hold (any order)."""
        return materialize_plain(c for c in self.held.values() if c.table)

    def log_keys(self) -> set[tuple[str, int]]:
        return {c.key for c in self.log}

    def real(self) -> dict[tuple[str, int], str]:
        """What we hold, less the stand-ins of redacted changes: (origin, seq) -> line."""
        return {k: c.encode() for k, c in self.held.items() if c.table}


def materialize_plain(changes) -> dict[tuple[str, str], dict]:  # noqa: ANN001
    """Rows from changes by ``app.sync.merge.rules`` in memory: what the server's rows must equal."""
    from app.sync.merge import rules
    from app.sync.tables import table_info

    rows: dict[tuple[str, str], dict] = {}
    clocks: dict[tuple[str, str], dict] = {}
    purged: set[tuple[str, str]] = set()
    for c in sorted(changes, key=lambda c: c.hlc):
        info = table_info(c.table)
        key = (c.table, c.row_id)
        if info is None or key in purged:
            continue
        if c.op == "purge":
            purged.add(key)
            rows.pop(key, None)
            continue
        if info.kind == "event":
            got = rules.merge_event(rows.get(key), c.fields)
            if got is not None:
                rows[key] = got
        else:
            row = rows.setdefault(key, {})
            rules.merge_record(row, clocks.setdefault(key, {}), c.fields, c.hlc, frozenset(info.columns))
    return rows


def server_rows(dev: SimDevice) -> dict[tuple[str, str], dict]:
    snap = dev.t._json("GET", dev.t._s("/snapshot"))
    return {(r["table"], r["id"]): r["fields"] for r in snap["rows"] if r["fields"]}
