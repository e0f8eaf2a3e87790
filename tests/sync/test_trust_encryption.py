"""Batches on the share are encrypted with the school's data key (``app/identity/datakeys.py``,
``app/trust/keyring.py``): a finder of the stick reads nothing; a tampered file, another school's
file, and a revoked device's file written under its old key are refused and reported, nothing lost;
a school set up before encryption moves to it without losing a change. Real folders and files."""

from __future__ import annotations

import shutil

from sealhelp import readable
from synchelp import count, dump, seed
from trusthelp import (
    add_work,
    batch_plain,
    data_dir,
    enrol,
    forge,
    line,
    part,
    private_of,
    quarantined,
    serial_of,
    signed_school,
)

from app.identity.datakeys import epoch_of, is_sealed, local_keyring
from app.models import Draft, DraftVersion, Person, WritingTask
from app.people.actor import Actor
from app.people.privacy import PrivacyService
from app.sync.folder import ROOT
from app.sync.session import sync_once
from app.trust import keyring
from app.trust import school as trust_school

NAME = "Zebediah Quuxworth"
ESSAY = "The marmalade lighthouse hums to the drowsy herons at dawn"


def _private_student(sch) -> str:
    """Student 0 with a name and an essay nobody else has, and a PIN hash, on the laptop."""
    sd = sch.sd
    sid = sd.students[0]
    with sch.laptop.write() as s:
        p = s.get(Person, sid)
        p.given_name, p.family_name = NAME.split()
        p.partition = part(sd, sid)  # as the roster service files a student (erasure goes by it)
        from app.models import Plan, Profile

        for model, row_id in ((Profile, sd.profiles[sid]), (Plan, sd.plans[sid])):
            s.get(model, row_id).partition = part(sd, sid)
        task = WritingTask(class_id=sd.klass, title="A morning", partition=f"{sd.school}/{sd.klass}/")
        s.add(task)
        s.flush()
        draft = Draft(task_id=task.id, student_id=sid, partition=part(sd, sid))
        s.add(draft)
        s.flush()
        s.add(DraftVersion(draft_id=draft.id, text=ESSAY, partition=part(sd, sid)))
        from app.models import Account
        from app.people.accounts import hash_secret

        s.add(Account(person_id=sid, pin_hash=hash_secret("4821"), partition=part(sd, sid)))
    return sid


def _pin_hash(db) -> bytes:
    with db.read() as s:
        from app.store.raw import raw_connection

        (h,) = raw_connection(s).execute("SELECT pin_hash FROM account WHERE pin_hash IS NOT NULL").fetchone()
    return h.encode()


def _batches(share):
    return sorted((share / ROOT / "replicas").rglob("chg-*"))


def test_a_stick_found_in_a_corridor_shows_nothing_readable(make_db, share):
    sch = signed_school(make_db, share)
    _private_student(sch)
    add_work(sch.lab, sch.sd, 3)
    sync_once(sch.laptop, share)
    sync_once(sch.lab, share)
    assert (
        count(sch.lab, f"SELECT COUNT(*) FROM draft_version WHERE text = '{ESSAY}'") == 1
    )  # enrolled: reads it
    files = _batches(share)
    assert files and all(is_sealed(p.read_bytes()) for p in files)
    needles = [b"Zebediah", b"Quuxworth", ESSAY.encode(), b"marmalade", _pin_hash(sch.laptop), b"$argon2"]
    assert readable(share, needles) == []
    # the names of files and folders in the share hold no student's name either
    assert not [p for p in share.rglob("*") if "zebediah" in p.name.lower() or "quux" in p.name.lower()]
    # and with the key an enrolled computer holds, the same files do carry it (the search works)
    assert readable(share, [b"marmalade"], local_keyring(data_dir(sch.lab)))


def test_a_tampered_batch_is_refused_before_parsing_reported_and_nothing_lost(make_db, share):
    sch = signed_school(make_db, share)
    add_work(sch.lab, sch.sd, 5)
    sync_once(sch.lab, share)
    (path,) = [p for p in _batches(share) if sch.lab.replica_id in p.parent.name]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, in the ciphertext
    path.write_bytes(bytes(data))
    r = sync_once(sch.laptop, share)
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 0
    assert any("encryption does not check" in f.reason for f in r.skipped)
    sync_once(sch.lab, share)  # told its file is damaged: checks it, writes it again
    sync_once(sch.laptop, share)
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 5 and quarantined(sch.laptop) == []


