"""Read aloud is a per-student setting only a teacher turns on; the demo student whose accommodation
asks for it has it on."""

from __future__ import annotations

import pytest

from app.errors import InvalidInput, PermissionDenied
from tests.conftest import student_actor


def test_the_demo_student_who_prefers_read_aloud_has_it_on(demo, teacher):
    ctx, info = demo
    views = [ctx.services.profiles.get(teacher, sid) for sid in info.student_ids]
    wants = [v for v in views if "read aloud" in v.accommodations]
    assert wants and all(v.read_aloud for v in wants)
    assert not any(v.read_aloud for v in views if "read aloud" not in v.accommodations)


def test_a_teacher_turns_it_on_and_a_student_cannot(demo, teacher):
    ctx, info = demo
    me = student_actor(info, 0)
    assert ctx.services.profiles.get(me, me.person_id).read_aloud is False
    with pytest.raises(PermissionDenied):
        ctx.services.profiles.update(me, me.person_id, read_aloud=True)
    with pytest.raises(InvalidInput):
        ctx.services.profiles.update(teacher, me.person_id, read_aloud="yes")
    ctx.services.profiles.update(teacher, me.person_id, read_aloud=True)
    assert ctx.services.profiles.get(me, me.person_id).read_aloud is True
