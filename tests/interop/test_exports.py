"""Results out: the OneRoster 1.2 gradebook parsed back (headers, enums, ids) with totals equal to the
heatmap; the flat skills CSV; CASE round trip; QTI import -> export -> import keeps every item."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from app.errors import PermissionDenied
from app.people.actor import Actor

# OneRoster 1.2 CSV binding, gradebook files (written out here independently of the exporter)
SPEC = {
    "categories.csv": "sourcedId,status,dateLastModified,title,weight",
    "lineItems.csv": "sourcedId,status,dateLastModified,title,description,assignDate,dueDate,classSourcedId,"
    "categorySourcedId,gradingPeriodSourcedId,academicSessionSourcedId,schoolSourcedId,"
    "scoreScaleSourcedId,resultValueMin,resultValueMax",
    "results.csv": "sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,classSourcedId,"
    "scoreScaleSourcedId,scoreStatus,score,textScore,scoreDate,comment,inProgress,incomplete,late,missing",
    "lineItemLearningObjectiveIds.csv": "lineItemSourcedId,source,learningObjectiveId",
    "resultLearningObjectiveIds.csv": "resultSourcedId,source,learningObjectiveId,score,textScore",
}
SCORE_STATUS = {"exempt", "fully graded", "not submitted", "partially graded", "submitted"}


def _read_zip(path) -> dict[str, list[dict]]:
    out = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            text = zf.read(name).decode("utf-8")
            assert "\r\n" in text
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if name in SPEC:
                assert ",".join(rows[0]) == SPEC[name], name
            out[name] = [dict(zip(rows[0], r)) for r in rows[1:]]
    return out


@pytest.fixture
def linked_demo(demo, tmp_path):
    """The demo class with one student linked to the school system's id through an import."""
    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    klass = ctx.services.roster.my_classes(teacher)[0]
    kid = ctx.services.roster.students(teacher, klass.id)[0]
    f = tmp_path / "list.csv"
    f.write_text(f"name,class\n{kid.full_name},{klass.name}\n", encoding="utf-8")
    ctx.services.roster_import.apply(teacher, f)
    return ctx, teacher, klass, kid


def test_gradebook_parses_back_and_totals_match_the_heatmap(linked_demo, tmp_path):
    ctx, teacher, klass, kid = linked_demo
    heat = ctx.services.practice_class.heatmap(teacher, klass.id)
    res = ctx.services.exports.gradebook(teacher, klass.id, tmp_path / "gb.zip")
    files = _read_zip(res.path)
    manifest = {r["propertyName"]: r["value"] for r in files["manifest.csv"]}
    assert manifest["oneroster.version"] == "1.2" and manifest["file.results"] == "bulk"
    assert manifest["file.users"] == "absent"
    results = files["results.csv"]
    cells = [
        (st, sk, c)
        for i, st in enumerate(heat.students)
        for j, sk in enumerate(heat.skills)
        if (c := heat.cells[i][j]) is not None
    ]
    assert len(results) == len(cells) > 0
    for r in results:
        assert r["status"] in {"active", "tobedeleted"} and r["scoreStatus"] in SCORE_STATUS
        assert 0 <= float(r["score"]) <= 100
        assert r["dateLastModified"].endswith("Z")
    by_student: dict[str, float] = {}
    for r in results:
        by_student[r["studentSourcedId"]] = by_student.get(r["studentSourcedId"], 0) + float(r["score"])
    ext = f"{klass.name.lower()}/{kid.full_name.lower()}"
    for i, st in enumerate(heat.students):
        want = sum(round(c.mastery * 100, 1) for c in heat.cells[i] if c is not None)
        key = ext if st.id == kid.id else st.id
        assert by_student.get(key, 0) == pytest.approx(want, abs=1e-6)
    items = {r["sourcedId"]: r for r in files["lineItems.csv"]}
    assert len(items) == len(heat.skills)
    assert {r["lineItemSourcedId"] for r in results} <= set(items)
    cats = {r["sourcedId"] for r in files["categories.csv"]}
    assert {r["categorySourcedId"] for r in items.values()} <= cats
    los = files["lineItemLearningObjectiveIds.csv"]
    assert len(los) == len(heat.skills) and {lo["learningObjectiveId"] for lo in los} == {
        s.code for s in heat.skills
    }
    mastered = sum(1 for _, _, c in cells if c.mastered)
    assert sum(1 for r in results if r["textScore"] == "mastered") == mastered


