"""Issue 19 with real OS accounts: the lab service runs as its own account and owns the data folder;
two students, each their own OS account, sign in, save and sync through it, and neither can read the
other's essay, note, kept text or PIN hash in any file, nor act as anyone else over the socket."""

from __future__ import annotations

import os
import sqlite3
import stat
import time

A_ESSAY = "Zebrafish-quokka essay of Amara: rivers carry silt 4417."
A_NOTE = "Amara's private note: worried about the maths test 9921."
A_UNSAVED = "Unsaved sentence Amara typed 5530 before the lights went out."
B_ESSAY = "Ben's essay on volcanoes and basalt columns 7788."


def _pin_hash(lab, person_id: str) -> str:
    con = sqlite3.connect(f"file:{lab.data / 'tessera.db'}?mode=ro", uri=True)
    try:
        return con.execute("select pin_hash from account where person_id = ?", (person_id,)).fetchone()[0]
    finally:
        con.close()


def test_two_students_work_and_sync_and_cannot_read_each_other(lab, tmp_path):
    started = time.time() - 1
    a, b = lab.students
    sock = str(lab.socket)
    got_a = lab.run_as(a, "work", {"socket": sock, "class_name": "Year 7 Maple", "name": "Amara O.",
                                   "pin": "1234", "essay": A_ESSAY, "note": A_NOTE, "unsaved": A_UNSAVED})  # fmt: skip
    got_b = lab.run_as(b, "work", {"socket": sock, "class_name": "Year 7 Maple", "name": "Ben C.", "pin": "1234",
                                   "essay": B_ESSAY, "note": "Ben's note", "unsaved": "Ben typing"},
                       via="runuser")  # fmt: skip
    for got in (got_a, got_b):
        assert got["saved"] and got["who"] == got["person_id"] and got["steps"] > 0
        assert got["sync"]["state"] == "idle" and got["sync"]["problem"] is None, got["sync"]
    assert got_a["kept"] == A_UNSAVED  # the crash journal works through the service

    # Everything the service wrote is its own: 0700 folders, 0600 files, owned by the service account.
    loose = []
    for root, dirs, files in os.walk(lab.data):
        for p in [root] + [os.path.join(root, f) for f in files]:
            st = os.lstat(p)
            if stat.S_IMODE(st.st_mode) & 0o077:
                loose.append(f"{p} {stat.S_IMODE(st.st_mode):o}")
    assert not loose, loose
    assert (lab.data / "logs" / "tessera.log").exists()

    # Ben's account, with a shell: nothing of Amara's in any file it can open.
    secrets = [A_ESSAY, A_NOTE, A_UNSAVED, _pin_hash(lab, got_a["person_id"])]
    every_file = [os.path.join(r, f) for r, _d, fs in os.walk(lab.base) for f in fs]
    seen = lab.run_as(b, "snoop", {"paths": every_file, "roots": ["/tmp", "/var/tmp", "/dev/shm"],
                                   "secrets": secrets, "since": started,
                                   "dirs": [str(lab.data), str(lab.data / "backups"), str(lab.share)]})  # fmt: skip
    assert seen["found"] == []
    private = [p for p in seen["readable"] if p.startswith((str(lab.data), str(lab.share)))]
    assert private == []
    assert all(v == "PermissionError" for v in seen["listed"].values()), seen["listed"]
    kept = [f for f in every_file if f.startswith((str(lab.data), str(lab.share)))]
    assert len(kept) > 5 and seen["denied"] >= len(kept)  # database, WAL, log, journal, batches: all shut

    # Both saves reached the share: another machine syncing from it sees both essays.
    from app.bootstrap import open_context
    from app.sync.session import sync_once

    other = open_context(tmp_path / "other")
    try:
        sync_once(other.db, str(lab.share))
        with other.db.read() as s:
            from sqlalchemy import text

            texts = set(s.execute(text("select text from draft_version")).scalars())
        assert A_ESSAY in texts and B_ESSAY in texts
    finally:
        other.close()


def _refused(reply, words: str = "") -> bool:
    return isinstance(reply, dict) and "error" in reply and words in reply["error"]["message"]


def test_a_student_on_the_socket_cannot_act_as_anyone_else(lab):
    a, b = lab.students
    sock = str(lab.socket)
    lists = lab.run_as(a, "work", {"socket": sock, "class_name": "Year 7 Maple", "name": "Amara O.", "pin": "1234",
                                   "essay": "x", "note": "", "unsaved": "y"})  # fmt: skip
    ben = lab.run_as(b, "work", {"socket": sock, "class_name": "Year 7 Maple", "name": "Ben C.", "pin": "1234",
                                 "essay": "z", "note": "", "unsaved": "w"})  # fmt: skip
    ben_pin_before = _pin_hash(lab, ben["person_id"])
    r = lab.run_as(a, "attack", {"socket": sock, "class_name": "Year 7 Maple", "name": "Amara O.", "pin": "1234",
                                 "class_id": lists["class_id"], "my_id": lists["person_id"],
                                 "other_id": ben["person_id"], "data_dir": str(lab.data)})  # fmt: skip
    assert _refused(r["before_sign_in"], "sign in first")
    assert _refused(r["forged_actor_field"], "fields")
    assert _refused(r["forged_actor_kwarg"], "'actor'")
    assert _refused(r["forged_actor_arg"], "Too many")
    assert all(_refused(x, "does not offer") for x in r["unknown_method"]), r["unknown_method"]
    assert _refused(r["not_json"], "not JSON")
    assert _refused(r["oversize"], "over the limit")
    assert _refused(r["clock"], "'now'")
    assert _refused(r["replay_session"], "fields")
    assert _refused(r["second_connection"], "sign in first")
    for key in ("other_home", "other_plan", "other_checkins", "other_journal", "other_profile", "set_other_pin",
                "unlock_other", "add_student", "class_checkins", "system_actor"):  # fmt: skip
        assert r[key].startswith("refused PermissionDenied"), (key, r[key])
    assert r["sign_in_other_without_pin"].startswith("refused SignInError")
    assert r["still_me"] is True and r["signed_out_after_failed_sign_in"] is True
    # The attack (the app's own code, the SYSTEM actor, the lab's database) has nothing to open.
    assert r["system_reset_pin"].startswith("refused"), r["system_reset_pin"]
    assert r["read_db"].startswith("refused PermissionError")
    assert "lab service" in r["folder_check"]  # what the app tells a student pointed at the folder
    assert _pin_hash(lab, ben["person_id"]) == ben_pin_before
    assert lab.service.poll() is None  # and the service is still serving
