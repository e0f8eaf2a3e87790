"""Extended challenges: templates, scopes, teams, the board, team work, files, rubric and finishing,
with the permission rules."""

from __future__ import annotations

import time

import pytest

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.planning.attachments import AttachmentError
from app.planning.challenges import ChallengeDraft, load_templates

DAY = 86_400.0


def test_templates_ship_and_map_to_the_framework(demo):
    ctx, info = demo
    templates = load_templates()
    assert 3 <= len(templates) <= 6
    for t in templates:
        assert t.driving_question and t.community_partner and len(t.rubric) >= 3 and len(t.checkpoints) >= 3
        d = ctx.services.challenges.draft_from_template(t.key, info.class_id)
        assert len(d.skill_ids) == len(t.skill_codes)  # every code exists in the default framework
        assert [c[1] for c in d.checkpoints] == sorted(c[1] for c in d.checkpoints)


@pytest.fixture
def challenge(demo, teacher):
    ctx, info = demo
    svc = ctx.services.challenges
    view = svc.create(teacher, svc.draft_from_template("fair-game", info.class_id, time.time() - 14 * DAY))
    teams = svc.suggest_teams(teacher, view.id, info.class_id, 5)
    svc.set_teams(teacher, view.id, info.class_id, [(t.name, list(t.member_ids)) for t in teams])
    return view


def test_create_from_scratch_and_scopes(demo, teacher, other):
    ctx, info = demo
    svc = ctx.services.challenges
    with pytest.raises(InvalidInput, match="checkpoint"):
        svc.create(teacher, ChallengeDraft("Bridges", class_id=info.class_id))
    draft = ChallengeDraft(
        "Bridges",
        "How strong can paper be?",
        "Build it.",
        "City engineers",
        [],
        [{"criterion": "Design", "levels": ["a", "b"]}],
        [("Sketch", time.time() + DAY)],
        class_id=info.class_id,
    )
    view = svc.create(teacher, draft)
    assert view.scope == "class" and view.rubric[0]["levels"] == ["a", "b", "", ""]
    with pytest.raises(PermissionDenied):
        svc.create(other.teacher, ChallengeDraft("Mine", checkpoints=[("x", 1.0)], class_id=info.class_id))
    with pytest.raises(PermissionDenied):
        svc.get(other.teacher, view.id)
    # A grade challenge: only for a grade you teach; it reaches every class of that grade.
    grade = svc.create(
        teacher,
        ChallengeDraft(
            "Grade 7 fair", checkpoints=[("x", time.time())], scope="grade", class_id=info.class_id
        ),
    )
    assert grade.grade == "7" and grade.id in {c.id for c in svc.for_class(teacher, info.class_id)}
    with pytest.raises(PermissionDenied, match="grade you teach"):
        svc.create(other.teacher, ChallengeDraft("G7", checkpoints=[("x", 1.0)], scope="grade", grade="7"))
    school = svc.create(
        other.teacher, ChallengeDraft("Whole school", checkpoints=[("x", 1.0)], scope="school")
    )
    assert school.id in {c.id for c in svc.for_class(teacher, info.class_id)}  # reaches every class
    assert grade.id not in {c.id for c in svc.for_class(other.teacher, other.class_id)}  # not grade 8


def test_teams_by_hand_are_checked(demo, teacher, challenge, other):
    ctx, info = demo
    svc = ctx.services.challenges
    a, b = info.student_ids[:2]
    with pytest.raises(InvalidInput, match="only one team"):
        svc.set_teams(teacher, challenge.id, info.class_id, [("X", [a, b]), ("Y", [b])])
    with pytest.raises(PermissionDenied, match="students of this class"):
        svc.set_teams(teacher, challenge.id, info.class_id, [("X", [a, other.student.person_id])])
    with pytest.raises(PermissionDenied):
        svc.set_teams(other.teacher, challenge.id, other.class_id, [("X", [other.student.person_id])])
    teams = svc.set_teams(teacher, challenge.id, info.class_id, [("Team 1", [a, b])])
    assert [t.member_ids for t in teams] == [(a, b)]  # the other suggested teams are archived
    assert len(svc.board(teacher, challenge.id).teams) == 1


