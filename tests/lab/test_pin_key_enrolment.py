"""The school's PIN key travels with enrolment (app/identity/school_pin.py), not by hand: the teacher's
laptop (holding the school key) sets a PIN; a lab machine approved for the school checks it after a
sync through a real folder; a machine not approved cannot, even with a copy of the database; the key
never appears in the share, and on the machine it is a 0600 file in the data folder's trust folder."""

from __future__ import annotations

import gzip
import os
import shutil
import sqlite3
import stat

import pytest
from sqlalchemy import select

from app.bootstrap import open_context
from app.errors import SignInError
from app.identity import pin_key, school_pin
from app.identity.keys import device, trust_dir
from app.models import Account
from app.people.pins import PREFIX, NoPinKey
from app.sync.session import sync_once
from app.trust import school as trust_school


def _hash(ctx, student_id: str) -> str:
    with ctx.db.read() as s:
        return s.execute(select(Account.pin_hash).where(Account.person_id == student_id)).scalar_one()


def test_an_approved_lab_machine_checks_pins_set_on_the_laptop_and_an_unapproved_one_cannot(demo, teacher, tmp_path):  # fmt: skip
    laptop, info = demo
    laptop_dir = laptop.settings.data_dir
    share = tmp_path / "share"
    share.mkdir()
    trust_school.create_school(laptop_dir, "Hill School", [info.school_id], [laptop.db.replica_id])
    sync_once(laptop.db, share)
    school_kid = pin_key.key_id(school_pin.school_key(laptop_dir))  # the holder derives it
    sid = info.student_ids[3]
    laptop.services.accounts.set_pin(teacher, info.class_id, sid, "2468")
    assert _hash(laptop, sid).startswith(f"{PREFIX}{school_kid}$")
    sync_once(laptop.db, share)

    lab, stranger = open_context(tmp_path / "lab"), open_context(tmp_path / "stranger")
    try:
        for _ in range(2):  # both take the school in and ask to join
            for db in (lab.db, stranger.db, laptop.db):
                sync_once(db, share)
        assert school_pin.school_key(tmp_path / "lab") is None
        with pytest.raises(SignInError):  # not approved yet: nothing to check the PIN with
            lab.services.accounts.sign_in_student(info.class_id, sid, "2468")

        trust_school.approve(laptop_dir, device(tmp_path / "lab").id, role="lab", classes=[info.class_id])
        sync_once(laptop.db, share)  # publishes the certificate and the lab's keys document
        for _ in range(2):
            sync_once(lab.db, share)
            sync_once(laptop.db, share)
        assert lab.services.accounts.sign_in_student(info.class_id, sid, "2468").person_id == sid
        with pytest.raises(SignInError):
            lab.services.accounts.sign_in_student(info.class_id, sid, "2469")
        # A PIN a teacher sets on the lab machine is peppered with the school's key too (the school's
        # trust rules keep a lab machine's PIN changes from other machines, but every one could check it).
        lab_teacher = lab.services.accounts.sign_in_teacher(info.username, info.password)
        other = info.student_ids[4]
        lab.services.accounts.set_pin(lab_teacher, info.class_id, other, "8642")
        assert _hash(lab, other).startswith(f"{PREFIX}{school_kid}$")

        sync_once(stranger.db, share)
        assert school_pin.school_key(tmp_path / "stranger") is None  # never approved: no key
    finally:
        lab.close()
        stranger.close()

    # The stranger with a copy of the laptop's database (every hash in it) still cannot check a PIN.
    copy = tmp_path / "copied"
    copy.mkdir()
    src, dst = sqlite3.connect(laptop_dir / "tessera.db"), sqlite3.connect(copy / "tessera.db")
    src.backup(dst)  # what is in the WAL too
    src.close()
    dst.close()
    assert _hash(laptop, sid).startswith(PREFIX)
    shutil.copytree(trust_dir(tmp_path / "stranger"), trust_dir(copy))  # its own keys, not the school's
    thief = open_context(copy)
    try:
        with pytest.raises(NoPinKey):
            thief.services.accounts.sign_in_student(info.class_id, sid, "2468")
    finally:
        thief.close()

    # On the lab machine the key is a private file; it never travels through the share.
    key_file = pin_key.path(tmp_path / "lab")
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    held = pin_key.load(tmp_path / "lab")
    assert held is not None and held.primary == school_kid
    secret = held.keys[school_kid]
    shared = b"".join(p.read_bytes() for p in share.rglob("*") if p.is_file())
    shared += b"".join(
        gzip.decompress(p.read_bytes()) for p in share.rglob("*.gz") if p.read_bytes()[:2] == b"\x1f\x8b"
    )
    assert secret not in shared and secret.hex().encode() not in shared
