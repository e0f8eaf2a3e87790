"""Signed sync, the happy path: a school set up with a key, a lab machine that asks to join, is
approved, and syncs both ways; what it wrote before approval is kept aside, then applied."""

from __future__ import annotations

from synchelp import count, dump
from trusthelp import add_work, batch_plain, data_dir, quarantined, signed_school

from app.identity.keys import device
from app.sync.session import sync_once
from app.trust.state import TrustState


def test_lab_machine_enrols_and_syncs_both_ways(make_db, share):
    sch = signed_school(make_db, share)
    add_work(sch.lab, sch.sd, 5)
    add_work(sch.laptop, sch.sd, 3)
    for _ in range(2):
        a = sync_once(sch.lab, share)
        b = sync_once(sch.laptop, share)
    assert a.signed and b.signed
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 8
    assert count(sch.lab, "SELECT COUNT(*) FROM attempt") == 8
    assert quarantined(sch.laptop) == [] and quarantined(sch.lab) == []
    assert dump(sch.laptop, with_clocks=False) == dump(sch.lab, with_clocks=False)


def test_an_unapproved_machine_reads_nothing_and_sends_nothing_until_approved(make_db, share):
    """Batches are encrypted with the school's data key, which travels with the approval: before
    it, a new machine takes nothing in (the class stays unreadable) and writes nothing into the
    folder; once approved it takes everything in and what it makes arrives."""
    sch = signed_school(make_db, share, enrol_lab=False)
    sync_once(sch.lab, share)
    assert count(sch.lab, "SELECT COUNT(*) FROM person") == 0
    assert not list((share / "tessera-sync" / "replicas" / sch.lab.replica_id).glob("chg-*"))
    from app.sync.folder import SyncFolder

    # the files it cannot open are not damaged: it does not tell their writers so
    assert SyncFolder(share, sch.lab.replica_id).read_own_seen().damaged == []
    sync_once(sch.laptop, share)
    st = TrustState.load(data_dir(sch.laptop))
    (req,) = st.pending_requests()
    assert req.device == device(data_dir(sch.lab)).id
    from app.trust import school

    school.approve(data_dir(sch.laptop), req.device, role="lab", classes=[sch.sd.klass])
    sync_once(sch.laptop, share)
    sync_once(sch.lab, share)
    assert count(sch.lab, "SELECT COUNT(*) FROM person") == count(sch.laptop, "SELECT COUNT(*) FROM person")
    add_work(sch.lab, sch.sd, 4)
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 4
    assert quarantined(sch.laptop) == []


def test_a_forwarded_segment_keeps_its_authors_seal(make_db, share):
    """After compaction a late joiner gets the lab machine's changes from the laptop: under the lab
    machine's own seal (its header and lines passed on byte for byte), not the laptop's."""
    import json

    from app.sync.folder import ROOT

    sch = signed_school(make_db, share)
    add_work(sch.lab, sch.sd, 6)
    for _ in range(3):  # both have seen everything: the lab's files are compacted away
        sync_once(sch.lab, share)
        sync_once(sch.laptop, share)
    lab_key = device(data_dir(sch.lab)).public
    late = make_db("late")
    sync_once(late, share)
    sync_once(sch.laptop, share)  # sees its request
    from app.trust import school

    school.approve(data_dir(sch.laptop), device(data_dir(late)).id, role="teacher", classes=[sch.sd.klass])
    sync_once(sch.laptop, share)  # its certificate and keys out; forwards what the late joiner lacks
    forwarded = [p for p in (share / ROOT / "replicas" / sch.laptop.replica_id).glob("chg-*.jsonl.gz")
                 if p.name.endswith(f"{sch.lab.replica_id}.jsonl.gz")]  # fmt: skip
    assert forwarded
    for p in forwarded:
        footer = json.loads(batch_plain(sch.laptop, p).rstrip(b"\n").rsplit(b"\n", 1)[1])
        assert footer["seal"]["k"] == lab_key
    sync_once(late, share)
    assert count(late, "SELECT COUNT(*) FROM attempt") == 6 and quarantined(late) == []


def test_changes_refused_by_the_policy_apply_once_the_certificate_allows_them(make_db, share):
    """A lab machine enrolled for one class writes work of a second class: refused and kept; the
    teacher adds the class to its certificate; the kept changes are checked again and applied."""
    from trusthelp import part

    from app.models import SchoolClass
    from app.trust import school

    sch = signed_school(make_db, share)
    with sch.laptop.write() as s:
        k2 = SchoolClass(school_id=sch.sd.school, name="6A", partition=f"{sch.sd.school}//")
        s.add(k2)
    sync_once(sch.laptop, share)
    sync_once(sch.lab, share)
    from app.models import Attempt

    with sch.lab.write() as s:
        st = sch.sd.students[0]
        s.add(Attempt(student_id=st, item_id=sch.sd.items[0], skill_id=sch.sd.skill, answer="x",
                      partition=part(sch.sd, st, k2.id)))  # fmt: skip
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 0
    assert {q[2] for q in quarantined(sch.laptop)} == {"lab-class"}
    me = device(data_dir(sch.lab))
    old = TrustState.load(data_dir(sch.laptop)).cert_of(me.public)
    school.issue(
        data_dir(sch.laptop), me.id, me.public, old.name, "lab", [sch.sd.klass, k2.id], list(old.replicas)
    )
    sync_once(sch.laptop, share)
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 1
    assert quarantined(sch.laptop) == []


def test_a_request_names_no_class_when_the_machine_could_read_none(make_db, share):
    """A new lab machine cannot read the encrypted folder before its approval, so its request
    names no class (it learnt none): the teacher names them on approval."""
    sch = signed_school(make_db, share, enrol_lab=False)
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    st = TrustState.load(data_dir(sch.laptop))
    (req,) = st.pending_requests()
    assert req.class_names == () and req.classes == ()


def test_a_lab_computer_approved_from_the_sync_page_gets_the_teachers_classes_not_every_class(make_db, share):
    """An unenrolled computer cannot read the encrypted share, so its request names no classes; the
    Sync page's Approve gives it the approving teacher's classes (the command line may still say "*")."""
    import pytest

    from app.identity.docs import ALL_CLASSES
    from app.trust import school as trust_school
    from app.trust.school import TrustError

    sch = signed_school(make_db, share, enrol_lab=False)
    sync_once(sch.laptop, share)  # sees the lab's request
    lab_id = device(data_dir(sch.lab)).id
    st = TrustState.load(data_dir(sch.laptop))
    assert st.requests[lab_id].classes in ([], ())  # it could not read which classes there are
    with pytest.raises(TrustError, match="Choose the classes"):
        trust_school.approve(data_dir(sch.laptop), lab_id, role="lab", lab_default=[])
    cert = trust_school.approve(data_dir(sch.laptop), lab_id, role="lab", lab_default=[sch.sd.klass])
    assert cert.classes == (sch.sd.klass,) and ALL_CLASSES not in cert.classes
