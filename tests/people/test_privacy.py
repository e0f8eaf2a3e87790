"""Export and erase on request."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlmodel import select

from app.errors import InvalidInput, PermissionDenied
from app.models import Attempt, Change, Person
from app.people.privacy import PrivacyService


def test_export_has_the_students_data_without_secrets(demo, teacher, tmp_path):
    ctx, info = demo
    sid = info.student_ids[0]
    result = PrivacyService(ctx.db).export_student(teacher, sid, tmp_path / "out")
    data = json.loads(result.path.read_text())
    assert data["tables"]["person"][0]["id"] == sid
    assert data["tables"]["attempt"] and all(a["student_id"] == sid for a in data["tables"]["attempt"])
    assert "pin_hash" not in json.dumps(data)
    assert result.rows == sum(len(v) for v in data["tables"].values())


def test_erase_purges_everywhere_and_needs_the_name(demo, teacher):
    ctx, info = demo
    sid = info.student_ids[1]
    svc = PrivacyService(ctx.db)
    with pytest.raises(InvalidInput, match="type the student's full name"):
        svc.erase_student(teacher, sid, "someone else")
    with ctx.db.read() as s:
        name = s.get(Person, sid).full_name
        before = s.execute(select(Attempt).where(Attempt.student_id == sid)).all()
    assert before
    removed = svc.erase_student(teacher, sid, name)
    assert removed > len(before)
    with ctx.db.read() as s:
        assert s.get(Person, sid) is None
        assert not s.execute(select(Attempt).where(Attempt.student_id == sid)).all()
        purges = s.execute(select(Change).where(Change.op == "purge")).scalars().all()
        assert len({(p.table_name, p.row_id) for p in purges}) == removed, [p.table_name for p in purges][:5]
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    assert len(ctx.services.roster.students(teacher, info.class_id)) == 23
    from app.models import LearnerSkillState

    with ctx.db.read() as s:  # derived estimates of the erased student are gone too
        assert not s.execute(select(LearnerSkillState).where(LearnerSkillState.student_id == sid)).all()


def test_students_cannot_export_or_erase(demo):
    ctx, info = demo
    klass = info.class_id
    pick = ctx.services.accounts.sign_in_students(klass)[0]
    me = ctx.services.accounts.sign_in_student(klass, pick.id, info.pin)
    with pytest.raises(PermissionDenied):
        PrivacyService(ctx.db).erase_student(me, me.person_id, me.name)