def test_suggested_teams_are_deterministic_and_complete(demo, teacher, challenge):
    ctx, info = demo
    svc = ctx.services.challenges
    one = svc.suggest_teams(teacher, challenge.id, info.class_id, 6)
    assert one == svc.suggest_teams(teacher, challenge.id, info.class_id, 6)
    assert sorted(m for t in one for m in t.member_ids) == sorted(info.student_ids)
    assert all(len(t.member_ids) == 4 and t.reason for t in one)


def test_board_and_team_work(demo, teacher, challenge, as_student, tmp_path):
    ctx, info = demo
    svc, work = ctx.services.challenges, ctx.services.team_work
    board = svc.board(teacher, challenge.id, info.class_id)
    assert len(board.teams) == 5
    team = board.teams[0]
    first, last = board.challenge.checkpoints[0], board.challenge.checkpoints[-1]
    now = time.time()
    assert board.cell(team, first, now) == "late" and board.cell(team, last, now) == "not_started"
    member = as_student(info.student_ids.index(team.member_ids[0]))
    outsider = as_student(next(i for i, s in enumerate(info.student_ids) if s not in team.member_ids))
    work.set_status(member, team.id, first.id, "done")
    with pytest.raises(PermissionDenied):
        work.set_status(outsider, team.id, first.id, "in_progress")
    with pytest.raises(InvalidInput):
        work.set_status(member, team.id, first.id, "finished")
    work.post(member, team.id, "reflection", "We learned to test our rules with real players.")
    with pytest.raises(PermissionDenied):
        work.post(outsider, team.id, "progress", "hello")
    with pytest.raises(PermissionDenied):
        work.logs(outsider, team.id)
    src = tmp_path / "rules.txt"
    src.write_text("Roll two dice; add them.", encoding="utf-8")
    log = work.attach(member, team.id, src, "Our rules")
    with pytest.raises(PermissionDenied):
        work.attach(outsider, team.id, src)
    fake = tmp_path / "rules.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    with pytest.raises(AttachmentError):
        work.attach(member, team.id, fake)
    logs = work.logs(teacher, team.id)
    assert [entry.kind for entry in logs[:2]] == ["attachment", "reflection"]
    path = work.file_path(teacher, log.id)
    assert (
        path.read_text(encoding="utf-8") == "Roll two dice; add them."
        and ctx.settings.files_dir in path.parents
    )
    with pytest.raises(PermissionDenied):
        work.file_path(outsider, log.id)
    board = svc.board(teacher, challenge.id, info.class_id)
    row = next(t for t in board.teams if t.id == team.id)
    assert board.cell(row, first, now) == "done" and row.logs == 2
    mine = svc.for_student(member)
    assert challenge.id in {c.id for c, _t in mine} and svc.board(member, challenge.id).teams[0].id == team.id


def test_rubric_assessment_and_finish(demo, teacher, challenge, other, as_student):
    ctx, info = demo
    svc, work = ctx.services.challenges, ctx.services.team_work
    team = svc.board(teacher, challenge.id).teams[0]
    criteria = [r["criterion"] for r in challenge.rubric]
    member = as_student(info.student_ids.index(team.member_ids[0]))
    with pytest.raises(PermissionDenied):
        work.assess(member, team.id, {criteria[0]: 4})
    with pytest.raises(PermissionDenied):
        work.assess(other.teacher, team.id, {criteria[0]: 4})
    with pytest.raises(InvalidInput, match="not a criterion"):
        work.assess(teacher, team.id, {"Glitter": 4})
    with pytest.raises(InvalidInput, match="1 \\(Beginning\\) to 4"):
        work.assess(teacher, team.id, {criteria[0]: 5})
    work.assess(teacher, team.id, {criteria[0]: 3, criteria[1]: 4}, "Fair and fun.")
    work.assess(teacher, team.id, {criteria[0]: 4}, "Even better after the play-test.")
    row = svc.board(teacher, challenge.id).teams[0]
    assert row.assessment.scores == {criteria[0]: 4} and row.assessment.comment.startswith("Even better")
    with pytest.raises(PermissionDenied):
        svc.finish(other.teacher, challenge.id)
    n = svc.finish(teacher, challenge.id)
    assert n == 24 and svc.finish(teacher, challenge.id) == 0
    wins = ctx.services.celebrations.for_student(member, member.person_id)
    assert wins[0].kind == "challenge_done" and challenge.title in wins[0].title
    with pytest.raises(InvalidInput, match="finished"):
        work.set_status(member, team.id, challenge.checkpoints[0].id, "done")
    with pytest.raises(NotFound):
        svc.get(teacher, "nope")
