"""Every supported roster format, read from hand-written packages with the errors real files have:
each bad row is refused with its file, row and a reason; good rows are imported."""

from __future__ import annotations

import pytest

from app.interop.roster_read import read_roster
from app.people.actor import SYSTEM


def _reasons(plan) -> dict[str, str]:
    return {f"{r.file}:{r.row}": r.reason for r in plan.rejects}


def test_oneroster_12_bulk_every_error_has_a_row_and_reason(roster, fixtures):
    plan = roster.preview(SYSTEM, fixtures / "or12_bulk")
    assert (plan.format, plan.mode) == ("oneroster-1.2", "bulk")
    why = _reasons(plan)
    assert "comma inside a value needs quotes" in why["users.csv:10"]  # unquoted comma: 24 values
    assert "already used on row 5" in why["users.csv:7"]  # duplicate sourcedId
    assert "scientific notation" in why["users.csv:8"]  # 1.23E+11
    assert "no givenName" in why["users.csv:11"]
    assert "sch-nowhere" in why["classes.csv:5"]  # orphan school
    assert "cls-0601" in why["enrollments.csv:10"] and "leading zero" in why["enrollments.csv:10"]
    assert "s-999" in why["enrollments.csv:11"]  # orphan person
    assert "refused (row 11)" in why["enrollments.csv:12"]
    assert len(plan.rejects) == 8
    # the BOM did not eat the first header; CRLF made no empty rows; quoted commas stayed in the value
    names = {e.name for e in plan.entries if e.kind == "student"}
    assert names == {"Ana Lopez, Jr.", "Ben Osei", "Chloé Martin", "Dana Kim", "Fay Ng"}
    assert any("“6” read as “06”" in n.reason for n in plan.notes)
    classes = {e.name: e.detail for e in plan.entries if e.kind == "class"}
    assert classes["Maths 6, Room 2"] == "grade 06 · 2027"
    assert plan.ignored["demographics are never imported"] == 1
    assert sum(v for k, v in plan.ignored.items() if "guardian" in k) >= 1
    assert plan.counts == {"created": 20, "updated": 0, "archived": 0, "rejected": 8, "unchanged": 0}


def test_passwords_phones_and_demographics_are_never_stored(ctx, roster, fixtures):
    roster.apply(SYSTEM, fixtures / "or12_bulk")
    raw = ctx.db.path.read_bytes() + b"".join(
        p.read_bytes() for p in ctx.db.path.parent.glob("tessera.db-wal")
    )
    for secret in (
        b"S3cret!",
        b"hunter2",
        b"555-0100",
        b"maria.rivera@example.org",
        b"2015-03-02",
        b"Fresno",
    ):
        assert secret not in raw
    from sqlalchemy import text

    with ctx.db.read() as s:
        hashes = s.execute(text("SELECT password_hash, pin_hash, username FROM account")).all()
    assert {h[2] for h in hashes} == {"ms.rivera", "mr.okafor"}
    assert all(h[0] is None and h[1] is None for h in hashes)  # set at first sign-in; no PIN imported


def test_oneroster_12_delta_archives_updates_and_adds(ctx, roster, fixtures):
    roster.apply(SYSTEM, fixtures / "or12_bulk")
    plan = roster.apply(SYSTEM, fixtures / "or12_delta")
    assert plan.mode == "delta"
    got = {(e.action, e.kind, e.external_id) for e in plan.entries}
    assert ("archived", "class", "cls-0502") in got
    assert ("archived", "student", "s-003") in got
    assert ("archived", "enrollment", "e-3") in got
    assert ("updated", "student", "s-002") in got
    assert ("created", "student", "s-010") in got
    assert ("created", "class", "cls-0602") in got
    assert ("created", "enrollment", "e-21") in got  # a class from the bulk file, not repeated in the delta
    why = _reasons(plan)
    assert "neither active nor tobedeleted" in why["users.csv:5"]
    assert "s-404" in why["enrollments.csv:6"]
    # nothing that the delta does not mention was archived (a delta is not the whole truth)
    assert not any(e.external_id in ("s-001", "s-004", "cls-0701") for e in plan.entries)


def test_oneroster_11_roles_on_users(roster, fixtures):
    plan = roster.preview(SYSTEM, fixtures / "or11")
    assert plan.format == "oneroster-1.1"
    kinds = {(e.kind, e.name) for e in plan.entries if e.action == "created"}
    assert ("teacher", "June Park") in kinds and ("student", "Jo O'Neil") in kinds
    assert "wizard" in _reasons(plan)["users.csv:6"]
    assert plan.ignored == {"parents and guardians are not imported": 1}


def test_school_data_sync(roster, fixtures):
    plan = roster.preview(SYSTEM, fixtures / "sds21")
    assert plan.format == "sds-2.1"
    why = _reasons(plan)
    assert "already listed on row 4" in why["enrollments.csv:5"]
    assert "u-s9" in why["enrollments.csv:6"]
    teacher = next(e for e in plan.entries if e.kind == "teacher")
    assert teacher.detail == "sign-in name lee.tan"  # an email is no Tessera sign-in name
    assert {e.name for e in plan.entries if e.kind == "student"} == {"Mo Diaz", "Noor Ali"}


def test_clever(roster, fixtures):
    plan = roster.preview(SYSTEM, fixtures / "clever")
    assert plan.format == "clever"
    why = _reasons(plan)
    assert "First_name" in why["students.csv:4"]
    assert "sections.csv" in why["enrollments.csv:4"]
    assert {e.name for e in plan.entries if e.kind == "class"} == {"Maths 6, period 3"}
    assert {e.name for e in plan.entries if e.kind == "teacher"} == {"Pat Quinn"}


def test_plain_name_class_csv(roster, fixtures):
    plan = roster.preview(SYSTEM, fixtures / "plain" / "class_list.csv", school_name="Hill")
    assert plan.format == "csv"
    students = {e.name for e in plan.entries if e.kind == "student"}
    assert students == {"Ana Lopez", "Ben Osei", "Chloé Martin", "Dana Kim"}
    why = _reasons(plan)
    assert why["class_list.csv:6"] == "the row has no name"
    assert "already listed in class 6B on row 2" in why["class_list.csv:7"]
    assert why["class_list.csv:8"] == "the row has no class"


@pytest.mark.parametrize("name", ["or12_bulk", "or12_delta", "or11", "sds21", "clever"])
def test_zip_reads_like_the_folder(tmp_path, fixtures, name):
    import zipfile

    z = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for p in (fixtures / name).iterdir():
            zf.write(p, f"export/{p.name}")  # a folder inside the zip, as SIS exports often have
    a, b = read_roster(fixtures / name), read_roster(z)
    assert (a.format, a.mode, a.users, a.classes, a.enrollments) == (
        b.format,
        b.mode,
        b.users,
        b.classes,
        b.enrollments,
    )
    assert [r.reason for r in a.rejects] == [r.reason for r in b.rejects]


def test_zip_bomb_is_refused_with_a_reason(tmp_path):
    import zipfile

    from app.errors import InvalidInput
    from app.interop.csv_source import CsvSource

    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("users.csv", "sourcedId\n" + "0" * 60_000_000)
    src = CsvSource(z)
    with pytest.raises(InvalidInput, match="zip bomb"):
        src.table("users.csv")


def test_not_a_roster(tmp_path):
    from app.errors import InvalidInput

    (tmp_path / "a.txt").write_text("hello")
    with pytest.raises(InvalidInput, match="no CSV files"):
        read_roster(tmp_path)
