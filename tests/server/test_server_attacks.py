"""Hostile requests against a real server: each is tried and shown refused."""

from __future__ import annotations

import http.client
import json
import time
import uuid

import pytest

from app.identity import ed25519
from app.identity.docs import canonical
from app.sync.http_transport import HttpTransport
from app.sync.transport import TargetError, TargetRefused
from tests.server.conftest import SCHOOL_ROW
from tests.server.kit import make_school, revoke


def _raw(world, method: str, path: str, body=None, token: str | None = None) -> tuple[int, dict]:  # noqa: ANN001
    conn = http.client.HTTPConnection("127.0.0.1", world.server.port, timeout=10)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    conn.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
    r = conn.getresponse()
    raw = r.read()
    try:
        return r.status, json.loads(raw)
    except ValueError:
        return r.status, {}


def test_unauthenticated_and_forged_tokens_are_refused(sqlite_world):
    w = sqlite_world
    s = f"/v1/schools/{w.school_id}"
    for path in ("/trust", "/vector", "/changes", "/check", "/snapshot", "/segments/1"):
        assert _raw(w, "GET", s + path)[0] == 401
    assert _raw(w, "GET", s + "/changes", token="eyJ4IjoxfQ.deadbeef")[0] == 401
    assert _raw(w, "POST", s + "/batches", token="nope")[0] == 401


def test_expired_token_is_refused(sqlite_world, monkeypatch):
    from tessera_server import auth

    w = sqlite_world
    dev = w.device("teacher")
    token = dev.t._bearer()
    # Rebuild the same token with its expiry in the past, signed with the server's real secret.
    from sqlalchemy import create_engine

    from tests.server.kit import db_url

    with create_engine(db_url(w.target)).begin() as conn:
        key = auth.secret(conn)
    raw = token.split(".")[0]
    import base64

    body = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    body["x"] = time.time() - 5
    expired = auth._sign(key, body)
    status, doc = _raw(w, "GET", f"/v1/schools/{w.school_id}/changes", token=expired)
    assert status == 401 and "expired" in doc["error"]
    assert _raw(w, "GET", f"/v1/schools/{w.school_id}/changes", token=token)[0] == 200


def test_replayed_nonce_is_refused(sqlite_world):
    w = sqlite_world
    dev = w.device("teacher")
    h = dev.t.hello()
    msg = canonical({"kind": "token-request", "school": w.school_id, "nonce": h["nonce"], "key": dev.public})
    body = {"key": dev.public, "nonce": h["nonce"], "sig": ed25519.sign(dev.private, msg)}
    assert _raw(w, "POST", f"/v1/schools/{w.school_id}/token", body)[0] == 200
    status, doc = _raw(w, "POST", f"/v1/schools/{w.school_id}/token", body)
    assert status == 401 and "nonce" in doc["error"]


def test_unenrolled_and_wrongly_signed_devices_get_no_token(sqlite_world):
    w = sqlite_world
    stranger = ed25519.new_private()
    t = HttpTransport(w.server.url, w.school_id, str(uuid.uuid4()), str(uuid.uuid4()), stranger)
    with pytest.raises(TargetRefused):
        t.prepare()
    dev = w.device("teacher")
    h = dev.t.hello()
    msg = canonical({"kind": "token-request", "school": w.school_id, "nonce": h["nonce"], "key": dev.public})
    forged = {"key": dev.public, "nonce": h["nonce"], "sig": ed25519.sign(stranger, msg)}
    assert _raw(w, "POST", f"/v1/schools/{w.school_id}/token", forged)[0] == 401


def test_revoked_device_is_refused_at_its_next_request(sqlite_world):
    w = sqlite_world
    dev = w.device("lab", "lab", ["class-1"])
    dev.t.scan()
    revoke(w.target, w.school_id, dev.device_id)
    time.sleep(1.1)  # the server caches a device's status for a second
    with pytest.raises(TargetRefused):
        dev.t.scan()
    dev.t.session.token = None
    with pytest.raises(TargetRefused):
        dev.t.prepare()


