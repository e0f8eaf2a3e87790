"""Every forgery of issue 13, tried as a student with write access to the share would: each batch
is refused and kept aside with its reason, on the teacher's laptop and on the lab machine, and
nothing of it is applied. The student holds the lab machine's key (Tessera runs as the student
there), so most forgeries are properly signed by an enrolled lab machine: the write policy stops
them. Real SQLite files, a real folder, real keys."""

from __future__ import annotations

import gzip
import json
import time

import pytest
from synchelp import count
from trusthelp import (
    add_work,
    batch_plain,
    data_dir,
    forge,
    line,
    now_stamp,
    part,
    private_of,
    quarantined,
    serial_of,
    signed_school,
)

from app.identity import ed25519
from app.identity.docs import Cert, derived_replica_id, seal
from app.identity.keys import device
from app.store.hlc import Stamp
from app.sync.folder import ROOT
from app.sync.session import sync_once
from app.trust import school as trust_school
from app.trust.state import CERTS, write_doc


def _lab_origin(sch) -> str:
    """A replica id the lab machine's key may sign for (a new one per forgery)."""
    return derived_replica_id(device(data_dir(sch.lab)).public)


@pytest.fixture(params=["laptop", "lab"])
def setting(request, make_db, share):
    sch = signed_school(make_db, share)
    add_work(sch.lab, sch.sd, 2)
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    sync_once(sch.lab, share)
    receiver = sch.laptop if request.param == "laptop" else sch.lab
    return sch, receiver, share


def _attempt_fields(sch, student: str, **extra) -> tuple[str, dict]:
    from app.ids import new_id

    rid = new_id()
    now = time.time()
    f = {"id": rid, "created_at": now, "updated_at": now, "deleted": False, "partition": part(sch.sd, student),
         "student_id": student, "item_id": sch.sd.items[0], "skill_id": sch.sd.skill, "answer": "wrong",
         "correct": False, "response_ms": 0, "at": now, "device": "", "session_id": ""}  # fmt: skip
    f.update(extra)
    return rid, f


def _codes(receiver, origin: str) -> set[str]:
    return {q[2] for q in quarantined(receiver) if q[0] == origin}


