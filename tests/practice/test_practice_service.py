"""The practice service with a real database: sessions, answers, estimates, mastery, the item bank."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.models import Attempt, Celebration, Item, LearnerSkillState, Skill
from app.practice.engine.mastery import MasteryRule


def _student(ctx, info, index=0):
    acc = ctx.services.accounts
    pick = acc.sign_in_students(info.class_id)[index]
    return acc.sign_in_student(info.class_id, pick.id, info.pin)


def _skill(ctx, code):
    with ctx.db.read() as s:
        return s.execute(select(Skill.id).where(Skill.code == code)).scalar_one()


def _answer_of(ctx, item_id):
    with ctx.db.read() as s:
        return s.get(Item, item_id).answer.split("\n")[0]


def _services(ctx):
    return ctx.services.practice, ctx.services.practice_class


def test_a_session_from_first_question_to_summary(demo):
    ctx, info = demo
    practice, _ = _services(ctx)
    me = _student(ctx, info, 2)
    sess = practice.start_session(me, me.person_id, length=6)
    assert sess.length == 6 and sess.session_id
    seen, right = [], 0
    for n in range(6):
        item = practice.next_item(me, sess.session_id)
        assert item.position == n + 1 and item.prompt and item.reason
        assert item.reason.split(":")[0] in {"Review", "Your focus", "Building up", "Variety", "Next step",
                                             "Starting point", "New word"}  # fmt: skip
        assert practice.next_item(me, sess.session_id) == item  # asking again gives the same question
        assert not seen or item.item_id != seen[-1]  # never the same question twice in a row
        seen.append(item.item_id)
        response = (
            _answer_of(ctx, item.item_id) if n % 2 == 0 else ("1" if item.kind == "choice" else "12345")
        )
        result = practice.record_answer(me, sess.session_id, item.item_id, response, 4200)
        right += result.correct
        assert result.hint and result.feedback and result.skill_name == item.skill_name
        assert 0 < result.mastery_after < 1
        if n % 2 == 0:
            # A right answer never lowers the student's figure (the calibration is kept monotone).
            assert result.correct and result.mastery_after >= result.mastery_before - 1e-3
    assert practice.next_item(me, sess.session_id) is None
    summary = practice.session_summary(me, sess.session_id)
    assert summary.answered == 6 and summary.right == right >= 3
    assert sum(s.answered for s in summary.skills) == 6 and summary.message
    with ctx.db.read() as s:
        rows = s.execute(select(Attempt).where(Attempt.session_id == sess.session_id)).scalars().all()
        assert len(rows) == 6
        assert {r.device for r in rows} == {ctx.db.replica_id}
        assert {r.response_ms for r in rows} == {4200}
        change = s.execute(
            text("SELECT COUNT(*) FROM change WHERE table_name = 'attempt' AND row_id = :i"),
            {"i": rows[0].id},
        ).scalar_one()
        assert change == 1  # captured for sync in the same transaction


def test_skill_row_follows_each_answer(demo):
    ctx, info = demo
    practice, _ = _services(ctx)
    me = _student(ctx, info, 5)
    skill = _skill(ctx, "NUM.ADD")
    sess = practice.start_session(me, me.person_id, length=3, skill_id=skill)
    with ctx.db.read() as s:
        before = s.get(LearnerSkillState, (me.person_id, skill))
        n0 = before.attempts if before else 0
    item = practice.next_item(me, sess.session_id)
    assert item.skill_id == skill
    result = practice.record_answer(me, sess.session_id, item.item_id, _answer_of(ctx, item.item_id))
    with ctx.db.read() as s:
        row = s.get(LearnerSkillState, (me.person_id, skill))
    assert row.attempts == n0 + 1 and row.mastery == result.mastery_after
    assert row.last_at > 0 and row.ability != 0


def test_malformed_answers_are_explained_and_not_stored(demo):
    ctx, info = demo
    practice, _ = _services(ctx)
    me = _student(ctx, info, 1)
    sess = practice.start_session(me, me.person_id, length=2, skill_id=_skill(ctx, "NUM.MUL"))
    item = practice.next_item(me, sess.session_id)
    assert item.kind == "number"
    for bad, words in [("banana", "not a number"), ("", "Type an answer"), ("9" * 300, "too long"),
                       (None, "could not read")]:  # fmt: skip
        with pytest.raises(InvalidInput, match=words):
            practice.record_answer(me, sess.session_id, item.item_id, bad)
    with pytest.raises(InvalidInput, match="not the one on screen"):
        practice.record_answer(me, sess.session_id, "some-other-item", "3")
    with ctx.db.read() as s:
        assert not s.execute(select(Attempt).where(Attempt.session_id == sess.session_id)).first()
    assert practice.record_answer(me, sess.session_id, item.item_id, " 10 ").answered == 1  # still usable

    words = practice.start_session(me, me.person_id, length=2, skill_id=_skill(ctx, "WRM.VOCAB"))
    item = practice.next_item(me, words.session_id)
    assert item.kind == "choice" and len(item.choices) == 4 and item.purpose in ("new word", "review")
    with pytest.raises(InvalidInput, match="Choose one of the 4 answers"):
        practice.record_answer(me, words.session_id, item.item_id, "7")
    result = practice.record_answer(me, words.session_id, item.item_id, "2")  # by its number
    assert result.expected in item.choices
    card_words = practice.live.cards[me.person_id]
    assert card_words and all(c.due > c.last_review for c in card_words.values())  # FSRS scheduled it


def test_empty_bank_for_a_skill_says_so(demo, teacher):
    ctx, info = demo
    practice, teaching = _services(ctx)
    me = _student(ctx, info)
    ideas = _skill(ctx, "WRC.IDEA")
    with pytest.raises(InvalidInput, match="no questions for \u201cIdeas and content\u201d yet"):
        practice.start_session(me, me.person_id, skill_id=ideas)
    with pytest.raises(InvalidInput, match="has no practice questions yet"):
        teaching.set_focus(teacher, me.person_id, [ideas])


def test_a_new_class_gets_the_framework_and_bank_on_first_practice(ctx):
    actor = ctx.services.accounts.create_first_teacher(
        "Hill School", "Sam", "Lee", "sam.lee", "correct horse", "6B"
    )
    klass = ctx.services.roster.my_classes(actor)[0]
    kid = ctx.services.roster.add_student(actor, klass.id, "Ada")
    ctx.services.accounts.set_pin(actor, klass.id, kid.id, "2468")
    me = ctx.services.accounts.sign_in_student(klass.id, kid.id, "2468")
    practice = ctx.services.practice
    sess = practice.start_session(me, me.person_id, length=1)
    item = practice.next_item(me, sess.session_id)
    assert item.purpose in ("next step", "new word", "variety") and item.reason  # cold start, no history
    with ctx.db.read() as s:
        assert s.execute(text("SELECT COUNT(*) FROM item")).scalar_one() > 1000


def test_practice_permissions(demo, teacher):
    ctx, info = demo
    practice, teaching = _services(ctx)
    me, other = _student(ctx, info, 0), _student(ctx, info, 1)
    with pytest.raises(PermissionDenied, match="only practise as yourself"):
        practice.start_session(me, other.person_id)
    with pytest.raises(PermissionDenied, match="sign in as the student"):
        practice.start_session(teacher, me.person_id)
    sess = practice.start_session(me, me.person_id, length=2)
    with pytest.raises(PermissionDenied):
        practice.next_item(other, sess.session_id)
    item = practice.next_item(me, sess.session_id)
    with pytest.raises(PermissionDenied):
        practice.record_answer(other, sess.session_id, item.item_id, "1")
    with pytest.raises(PermissionDenied):
        practice.session_summary(teacher, sess.session_id)
    with pytest.raises(NotFound, match="session has ended"):
        practice.next_item(me, "no-such-session")
    # students read only their own skills and change nothing
    skill = _skill(ctx, "NUM.ADD")
    assert teaching.skill_detail(me, me.person_id, skill).student_id == me.person_id
    with pytest.raises(PermissionDenied):
        teaching.skill_detail(me, other.person_id, skill)
    with pytest.raises(PermissionDenied):
        teaching.heatmap(me, info.class_id)
    for call in (lambda: teaching.set_target(me, me.person_id, 0.9), lambda: teaching.set_focus(me, me.person_id, []),
                 lambda: teaching.practice_skills(me), lambda: teaching.recalculate(me)):  # fmt: skip
        with pytest.raises(PermissionDenied):
            call()


def test_teacher_sees_only_own_classes(demo, teacher):
    ctx, info = demo
    _, teaching = _services(ctx)
    from app.models import Account, Person
    from app.people.accounts import hash_secret

    with ctx.db.write() as s:
        p = Person(
            school_id=info.school_id, role="teacher", given_name="Other", partition=f"{info.school_id}//"
        )
        s.add(p)
        s.flush()
        s.add(Account(person_id=p.id, username="other", password_hash=hash_secret("password-2")))
    other = ctx.services.accounts.sign_in_teacher("other", "password-2")
    oak = ctx.services.roster.create_class(other, "Year 8 Oak")
    kid = ctx.services.roster.add_student(other, oak.id, "Olu")
    sid = info.student_ids[0]
    skill = _skill(ctx, "NUM.ADD")
    with pytest.raises(PermissionDenied):
        teaching.heatmap(other, info.class_id)
    with pytest.raises(PermissionDenied):
        teaching.skill_detail(other, sid, skill)
    with pytest.raises(PermissionDenied):
        teaching.set_target(other, sid, 0.8)
    with pytest.raises(PermissionDenied):
        teaching.set_focus(other, sid, [skill])
    with pytest.raises(PermissionDenied):
        teaching.heatmap(teacher, oak.id)
    assert [s.id for s in teaching.heatmap(other, oak.id).students] == [kid.id]


def test_target_and_focus_shape_the_next_questions(demo, teacher):
    ctx, info = demo
    practice, teaching = _services(ctx)
    me = _student(ctx, info, 3)
    dec = _skill(ctx, "FRA.DEC")
    with pytest.raises(InvalidInput, match="between 50% and 95%"):
        teaching.set_target(teacher, me.person_id, 0.99)
    with pytest.raises(InvalidInput, match="up to 5"):
        teaching.set_focus(
            teacher,
            me.person_id,
            [_skill(ctx, c) for c in ("NUM.ADD", "NUM.SUB", "NUM.MUL", "NUM.DIV", "FRA.EQ", "FRA.DEC")],
        )
    teaching.set_target(teacher, me.person_id, 0.85)
    teaching.set_focus(teacher, me.person_id, [dec])
    settings = teaching.practice_settings(teacher, me.person_id)
    assert settings.target == 0.85 and settings.focus == (dec,)
    sess = practice.start_session(me, me.person_id, length=12)
    assert sess.target == 0.85 and sess.focus == ("Decimals",)
    reasons = []
    for _ in range(12):
        item = practice.next_item(me, sess.session_id)
        reasons.append((item.skill_id, item.reason))
        practice.record_answer(me, sess.session_id, item.item_id, _answer_of(ctx, item.item_id))
    focus = [r for k, r in reasons if k == dec]
    assert len(focus) >= 4 and any(r == "Your focus: Decimals is in your plan." for r in focus)
    teaching.set_focus(teacher, me.person_id, [])
    assert teaching.practice_settings(teacher, me.person_id).focus == ()


def test_mastering_a_skill_is_celebrated_once(demo):
    ctx, info = demo
    practice, teaching = _services(ctx)
    me = _student(ctx, info, 6)
    # The demo's history is random: pick a skill this student has not mastered yet.
    for code in ("NUM.PV", "NUM.ROUND", "NUM.NEG", "FRA.PCT", "ALG.ORD", "ALG.LIN1"):
        skill = _skill(ctx, code)
        with ctx.db.read() as s:
            row = s.get(LearnerSkillState, (me.person_id, skill))
        if row is None or not row.mastered_at:
            break
    mastered = []
    for _ in range(10):  # usually 10-30 right answers; the tail is long
        sess = practice.start_session(me, me.person_id, length=10, skill_id=skill)
        for _ in range(10):
            item = practice.next_item(me, sess.session_id)
            result = practice.record_answer(me, sess.session_id, item.item_id, _answer_of(ctx, item.item_id))
            if result.mastered_now:
                mastered.append(result)
        if mastered:
            break
    assert len(mastered) == 1 and mastered[0].celebration.startswith("You mastered")
    with ctx.db.read() as s:
        row = s.get(LearnerSkillState, (me.person_id, skill))
        cel = (
            s.execute(
                select(Celebration).where(Celebration.student_id == me.person_id, Celebration.ref_id == skill)
            )
            .scalars()
            .all()
        )
    assert row.mastered and row.mastered_at > 0 and row.mastery >= MasteryRule().threshold
    assert len(cel) == 1 and cel[0].kind == "mastered_skill"
    assert "Mastered:" in teaching.skill_detail(me, me.person_id, skill).explanation
    assert practice.session_summary(me, sess.session_id).mastered


def test_heatmap_and_skill_detail(demo, teacher):
    ctx, info = demo
    _, teaching = _services(ctx)
    hm = teaching.heatmap(teacher, info.class_id)  # its speed is a benchmark figure (benchmarks/practice.py)
    assert len(hm.students) == 24 and len(hm.skills) >= 35
    assert len(hm.cells) == 24 and all(len(r) == len(hm.skills) for r in hm.cells)
    started = [
        (i, j) for i, r in enumerate(hm.cells) for j, c in enumerate(r) if c is not None and c.attempts > 3
    ]
    assert len(started) > 100
    i, j = next((i, j) for i, j in started if hm.skills[j].items)
    detail = teaching.skill_detail(teacher, hm.students[i].id, hm.skills[j].id)
    assert detail.attempts == hm.cells[i][j].attempts and detail.mastery == hm.cells[i][j].mastery
    assert detail.recent and detail.recent[0].at >= detail.recent[-1].at and detail.recent[0].prompt
    assert detail.explanation and detail.level in ("learning", "nearly there", "mastered")
