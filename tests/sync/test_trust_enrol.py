"""Signed sync, the happy path: a school set up with a key, a lab machine that asks to join, is
approved, and syncs both ways; what it wrote before approval is kept aside, then applied."""

from __future__ import annotations

from synchelp import count, dump
from trusthelp import add_work, data_dir, quarantined, signed_school

from app.sync.session import sync_once
from app.trust.keys import device
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


def test_changes_made_before_approval_are_kept_aside_then_applied(make_db, share):
    sch = signed_school(make_db, share, enrol_lab=False)
    add_work(sch.lab, sch.sd, 4)
    sync_once(sch.lab, share)
    sync_once(sch.laptop, share)
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 0
    kept = quarantined(sch.laptop)
    assert len(kept) >= 4 and {k[2] for k in kept} == {"unknown"}
    st = TrustState.load(data_dir(sch.laptop))
    (req,) = st.pending_requests()
    assert req.device == device(data_dir(sch.lab)).id
    from app.trust import school

    school.approve(data_dir(sch.laptop), req.device, role="lab", classes=[sch.sd.klass])
    sync_once(sch.laptop, share)
    assert count(sch.laptop, "SELECT COUNT(*) FROM attempt") == 4
    assert quarantined(sch.laptop) == []