def test_another_schools_batch_is_refused_and_kept(make_db, share, tmp_path):
    sch = signed_school(make_db, share)
    other_share = tmp_path / "other-share"
    other_share.mkdir()
    other = make_db("other-school")
    osd = seed(other)
    trust_school.create_school(data_dir(other), "Dale School", [osd.school], [other.replica_id])
    sync_once(other, other_share)
    (foreign,) = _batches(other_share)
    target = share / ROOT / "replicas" / other.replica_id / foreign.name
    target.parent.mkdir(parents=True)
    shutil.copy(foreign, target)
    before = count(sch.laptop, "SELECT COUNT(*) FROM person")
    r = sync_once(sch.laptop, share)
    assert count(sch.laptop, "SELECT COUNT(*) FROM person") == before
    assert any("not of this school" in f.reason for f in r.skipped if other.replica_id in f.name)
    assert target.exists()  # not ours to remove; refused at every sync, never applied
    assert readable(share, [b"Dale School"], local_keyring(data_dir(sch.laptop))) == []


def test_a_revoked_device_cannot_read_what_comes_after_nor_write_under_its_old_key(make_db, share):
    sch = signed_school(make_db, share)
    add_work(sch.lab, sch.sd, 2)
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    lab_ring = local_keyring(data_dir(sch.lab))
    with sch.laptop.read() as s:
        from app.store.raw import raw_connection
        from app.sync import vector

        held = vector.load(raw_connection(s))
    trust_school.revoke(data_dir(sch.laptop), keyring_device(sch.lab), "stolen", held)
    assert local_keyring(data_dir(sch.laptop)).epoch == 2
    add_work(sch.laptop, sch.sd, 3)
    sync_once(sch.laptop, share)
    new = [p for p in _batches(share) if sch.laptop.replica_id in p.parent.name]
    assert new and {epoch_of(p.read_bytes()) for p in new} == {2}
    # the revoked machine: nothing it can read of what came after
    r = sync_once(sch.lab, share)
    assert count(sch.lab, "SELECT COUNT(*) FROM attempt") == 2 and r.applied == 0
    assert lab_ring.keys.keys() == {1} and 2 not in local_keyring(data_dir(sch.lab)).keys
    # it cannot write either (no current key): its new work stays in its own database, unsent
    add_work(sch.lab, sch.sd, 1)
    sync_once(sch.lab, share)
    assert not [p for p in _batches(share) if sch.lab.replica_id in p.parent.name and "000003" in p.name]
    # a student with the machine's keys writes a batch under the old epoch: opened, then refused
    # by the trust rules (revoked), kept aside and reported, nothing applied
    plain = forge(share, sch.lab.replica_id, 3,
                  [line(sch.lab.replica_id, 3, "attempt", "0191aaaa-0000-7000-8000-000000000001",
                        {"answer": "forged"}, part(sch.sd, sch.sd.students[0]))],
                  key=private_of(sch.lab), serial=serial_of(sch.lab))  # fmt: skip
    plain.write_bytes(lab_ring.encrypt(plain.name, plain.read_bytes()))
    assert epoch_of(plain.read_bytes()) == 1
    sync_once(sch.laptop, share)
    assert {q[2] for q in quarantined(sch.laptop)} == {"revoked"}
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt WHERE answer = 'forged'") == 0
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 5  # the lab's 2 before, kept


def keyring_device(db) -> str:
    from app.identity.keys import device

    return device(data_dir(db)).id


