"""Run as a student's OS account by tests/lab/test_two_accounts.py (``setpriv --reuid ...``): what a
student can do with the app's own code and a shell. ``python as_student.py CMD JSON`` prints JSON."""

from __future__ import annotations

import json
import os
import socket
import struct
import sys
import time
from pathlib import Path


def _client(sock: str):  # noqa: ANN202
    from app.lab.client import LabClient, RemoteServices

    c = LabClient(sock)
    return c, RemoteServices(c)


def _sign_in(s, class_name: str, name: str, pin: str):  # noqa: ANN001, ANN202
    klass = next(c for c in s.accounts.sign_in_classes() if c.name == class_name)
    student = next(st for st in s.accounts.sign_in_students(klass.id) if st.name == name)
    return klass, s.accounts.sign_in_student(klass.id, student.id, pin)


def work(a: dict) -> dict:
    """Sign in, write and save an essay, check in with a note, keep unsaved text, sync."""
    c, s = _client(a["socket"])
    klass, me = _sign_in(s, a["class_name"], a["name"], a["pin"])
    task = next(t.task for t in s.writing.my_tasks(me) if t.status != "submitted")
    s.writing.open_draft(me, task.id)
    saved = s.writing.save_draft(me, task.id, a["essay"])
    try:
        s.checkins.record(me, 4, 3, a["note"])
    except Exception as exc:  # noqa: BLE001  (a second check-in today is fine to refuse)
        print(f"check-in: {exc}", file=sys.stderr)
    s.journal.write(me.person_id, task.id, a["unsaved"], a["essay"])
    kept = s.journal.read(me.person_id, task.id)
    steps = s.what_next.for_student(me)
    sync = c.call("session.sync_now")
    return {"person_id": me.person_id, "class_id": klass.id, "task_id": task.id, "saved": saved.saved,
            "kept": kept.text if kept else None, "steps": len(steps), "sync": sync,
            "who": c.call("session.who").person_id}  # fmt: skip


def snoop(a: dict) -> dict:
    """Open every file named and walk every folder given; report what could be read, and where any
    secret showed up."""
    secrets = [x.encode() for x in a["secrets"]]
    readable, found, denied = [], [], 0
    paths = list(a["paths"])
    for root in a["roots"]:
        for dirpath, _dirs, files in os.walk(root, onerror=lambda e: None):
            paths += [os.path.join(dirpath, f) for f in files]
    for p in paths:
        try:
            st = os.lstat(p)
            if not (os.path.isfile(p) and not os.path.islink(p)) or st.st_size > 200_000_000:
                continue
            if st.st_mtime < a.get("since", 0):
                continue
            data = Path(p).read_bytes()
        except OSError:
            denied += 1
            continue
        readable.append(p)
        found += [f"{p}: {x.decode()[:20]}" for x in secrets if x in data]
    listed = {}
    for d in a.get("dirs", []):
        try:
            listed[d] = len(os.listdir(d))
        except OSError as exc:
            listed[d] = type(exc).__name__
    return {"readable": readable, "found": found, "denied": denied, "listed": listed}


def _raw(sock_path: str, frames: list[bytes]) -> list:  # noqa: ANN202
    """Hand-written frames on the socket; each reply decoded (or what happened)."""
    import pickle

    out = []
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(30)
    s.connect(sock_path)
    for f in frames:
        try:
            s.sendall(f)
            head = s.recv(4, socket.MSG_WAITALL)
            if len(head) < 4:
                out.append("closed")
                continue
            (n,) = struct.unpack(">I", head)
            body = b""
            while len(body) < n:
                body += s.recv(n - len(body))
            out.append(pickle.loads(body))
        except OSError as exc:
            out.append(f"closed: {type(exc).__name__}")
    s.close()
    return out


def _frame(obj) -> bytes:  # noqa: ANN001
    body = json.dumps(obj).encode() if not isinstance(obj, bytes) else obj
    return struct.pack(">I", len(body)) + body


def _outcome(fn) -> str:  # noqa: ANN001
    try:
        r = fn()
    except Exception as exc:  # noqa: BLE001
        return f"refused {type(exc).__name__}: {exc}"
    return f"ALLOWED {r!r}"[:300]


