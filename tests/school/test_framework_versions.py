"""The framework schools grow into, on real databases: publish Tessera's default as version 1, adopt
domain by domain, the school's own skill and wording under shared ids, a CASE import; and the
property test: two versions (rename, split, retire, extend) on three replicas syncing through a real
folder - every replica reports the same roll-up to the same shared ids, and no evidence is lost."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from schoolhelp import make_school  # noqa: E402
from synchelp import converge  # noqa: E402

from app.bootstrap import open_context  # noqa: E402
from app.errors import InvalidInput, PermissionDenied  # noqa: E402
from app.models import Attempt, Item  # noqa: E402
from app.school.draft import FrameworkDraft  # noqa: E402
from app.school.versions import RETIRED, forward, skills_of  # noqa: E402


def test_publish_adopt_local_skills_and_wording(school):
    fw = school.ctx.services.school.frameworks
    with pytest.raises(PermissionDenied):
        fw.publish_default(school.teacher)
    v1 = fw.publish_default(school.leader)  # the demo school published one already: this is the next
    assert v1.version >= 1 and len(skills_of(v1.body)) >= 20
    first = v1.body["domains"][0]
    shared = first["skills"][0]["id"]
    assert fw.adopt(school.leader, first["id"]).version == v1.version
    assert first["id"] in [a.domain_id for a in fw.adoptions(school.teacher)]
    fw.set_wording(school.leader, shared, "Our words for it")
    fw.add_local_skill(school.leader, shared, "LOCAL.1", "Our own extension")
    by_code = school.ctx.services.framework.skills_by_code()
    assert by_code[shared].name == "Our words for it" and "LOCAL.1" in by_code
    # evidence on the school's own skill counts toward the shared id
    with school.ctx.db.write() as s:
        item = Item(skill_id=by_code["LOCAL.1"].id, prompt="1+1", answer="2")
        s.add(item)
        s.flush()
        s.add(
            Attempt(
                student_id=school.info.student_ids[0], item_id=item.id, skill_id=item.skill_id, partition="//"
            )
        )
    report = {r.shared_id: r for r in fw.report(school.leader)}
    assert (
        "LOCAL.1" not in report and report[shared].name == "Our words for it" and report[shared].evidence >= 1
    )
    # a new version must say where every old skill goes; a split is one draft step
    d = FrameworkDraft(v1.body, 1)
    d.split(shared, [("S.a", "Part a"), ("S.b", "Part b")])
    with pytest.raises(InvalidInput):
        fw.publish(school.leader, "v2", d.body, {})
    v2 = fw.publish(school.leader, "v2", d.body, d.mapping)
    fw.adopt(school.leader, first["id"], v2.version)
    by_code = school.ctx.services.framework.skills_by_code()
    assert shared not in by_code and {"S.a", "S.b"} <= set(by_code)
    after = {r.shared_id: r.evidence for r in fw.report(school.leader)}
    assert after["S.a"] == after["S.b"] == report[shared].evidence and v2.version == v1.version + 1


CASE = {"CFDocument": {"identifier": "d-1", "title": "District maths"},
        "CFItems": [{"identifier": "g1", "humanCodingScheme": "D.N", "fullStatement": "Number", "CFItemType": "Domain"},
                    {"identifier": "g2", "humanCodingScheme": "D.N.1", "fullStatement": "Count to 100"},
                    {"identifier": "g3", "humanCodingScheme": "D.N.2", "fullStatement": "Add within 20"}],
        "CFAssociations": [{"associationType": "isChildOf", "originNodeURI": {"identifier": "g2"}, "destinationNodeURI": {"identifier": "g1"}},
                           {"associationType": "isChildOf", "originNodeURI": {"identifier": "g3"}, "destinationNodeURI": {"identifier": "g1"}},
                           {"associationType": "precedes", "originNodeURI": {"identifier": "g2"}, "destinationNodeURI": {"identifier": "g3"}}]}  # fmt: skip


def test_a_district_framework_from_case(school):
    import json

    v = school.ctx.services.school.frameworks.import_case(school.leader, json.dumps(CASE), key="district")
    assert v.source == "case" and [d["id"] for d in v.body["domains"]] == ["D.N"]
    assert skills_of(v.body)["D.N.2"]["prerequisites"] == ["D.N.1"]


# -- the property test: three replicas, two versions, a real folder ----------------------------------------
@pytest.fixture(scope="module")
def base(demo_template, tmp_path_factory):
    src, info = demo_template
    d = tmp_path_factory.mktemp("fw-base")
    shutil.copy2(src / "tessera.db", d / "tessera.db")
    ctx = open_context(d)
    sch = make_school(ctx, info)
    ctx.services.school.frameworks.publish_default(sch.leader)
    ids = (sch.leader, sch.teacher, sch.other, info.student_ids[:4], sch.b_students)
    ctx.close()
    return d, ids


_op = st.tuples(st.sampled_from(["rename", "split", "retire", "add"]), st.integers(0, 500))


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    ops=st.lists(_op, min_size=1, max_size=6), picks=st.lists(st.integers(0, 500), min_size=3, max_size=12)
)
def test_two_versions_on_three_replicas_lose_no_evidence(base, tmp_path_factory, ops, picks):
    src, (leader, teacher, _other, a_kids, b_kids) = base
    root = tmp_path_factory.mktemp("fw")
    share = root / "share"
    share.mkdir()
    ctxs = []
    for name in ("leader", "teacher", "other"):
        (root / name).mkdir()
        shutil.copy2(src / "tessera.db", root / name / "tessera.db")
        ctxs.append(open_context(root / name))
    try:
        r1, r2, r3 = ctxs
        fw1 = r1.services.school.frameworks
        v1 = fw1.latest(leader)
        v1_ids = sorted(skills_of(v1.body))
        # the leader adopts every domain, adds a local skill under one shared id
        for dom in v1.body["domains"]:
            fw1.adopt(leader, dom["id"])
        local_parent = v1_ids[picks[0] % len(v1_ids)]
        fw1.add_local_skill(leader, local_parent, "LOCAL.X", "Our extension")
        converge([c.db for c in ctxs], share)
        # teachers record evidence on their own machines: shared skills and the local one
        recorded: dict[str, str] = {}
        for ctx, kids in ((r2, a_kids), (r3, b_kids)):
            codes = ctx.services.framework.skills_by_code()
            with ctx.db.write() as s:
                for i, p in enumerate(picks):
                    code = "LOCAL.X" if i % 4 == 3 else v1_ids[p % len(v1_ids)]
                    item = Item(skill_id=codes[code].id, prompt="q", answer="a")
                    s.add(item)
                    s.flush()
                    att = Attempt(
                        student_id=kids[i % len(kids)],
                        item_id=item.id,
                        skill_id=item.skill_id,
                        partition="//",
                    )
                    s.add(att)
                    s.flush()
                    recorded[att.id] = local_parent if code == "LOCAL.X" else code
        converge([c.db for c in ctxs], share)
        before = fw1.evidence(leader)
        # the leader's next version: renames, splits, retirements, additions
        d = FrameworkDraft(v1.body, 1)
        for i, (op, p) in enumerate(ops):
            ids = sorted(skills_of(d.body))
            k = ids[p % len(ids)]
            if op == "rename":
                d.rename(k, f"Renamed {i}")
            elif op == "split":
                d.split(k, [(f"{k}.v2.{i}a", "Part a"), (f"{k}.v2.{i}b", "Part b")])
            elif op == "retire" and len(ids) > 1:
                d.retire(k)
            elif op == "add":
                d.add_skill(d.body["domains"][0]["id"], f"NEW.{i}", "A new skill")
        v2 = fw1.publish(leader, "Version 2", d.body, d.mapping)
        for dom in v2.body["domains"]:
            fw1.adopt(leader, dom["id"], v2.version)
        converge([c.db for c in ctxs], share)
        reports = [c.services.school.frameworks.evidence(leader) for c in ctxs]
        assert reports[0] == reports[1] == reports[2]  # every replica, the same roll-up
        after = reports[0]
        latest = set(skills_of(v2.body)) | {RETIRED}
        assert set(after) <= latest
        assert set(recorded) <= set().union(*after.values())  # nothing lost
        fwd = forward(r1.services.school.frameworks.versions(leader))
        for eid, shared in recorded.items():
            assert eid in before.get(shared, set())  # v1's report: under its shared id
            assert {b for b, ids in after.items() if eid in ids} == set(
                fwd[shared]
            )  # v2's: where the mapping says
        teacher_view = r2.services.school.frameworks.versions(teacher)
        assert (
            [v.version for v in teacher_view][-2:] == [v1.version, v2.version] == [v1.version, v1.version + 1]
        )
    finally:
        for c in ctxs:
            c.close()
