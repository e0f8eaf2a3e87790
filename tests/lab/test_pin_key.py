"""Item 3 of issue 19: PIN hashes peppered with the school's PIN key. A hash copied from a database,
backup or batch cannot be checked without the key; machines holding the school's key accept PINs set
on any of them; a machine without it says so in words and does not count a wrong try."""

from __future__ import annotations

import gzip
import json
import os
import stat

import pytest
from sqlalchemy import select

from app.bootstrap import open_context
from app.errors import SignInError
from app.identity import pin_key
from app.models import Account
from app.people.pins import PREFIX, NoPinKey, verify_secret
from app.sync.session import sync_once


def _hash(ctx, student_id: str) -> str:
    with ctx.db.read() as s:
        return s.execute(select(Account.pin_hash).where(Account.person_id == student_id)).scalar_one()


def test_a_new_pin_is_peppered_and_its_hash_alone_does_not_check_it(demo, teacher):
    ctx, info = demo
    ctx.db.pin_keys = pin_key.load(ctx.settings.data_dir, create=True)
    sid = info.student_ids[0]
    ctx.services.accounts.set_pin(teacher, info.class_id, sid, "4821")
    stored = _hash(ctx, sid)
    assert stored.startswith(PREFIX + ctx.db.pin_keys.primary + "$")
    inner = stored.split("$", 2)[2]
    assert not verify_secret(inner, "4821")  # what an offline search would try: the PIN itself
    assert ctx.services.accounts.sign_in_student(info.class_id, sid, "4821").person_id == sid
    with pytest.raises(SignInError):
        ctx.services.accounts.sign_in_student(info.class_id, sid, "4822")


def test_pins_set_before_the_key_still_work(demo):
    ctx, info = demo  # the demo class was made without a key: plain Argon2 hashes
    ctx.db.pin_keys = pin_key.load(ctx.settings.data_dir, create=True)
    assert ctx.services.accounts.sign_in_student(info.class_id, info.student_ids[1], info.pin)


def test_a_machine_without_the_key_says_so_and_counts_no_wrong_try(demo, teacher):
    ctx, info = demo
    ctx.db.pin_keys = pin_key.load(ctx.settings.data_dir, create=True)
    sid = info.student_ids[2]
    ctx.services.accounts.set_pin(teacher, info.class_id, sid, "1357")
    ctx.db.pin_keys = None
    for _ in range(8):
        with pytest.raises(NoPinKey) as caught:
            ctx.services.accounts.sign_in_student(info.class_id, sid, "1357")
        assert caught.value.reason == "no_pin_key" and "PIN key" in str(caught.value)
    assert ctx.services.accounts.lock_state(teacher, sid).failures == 0


def test_the_schools_key_copied_to_another_machine_lets_pins_set_elsewhere_sign_in(demo, teacher, tmp_path):
    ctx, info = demo
    ctx.db.pin_keys = pin_key.load(ctx.settings.data_dir, create=True)
    sid = info.student_ids[3]
    ctx.services.accounts.set_pin(teacher, info.class_id, sid, "2468")
    share = tmp_path / "share"
    share.mkdir()
    sync_once(ctx.db, share)
    stored = _hash(ctx, sid)
    batches = b"".join(gzip.decompress(p.read_bytes()) for p in share.rglob("*.gz"))
    assert stored.encode() in batches  # the hash travels (lab machines check it) ...
    assert stored.startswith(PREFIX)  # ... peppered: useless without the key, which never travels
    assert json.dumps(pin_key.export_text(ctx.db.pin_keys)).encode()[10:40] not in batches

    lab_dir = tmp_path / "lab"
    lab = open_context(lab_dir)
    try:
        for _ in range(3):  # a replica that joins late needs a second round (tests/sync/synchelp.converge)
            sync_once(lab.db, share)
            sync_once(ctx.db, share)
        with pytest.raises(NoPinKey):
            lab.services.accounts.sign_in_student(info.class_id, sid, "2468")
    finally:
        lab.close()
    pin_key.import_text(lab_dir, pin_key.export_text(ctx.db.pin_keys))
    assert stat.S_IMODE(os.stat(pin_key.path(lab_dir)).st_mode) == 0o600
    lab = open_context(lab_dir)
    try:
        assert lab.services.accounts.sign_in_student(info.class_id, sid, "2468").person_id == sid
    finally:
        lab.close()


def test_a_lab_machine_makes_its_key_at_first_start(tmp_path, monkeypatch):
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"lab_mode": True}))
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(policy))
    c = open_context(tmp_path / "data")
    try:
        assert c.db.pin_keys is not None and c.db.pin_keys.primary
        assert stat.S_IMODE(os.stat(pin_key.path(tmp_path / "data")).st_mode) == 0o600
    finally:
        c.close()


def test_the_admins_pin_key_commands_move_the_key_and_never_print_it(tmp_path, capsys):
    from app.__main__ import main

    a, b, f = tmp_path / "a", tmp_path / "b", tmp_path / "pin.key"
    assert main(["pin-key", "show", "--data-dir", str(a)]) == 2  # none yet: said, not made
    assert main(["pin-key", "export", "--data-dir", str(a), "--file", str(f)]) == 0
    secret = json.loads(f.read_text())["tessera_pin_key"]
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o600
    assert main(["pin-key", "import", "--data-dir", str(b), "--file", str(f)]) == 0
    assert main(["pin-key", "show", "--data-dir", str(b)]) == 0
    out = capsys.readouterr().out
    assert secret not in out and pin_key.load(b).keys == pin_key.load(a).keys
