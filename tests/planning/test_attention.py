"""Who needs the teacher (the roster's "Needs attention"): stuck in practice, plan behind, essays to
read, on the demo class in a real database file, with the permission rule."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied
from app.models import Attempt, Item, Person
from app.planning.attention import WINDOW_DAYS, attention_counts
from app.writing.views import SUBMITTED

DAY = 86_400.0
LATER = (
    time.time() + 200 * DAY
)  # "now" for the stuck tests: the demo's own practice is long out of the window


def _answer(ctx, student_id: str, pattern: str, end: float, skill_code: str = "") -> str:
    """Answers in order, the last at ``end`` ('x' wrong, 'o' right). Returns the skill id."""
    with ctx.db.write() as s:
        item = s.execute(select(Item).where(Item.deleted == False).order_by(Item.skill_id)).scalars().first()
        part = s.get(Person, student_id).partition
        for i, mark in enumerate(pattern):
            s.add(
                Attempt(
                    student_id=student_id,
                    item_id=item.id,
                    skill_id=item.skill_id,
                    correct=mark == "o",
                    at=end - (len(pattern) - 1 - i) * 60,
                    partition=part,
                )
            )
        return item.skill_id


@pytest.fixture
def attention(demo):
    return demo[0].services.extra["attention"]


def test_four_wrong_in_a_row_is_stuck_and_mixed_answers_are_not(demo, teacher, attention):
    ctx, info = demo
    stuck, mixed, many = info.student_ids[0], info.student_ids[1], info.student_ids[2]
    skill = _answer(ctx, stuck, "ooooxxxx", LATER - DAY)
    _answer(ctx, mixed, "xoxoxxo", LATER - DAY)
    _answer(ctx, many, "xxoxxxxo", LATER - DAY)  # 2 right of 8, the last one right: still stuck
    att = attention.class_attention(teacher, info.class_id, LATER)
    a = att[stuck]
    assert [k.skill_id for k in a.stuck] == [skill] and a.stuck[0].wrong_run == 4
    assert a.stuck[0].since == pytest.approx(LATER - DAY - 3 * 60)  # the first wrong answer of the run
    assert a.words.startswith(f"Stuck on {a.stuck_skills[0]}") and a.flags >= 1
    assert att[mixed].stuck == ()
    assert att[many].stuck[0].attempts == 8 and att[many].stuck[0].right == 2
    assert attention_counts(att)[0] == 2


def test_erased_and_old_answers_do_not_count(demo, teacher, attention):
    ctx, info = demo
    erased, old = info.student_ids[3], info.student_ids[4]
    _answer(ctx, erased, "xxxx", LATER - DAY)
    _answer(ctx, old, "xxxxxxxx", LATER - (WINDOW_DAYS + 1) * DAY)  # a streak from before the window
    assert attention.class_attention(teacher, info.class_id, LATER)[erased].stuck
    with ctx.db.write() as s:  # an erasure that came by sync: the event's row stays, marked deleted
        for a in s.execute(
            select(Attempt).where(Attempt.student_id == erased).order_by(Attempt.at.desc()).limit(2)
        ).scalars():
            a.deleted = True
    att = attention.class_attention(teacher, info.class_id, LATER)
    assert att[erased].stuck == () and att[old].stuck == ()


def test_plan_behind_is_what_the_plans_overview_says(demo, teacher, attention):
    ctx, info = demo
    overview = ctx.services.extra["plans"].class_overview(teacher, info.class_id)
    att = attention.class_attention(teacher, info.class_id)
    behind = {r.student_id for r in overview.rows if r.pace == "behind"}
    assert behind  # the demo has students who fell behind
    assert {sid for sid, a in att.items() if a.plan_behind} == behind
    sid = next(iter(behind))
    assert "Plan behind" in att[sid].words and att[sid].plan_reason == next(
        r.reason for r in overview.rows if r.student_id == sid
    )


def test_essays_handed_in_count_until_returned(demo, teacher, attention):
    ctx, info = demo
    writing = ctx.services.extra["writing"]
    waiting: dict[str, list[str]] = {}
    for task in writing.tasks_for_class(teacher, info.class_id):
        for r in writing.drafts_for_task(teacher, task.task.id, with_counts=False):
            if r.status == SUBMITTED:
                waiting.setdefault(r.student_id, []).append(r.draft_id)
    assert waiting  # the demo has work handed in
    att = attention.class_attention(teacher, info.class_id)
    assert {sid: a.essays_waiting for sid, a in att.items() if a.essays} == {
        k: len(v) for k, v in waiting.items()
    }
    sid, drafts = next(iter(waiting.items()))
    writing.return_draft(teacher, drafts[0], "Lovely opening; now give the middle a second example.")
    assert attention.class_attention(teacher, info.class_id)[sid].essays_waiting == len(drafts) - 1


def test_only_the_class_teacher_sees_who_needs_attention(demo, attention, other, as_student):
    _ctx, info = demo
    with pytest.raises(PermissionDenied):
        attention.class_attention(other.teacher, info.class_id)
    with pytest.raises(PermissionDenied):
        attention.class_attention(as_student(0), info.class_id)
    assert list(attention.class_attention(other.teacher, other.class_id)) == [other.student.person_id]
