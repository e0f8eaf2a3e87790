"""Who needs the teacher (the roster's "Needs attention"): stuck in practice, plan behind, essays to
read, on the demo class in a real database file, with the permission rule."""

from __future__ import annotations

import random
import time

import pytest
from sqlalchemy import select, text

from app.errors import PermissionDenied
from app.models import Attempt, Item, Person
from app.planning.attention import RUN, WINDOW_DAYS, attention_counts, stuck_rule
from app.practice.live import live_model
from app.writing.results import SUBMITTED

DAY = 86_400.0
LATER = (
    time.time() + 200 * DAY
)  # "now" for the stuck tests: the demo's own practice is long out of the window


def _answer(ctx, student_id: str, pattern: str, end: float, skill_code: str = "") -> str:
    """Answers in order, the last at ``end`` ('x' wrong, 'o' right). Returns the skill id."""
    with ctx.db.write() as s:
        item = (
            s.execute(select(Item).where(Item.deleted.is_(False)).order_by(Item.skill_id)).scalars().first()
        )
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
    # The derived state follows the answers, as it does after a sync (the one level reads both).
    live = live_model(ctx.db)
    live.ensure()
    live.reconcile()
    return item.skill_id


@pytest.fixture
def attention(demo):
    return demo[0].services.attention


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


def _items_of_skills(ctx, n: int) -> list[Item]:
    with ctx.db.read() as s:
        firsts: dict[str, Item] = {}
        for item in s.execute(select(Item).where(Item.deleted.is_(False)).order_by(Item.id)).scalars():
            firsts.setdefault(item.skill_id, item)
    return list(firsts.values())[:n]


def _save(ctx, rows: list[tuple[str, Item, bool, float, bool]]) -> None:
    """(student, item, right, at, erased) rows, saved in this order."""
    with ctx.db.write() as s:
        parts = {sid: s.get(Person, sid).partition for sid in {r[0] for r in rows}}
        for sid, item, right, at, erased in rows:
            a = Attempt(student_id=sid, item_id=item.id, skill_id=item.skill_id, correct=right, at=at)
            a.deleted, a.partition = erased, parts[sid]
            s.add(a)
            s.flush()  # one row at a time, so rowids follow the list (answers at the same instant)
    live = live_model(ctx.db)  # the derived state follows the answers, as after a sync
    live.ensure()
    live.reconcile()


def _marks(sid: str, item: Item, marks: str, at: float, step: float = 60) -> list[tuple]:
    """Rows for ``_save``: 'o' right, 'x' wrong, capitals erased; one every ``step`` seconds from ``at``."""
    return [(sid, item, m in "oO", at + i * step, m.isupper()) for i, m in enumerate(marks)]


def _expected(rows, now: float, mastered: frozenset = frozenset()) -> dict[str, list[tuple]]:
    """The stuck rule as the module states it, folded over the answers in time order (the same instant:
    as saved), for comparison with what the service reads through its index. ``mastered``: (student,
    skill) pairs whose mastery rule holds, which are never stuck (one level: ``practice.standing``)."""
    tally: dict[tuple[str, str], list] = {}  # [answers, right, wrong run, first, run from]
    for sid, item, right, at, erased in sorted(rows, key=lambda r: r[3]):
        if erased or at < now - WINDOW_DAYS * DAY:
            continue
        t = tally.setdefault((sid, item.skill_id), [0, 0, 0, at, at])
        t[0] += 1
        t[1] += right
        if right:
            t[2] = 0
        else:
            t[4] = at if not t[2] else t[4]
            t[2] += 1
    out: dict[str, list[tuple]] = {}
    for (sid, kid), (n, right, run, first, run_from) in tally.items():
        if stuck_rule(n, right, run) and (sid, kid) not in mastered:
            out.setdefault(sid, []).append((kid, n, right, run, run_from if run >= RUN else first))
    return {sid: sorted(v) for sid, v in out.items()}


def _found(att) -> dict[str, list[tuple]]:
    rows = {
        sid: [(k.skill_id, k.attempts, k.right, k.wrong_run, k.since) for k in a.stuck]
        for sid, a in att.items()
    }
    return {sid: sorted(v) for sid, v in rows.items() if v}


def test_stuck_matches_the_rule_on_mixed_histories(demo, teacher, attention):
    """Random answers over three weeks for six students on three skills, with erased ones and some
    at the same instant, judged at several moments: the service agrees with the rule answer for answer."""
    ctx, info = demo
    rnd = random.Random(11)
    items = _items_of_skills(ctx, 3)
    assert len(items) == 3
    students = info.student_ids[:6]
    odds = {(sid, item.id): rnd.choice([0.15, 0.35, 0.6, 0.9]) for sid in students for item in items}
    rows, at = [], LATER - 21 * DAY
    for _ in range(900):
        at += 0 if rnd.random() < 0.08 else rnd.uniform(60, 3600)  # now and then the same instant
        sid, item = rnd.choice(students), rnd.choice(items)
        rows.append((sid, item, rnd.random() < odds[(sid, item.id)], at, rnd.random() < 0.05))
    _save(ctx, rows)
    with ctx.db.read() as s:
        mastered = frozenset(
            s.execute(text("SELECT student_id, skill_id FROM learner_skill_state WHERE mastered = 1")).all()
        )
    checked = 0
    for now in (LATER - 6 * DAY, LATER - 3 * DAY, LATER - DAY, LATER, rows[500][3]):
        expected = _expected(rows, now, mastered)
        assert _found(attention.class_attention(teacher, info.class_id, now)) == expected
        checked += sum(len(v) for v in expected.values())
    assert checked >= 10  # the histories did make students stuck, by both rules