def test_skills_csv_numbers_are_numbers(linked_demo, tmp_path):
    ctx, teacher, klass, _ = linked_demo
    heat = ctx.services.practice_class.heatmap(teacher, klass.id)
    res = ctx.services.exports.skills_csv(teacher, klass.id, tmp_path / "skills.csv")
    raw = res.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(heat.students) + 1 and len(rows[0]) == len(heat.skills) + 4
    assert '"' not in raw.decode("utf-8-sig").split("\r\n")[1].split(",", 2)[-1].replace(
        '""', ""
    )  # unquoted numbers
    for i, row in enumerate(rows[1:]):
        for j, v in enumerate(row[2:-2]):
            c = heat.cells[i][j]
            assert (v == "") if c is None else float(v) == round(c.mastery * 100, 1)


def test_another_teachers_class_is_refused(linked_demo, tmp_path):
    ctx, _, klass, _ = linked_demo
    stranger = Actor("x", "teacher", "", "X")
    with pytest.raises(PermissionDenied):
        ctx.services.exports.gradebook(stranger, klass.id, tmp_path / "x.zip")
    with pytest.raises(PermissionDenied):
        ctx.services.exports.xapi_folder(stranger, klass.id, tmp_path / "x")


CASE_PKG = {
    "CFDocument": {
        "identifier": "d0000000-0000-4000-8000-000000000001",
        "title": "Riverside Maths",
        "creator": "RD",
        "uri": "https://case.example/d1",
    },
    "CFItems": [
        {
            "identifier": "a0000000-0000-4000-8000-000000000001",
            "humanCodingScheme": "NUM",
            "fullStatement": "Number",
            "abbreviatedStatement": "Number",
            "CFItemType": "Domain",
        },
        {
            "identifier": "a0000000-0000-4000-8000-000000000002",
            "humanCodingScheme": "NUM.1",
            "fullStatement": "Count to 100 by ones and by tens.",
            "abbreviatedStatement": "Counting",
            "CFItemType": "Standard",
        },
        {
            "identifier": "a0000000-0000-4000-8000-000000000003",
            "humanCodingScheme": "NUM.2",
            "fullStatement": "Add within 20, with “strategies” & drawings.",
            "abbreviatedStatement": "Adding",
            "CFItemType": "Standard",
        },
    ],
    "CFAssociations": [
        {
            "identifier": "x1",
            "associationType": "isChildOf",
            "sequenceNumber": 1,
            "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"},
            "destinationNodeURI": {"identifier": "d0000000-0000-4000-8000-000000000001"},
        },
        {
            "identifier": "x2",
            "associationType": "isChildOf",
            "sequenceNumber": 2,
            "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000002"},
            "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"},
        },
        {
            "identifier": "x3",
            "associationType": "isChildOf",
            "sequenceNumber": 3,
            "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000003"},
            "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"},
        },
        {
            "identifier": "x4",
            "associationType": "precedes",
            "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000002"},
            "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000003"},
        },
    ],
}


def test_case_round_trip_and_ids_in_gradebook(ctx, tmp_path):
    from app.interop.case import parse_package
    from app.people.actor import SYSTEM

    src = tmp_path / "case.json"
    src.write_text(json.dumps(CASE_PKG), encoding="utf-8")
    ex = ctx.services.exports
    first = ex.import_case(SYSTEM, src)
    assert (first.domains, first.skills, first.created) == (1, 2, 3)
    again = ex.import_case(SYSTEM, src)
    assert again.created == again.updated == 0 and again.unchanged == 3
    out = ex.case(SYSTEM, tmp_path / "out.json").path
    a, b = parse_package(src.read_bytes()), parse_package(out.read_bytes())
    assert b.doc_guid == a.doc_guid
    assert {(n.guid, n.code, n.name, n.parent) for n in a.nodes} == {
        (n.guid, n.code, n.name, n.parent) for n in b.nodes
    }
    skills = lambda fw: {(n.guid, n.statement) for n in fw.nodes if n.parent}
    assert skills(a) == skills(b)
    assert set(a.precedes) == set(b.precedes)
    # and the exported package imports into a fresh folder as the same framework
    from app.bootstrap import open_context

    other = open_context(tmp_path / "other")
    try:
        r = other.services.exports.import_case(SYSTEM, out)
        assert (r.domains, r.skills) == (1, 2)
        with other.db.read() as s:
            from sqlalchemy import text

            pre = s.execute(text("SELECT prerequisites FROM skill WHERE code = 'NUM.2'")).scalar_one()
            assert json.loads(pre) == ["NUM.1"]
    finally:
        other.close()


def test_case_garbage_is_refused_in_words(ctx, tmp_path):
    from app.errors import InvalidInput
    from app.people.actor import SYSTEM

    for data in (b"not json", b"[]", b'{"CFItems": []}'):
        f = tmp_path / "bad.json"
        f.write_bytes(data)
        with pytest.raises(InvalidInput):
            ctx.services.exports.import_case(SYSTEM, f)


