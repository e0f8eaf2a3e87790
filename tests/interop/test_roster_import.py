"""Importing a roster: idempotent (zero change-log rows the second time), one transaction, synced like
any change, permission-checked (a teacher brings in only their classes; an admin picks), and usable
on an empty data folder from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import PermissionDenied, SignInError
from app.people.accounts import PasswordNotSet
from app.people.actor import SYSTEM, Actor

sys.path.insert(0, str(Path(__file__).parent.parent / "sync"))
sys.path.insert(0, str(Path(__file__).parent))
from interophelp import change_count


def test_second_import_writes_zero_change_rows(ctx, roster, fixtures):
    first = roster.apply(SYSTEM, fixtures / "or12_bulk")
    assert first.counts["created"] == 20
    before = change_count(ctx.db)
    again = roster.apply(SYSTEM, fixtures / "or12_bulk")
    assert again.counts["created"] == again.counts["updated"] == again.counts["archived"] == 0
    assert again.counts["unchanged"] == 20
    assert change_count(ctx.db) == before  # not even an audit row
    for name in ("or12_delta", "or11", "sds21", "clever"):
        roster.apply(SYSTEM, fixtures / name)
        n = change_count(ctx.db)
        assert roster.apply(SYSTEM, fixtures / name).empty
        assert change_count(ctx.db) == n, name


def test_bulk_file_archives_what_is_gone(ctx, roster, fixtures, tmp_path):
    import shutil

    roster.apply(SYSTEM, fixtures / "or12_bulk")
    smaller = tmp_path / "bulk2"
    shutil.copytree(fixtures / "or12_bulk", smaller)
    users = (smaller / "users.csv").read_bytes().replace(b"s-004,", b"s-004-gone,")
    (smaller / "users.csv").write_bytes(users)
    plan = roster.apply(SYSTEM, smaller)
    archived = {(e.kind, e.external_id) for e in plan.entries if e.action == "archived"}
    assert ("student", "s-004") in archived
    with ctx.db.read() as s:
        assert s.execute(text("SELECT archived FROM person WHERE given_name = 'Dana'")).scalar_one() == 1


def test_preview_writes_nothing_and_failure_writes_nothing(ctx, roster, fixtures, monkeypatch):
    n = change_count(ctx.db)
    roster.preview(SYSTEM, fixtures / "or12_bulk")
    assert change_count(ctx.db) == n
    import app.interop.roster_apply as ra

    real = ra.insert_synced
    calls = []

    def failing(session, model, rows, **kw):
        calls.append(model)
        if len(calls) == 4:
            raise RuntimeError("disk pulled mid-import")
        return real(session, model, rows, **kw)

    monkeypatch.setattr(ra, "insert_synced", failing)
    with pytest.raises(RuntimeError):
        roster.apply(SYSTEM, fixtures / "or12_bulk")
    assert change_count(ctx.db) == n
    with ctx.db.read() as s:
        assert s.execute(text("SELECT COUNT(*) FROM person")).scalar_one() == 0


def test_empty_folder_from_the_command_line_then_teacher_sets_password(tmp_path, fixtures):
    data = tmp_path / "fresh"
    cmd = [
        sys.executable,
        "-m",
        "app",
        "roster",
        "import",
        str(fixtures / "or12_bulk"),
        "--data-dir",
        str(data),
    ]
    dry = subprocess.run(
        cmd + ["--dry-run", "--json"], capture_output=True, text=True, timeout=120, check=False
    )
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["counts"]["created"] == 20
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert "20 created" in run.stdout and "ms.rivera" in run.stdout
    from app.bootstrap import open_context

    ctx = open_context(data)
    try:
        acc = ctx.services.accounts
        assert acc.has_teacher()  # the first-start wizard is not shown again
        with pytest.raises(PasswordNotSet):
            acc.sign_in_teacher("ms.rivera", "")
        actor = acc.set_first_password("ms.rivera", "a-good-password")
        with pytest.raises(SignInError, match="already has a password"):
            acc.set_first_password("ms.rivera", "someone-elses-try")  # only once
        assert acc.sign_in_teacher("ms.rivera", "a-good-password").person_id == actor.person_id
        classes = {c.name for c in ctx.services.roster.my_classes(actor)}
        assert classes == {"Maths 6, Room 2", "Year 5 Blue"}
        kids = {
            r.full_name
            for r in ctx.services.roster.students(
                actor, next(c.id for c in ctx.services.roster.my_classes(actor) if c.name.startswith("Maths"))
            )
        }
        assert kids == {"Annie", "Ben Osei", "Chloé Martin"}  # Annie: her preferred name
    finally:
        ctx.close()


def test_teacher_imports_only_their_classes(ctx, roster, fixtures):
    roster.apply(SYSTEM, fixtures / "or12_bulk", selection={"cls-0701"})  # Oak's class and Mr Okafor
    acc = ctx.services.accounts
    okafor = acc.set_first_password("mr.okafor", "password-okafor")
    plan = roster.preview(okafor, fixtures / "or12_bulk")
    assert plan.selected is None
    touched = {e.external_id for e in plan.entries}
    assert not touched & {"cls-0601", "cls-0502", "s-001", "t-100"}  # Ms Rivera's classes stay out
    with pytest.raises(PermissionDenied):
        stranger = Actor("nobody", "teacher", okafor.school_id, "Nobody")
        roster.preview(stranger, fixtures / "or12_bulk")
    with pytest.raises(PermissionDenied):
        roster.preview(Actor("kid", "student", okafor.school_id), fixtures / "or12_bulk")


def test_admin_picks_classes(ctx, roster, fixtures):
    admin = Actor("adm", "admin", "", "Admin")
    plan = roster.preview(admin, fixtures / "or12_bulk", selection={"cls-0502"})
    assert {c.external_id for c in plan.classes} >= {"cls-0601", "cls-0502", "cls-0701"}
    assert {e.name for e in plan.entries if e.kind == "student"} == {"Dana Kim"}
    assert {e.external_id for e in plan.entries if e.kind == "class"} == {"cls-0502"}


def test_teacher_plain_list_goes_into_their_class_and_matches_typed_names(demo, fixtures, tmp_path):
    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    roster = ctx.services.roster_import
    klass = ctx.services.roster.my_classes(teacher)[0]
    kids = ctx.services.roster.students(teacher, klass.id)
    f = tmp_path / "list.csv"
    f.write_text(f"name,class\n{kids[0].full_name},{klass.name}\nNew Kid,{klass.name}\n", encoding="utf-8")
    plan = roster.apply(teacher, f)
    got = {(e.action, e.kind, e.name) for e in plan.entries}
    assert ("created", "student", "New Kid") in got
    assert ("updated", "student", kids[0].full_name) in got  # matched, not doubled
    after = ctx.services.roster.students(teacher, klass.id)
    assert len(after) == len(kids) + 1


def test_import_on_a_syncs_to_b(make_db, share, fixtures):
    from synchelp import converge, dump

    from app.interop.roster_service import RosterImportService

    a, b = make_db("a"), make_db("b")
    RosterImportService(a).apply(SYSTEM, fixtures / "or12_bulk")
    converge([a, b], share)
    da, db_ = dump(a, with_clocks=False), dump(b, with_clocks=False)
    for table in ("school", "school_class", "person", "account", "enrollment", "external_id", "profile"):
        assert da[table] == db_[table] and da[table], table
    # B re-imports the same file: nothing changes there either
    assert RosterImportService(b).apply(SYSTEM, fixtures / "or12_bulk").empty


def test_two_devices_import_offline_and_converge_without_doubles(make_db, share, fixtures):
    from synchelp import converge, dump

    from app.interop.roster_service import RosterImportService

    a, b = make_db("a"), make_db("b")
    RosterImportService(a).apply(SYSTEM, fixtures / "or12_bulk")
    RosterImportService(b).apply(SYSTEM, fixtures / "or12_bulk")
    converge([a, b], share)
    da = dump(a, with_clocks=False)
    assert len(da["person"]) == 7 and da["person"] == dump(b, with_clocks=False)["person"]


def test_teacher_first_oneroster_import_links_their_existing_class(demo, tmp_path):
    """A teacher who typed their class by hand imports the school's file: they are found by their
    sign-in name, their class by its name, their students by name; only the new student is added."""
    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    klass = ctx.services.roster.my_classes(teacher)[0]
    kids = ctx.services.roster.students(teacher, klass.id)
    d = tmp_path / "sis"
    d.mkdir()
    (d / "manifest.csv").write_text("propertyName,value\noneroster.version,1.2\nfile.users,bulk\n")
    (d / "orgs.csv").write_text("sourcedId,name,type\nsch-1,Any School,school\n")
    (d / "classes.csv").write_text(
        f"sourcedId,title,schoolSourcedId\nc-1,{klass.name},sch-1\nc-2,Other,sch-1\n"
    )
    users = [
        "sourcedId,username,givenName,familyName,role",
        f"t-1,{info.username},X,Y,teacher",
        "t-2,other.t,Oth,Er,teacher",
        "s-new,,Newton,Kid,student",
        "s-other,,Not,Mine,student",
    ]
    users += [f"s-{i},,{k.given_name},{k.family_name},student" for i, k in enumerate(kids[:3])]
    (d / "users.csv").write_text("\n".join(users) + "\n")
    enr = [
        "sourcedId,classSourcedId,userSourcedId,role",
        "e-t,c-1,t-1,teacher",
        "e-n,c-1,s-new,student",
        "e-o,c-2,t-2,teacher",
        "e-x,c-2,s-other,student",
    ]
    enr += [f"e-{i},c-1,s-{i},student" for i in range(3)]
    (d / "enrollments.csv").write_text("\n".join(enr) + "\n")
    plan = ctx.services.roster_import.apply(teacher, d)
    got = {(e.action, e.kind, e.external_id) for e in plan.entries}
    assert ("updated", "class", "c-1") in got  # matched, not made again
    assert ("created", "student", "s-new") in got
    assert {("updated", "student", f"s-{i}") for i in range(3)} <= got
    assert not any(e.external_id in ("c-2", "s-other", "t-2") for e in plan.entries)  # not this teacher's
    after = ctx.services.roster.students(teacher, klass.id)
    assert len(after) == len(kids) + 1
    assert len(ctx.services.roster.my_classes(teacher)) == 1
