"""The gate on its own: hostile seals and lines never crash it, any change to a sealed segment's
bytes is refused, and the write policy's rules for lab machines (fields, partitions of rows already
here). Hypothesis for the parser-like parts."""

from __future__ import annotations

import hashlib
import json
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.identity import ed25519
from app.identity.docs import Cert, derived_replica_id
from app.store.hlc import Stamp
from app.sync.changes import ChangeRec
from app.trust.gate import Gate
from app.trust.policy import Policy
from app.trust.segment import Seal, make_seal
from app.trust.state import School, TrustState

SCHOOL_KEY = ed25519.new_private()
DEVICE = ed25519.new_private()
PUB = ed25519.public_of(DEVICE)
ORIGIN = derived_replica_id(PUB)
SCHOOL = "school-1"


def _state(role: str = "lab") -> TrustState:
    st_ = TrustState.__new__(TrustState)
    st_.__init__(folder=None)  # type: ignore[arg-type]
    st_.school = School(ed25519.public_of(SCHOOL_KEY), "Hill", (SCHOOL,), 1)
    st_.certs = {PUB: Cert("d1", PUB, "LAB-07", st_.school.fingerprint, ("k1",), role, 3, time.time() + 1e6)}
    return st_


def _line(seq: int, table: str = "attempt", fields: dict | None = None, partition: str = f"{SCHOOL}/k1/s1",
          op: str = "upsert") -> str:  # fmt: skip
    hlc = Stamp(int(time.time() * 1000), 0, ORIGIN).encode()
    fields = fields if fields is not None else {"id": f"a{seq}", "deleted": False, "partition": partition}
    return "\t".join([ORIGIN, str(seq), hlc, table, f"a{seq}", op, partition, "2", json.dumps(fields)])


class _Ref:
    origin, first, rel, size = ORIGIN, 1, "x", 0

    def __init__(self, n: int) -> None:
        self.last = n


def _sealed(lines: list[str]) -> tuple[bytes, dict]:
    changes = "".join(x + "\n" for x in lines).encode()
    body = b'{"format":"tessera-changes"}\n' + changes
    seal = make_seal(DEVICE, 3, ORIGIN, 1, len(lines), 2, hashlib.sha256(body).hexdigest())
    return body, {"seal": seal.to_json()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_change_to_a_sealed_segment_is_refused(data):
    lines = [_line(i + 1) for i in range(3)]
    body, footer = _sealed(lines)
    pos = data.draw(st.integers(0, len(body) - 2))
    new = data.draw(st.integers(0, 255).filter(lambda b: b != body[pos]))
    bad = body[:pos] + bytes([new]) + body[pos + 1 :]
    changes = [ChangeRec.decode(x) for x in lines]
    v = Gate(_state()).check(_Ref(3), bad, footer, changes)
    assert v.refusal is not None and v.refusal.code == "altered"
    assert Gate(_state()).check(_Ref(3), body, footer, changes).refusal is None


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.none(), st.text(), st.integers(), st.dictionaries(st.sampled_from(list("oflvshkg") + ["x"]),
                                                                       st.one_of(st.text(), st.integers()))))  # fmt: skip
def test_hostile_seals_never_crash_and_are_refused(seal):
    lines = [_line(1)]
    body, _ = _sealed(lines)
    v = Gate(_state()).check(_Ref(1), body, {"seal": seal}, [ChangeRec.decode(lines[0])])
    assert v.refusal is not None
    assert Seal.from_json(seal) is None or not Seal.from_json(seal).holds()


def test_lab_machine_field_and_stored_partition_rules():
    cert = _state().certs[PUB]
    pol = Policy(cert, frozenset({SCHOOL}))
    now = f"{int(time.time() * 1000) + 300_000:013d}"
    notes = ChangeRec.decode(_line(1, "profile", {"teacher_notes": "x"}))
    assert pol.check(notes, now).code == "lab-field"
    mine = ChangeRec.decode(_line(2, "profile", {"about_me": "I like maps"}))
    assert pol.check(mine, now) is None
    # an edit naming its own class, of a record that is another class's here
    edit = ChangeRec.decode(_line(3, "plan", {"title": "mine now"}))
    lines = [_line(3, "plan", {"title": "mine now"})]
    body, footer = _sealed(lines)
    ref = _Ref(1)
    ref.first = ref.last = 3
    body, footer = _sealed_at(lines, 3)
    v = Gate(_state()).check(ref, body, footer, [edit], lookup=lambda t, r: f"{SCHOOL}/k2/s9")
    assert v.refused and v.refused[0][1].code == "lab-class"
    # teacher devices: another school's partition refused, their own school's anything
    tcert = _state("teacher").certs[PUB]
    tpol = Policy(tcert, frozenset({SCHOOL}))
    assert tpol.check(ChangeRec.decode(_line(4, "account", {"pin_hash": "x"})), now) is None
    assert (
        tpol.check(ChangeRec.decode(_line(5, "account", {"pin_hash": "x"}, "other/k1/s1")), now).code
        == "school"
    )
    assert tpol.check(ChangeRec.decode(_line(6, "goal", {}, op="purge")), now).code == "purge"


def _sealed_at(lines: list[str], first: int) -> tuple[bytes, dict]:
    changes = "".join(x + "\n" for x in lines).encode()
    body = b'{"format":"tessera-changes"}\n' + changes
    seal = make_seal(DEVICE, 3, ORIGIN, first, first + len(lines) - 1, 2, hashlib.sha256(body).hexdigest())
    return body, {"seal": seal.to_json()}


def test_a_change_from_the_future_that_breaks_a_rule_is_refused_not_held():
    cert = _state().certs[PUB]
    pol = Policy(cert, frozenset({SCHOOL}))
    now = f"{int(time.time() * 1000) + 300_000:013d}"
    ahead = Stamp(int(time.time() * 1000) + 3_600_000, 0, ORIGIN).encode()
    c = ChangeRec.decode(_line(1, "account", {"pin_hash": "x"}))
    c.hlc = ahead
    assert pol.check(c, now).code == "lab-table"
    ok = ChangeRec.decode(_line(2))
    ok.hlc = ahead
    assert pol.check(ok, now).code == "future"
