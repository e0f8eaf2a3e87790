"""The Sync page's signed-sync service refuses a student at every door: seeing the refused changes
and the devices, approving, refusing or revoking a device, undoing a synced deletion."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied


def test_a_student_can_do_nothing_with_signed_sync(demo, as_student):
    ctx, _ = demo
    trust, student = ctx.services.trust, as_student(0)
    for call in (
        lambda: trust.overview(student),
        lambda: trust.refused_changes(student),
        lambda: trust.synced_actions(student),
        lambda: trust.undo_action(student, "elsewhere", 1),
        lambda: trust.approve(student, "device", "teacher"),
        lambda: trust.refuse(student, "device"),
        lambda: trust.revoke(student, "device"),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_undo_reverses_only_a_listed_action_from_another_computer(demo, teacher):
    """The Sync page offers undo for deletions and role changes that came by sync; the service keeps to
    that: a deletion made on this computer is not undone by naming its change."""
    from app.models import SchoolClass
    from app.store.raw import raw_connection

    ctx, _ = demo
    class_id = ctx.services.roster.my_classes(teacher)[0].id
    with ctx.db.write() as s:
        s.get(SchoolClass, class_id).deleted = True
    with ctx.db.read() as s:
        origin, seq = (
            raw_connection(s)
            .execute(
                "SELECT replica_id, seq FROM change WHERE table_name = 'school_class' AND row_id = ? "
                "ORDER BY seq DESC",
                (class_id,),
            )
            .fetchone()
        )
    assert ctx.services.trust.synced_actions(teacher) == []
    with pytest.raises(PermissionDenied):
        ctx.services.trust.undo_action(teacher, origin, seq)
    with ctx.db.read() as s:
        assert s.get(SchoolClass, class_id).deleted
