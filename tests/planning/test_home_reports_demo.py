"""What next for a real learner, the reports (CSV, report data) and the demo's planning data."""

from __future__ import annotations

import csv
import time

import pytest

from app.errors import PermissionDenied
from app.models import WritingTask

DAY = 86_400.0


def test_what_next_for_a_demo_student(demo, as_student):
    ctx, _info = demo
    wn, checkins = ctx.services.what_next, ctx.services.checkins
    dev = as_student(3)
    steps = wn.for_student(dev)
    kinds = {s.kind for s in steps}
    assert {"checkpoint", "review"} <= kinds
    # Whether Dev still has an open goal depends on the demo (built from today's date, and its ids'
    # order varies from run to run): some runs all goals are met. So: one step for each open goal.
    plan = ctx.services.plans.get(dev, dev.person_id)
    open_goals = {g.id for g in plan.goals if g.status == "active" and g.pace.status != "done"}
    assert {s.goal_id for s in steps if s.kind == "goal"} == open_goals
    assert all(s.reason for s in steps) and [s.score for s in steps] == sorted(
        (s.score for s in steps), reverse=True
    )
    if not checkins.done_today(dev):
        assert "checkin" in kinds
        checkins.record(dev, 4, 4)
    assert "checkin" not in {s.kind for s in wn.for_student(dev)}
    with pytest.raises(PermissionDenied):
        wn.for_student(as_student(0), dev.person_id)


def test_writing_due_shows_up(demo, as_student):
    ctx, info = demo
    with ctx.db.write() as s:
        s.add(WritingTask(class_id=info.class_id, title="Letter to the council", due_at=time.time() + DAY))
    steps = ctx.services.what_next.for_student(as_student(2))
    w = next(s for s in steps if s.kind == "writing")
    assert w.title == "Start Letter to the council" and w.action == "writing" and "tomorrow" in w.reason


def test_class_summary_csv(demo, teacher, tmp_path, other):
    ctx, info = demo
    reports = ctx.services.reports
    seen = []
    path = tmp_path / "summary.csv"
    assert reports.write_class_csv(teacher, info.class_id, path, lambda f, m: seen.append(f)) == 24
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0][0] == "Student" and len(rows) == 25 and seen[-1] == 1.0
    assert {r[1] for r in rows[1:]} >= {"approved", "submitted", "none"}
    assert not path.with_name("summary.csv.part").exists()
    with pytest.raises(PermissionDenied):
        reports.write_class_csv(other.teacher, info.class_id, tmp_path / "x.csv")


def test_csv_cells_cannot_run_as_formulas(demo, teacher, tmp_path):
    ctx, info = demo
    ctx.services.roster.update_student(teacher, info.student_ids[0], given_name='=HYPERLINK("x")')
    path = tmp_path / "s.csv"
    ctx.services.reports.write_class_csv(teacher, info.class_id, path)
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")


def test_student_report_data(demo, teacher, other):
    ctx, info = demo
    reports = ctx.services.reports
    r = reports.student_report(teacher, info.student_ids[3])
    assert r.plan_title and len(r.goals) >= 2 and r.domains and r.celebrations
    assert all(g.evidence for g in r.goals if "Practice" == g.path)
    with pytest.raises(PermissionDenied):
        reports.student_report(other.teacher, info.student_ids[3])


def test_demo_has_plans_a_challenge_and_check_ins(demo, teacher):
    ctx, info = demo
    x = ctx.services
    overview = x.plans.class_overview(teacher, info.class_id)
    with_plans = [r for r in overview.rows if r.plan_id]
    assert len(with_plans) >= 20 and all(2 <= r.goals <= 4 for r in with_plans)
    statuses = {r.plan_status for r in with_plans}
    assert {"approved", "submitted", "changes_suggested"} <= statuses
    assert 3 <= overview.count("behind") <= 8
    running = [c for c in x.challenges.for_class(teacher, info.class_id) if c.status == "running"]
    # the class's own challenge, and the demo school's week whose teams span classes (issue 21)
    assert sorted(c.scope for c in running) == ["class", "school"]
    running = [c for c in running if c.scope == "class"]
    board = x.challenges.board(teacher, running[0].id, info.class_id)
    assert 5 <= len(board.teams) <= 6
    cells = {board.cell(t, c, time.time()) for t in board.teams for c in board.challenge.checkpoints}
    assert {"done", "in_progress", "not_started", "late"} <= cells
    assert len(x.checkins.class_view(teacher, info.class_id).flags) == 1
    kinds = {c.kind for sid in info.student_ids for c in ctx.services.celebrations.for_student(teacher, sid)}
    assert {"goal_met", "challenge_done", "mastered_skill", "teacher"} <= kinds