def attack(a: dict) -> dict:
    from app.people.actor import SYSTEM

    sock, other, cls = a["socket"], a["other_id"], a["class_id"]
    res: dict = {}
    forged = {"person_id": other, "role": "teacher", "school_id": "", "name": "x"}
    # Before any sign-in, on a fresh connection.
    res["before_sign_in"] = _raw(sock, [_frame({"call": "what_next.for_student", "args": [other]})])[0]
    res["forged_actor_field"] = _raw(sock, [_frame({"call": "what_next.for_student", "args": [other],
                                                    "actor": forged})])[0]  # fmt: skip
    res["forged_actor_kwarg"] = _raw(sock, [_frame({"call": "accounts.sign_in_classes",
                                                    "kwargs": {"actor": forged}})])[0]  # fmt: skip
    res["forged_actor_arg"] = _raw(sock, [_frame({"call": "accounts.sign_in_classes", "args": [forged]})])[0]
    res["unknown_method"] = [
        _raw(sock, [_frame({"call": name})])[0]
        for name in (
            "accounts._lock",
            "privacy.erase_student",
            "accounts.__init__",
            "db.write",
            "sync.set_folder",
            "team_work.attach",
            "team_work.file_path",
        )  # fmt: skip
    ]
    res["not_json"] = _raw(sock, [_frame(b"\x80\x04\x95 not json at all")])[0]
    res["oversize"] = _raw(sock, [struct.pack(">I", 64 * 1024 * 1024) + b"{"])[0]
    res["clock"] = _raw(sock, [_frame({"call": "accounts.sign_in_student",
                                       "args": [cls, a["my_id"], "0000"], "kwargs": {"now": 4e9}})])[0]  # fmt: skip
    # Sign in as myself on one connection; a second connection claims that session.
    c, s = _client(sock)
    _k, me = _sign_in(s, a["class_name"], a["name"], a["pin"])
    res["replay_session"] = _raw(sock, [_frame({"call": "what_next.for_student", "args": [me.person_id],
                                                "session": me.person_id})])[0]  # fmt: skip
    res["second_connection"] = _raw(
        sock, [_frame({"call": "what_next.for_student", "args": [me.person_id]})]
    )[0]
    # Signed in as myself: another student's work, and the teacher's calls.
    res["other_home"] = _outcome(lambda: s.what_next.for_student(me, other))
    res["other_plan"] = _outcome(lambda: s.plans.get(me, other))
    res["other_checkins"] = _outcome(lambda: s.checkins.for_student(me, other))
    res["other_journal"] = _outcome(lambda: s.journal.tasks_of(other))
    res["other_profile"] = _outcome(lambda: s.profiles.get(me, other))
    res["set_other_pin"] = _outcome(lambda: s.accounts.set_pin(me, cls, other, "0000"))
    res["unlock_other"] = _outcome(lambda: s.accounts.unlock(me, other))
    res["add_student"] = _outcome(lambda: s.roster.add_student(me, cls, "Mallory"))
    res["class_checkins"] = _outcome(lambda: s.checkins.class_view(me, cls))
    res["system_actor"] = _outcome(lambda: c.call("what_next.for_student", SYSTEM, other))
    res["still_me"] = c.call("session.who").person_id == me.person_id
    res["sign_in_other_without_pin"] = _outcome(lambda: s.accounts.sign_in_student(cls, other, ""))
    res["signed_out_after_failed_sign_in"] = c.call("session.who") is None

    # The old attack: the app's own code with the SYSTEM actor on the lab's database.
    def system_reset() -> object:
        from app.bootstrap import open_context

        ctx = open_context(a["data_dir"])
        ctx.services.accounts.set_pin(SYSTEM, cls, other, "0000")
        return "reset"

    res["system_reset_pin"] = _outcome(system_reset)
    from app.lab.folder import folder_problem

    res["folder_check"] = folder_problem(Path(a["data_dir"]), lab_mode=True)
    res["read_db"] = _outcome(lambda: len(Path(a["data_dir"], "tessera.db").read_bytes()))
    time.sleep(0.1)
    return res


if __name__ == "__main__":
    cmd, arg = sys.argv[1], json.loads(sys.argv[2])
    print(json.dumps({"work": work, "snoop": snoop, "attack": attack}[cmd](arg), default=repr))
