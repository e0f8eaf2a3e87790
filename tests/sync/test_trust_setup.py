"""Setting trust up: the school key made at the welcome screen's set-up (or not, where the policy
or the folder already names a school), a machine policy's school_key (no trust on first use), and
an enrolment request that claims another device's replica id."""

from __future__ import annotations

import json

from synchelp import seed
from trusthelp import data_dir, enrol, forge, line, part, quarantined

from app.identity.docs import seal
from app.identity.keys import device
from app.sync.session import sync_once
from app.trust.run import share_trust
from app.trust.school import create_school, set_up_with_school
from app.trust.state import REQUESTS, SCHOOL_DOC, TrustState, read_doc, write_doc


def test_welcome_set_up_makes_the_key_unless_a_school_is_named(make_db, share, tmp_path, monkeypatch):
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(tmp_path / "none.json"))
    a = make_db("a")
    seed(a)
    school = set_up_with_school(a, "Hill School", str(share))
    assert school is not None and TrustState.load(data_dir(a)).school.fingerprint == school.fingerprint
    sync_once(a, share)
    assert (share_trust(share) / SCHOOL_DOC).exists()
    b = make_db("b")  # a second teacher setting up a class: the folder already names the school
    seed(b)
    assert set_up_with_school(b, "Hill School", str(share)) is None
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"school_key": "0" * 32}))
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(policy))
    c = make_db("c")
    seed(c)
    assert set_up_with_school(c, "Other", None) is None


def test_a_preset_school_key_trusts_that_school_and_no_other(make_db, share, tmp_path, monkeypatch):
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(tmp_path / "none.json"))
    laptop = make_db("laptop")
    sd = seed(laptop)
    school = create_school(data_dir(laptop), "Hill", [sd.school], [laptop.replica_id])
    sync_once(laptop, share)
    # a lab machine whose policy names another school's key refuses everything in this folder
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"school_key": "f" * 32}))
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(policy))
    from synchelp import count

    wrong = make_db("wrong")
    r = sync_once(wrong, share)
    # (the folder is encrypted with this school's data key: it reads nothing at all)
    assert r.applied == 0 and count(wrong, "SELECT COUNT(*) FROM person") == 0
    # one whose policy names this school's key takes the class in
    policy.write_text(json.dumps({"school_key": school.fingerprint}))
    right = make_db("right")
    sync_once(right, share)
    assert count(right, "SELECT COUNT(*) FROM person") == 0  # encrypted: nothing readable before approval
    from trusthelp import enrol

    enrol(laptop, right, share, "teacher", [sd.klass])
    assert count(right, "SELECT COUNT(*) FROM person") == count(laptop, "SELECT COUNT(*) FROM person")
    assert quarantined(right) == []


def test_a_request_cannot_claim_the_teachers_replica_id(make_db, share, tmp_path, monkeypatch):
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(tmp_path / "none.json"))
    laptop = make_db("laptop")
    sd = seed(laptop)
    create_school(data_dir(laptop), "Hill", [sd.school], [laptop.replica_id])
    sync_once(laptop, share)
    lab = make_db("lab")
    sync_once(lab, share)
    # the student edits the lab machine's request (they hold its key) to claim the teacher's id
    me = device(data_dir(lab))
    path = share_trust(share) / REQUESTS / f"{me.id}.json"
    body = dict(read_doc(path)["body"])
    body["replicas"] = [*body["replicas"], laptop.replica_id]
    write_doc(path, seal(body, me.private))
    enrol(laptop, lab, share, "lab", [sd.klass])
    cert = TrustState.load(data_dir(laptop)).cert_of(me.public)
    assert laptop.replica_id not in cert.replicas and lab.replica_id in cert.replicas
    # so changes signed by the lab machine under the teacher's id are refused
    from app.ids import new_id

    nxt = 900
    rid = new_id()
    f = {"id": rid, "partition": part(sd, sd.students[0])}
    forge(share, laptop.replica_id, nxt, [line(laptop.replica_id, nxt, "attempt", rid, f, part(sd, sd.students[0]))],
          key=me.private, serial=cert.serial, writer=lab.replica_id)  # fmt: skip
    other = make_db("other")
    sync_once(other, share)
    enrol(laptop, other, share, "teacher", ["*"])
    sync_once(other, share)
    assert "replica" in {q[2] for q in quarantined(other)}