def test_signed_forgeries_of_a_lab_machine_are_refused_and_kept(setting):
    sch, receiver, share = setting
    key, serial = private_of(sch.lab), serial_of(sch.lab)
    sd = sch.sd
    st = sd.students[0]
    victim_attempt = _existing_attempt(sch.laptop, sd.students[1])
    attacks = {
        # the teacher's password replaced
        "lab-table:account": [("account", "acc-1", {"password_hash": "$argon2id$forged"}, f"{sd.school}//")],
        # a student made admin; a forged teacher enrolment; a forged 'system' person
        "lab-table:person": [("person", st, {"role": "admin"}, part(sd, st))],
        "lab-table:enrollment": [
            ("enrollment", "enr-1", {"class_id": sd.klass, "person_id": st, "role": "teacher"}, part(sd, st))
        ],  # fmt: skip
        "lab-table:system": [
            (
                "person",
                "system",
                {"id": "system", "role": "admin", "given_name": "x", "school_id": sd.school},
                part(sd, st),
            )
        ],  # fmt: skip
        # PINs switched off for the class
        "lab-table:class": [("school_class", sd.klass, {"pin_optional": True}, f"{sd.school}/{sd.klass}/")],
        # rubric scores rewritten
        "lab-table:rubric": [("rubric_score", "rs-1", {"score": 4}, part(sd, st))],
        # another student's answers tombstoned
        "lab-delete": [("attempt", victim_attempt, {"deleted": True}, part(sd, sd.students[1]))],
        # another class's partition
        "lab-class": [
            (
                "attempt",
                *_attempt_fields(sch, st, partition=f"{sd.school}/other-class/{st}"),
                f"{sd.school}/other-class/{st}",
            )
        ],  # fmt: skip
        # another school's partition
        "school": [("attempt", *_attempt_fields(sch, st), f"other-school/{sd.klass}/{st}")],
    }
    origins = {}
    for name, rows in attacks.items():
        origin = _lab_origin(sch)
        origins[name] = origin
        lines = [line(origin, i + 1, t, rid, f, p) for i, (t, rid, f, p) in enumerate(rows)]
        forge(share, origin, 1, lines, key=key, serial=serial)
    # one purge line that would wipe the school
    purge_origin = origins["purge"] = _lab_origin(sch)
    forge(share, purge_origin, 1, [line(purge_origin, 1, "school", sd.school, {}, f"{sd.school}//", op="purge")],
          key=key, serial=serial)  # fmt: skip
    # a stamp that names another device than the change's origin
    stamp_origin = origins["stamp"] = _lab_origin(sch)
    rid, f = _attempt_fields(sch, st)
    forge(share, stamp_origin, 1, [line(stamp_origin, 1, "attempt", rid, f, part(sd, st),
                                        hlc=now_stamp(sch.laptop.replica_id))], key=key, serial=serial)  # fmt: skip
    # a stamp at the end of the clock (the counter then overflows)
    over_origin = origins["overflow"] = _lab_origin(sch)
    rid, f = _attempt_fields(sch, st)
    forge(share, over_origin, 1, [line(over_origin, 1, "attempt", rid, f, part(sd, st),
                                       hlc=Stamp(9999999999999, 99999, over_origin).encode())], key=key, serial=serial)  # fmt: skip
    # changes under the teacher's own replica id and next sequence numbers
    nxt = _next_seq(sch.laptop)
    rid, f = _attempt_fields(sch, st)
    t = sch.laptop.replica_id
    forge(share, t, nxt, [line(t, nxt, "attempt", rid, f, part(sd, st))], key=key, serial=serial,
          writer=_lab_origin(sch))  # fmt: skip
    origins["replica"] = t

    before = count(receiver, "SELECT COUNT(*) FROM attempt")
    schools = count(receiver, "SELECT COUNT(*) FROM school")
    report = sync_once(receiver, share)
    assert report.refused >= len(origins) - (1 if receiver is sch.laptop else 0)
    for name, origin in origins.items():
        code = name.split(":")[0]
        if name == "replica" and receiver is sch.laptop:
            continue  # its own replica id: never taken in as another's (and its next changes go out)
        assert code in _codes(receiver, origin), (name, quarantined(receiver))
    assert count(receiver, "SELECT COUNT(*) FROM attempt") == before
    assert count(receiver, "SELECT COUNT(*) FROM school") == schools
    assert count(receiver, "SELECT COUNT(*) FROM account WHERE password_hash LIKE '%forged'") == 0
    assert count(receiver, "SELECT COUNT(*) FROM person WHERE role = 'admin' OR id = 'system'") == 0
    assert count(receiver, "SELECT COUNT(*) FROM school_class WHERE pin_optional = 1") == 0
    assert count(receiver, "SELECT COUNT(*) FROM attempt WHERE deleted = 1") == 0
    # the teacher's real next changes still go out and arrive
    add_work(sch.laptop, sd, 1)
    sync_once(sch.laptop, share)
    sync_once(sch.lab, share)
    assert count(sch.lab, "SELECT COUNT(*) FROM attempt") == count(sch.laptop, "SELECT COUNT(*) FROM attempt")


