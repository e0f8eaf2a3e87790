"""The write policy for issue 21's roles: a leader's device may publish the framework and the
success measures and writes no class's work; a teacher's device (certificate naming its classes)
may not change another teacher's class, nor the framework; an edit naming its own class of a row
that is another class's here is refused too."""

from __future__ import annotations

import hashlib
import json
import time

from app.identity import ed25519
from app.identity.docs import ALL_CLASSES, Cert, derived_replica_id
from app.store.hlc import Stamp
from app.sync.changes import ChangeRec
from app.trust.gate import Gate
from app.trust.policy import Policy
from app.trust.segment import make_seal
from app.trust.state import School, TrustState

SCHOOL_KEY = ed25519.new_private()
DEVICE = ed25519.new_private()
PUB = ed25519.public_of(DEVICE)
ORIGIN = derived_replica_id(PUB)
SCHOOL = "school-1"


def _now() -> str:
    """The latest stamp the checker takes (its clock plus 5 minutes), read at each check: taken once at
    import, a full run that reached these tests more than 5 minutes later saw its stamps as from the future."""
    return f"{int(time.time() * 1000) + 300_000:013d}"


def _cert(role: str, classes=("k1",)) -> Cert:  # noqa: ANN001
    return Cert("d1", PUB, "LAPTOP", "fp", tuple(classes), role, 3, time.time() + 1e6)


def _line(seq: int, table: str, fields: dict, partition: str) -> str:
    hlc = Stamp(int(time.time() * 1000), 0, ORIGIN).encode()
    return "\t".join([ORIGIN, str(seq), hlc, table, f"r{seq}", "upsert", partition, "2", json.dumps(fields)])


def _check(role: str, table: str, partition: str, classes=("k1",)):  # noqa: ANN001, ANN202
    pol = Policy(_cert(role, classes), frozenset({SCHOOL}))
    return pol.check(ChangeRec.decode(_line(1, table, {"id": "r1"}, partition)), _now())


def test_only_leader_and_admin_devices_publish_the_framework_and_measures():
    for table in ("framework_version", "framework_adoption", "local_skill", "success_measure"):
        assert _check("leader", table, f"{SCHOOL}//", (ALL_CLASSES,)) is None
        assert _check("admin", table, f"{SCHOOL}//", (ALL_CLASSES,)) is None
        assert _check("teacher", table, f"{SCHOOL}//", (ALL_CLASSES,)).code == "leader-table"
        assert _check("teacher", table, f"{SCHOOL}//").code == "leader-table"
        assert _check("lab", table, f"{SCHOOL}/k1/s1").code in ("lab-table", "leader-table")
    # a district's framework (no school) too
    assert _check("teacher", "framework_version", "//", (ALL_CLASSES,)).code == "leader-table"


def test_a_leader_device_writes_school_rows_not_a_class_work():
    assert _check("leader", "library_item", f"{SCHOOL}//", (ALL_CLASSES,)) is None
    assert _check("leader", "plan", f"{SCHOOL}/k1/s1", (ALL_CLASSES,)).code == "leader-class"
    assert _check("leader", "teacher_note", f"{SCHOOL}/k2/s1", ("k1",)).code == "leader-class"
    assert _check("leader", "teacher_note", f"{SCHOOL}/k1/s1", ("k1",)) is None  # a leader who teaches k1


def test_a_teacher_device_may_not_change_another_teachers_class():
    assert _check("teacher", "plan", f"{SCHOOL}/k1/s1") is None
    assert _check("teacher", "teacher_note", f"{SCHOOL}/k1/s1") is None
    assert _check("teacher", "plan", f"{SCHOOL}/k2/s9").code == "class"
    assert _check("teacher", "school_class", f"{SCHOOL}/k2/").code == "class"
    # a co-teacher's certificate names both classes
    assert _check("teacher", "plan", f"{SCHOOL}/k2/s9", ("k1", "k2")) is None
    # school-wide rows (library, staff) stay open to teachers of the school
    assert _check("teacher", "library_item", f"{SCHOOL}//") is None
    # an older certificate for every class keeps working as before
    assert _check("teacher", "plan", f"{SCHOOL}/k2/s9", (ALL_CLASSES,)) is None


def _state(role: str) -> TrustState:
    st_ = TrustState.__new__(TrustState)
    st_.__init__(folder=None)  # type: ignore[arg-type]
    st_.school = School(ed25519.public_of(SCHOOL_KEY), "Hill", (SCHOOL,), 1)
    st_.certs = {PUB: Cert("d1", PUB, "LAPTOP", st_.school.fingerprint, ("k1",), role, 3, time.time() + 1e6)}
    return st_


class _Ref:
    origin, first, last, rel, size = ORIGIN, 1, 1, "x", 0


def test_gate_refuses_a_teacher_edit_that_claims_its_own_class_for_another_class_row():
    line = _line(1, "plan", {"title": "mine now"}, f"{SCHOOL}/k1/s1")
    body = b'{"format":"tessera-changes"}\n' + (line + "\n").encode()
    seal = make_seal(DEVICE, 3, ORIGIN, 1, 1, 2, hashlib.sha256(body).hexdigest())
    edit = ChangeRec.decode(line)
    v = Gate(_state("teacher")).check(_Ref(), body, {"seal": seal.to_json()}, [edit],
                                      lookup=lambda t, r: f"{SCHOOL}/k2/s9")  # fmt: skip
    assert v.refusal is None and v.refused and v.refused[0][1].code == "class"
    ok = ChangeRec.decode(line)
    v = Gate(_state("teacher")).check(_Ref(), body, {"seal": seal.to_json()}, [ok],
                                      lookup=lambda t, r: f"{SCHOOL}/k1/s1")  # fmt: skip
    assert not v.refused
