"""A generated district in the quick size (3 schools, 2,000 users, 6,000 enrollments; the full
30 schools / 20,000 / 60,000 is benchmarks/roster_district.py): every row lands, a second import
changes nothing, a bulk file without one of its classes archives that class (memberships kept, for undo)."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import text

from app.people.actor import SYSTEM

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
sys.path.insert(0, str(Path(__file__).parent))
from interophelp import change_count
from rostergen import write_district


def test_quick_district_imports_whole_and_idempotent(ctx, tmp_path):
    made = write_district(tmp_path / "district", schools=3, users=2_000, enrollments=6_000)
    svc = ctx.services.roster_import
    plan = svc.apply(SYSTEM, tmp_path / "district")
    assert plan.rejects == []
    with ctx.db.read() as s:
        q = lambda sql: s.execute(text(sql)).scalar_one()
        assert q("SELECT COUNT(*) FROM school") == 3
        assert q("SELECT COUNT(*) FROM person WHERE role = 'student'") == made["students"]
        assert q("SELECT COUNT(*) FROM person WHERE role = 'teacher'") == made["teachers"]
        assert q("SELECT COUNT(*) FROM account WHERE password_hash IS NULL") == made["teachers"]
        assert q("SELECT COUNT(*) FROM school_class") == made["classes"]
        assert q("SELECT COUNT(*) FROM enrollment WHERE deleted = 0") == made["enrollments"]
        assert q("SELECT COUNT(*) FROM profile") == made["students"]
    n = change_count(ctx.db)
    assert svc.apply(SYSTEM, tmp_path / "district").empty
    assert change_count(ctx.db) == n
    # the next bulk file no longer has class 00007: it is archived, and its students taken out of it
    lines = (tmp_path / "district" / "classes.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "district" / "classes.csv").write_text(
        "\n".join(x for x in lines if not x.startswith("cls-00007,")) + "\n", encoding="utf-8"
    )
    enr = (tmp_path / "district" / "enrollments.csv").read_text(encoding="utf-8").splitlines()
    gone = sum(1 for x in enr if ",cls-00007," in x)
    (tmp_path / "district" / "enrollments.csv").write_text(
        "\n".join(x for x in enr if ",cls-00007," not in x) + "\n", encoding="utf-8"
    )
    plan = svc.apply(SYSTEM, tmp_path / "district")
    archived = [e for e in plan.entries if e.action == "archived"]
    assert sum(1 for e in archived if e.kind == "class") == 1
    # the class keeps its memberships (archived, not emptied): restoring it brings it back whole
    assert sum(1 for e in archived if e.kind == "enrollment") == 0
    with ctx.db.read() as s:
        kept = s.execute(
            text(
                "SELECT COUNT(*) FROM enrollment e JOIN external_id x ON x.tessera_id = e.class_id "
                "WHERE x.external_id = 'cls-00007' AND e.deleted = 0"
            )
        ).scalar_one()
        assert kept == gone
