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