def test_qti_import_export_import_keeps_every_item(demo, tmp_path):
    from sqlalchemy import text

    from app.interop.qti_export import build_package
    from app.practice.qti import import_qti

    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    with ctx.db.read() as s:
        skill = s.execute(text("SELECT id FROM skill ORDER BY sort LIMIT 1")).scalar_one()
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent / "practice"))
    import qti_samples

    samples = [
        getattr(qti_samples, n)
        for n in dir(qti_samples)
        if n.isupper() and isinstance(getattr(qti_samples, n), (bytes, str))
    ]
    originals = []
    for i, sample in enumerate(samples):
        data = sample.encode() if isinstance(sample, str) else sample
        from app.practice.qti.errors import QtiImportError

        try:
            originals += import_qti(data, f"s{i}.xml")
        except QtiImportError:
            pass  # samples of refused items are not part of this round trip
    assert len(originals) >= 3
    pkg = build_package([(f"id{i}", it) for i, it in enumerate(originals)])
    back = import_qti(pkg.data, "export.zip")
    key = lambda it: (it.kind, it.prompt, it.answer, it.choices, it.source_ref)
    assert sorted(map(key, back)) == sorted(map(key, originals))
    # through the service too: items in a skill's bank go out and come back whole
    src = tmp_path / "in.zip"
    src.write_bytes(pkg.data)
    ctx.services.practice_class.import_qti(teacher, src, skill)
    res = ctx.services.exports.qti(teacher, tmp_path / "out.zip", skill_id=skill)
    again = import_qti(res.path)
    assert {key(i) for i in originals} <= {key(i) for i in again}


def test_a_hostile_name_is_not_a_formula_in_the_exports(demo, tmp_path):
    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    klass = ctx.services.roster.my_classes(teacher)[0]
    kid = ctx.services.roster.students(teacher, klass.id)[0]
    ctx.services.roster.update_student(
        teacher, kid.id, given_name='=HYPERLINK("http://evil.example","x")', family_name=""
    )
    out = ctx.services.exports.skills_csv(teacher, klass.id, tmp_path / "s.csv").path
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    names = [r[1] for r in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","x")' in names
    assert not any(n.startswith("=") for n in names)


def test_case_skills_carry_their_guids_into_the_gradebook(demo, tmp_path):
    from sqlalchemy import text

    from app.models import LearnerSkillState

    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    klass = ctx.services.roster.my_classes(teacher)[0]
    src = tmp_path / "case.json"
    src.write_text(json.dumps(CASE_PKG), encoding="utf-8")
    ctx.services.exports.import_case(teacher, src)
    kid = ctx.services.roster.students(teacher, klass.id)[0]
    with ctx.db.write() as s:
        sk = s.execute(text("SELECT id FROM skill WHERE code = 'NUM.2'")).scalar_one()
        s.add(
            LearnerSkillState(
                student_id=kid.id, skill_id=sk, attempts=4, correct=3, mastery=0.6, last_at=1.7e9
            )
        )
    files = _read_zip(ctx.services.exports.gradebook(teacher, klass.id, tmp_path / "gb.zip").path)
    los = {r["learningObjectiveId"]: r["source"] for r in files["lineItemLearningObjectiveIds.csv"]}
    assert los["a0000000-0000-4000-8000-000000000003"] == "case"
    res = [
        r for r in files["resultLearningObjectiveIds.csv"] if r["learningObjectiveId"].startswith("a0000000")
    ]
    assert len(res) == 1 and float(res[0]["score"]) == 60.0
    cats = {r["title"] for r in files["categories.csv"]}
    assert "Number" in cats


def test_a_student_or_a_stranger_cannot_export_or_import(linked_demo, tmp_path):
    """The promise in the module's words, tried: a student exports and imports nothing; a teacher of
    other classes gets none of this class's skills or statements."""
    ctx, _, klass, _ = linked_demo
    ex = ctx.services.exports
    student = Actor("s", "student", "", "S")
    stranger = Actor("x", "teacher", "", "X")
    src = tmp_path / "case.json"
    src.write_text(json.dumps(CASE_PKG), encoding="utf-8")
    for call in (
        lambda: ex.qti(student, tmp_path / "q.zip"),
        lambda: ex.case(student, tmp_path / "c.json"),
        lambda: ex.import_case(student, src),
        lambda: ex.class_ids(student),
        lambda: ex.skills_csv(stranger, klass.id, tmp_path / "s.csv"),
        lambda: ex.xapi_push(stranger, klass.id, None, tmp_path / "cursor"),
        lambda: ex.check_class(stranger, klass.id),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert not any(tmp_path.glob("[qcs].*"))
