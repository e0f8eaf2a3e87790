"""Framework versions without a database: a draft's edits (rename, split, retire, add, prerequisites)
and their undo; the mapping a draft implies; evidence rolled forward loses nothing (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import InvalidInput
from app.school.draft import FrameworkDraft
from app.school.versions import RETIRED, Version, check_next, forward, rollup, skills_of

V1 = {"domains": [
    {"id": "N", "name": "Number", "skills": [
        {"id": "N1", "name": "Counting", "prerequisites": []},
        {"id": "N2", "name": "Adding", "prerequisites": ["N1"]},
        {"id": "N3", "name": "Fractions", "prerequisites": ["N2"]}]},
    {"id": "W", "name": "Writing", "skills": [{"id": "W1", "name": "Sentences", "prerequisites": []}]},
]}  # fmt: skip


def test_draft_edits_mapping_and_undo():
    d = FrameworkDraft(V1, 1)
    d.rename("N1", "Counting to 100")
    d.split("N2", [("N2a", "Adding within 20"), ("N2b", "Adding within 100")])
    d.retire("W1")
    d.add_skill("W", "W2", "Paragraphs")
    d.split("N2b", [("N2b1", "Adding tens"), ("N2b2", "Adding ones")])
    assert d.mapping == {"N2": ["N2a", "N2b1", "N2b2"], "W1": []}
    assert skills_of(d.body)["N3"]["prerequisites"] == ["N2a", "N2b1", "N2b2"]
    assert check_next(V1, d.checked(), d.mapping) == d.mapping
    with pytest.raises(InvalidInput):
        d.set_prerequisites("N1", ["N3"])  # a loop
    assert d.undo() == "split N2b"
    assert d.undo() == "add W2" and d.undo() == "retire W1"
    assert d.mapping == {"N2": ["N2a", "N2b"]} and "W1" in skills_of(d.body)
    while d.can_undo:
        d.undo()
    assert d.body == V1 and d.mapping == {}


def test_a_version_must_say_where_every_old_skill_goes():
    v2 = {"domains": [{"id": "N", "name": "Number", "skills": [{"id": "N1", "name": "Counting"}]}]}
    with pytest.raises(InvalidInput):
        check_next(V1, v2, {})
    assert check_next(V1, v2, {"N2": ["N1"], "N3": [], "W1": []})
    with pytest.raises(InvalidInput):
        check_next(V1, v2, {"N2": ["nowhere"], "N3": [], "W1": []})
    for bad in (
        [],
        {"domains": [{"id": "x"}]},
        {"domains": [{"id": "x", "skills": [{"id": "a", "name": "A", "prerequisites": ["zz"]}]}]},
    ):
        with pytest.raises(InvalidInput):
            check_next(None, bad, {})  # type: ignore[arg-type]


_ops = st.lists(
    st.tuples(st.sampled_from(["rename", "split", "retire", "add"]), st.integers(0, 50)), max_size=12
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ops, _ops, st.lists(st.integers(0, 50), max_size=40))
def test_evidence_rolled_forward_through_two_versions_loses_nothing(ops2, ops3, evidence_at):
    versions = [Version("a", "k", 1, "", V1, {}, 1.0)]
    body = V1
    for n, ops in ((2, ops2), (3, ops3)):
        d = FrameworkDraft(body, n - 1)
        for i, (op, pick) in enumerate(ops):
            ids = sorted(skills_of(d.body))
            if not ids:
                break
            k = ids[pick % len(ids)]
            if op == "rename":
                d.rename(k, f"renamed {i}")
            elif op == "split":
                d.split(k, [(f"{k}.{n}{i}a", "part a"), (f"{k}.{n}{i}b", "part b")])
            elif op == "retire":
                d.retire(k)
            else:
                d.add_skill("N", f"new{n}{i}", "a new skill")
        check_next(body, d.body, d.mapping)
        body = d.body
        versions.append(Version(str(n), "k", n, "", body, d.mapping, float(n)))
    v1_ids = sorted(skills_of(V1))
    ev = [(f"e{i}", v1_ids[x % len(v1_ids)]) for i, x in enumerate(evidence_at)]
    out = rollup(ev, versions)
    latest = set(skills_of(body)) | {RETIRED}
    assert set(out) <= latest  # every bucket is a shared id of the newest version (or retired)
    assert set().union(*out.values()) == {e for e, _k in ev} if ev else out == {}
    # the same evidence reported by v1 ids maps bucket for bucket into the newest ids
    fwd = forward(versions)
    for e, k in ev:
        assert {b for b, ids in out.items() if e in ids} == set(fwd[k])