def test_lab_machine_cannot_pull_another_class(sqlite_world):
    w = sqlite_world
    teacher = w.device("teacher")
    rid = str(uuid.uuid4())
    teacher.change("attempt", rid, {"id": rid, "student_id": "s9", "secret": "class 2's answer"},
                   f"{SCHOOL_ROW}/class-2/s9")  # fmt: skip
    teacher.push()
    lab = w.device("lab", "lab", ["class-1"])
    listing = lab.t.scan()
    data = lab.t.fetch_batch(listing.batches[0])
    import gzip

    assert b"class 2's answer" not in gzip.decompress(data) and b"class-2" not in gzip.decompress(data)
    assert lab.t.check() == {}  # no partition of class 2 is even named
    assert lab.t.partition_refs(f"{SCHOOL_ROW}/class-2") == []
    snap = lab.t._json("GET", lab.t._s("/snapshot"))
    assert snap["rows"] == []


def test_another_schools_token_and_key_are_refused(sqlite_world):
    w = sqlite_world
    other = make_school(w.target, ["other-row"], "Other School")
    dev = w.device("teacher")
    token = dev.t._bearer()
    status, doc = _raw(w, "GET", f"/v1/schools/{other}/changes", token=token)
    assert status == 403
    # A client pinned to school A talking to a server path of school B: B cannot prove A's key.
    t = HttpTransport(w.server.url, other, dev.me, dev.device_id, dev.private)
    with pytest.raises(TargetRefused):
        t.prepare()


def test_a_server_that_cannot_prove_the_school_key_is_refused(sqlite_world):
    """An impostor holding everything public (the school document, a proof it once saw, even a
    valid TLS certificate) but not the school key: the client's fresh challenge unmasks it."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    w = sqlite_world
    dev = w.device("teacher")
    seen = dev.t.hello()

    class Impostor(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            out = json.dumps(seen).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *a) -> None:  # noqa: ANN002
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Impostor)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        t = HttpTransport(f"http://127.0.0.1:{httpd.server_address[1]}", w.school_id, dev.me, dev.device_id,
                          dev.private)  # fmt: skip
        with pytest.raises(TargetRefused, match="prove"):
            t.prepare()
        # And a real server of another school is refused by its document.
        other = make_school(w.target, ["x"], "Elsewhere")
        t2 = HttpTransport(w.server.url, w.school_id, dev.me, dev.device_id, dev.private)
        t2.school = other
        with pytest.raises(TargetRefused):
            t2.prepare()
    finally:
        httpd.shutdown()


def test_plain_http_is_refused_beyond_loopback(sqlite_world):
    with pytest.raises(TargetError):
        HttpTransport("http://192.0.2.10:8770", "x", "me", "dev", ed25519.new_private())
    from tessera_server.cli import main

    assert main(["--data-dir", sqlite_world.target, "serve", "--host", "0.0.0.0"]) == 2


def test_lab_changes_outside_its_rights_are_quarantined_and_listed(sqlite_world, capsys):
    from tessera_server.cli import main

    w = sqlite_world
    lab = w.device("lab", "lab", ["class-1"])
    rid = str(uuid.uuid4())
    lab.change("attempt", rid, {"id": rid, "student_id": "s1"}, f"{SCHOOL_ROW}/class-1/s1")
    lab.change("attempt", "x2", {"id": "x2", "student_id": "s2"}, f"{SCHOOL_ROW}/class-2/s2")  # not its class
    lab.change("account", "a1", {"id": "a1", "pin": "0000"}, f"{SCHOOL_ROW}/class-1/s1")  # not a lab table
    lab.push()
    assert lab.t.refusals and lab.t.refusals[0]["refused"] == 2
    assert main(["--data-dir", w.target, "quarantine", "list", "--school", w.school_id, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(r["code"] for r in listed) == ["lab-class", "lab-table"]
    teacher = w.device("teacher")
    assert main(["--data-dir", w.target, "devices", "list", "--school", w.school_id]) == 0
    assert "enrolled" in capsys.readouterr().out
    teacher.pull()
    assert len(teacher.real()) == 3  # the segment travels whole: every gate refuses the same two