def test_unsigned_unknown_foreign_revoked_and_expired_are_refused(setting, tmp_path):
    sch, receiver, share = setting
    sd, st = sch.sd, sch.sd.students[0]

    def one(origin):
        rid, f = _attempt_fields(sch, st)
        return [line(origin, 1, "attempt", rid, f, part(sd, st))]

    # unsigned
    o_unsigned = "7a000000-0000-7000-8000-000000000001"
    forge(share, o_unsigned, 1, one(o_unsigned), key=None)
    # a key nobody enrolled
    stranger = ed25519.new_private()
    o_unknown = derived_replica_id(ed25519.public_of(stranger))
    forge(share, o_unknown, 1, one(o_unknown), key=stranger, serial=7)
    # a valid device of another school: its certificate is signed by that school's key
    other_school = ed25519.new_private()
    other_dev = ed25519.new_private()
    cert = Cert("dev-other", ed25519.public_of(other_dev), "OTHER-01", ed25519.fingerprint(ed25519.public_of(other_school)),
                ("*",), "admin", 1, time.time() + 9e6)  # fmt: skip
    write_doc(share / ROOT / "trust" / CERTS / "dev-other.json", seal(cert.body(), other_school))
    o_foreign = derived_replica_id(cert.key)
    forge(share, o_foreign, 1, one(o_foreign), key=other_dev, serial=1)
    # an expired certificate, properly issued by this school
    old_dev = ed25519.new_private()
    expired = trust_school.issue(data_dir(sch.laptop), "dev-old", ed25519.public_of(old_dev), "LAB-OLD", "lab",
                                 [sd.klass], [], days=-1)  # fmt: skip
    o_expired = derived_replica_id(expired.key)
    forge(share, o_expired, 1, one(o_expired), key=old_dev, serial=expired.serial)
    # a revoked device
    rev_dev = ed25519.new_private()
    revoked = trust_school.issue(data_dir(sch.laptop), "dev-rev", ed25519.public_of(rev_dev), "LAB-09", "lab",
                                 [sd.klass], [])  # fmt: skip
    trust_school.revoke(data_dir(sch.laptop), "dev-rev", "stolen")
    o_revoked = derived_replica_id(revoked.key)
    forge(share, o_revoked, 1, one(o_revoked), key=rev_dev, serial=revoked.serial)
    sync_once(sch.laptop, share)  # publishes the certificates and the revocation list

    before = count(receiver, "SELECT COUNT(*) FROM attempt")
    sync_once(receiver, share)
    assert _codes(receiver, o_unsigned) == {"unsigned"}
    assert _codes(receiver, o_unknown) == {"unknown"}
    assert _codes(receiver, o_foreign) == {"unknown"}
    assert _codes(receiver, o_expired) == {"expired"}
    assert _codes(receiver, o_revoked) == {"revoked"}
    assert count(receiver, "SELECT COUNT(*) FROM attempt") == before
    # kept, not lost: the lines are there, and a second sync does not read them again or add more
    n = len(quarantined(receiver))
    sync_once(receiver, share)
    assert len(quarantined(receiver)) == n


def test_altered_lines_are_refused_even_with_the_footer_checksum_recomputed(setting):
    sch, receiver, share = setting
    # a real batch of the lab machine, replayed with one answer changed and its checksum recomputed
    add_work(sch.lab, sch.sd, 3)
    sync_once(sch.lab, share)
    mine = share / ROOT / "replicas" / sch.lab.replica_id
    path = max(mine.glob("chg-*.jsonl.gz"))
    raw = batch_plain(sch.lab, path).decode()
    header, *lines, footer = raw.rstrip("\n").split("\n")
    footer = json.loads(footer)
    forged_lines = [lines[0].replace('"answer": "0"', '"answer": "999"').replace('"answer": "1"', '"answer": "999"'),
                    *lines[1:]]  # fmt: skip
    assert forged_lines != lines
    first = int(json.loads(header)["first"])
    other = _lab_origin(sch)  # written into another folder under the same name, as a replay would be
    target = share / ROOT / "replicas" / other / path.name
    target.parent.mkdir(parents=True)
    import hashlib

    body = (header + "\n" + "".join(x + "\n" for x in forged_lines)).encode()
    footer["sha256"] = hashlib.sha256(body).hexdigest()
    target.write_bytes(gzip.compress(body + json.dumps(footer).encode() + b"\n"))
    path.unlink()  # the real one is gone: only the altered copy can be read
    if receiver is sch.lab:
        return  # its own changes: never taken from the folder
    sync_once(receiver, share)
    assert "altered" in _codes(receiver, sch.lab.replica_id)
    assert count(receiver, "SELECT COUNT(*) FROM attempt WHERE answer = '999'") == 0
    del first