def test_the_wrong_run_counts_from_the_last_right_answer(demo, teacher, attention):
    ctx, info = demo
    sid = info.student_ids[0]
    item = _items_of_skills(ctx, 1)[0]
    end = LATER - DAY
    # right, then four wrong; an erased right answer between them does not break the run
    _save(ctx, _marks(sid, item, "oooxxOxx", end - 800, 100))
    k = attention.class_attention(teacher, info.class_id, LATER)[sid].stuck[0]
    assert (k.attempts, k.right, k.wrong_run, k.since) == (7, 3, 4, end - 500)
    # a right answer at the same instant as the last wrong one, saved after it, ends the run
    _save(ctx, [(sid, item, True, end - 100, False)])
    assert attention.class_attention(teacher, info.class_id, LATER)[sid].stuck == ()
    # saved after that right one, wrong answers at that same instant start a new run
    _save(ctx, [(sid, item, False, end - 100, False)] * 3 + [(sid, item, False, end, False)])
    k = attention.class_attention(teacher, info.class_id, LATER)[sid].stuck[0]
    assert (k.attempts, k.right, k.wrong_run, k.since) == (12, 4, 4, end - 100)
    # the latest instant holds a right answer and, saved after it, four wrong ones
    _save(ctx, [(sid, item, True, end + 60, False)] + [(sid, item, False, end + 60, False)] * 4)
    k = attention.class_attention(teacher, info.class_id, LATER)[sid].stuck[0]
    assert (k.attempts, k.right, k.wrong_run, k.since) == (17, 5, 4, end + 60)


def test_many_answers_with_a_third_right_report_the_first_answer(demo, teacher, attention):
    ctx, info = demo
    sid = info.student_ids[1]
    item = _items_of_skills(ctx, 1)[0]
    start = LATER - 2 * DAY
    marks = "xxoxxoxo"  # 3 right of 8 is more than a third: not stuck; one more wrong answer makes it so
    _save(ctx, _marks(sid, item, marks, start))
    assert attention.class_attention(teacher, info.class_id, LATER)[sid].stuck == ()
    _save(ctx, [(sid, item, False, start + 8 * 60, False)])
    k = attention.class_attention(teacher, info.class_id, LATER)[sid].stuck[0]
    assert (k.attempts, k.right, k.wrong_run, k.since) == (9, 3, 1, start)


def test_the_window_starts_exactly_window_days_ago(demo, teacher, attention):
    ctx, info = demo
    sid = info.student_ids[2]
    item = _items_of_skills(ctx, 1)[0]
    edge = LATER - WINDOW_DAYS * DAY
    _save(ctx, [(sid, item, False, edge - 1, False)] + _marks(sid, item, "xxx", edge))
    assert attention.class_attention(teacher, info.class_id, LATER)[sid].stuck == ()  # 3 in the window
    _save(ctx, [(sid, item, False, edge - 0.5, False)])
    assert attention.class_attention(teacher, info.class_id, LATER)[sid].stuck == ()
    k = attention.class_attention(teacher, info.class_id, LATER - 1)[sid].stuck[0]  # the window reaches back
    assert (k.attempts, k.wrong_run, k.since) == (5, 5, edge - 1)
    _save(ctx, [(sid, item, False, edge, False)])  # on the boundary: counts, and starts the run
    k = attention.class_attention(teacher, info.class_id, LATER)[sid].stuck[0]
    assert (k.attempts, k.right, k.wrong_run, k.since) == (4, 0, 4, edge)


def test_plan_behind_is_what_the_plans_overview_says(demo, teacher, attention):
    ctx, info = demo
    overview = ctx.services.plans.class_overview(teacher, info.class_id)
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
    writing = ctx.services.writing
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


def test_the_words_count_further_stuck_skills_in_plain_english():
    from app.planning.attention import Attention, StuckSkill

    def skill(name):
        return StuckSkill(name.lower(), name, 5, 0, 5, 0.0)

    assert Attention("s", (skill("Decimals"),)).words == "Stuck on Decimals"
    two = Attention("s", (skill("Decimals"), skill("Rounding")))
    assert two.words == "Stuck on Decimals and 1 more skill"
    three = Attention("s", (skill("Decimals"), skill("Rounding"), skill("Angles")), plan_behind=True)
    assert three.words == "Stuck on Decimals and 2 more skills \u00b7 Plan behind"