def test_a_school_set_up_before_encryption_moves_to_it_without_losing_a_change(make_db, share, monkeypatch):
    """An older install: signed sync, plain batches. The new Tessera on the laptop (which holds the
    school key) starts epoch 1 at its next sync and sends each enrolled device its key; plain files
    already in the folder are still read, and each device writes its own again, encrypted."""
    monkeypatch.setattr(keyring, "ensure_encrypted", lambda data_dir: False)
    laptop = make_db("laptop")
    sd = seed(laptop)
    trust_school.create_school(data_dir(laptop), "Hill School", [sd.school], [laptop.replica_id])
    _make_old(data_dir(laptop))
    sync_once(laptop, share)
    lab = make_db("lab")
    sync_once(lab, share)
    enrol(laptop, lab, share, "lab", [sd.klass])
    add_work(lab, sd, 4)
    sync_once(lab, share)
    assert _batches(share) and not any(is_sealed(p.read_bytes()) for p in _batches(share))
    assert readable(share, [b"\tattempt\t"])  # plain: the search finds what a finder would read
    monkeypatch.undo()
    add_work(laptop, sd, 2)
    for _ in range(3):
        sync_once(laptop, share)
        sync_once(lab, share)
    assert (
        count(laptop, "SELECT COUNT(*) FROM attempt") == 6 and count(lab, "SELECT COUNT(*) FROM attempt") == 6
    )
    assert dump(laptop, with_clocks=False) == dump(lab, with_clocks=False)
    assert quarantined(laptop) == [] and quarantined(lab) == []
    assert all(is_sealed(p.read_bytes()) for p in _batches(share))
    add_work(lab, sd, 1)
    sync_once(lab, share)
    files = _batches(share)
    assert files and all(is_sealed(p.read_bytes()) for p in files)
    assert readable(share, [b"\tattempt\t"]) == []


def _make_old(dd) -> None:
    """The school's document as an older Tessera wrote it (no data epoch), and no keys documents."""
    from app.identity.docs import seal
    from app.identity.keys import school_private
    from app.trust.state import TrustState, write_doc

    st = TrustState.load(dd)
    body = {k: v for k, v in st.school_doc["body"].items() if k != "data_epoch"}
    write_doc(dd / "trust" / "school.json", seal(body, school_private(dd)))
    shutil.rmtree(dd / "trust" / "keys", ignore_errors=True)
    (dd / "trust" / "keyring.json").unlink(missing_ok=True)


def test_erasure_takes_the_student_out_of_every_batch_in_the_share(make_db, share):
    """After an erasure on the admin laptop and one sync of each computer, no file in the share holds
    the student's name or essay, even to a computer holding the school's key; nothing else lost."""
    sch = signed_school(make_db, share)
    sid = _private_student(sch)
    sync_once(sch.laptop, share)
    sync_once(sch.lab, share)
    add_work(sch.lab, sch.sd, 6)  # two of them the erased student's, in the lab's own batches
    sync_once(sch.lab, share)
    ring = local_keyring(data_dir(sch.laptop))
    needles = [b"Zebediah", b"Quuxworth", b"marmalade", sid.encode()]
    assert readable(share, needles, ring)  # before: the share holds them (encrypted)
    _erase(sch, sid)
    sync_once(sch.laptop, share)  # the admin takes away every file holding the student's rows
    assert readable(share, needles[:3], ring) == []
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    sync_once(sch.lab, share)
    assert readable(share, needles[:3], ring) == []
    assert count(sch.lab, "SELECT COUNT(*) FROM person WHERE given_name = 'Zebediah'") == 0
    others = count(sch.laptop, f"SELECT COUNT(*) FROM attempt WHERE student_id != '{sid}'")
    assert others == 4 and count(sch.lab, f"SELECT COUNT(*) FROM attempt WHERE student_id != '{sid}'") == 4
    for p in _batches(share):
        assert b"Zebediah" not in batch_plain(sch.laptop, p)


def _erase(sch, sid: str) -> None:
    from app.models import Enrollment

    with sch.laptop.write() as s:  # the teacher teaches the class (the service checks it)
        s.add(Enrollment(person_id=sch.sd.teacher, class_id=sch.sd.klass, role="teacher",
                         partition=f"{sch.sd.school}/{sch.sd.klass}/"))  # fmt: skip
        s.add(Enrollment(person_id=sid, class_id=sch.sd.klass, partition=part(sch.sd, sid)))
    PrivacyService(sch.laptop).erase_student(Actor(sch.sd.teacher, "teacher", sch.sd.school), sid, NAME)