def test_purges_deletions_and_role_changes_only_from_teacher_or_admin_devices(make_db, share):
    sch = signed_school(make_db, share)
    # a second teacher laptop: a teacher device, not admin
    t2 = make_db("teacher2")
    sync_once(t2, share)
    from trusthelp import enrol

    enrol(sch.laptop, t2, share, "teacher", ["*"])
    from app.models import Person
    from app.store.database import Database  # noqa: F401

    with t2.write() as s:
        p = s.get(Person, sch.sd.students[0])
        p.role = "teacher"  # a role change from a teacher device: accepted
        from app.models import SchoolClass

        s.get(SchoolClass, sch.sd.klass).deleted = True  # a class deletion: accepted, listed, undone
    with t2.write(purge=True) as s:
        from app.sync.purge import purge_cascade

        purge_cascade(s, "plan", sch.sd.plans[sch.sd.students[1]])  # an erasure: needs an admin device
    sync_once(t2, share)
    sync_once(sch.laptop, share)
    assert (
        count(sch.laptop, "SELECT COUNT(*) FROM person WHERE role = 'teacher' AND id = ?", sch.sd.students[0])
        == 1
    )
    assert count(sch.laptop, "SELECT COUNT(*) FROM plan WHERE id = ?", sch.sd.plans[sch.sd.students[1]]) == 1
    assert "purge" in {q[2] for q in quarantined(sch.laptop)}
    # the teacher sees the role change, who made it, and undoes it
    from app.trust.actions import recent, undo

    (act,) = [a for a in recent(sch.laptop) if a.kind == "role"]
    assert act.device and act.detail.endswith("→ teacher") and act.undo
    undo(sch.laptop, act.origin, act.seq)
    (gone,) = [a for a in recent(sch.laptop) if a.kind == "deleted"]
    assert gone.what.startswith("class") and gone.device
    undo(sch.laptop, gone.origin, gone.seq)
    assert (
        count(sch.laptop, "SELECT COUNT(*) FROM school_class WHERE deleted = 0 AND id = ?", sch.sd.klass) == 1
    )
    assert (
        count(sch.laptop, "SELECT COUNT(*) FROM person WHERE role = 'student' AND id = ?", sch.sd.students[0])
        == 1
    )


def test_stamps_from_the_future_wait_for_the_clock(setting):
    sch, receiver, share = setting
    key, serial = private_of(sch.lab), serial_of(sch.lab)
    st = sch.sd.students[0]
    origin = _lab_origin(sch)
    rid, f = _attempt_fields(sch, st)
    ahead = Stamp(int(time.time() * 1000) + 3600_000, 0, origin).encode()
    forge(
        share,
        origin,
        1,
        [line(origin, 1, "attempt", rid, f, part(sch.sd, st), hlc=ahead)],
        key=key,
        serial=serial,
    )
    before = count(receiver, "SELECT COUNT(*) FROM attempt")
    sync_once(receiver, share)
    assert count(receiver, "SELECT COUNT(*) FROM attempt") == before
    assert Stamp.decode(receiver.clock.tick()).wall < int(time.time() * 1000) + 60_000
    from app.sync.apply import apply_pending
    from app.sync.held import release_future

    assert release_future(receiver, now_ms=int(time.time() * 1000)) == 0
    assert release_future(receiver, now_ms=int(time.time() * 1000) + 3600_000) == 1
    apply_pending(receiver)
    assert count(receiver, "SELECT COUNT(*) FROM attempt") == before + 1


def _existing_attempt(db, student: str) -> str:
    from app.store.raw import raw_connection

    with db.read() as s:
        return (
            raw_connection(s)
            .execute("SELECT id FROM attempt WHERE student_id = ? LIMIT 1", (student,))
            .fetchone()[0]
        )


def _next_seq(db) -> int:
    from app.store.raw import raw_connection

    with db.read() as s:
        return raw_connection(s).execute("SELECT next_seq FROM replica_state").fetchone()[0]
