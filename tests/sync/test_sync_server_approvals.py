"""Approving devices from a desktop through a real school server (``tessera-server`` on 127.0.0.1,
SQLite): a teacher's desktop lists the asks waiting and approves a lab machine with a certificate it
signs itself; the server checks the chain (the teacher's own certificate) and the lab then syncs.
Students, lab machines, other teachers' classes and forged certificates are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from synchelp import add_attempts, seed

from app.errors import PermissionDenied
from app.identity import ed25519
from app.identity.docs import Cert, opened, seal
from app.identity.keys import device
from app.people.actor import Actor
from app.sync.http_approvals import ServerApprovals, open_approvals
from app.sync.http_transport import open_server
from app.sync.session import sync_once
from app.sync.transport import TargetError, TargetRefused
from app.trust.server_asks import ServerAskService
from tests.server.conftest import pg  # noqa: F401  (the PostgreSQL cluster fixture)


def _dir(db) -> Path:
    return Path(db.path).parent


@pytest.fixture
def school(request, tmp_path, monkeypatch):
    """A school made on the server (its key stays there), the server running, and the desktops'
    policy pinning the school key (the installer's SCHOOLKEY). Over SQLite; the main path runs
    over PostgreSQL too (the rules are the same code)."""
    from tests.server.kit import ServerProc, make_school

    if getattr(request, "param", "sqlite") == "postgresql":
        _PG[0] += 1
        target = request.getfixturevalue("pg").createdb(f"approvals{_PG[0]}")
    else:
        target = str(tmp_path / "server")
    sid = make_school(target, ["unused"])
    srv = ServerProc(target).start()
    monkeypatch.setattr("app.trust.run.policy_anchor", lambda: sid)
    yield srv, sid
    srv.stop()


_PG = [0]


def _join(db, srv) -> None:
    with pytest.raises(TargetRefused, match="asked to join"):
        sync_once(db, open_server(srv.url, db))


@pytest.fixture
def world(school, make_db):
    """A teacher's desktop enrolled by the server's admin (``tessera-server devices approve``) for
    the class it holds, and a lab machine that has asked to join."""
    from tests.server.kit import approve

    srv, sid = school
    teacher = make_db("teacher")
    sd = _class_5b(teacher)
    add_attempts(teacher, sd, 12)
    _join(teacher, srv)
    approve(srv.db, sid, device(_dir(teacher)).id, "teacher")  # the classes it asked for: 5B
    assert sync_once(teacher, open_server(srv.url, teacher)).sent > 0
    lab = make_db("lab")
    _join(lab, srv)
    return srv, sid, teacher, sd, lab


def _class_5b(db):  # noqa: ANN001, ANN202
    """The seeded school with Tess teaching 5B and the students in it."""
    from app.models.people import Enrollment

    sd = seed(db)
    with db.write() as s:
        s.add(Enrollment(class_id=sd.klass, person_id=sd.teacher, role="teacher"))
        s.add_all(Enrollment(class_id=sd.klass, person_id=p) for p in sd.students)
    return sd


def _service(db, srv) -> ServerAskService:
    return ServerAskService(db, {"server_url": srv.url})


def _attempts(db) -> int:
    from app.store.raw import raw_connection

    with db.read() as s:
        return raw_connection(s).execute("SELECT count(*) FROM attempt").fetchone()[0]


@pytest.mark.parametrize("school", ["sqlite", "postgresql"], indirect=True)
def test_a_teacher_approves_a_lab_machine_from_the_desktop_and_it_syncs(world):
    srv, sid, teacher, sd, lab = world
    tess = Actor(sd.teacher, "teacher", sd.school, "Tess")
    svc = _service(teacher, srv)
    view = svc.pending(tess)
    lab_id = device(_dir(lab)).id
    assert view.error == "" and [a.device for a in view.asks] == [lab_id]
    cert = svc.approve(tess, lab_id, role="lab")
    # The lab gets the approving teacher's class (its request named none), signed by the school.
    assert cert.role == "lab" and list(cert.classes) == [sd.klass]
    assert svc.pending(tess).asks == []
    t = open_server(srv.url, lab)(lab.replica_id)
    doc = json.loads(t.get_doc(f"certs/{lab_id}.json") or b"{}")
    assert opened(doc, "cert", t.hello()["school"]["body"]["key"]) is not None
    r = sync_once(lab, open_server(srv.url, lab))
    assert r.complete and r.received > 0
    assert _attempts(lab) == _attempts(teacher) == 12


def test_a_student_or_a_lab_machine_cannot_approve(world, make_db):
    from tests.server.kit import approve

    srv, sid, teacher, sd, lab = world
    student = Actor(sd.students[0], "student", sd.school)
    with pytest.raises(PermissionDenied):
        _service(teacher, srv).pending(student)
    with pytest.raises(PermissionDenied):
        _service(teacher, srv).approve(student, device(_dir(lab)).id)
    # A lab machine enrolled for 5B, with a teacher signed in on it: the server refuses, in words.
    approve(srv.db, sid, device(_dir(lab)).id, "lab", [sd.klass])
    sync_once(lab, open_server(srv.url, lab))
    other = make_db("other-lab")
    _join(other, srv)
    on_lab = _service(lab, srv)
    tess = Actor(sd.teacher, "teacher", sd.school, "Tess")
    view = on_lab.pending(tess)
    assert view.asks == [] and "teacher's or an admin's computer" in view.error
    client = open_approvals(srv.url, lab)
    from app.sync.http_approvals import ServerAsk

    ask = ServerAsk(device(_dir(other)).id, device(_dir(other)).public, "x", "lab")
    with pytest.raises(TargetRefused, match="teacher's or an admin's computer"):
        client.approve(ask, "lab", [sd.klass], 99)
    assert [a.device for a in _service(teacher, srv).pending(tess).asks] == [device(_dir(other)).id]


def test_a_teacher_cannot_approve_for_a_class_not_theirs(world):
    srv, sid, teacher, sd, lab = world
    tess = Actor(sd.teacher, "teacher", sd.school, "Tess")
    lab_id = device(_dir(lab)).id
    with pytest.raises(PermissionDenied, match="classes you teach"):
        _service(teacher, srv).approve(tess, lab_id, role="lab", classes=["another-class"])
    # The same certificate signed on a changed desktop (past the service's check): the server,
    # which knows the teacher's certificate, refuses it too; and every class is not the teacher's.
    client = open_approvals(srv.url, teacher)
    ask = client.pending().asks[0]
    for classes in (["another-class"], [sd.klass, "another-class"], ["*"]):
        with pytest.raises(TargetRefused, match="only for classes that are all theirs"):
            client.approve(ask, "lab", classes, client.pending().next_serial)
    with pytest.raises(TargetRefused, match="admin is given with the school key"):
        client.approve(ask, "admin", [sd.klass], client.pending().next_serial)
    assert [a.device for a in client.pending().asks] == [lab_id]


def test_forged_approvals_are_refused(world):
    srv, sid, teacher, sd, lab = world
    client = open_approvals(srv.url, teacher)
    ask = client.pending().asks[0]
    serial = client.pending().next_serial
    # Signed by a key that is neither the school's nor the calling teacher's.
    stranger = ServerApprovals(client.t, ed25519.new_private())
    with pytest.raises(TargetRefused, match="neither by the school key nor by this device"):
        stranger.approve(ask, "lab", [sd.klass], serial)
    # Signed by the teacher, then changed (another class put in after signing).
    cert = Cert(ask.device, ask.key, ask.name, sid, (sd.klass,), "lab", serial, 4e9)
    doc = seal(cert.body(), client.signer)
    doc["body"]["classes"] = ["*"]
    with pytest.raises(TargetRefused, match="signature does not hold"):
        client.t._json("POST", client.t._s("/approvals"), {"doc": doc})
    # A certificate for another key than the lab asked with (someone else's key slipped in).
    other = ed25519.public_of(ed25519.new_private())
    doc = seal(Cert(ask.device, other, ask.name, sid, (sd.klass,), "lab", serial, 4e9).body(), client.signer)
    with pytest.raises(TargetRefused, match="another key than the device asked with"):
        client.t._json("POST", client.t._s("/approvals"), {"doc": doc})
    # A serial already used (a replayed approval of an earlier device).
    doc = seal(Cert(ask.device, ask.key, ask.name, sid, (sd.klass,), "lab", 1, 4e9).body(), client.signer)
    with pytest.raises(TargetError, match="serial number is already used"):
        client.t._json("POST", client.t._s("/approvals"), {"doc": doc})
    # Nothing of it enrolled the lab.
    assert [a.device for a in client.pending().asks] == [device(_dir(lab)).id]
    with pytest.raises(TargetRefused, match="asked to join"):
        sync_once(lab, open_server(srv.url, lab))


def test_a_teacher_refuses_and_revokes_from_the_desktop(world, make_db):
    srv, sid, teacher, sd, lab = world
    tess = Actor(sd.teacher, "teacher", sd.school, "Tess")
    svc = _service(teacher, srv)
    lab_id = device(_dir(lab)).id
    svc.refuse(tess, lab_id)
    assert svc.pending(tess).asks == []
    with pytest.raises(TargetRefused):
        sync_once(lab, open_server(srv.url, lab))
    second = make_db("second-lab")
    _join(second, srv)
    sid2 = device(_dir(second)).id
    svc.approve(tess, sid2, role="lab")
    assert sync_once(second, open_server(srv.url, second)).complete
    svc.revoke(tess, sid2)
    t = open_server(srv.url, second)(second.replica_id)
    status = json.loads(t.request("GET", t._s(f"/enrol/{sid2}"), auth=False)[1])["status"]
    assert status == "revoked"
    t.session.token = None  # a new sign-in: refused
    with pytest.raises(TargetRefused, match="not enrolled"):
        t._bearer()
    # A teacher's computer cannot revoke itself.
    with pytest.raises(TargetRefused, match="cannot revoke itself"):
        svc.revoke(tess, device(_dir(teacher)).id)


def test_the_school_key_holder_signs_the_certificate_the_server_keeps(make_db, tmp_path, monkeypatch):
    """The computer where the school was set up signs with the school key: the server keeps that
    certificate byte for byte (it mints nothing)."""
    from app.trust import school as trust_school
    from tests.server.kit import ServerProc
    from tests.sync.test_sync_over_server import _import

    laptop = make_db("laptop")
    sd = seed(laptop)
    trust_school.create_school(_dir(laptop), "Hill School", [sd.school], [laptop.replica_id])
    srv = ServerProc(str(tmp_path / "server2"))
    sid = _import(srv.db, _dir(laptop))
    srv.start()
    try:
        monkeypatch.setattr("app.trust.run.policy_anchor", lambda: sid)
        sync_once(laptop, open_server(srv.url, laptop))
        lab = make_db("lab")
        _join(lab, srv)
        admin = Actor(sd.teacher, "admin", sd.school, "Ada")
        svc = _service(laptop, srv)
        sent = {}
        real = ServerApprovals.approve

        def spy(self, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
            sent["signer"] = ed25519.public_of(self.signer)
            return real(self, *a, **kw)

        monkeypatch.setattr(ServerApprovals, "approve", spy)
        cert = svc.approve(admin, device(_dir(lab)).id, role="lab", classes=[sd.klass])
        t = open_server(srv.url, lab)(lab.replica_id)
        school_key = t.hello()["school"]["body"]["key"]
        assert sent["signer"] == school_key
        doc = json.loads(t.get_doc(f"certs/{cert.device}.json") or b"{}")
        assert doc["key"] == school_key and doc["body"] == cert.body()
        assert sync_once(lab, open_server(srv.url, lab)).complete
    finally:
        srv.stop()


def test_a_teacher_revokes_only_lab_machines_of_their_classes_and_old_answers_are_refused(world, make_db):
    import time

    from tests.server.kit import approve

    srv, sid, teacher, sd, lab = world
    tess = Actor(sd.teacher, "teacher", sd.school, "Tess")
    svc = _service(teacher, srv)
    colleague = make_db("colleague")
    _join(colleague, srv)
    approve(srv.db, sid, device(_dir(colleague)).id, "teacher", [sd.klass])
    approve(srv.db, sid, device(_dir(lab)).id, "lab", ["another-class"])
    for other in (colleague, lab):
        with pytest.raises(TargetRefused, match="only lab machines of their own classes"):
            svc.revoke(tess, device(_dir(other)).id)
        assert sync_once(other, open_server(srv.url, other)).complete  # still enrolled
    # A refusal signed two days ago (a replayed answer) is not taken.
    third = make_db("third")
    _join(third, srv)
    client = open_approvals(srv.url, teacher)
    ask = client.pending().asks[0]
    body = {"kind": "refusal", "school": sid, "device": ask.device, "device_key": ask.key,
            "at": time.time() - 2 * 86400}  # fmt: skip
    with pytest.raises(TargetRefused, match="too old"):
        client.t._json("POST", client.t._s("/approvals/refuse"), {"doc": seal(body, client.signer)})
    assert [a.device for a in client.pending().asks] == [device(_dir(third)).id]
