"""Devices syncing through a real server process (SQLite and PostgreSQL): pushes are idempotent,
pulls are paged by cursor, a lab machine gets its class only (the rest as stand-ins that keep
their places), and every device ends holding the same changes as the server."""

from __future__ import annotations

import uuid

from tests.server.conftest import SCHOOL_ROW

C1, C2 = f"{SCHOOL_ROW}/class-1", f"{SCHOOL_ROW}/class-2"


def _attempt(dev, part: str) -> None:  # noqa: ANN001
    rid = str(uuid.uuid4())
    student = part.split("/")[2]
    dev.change("attempt", rid, {"id": rid, "student_id": student, "correct": True}, part)


def test_push_pull_scope_and_idempotence(world):
    teacher = world.device("teacher")
    lab = world.device("lab-1", "lab", ["class-1"])
    for i in range(30):
        _attempt(teacher, f"{C1 if i % 2 else C2}/stu-{i % 4}")
    teacher.change("profile", "p1", {"id": "p1", "student_id": "stu-1", "strengths": "maths"}, f"{C1}/stu-1")
    assert teacher.push() == 31
    lab.pull()
    got = lab.real()
    mine = {k for k, c in teacher.held.items() if c.partition.split("/")[1] == "class-1"}
    assert set(got) == mine  # class 1 only, every change of it
    assert lab.vector[teacher.me] == 31  # stand-ins keep the vector contiguous
    _attempt(lab, f"{C1}/stu-1")
    lab.push()
    assert teacher.pull() == 1
    assert set(teacher.real()) == set(teacher.held)
    # Nothing new: a no-change sync takes nothing.
    assert teacher.pull() == 0 and lab.pull() == 0


def test_push_twice_is_harmless(world):
    dev = world.device("teacher")
    for i in range(10):
        _attempt(dev, f"{C1}/stu-{i}")
    batches = dev.batches()
    for first, last, data in batches:
        dev.t.put_batch(dev.me, first, last, data)
        dev.t.put_batch(dev.me, first, last, data)  # a retry after a lost answer
    other = world.device("other")
    other.pull()
    assert len(other.real()) == 10
    assert other.t.server_vector([dev.me]) == {dev.me: 10}


def test_check_counts_match_what_a_device_holds(world):
    from tessera_server.ingest import HASH_MOD, key_hash

    dev = world.device("teacher")
    for i in range(12):
        _attempt(dev, f"{C1 if i % 3 else C2}/stu-{i}")
    dev.push()
    server = dev.t.check()
    mine: dict[str, list[int]] = {}
    for c in dev.held.values():
        part = "/".join(c.partition.split("/")[:2])
        s = mine.setdefault(part, [0, 0])
        s[0] += 1
        s[1] = (s[1] + key_hash(c.replica_id, c.seq)) % HASH_MOD
    assert {p: [v["count"], v["hash"]] for p, v in server.items()} == mine
