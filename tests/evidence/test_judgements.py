"""Teachers judge skills from work; levels, celebrations and permissions follow; students see why."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.evidence.service import EvidenceRef
from app.models import Celebration, Draft, DraftVersion, Skill
from app.models.evidence import Judgement
from app.practice.engine.combine import LEVEL_MASTERY


def _svc(ctx):
    return ctx.services.judgements


def _skill(ctx, code: str) -> str:
    with ctx.db.read() as s:
        return s.execute(select(Skill.id).where(Skill.code == code)).scalar_one()


def _row(ctx, sid: str, kid: str):
    with ctx.db.read() as s:
        return s.execute(text("SELECT mastery, mastered, attempts, judged_level, judgement_id, mastered_at "
                              "FROM learner_skill_state WHERE student_id = :s AND skill_id = :k"),
                         {"s": sid, "k": kid}).first()  # fmt: skip


def _version(ctx, sid: str) -> str:
    with ctx.db.read() as s:
        return s.execute(select(DraftVersion.id).join(Draft, Draft.id == DraftVersion.draft_id)
                         .where(Draft.student_id == sid)).scalars().first()  # fmt: skip


def test_the_demo_levels_of_writing_are_judgements_of_real_drafts(demo):
    ctx, info = demo
    with ctx.db.read() as s:
        rows = s.execute(select(Judgement)).scalars().all()
        versions = {v for (v,) in s.execute(select(DraftVersion.id))}
    assert len(rows) >= 24 * 10
    from_drafts = [j for j in rows if j.evidence_kind == "draft_version"]
    assert len(from_drafts) > len(rows) / 2 and all(j.evidence_id in versions for j in from_drafts)
    assert all(j.evidence_title for j in from_drafts)
    # judged-only rows count no answers: attempts are practice answers, nothing else
    with ctx.db.read() as s:
        judged_only = s.execute(
            text(
                "SELECT COUNT(*), SUM(attempts) FROM learner_skill_state "
                "WHERE judged_level > 0 AND practice_mastery = 0 AND attempts = 0"
            )
        ).first()
        answers = s.execute(text("SELECT COUNT(*) FROM attempt WHERE deleted = 0")).scalar()
        counted = s.execute(text("SELECT SUM(attempts) FROM learner_skill_state")).scalar()
    assert judged_only[0] >= 24 * 10 and not judged_only[1]
    assert counted == answers


def test_teacher_judges_from_a_draft_and_the_student_sees_where_it_came_from(demo, teacher, as_student):
    ctx, info = demo
    sid, kid = info.student_ids[0], _skill(ctx, "WRC.TRANS")
    version = _version(ctx, sid)
    j = _svc(ctx).judge(
        teacher, sid, kid, EvidenceRef("draft_version", version), level=4, note="Smooth links."
    )
    assert j.by_name == "Maya Rivera" and j.evidence_title
    row = _row(ctx, sid, kid)
    assert row.judgement_id == j.id and row.mastery == LEVEL_MASTERY[4] and row.mastered and row.attempts == 0
    src = _svc(ctx).level_source(as_student(0), sid, kid)
    assert src.deciding.id == j.id
    words = src.deciding.source_words()
    assert words.startswith("Judged by Maya Rivera from your essay '") and j.evidence_title in words
    # the skill detail (what teachers and students open) says the level is judged from work
    detail = ctx.services.practice_class.skill_detail(teacher, sid, kid)
    assert detail.level == "mastered" and "Judged from" in detail.explanation


def test_a_new_judgement_supersedes_and_withdrawing_falls_back(demo, teacher):
    ctx, info = demo
    sid, kid = info.student_ids[1], _skill(ctx, "WRC.ARG")
    before = _row(ctx, sid, kid)
    svc = _svc(ctx)
    a = svc.judge(teacher, sid, kid, EvidenceRef("observation"), level=2, at=2e9)
    b = svc.judge(teacher, sid, kid, EvidenceRef("observation"), level=4, at=2e9 + 60)
    assert _row(ctx, sid, kid).judgement_id == b.id
    svc.withdraw(teacher, b.id)
    assert _row(ctx, sid, kid).judgement_id == a.id and _row(ctx, sid, kid).mastery == LEVEL_MASTERY[2]
    svc.withdraw(teacher, a.id)
    after = _row(ctx, sid, kid)
    assert after.judgement_id == before.judgement_id  # back to the demo's own judgement
    svc.withdraw(teacher, b.id, withdrawn=False)  # taken back: it decides again
    assert _row(ctx, sid, kid).judgement_id == b.id
    history = svc.for_student(teacher, sid, kid)
    assert [h.id for h in history[:2]] == [b.id, a.id] and history[1].withdrawn


def test_withdrawing_the_only_evidence_removes_the_row(demo, teacher):
    ctx, info = demo
    sid, kid = info.student_ids[2], _skill(ctx, "WRC.TRANS")
    svc = _svc(ctx)
    for j in svc.for_student(teacher, sid, kid):
        svc.withdraw(teacher, j.id)
    assert _row(ctx, sid, kid) is None  # no evidence at all: not started, not "0%"


def test_a_rubric_score_becomes_a_level(demo, teacher):
    ctx, info = demo
    sid, kid = info.student_ids[4], _skill(ctx, "WRC.ORG")
    j = _svc(ctx).judge(teacher, sid, kid, EvidenceRef("observation"), score=3, score_max=4)
    assert j.level == 3 and j.score == 3 and j.score_max == 4
    with pytest.raises(InvalidInput):
        _svc(ctx).judge(teacher, sid, kid, EvidenceRef("observation"), score=5, score_max=4)
    with pytest.raises(InvalidInput):
        _svc(ctx).judge(teacher, sid, kid, EvidenceRef("observation"), level=5)
    with pytest.raises(InvalidInput):
        _svc(ctx).judge(teacher, sid, kid, EvidenceRef("observation"))


def test_mastered_by_judgement_is_celebrated_once(demo, teacher):
    ctx, info = demo
    sid, kid = info.student_ids[6], _skill(ctx, "WRC.NARR")
    svc = _svc(ctx)
    for j in svc.for_student(teacher, sid, kid):
        svc.withdraw(teacher, j.id)
    svc.judge(teacher, sid, kid, EvidenceRef("observation"), level=3)
    svc.judge(teacher, sid, kid, EvidenceRef("observation"), level=4)
    with ctx.db.read() as s:
        wins = (
            s.execute(
                select(Celebration).where(
                    Celebration.student_id == sid,
                    Celebration.ref_id == kid,
                    Celebration.kind == "mastered_skill",
                )
            )
            .scalars()
            .all()
        )
    assert len(wins) == 1


def test_only_their_teachers_judge_and_students_read_only_their_own(demo, teacher, other, as_student):
    ctx, info = demo
    sid, kid = info.student_ids[0], _skill(ctx, "WRC.IDEA")
    svc = _svc(ctx)
    with pytest.raises(PermissionDenied):
        svc.judge(other.teacher, sid, kid, EvidenceRef("observation"), level=4)  # not their class
    with pytest.raises(PermissionDenied):
        svc.judge(as_student(0), sid, kid, EvidenceRef("observation"), level=4)  # a student judging themself
    j = svc.judge(teacher, sid, kid, EvidenceRef("observation"), level=1)
    with pytest.raises(PermissionDenied):
        svc.withdraw(other.teacher, j.id)
    with pytest.raises(PermissionDenied):
        svc.withdraw(as_student(0), j.id)
    assert svc.for_student(as_student(0), sid)  # their own
    with pytest.raises(PermissionDenied):
        svc.for_student(as_student(1), sid)
    with pytest.raises(PermissionDenied):
        svc.level_source(as_student(1), sid, kid)


def test_evidence_must_be_the_students_own_work(demo, teacher):
    ctx, info = demo
    sid, kid = info.student_ids[0], _skill(ctx, "WRC.IDEA")
    someone_elses = _version(ctx, info.student_ids[5])
    with pytest.raises(NotFound):
        _svc(ctx).judge(teacher, sid, kid, EvidenceRef("draft_version", someone_elses), level=4)
    with pytest.raises(NotFound):
        _svc(ctx).judge(teacher, sid, kid, EvidenceRef("plan_evidence", "no-such-row"), level=4)
    with pytest.raises(InvalidInput):
        _svc(ctx).judge(teacher, sid, kid, EvidenceRef("gossip", ""), level=4)


def test_practice_after_a_judgement_moves_the_level(demo, teacher):
    ctx, info = demo
    from app.practice.live import live_model

    sid = info.student_ids[7]
    with ctx.db.read() as s:
        kid, before = s.execute(
            text(
                "SELECT skill_id, attempts FROM learner_skill_state WHERE student_id = :s "
                "AND attempts >= 6 ORDER BY attempts DESC LIMIT 1"
            ),
            {"s": sid},
        ).first()
    j = _svc(ctx).judge(teacher, sid, kid, EvidenceRef("observation"), level=4, at=1.0)  # long ago
    row = _row(ctx, sid, kid)
    assert row.judgement_id == j.id and row.attempts == before
    with ctx.db.read() as s:
        pm = s.execute(
            text("SELECT practice_mastery FROM learner_skill_state WHERE student_id = :s AND skill_id = :k"),
            {"s": sid, "k": kid},
        ).scalar()
    # every answer came after it: (5 x 0.95 + n x practice) / (5 + n)
    assert row.mastery == pytest.approx((5 * 0.95 + before * pm) / (5 + before))
    live_model(ctx.db).rebuild(None)  # a full rebuild gives the same
    assert _row(ctx, sid, kid) == row


def test_an_erased_student_leaves_no_judgement_and_no_level(demo, teacher):
    ctx, info = demo
    sid = info.student_ids[8]
    name = ctx.services.roster.student(teacher, sid).full_name
    ctx.services.privacy.erase_student(teacher, sid, name)
    with ctx.db.read() as s:
        assert not s.execute(text("SELECT 1 FROM judgement WHERE student_id = :s"), {"s": sid}).first()
        assert not s.execute(
            text("SELECT 1 FROM learner_skill_state WHERE student_id = :s"), {"s": sid}
        ).first()


def test_the_bulk_and_the_one_by_one_combination_agree(demo, teacher):
    """A full rebuild combines every judged pair at once (one pass over the answers); an answer or a
    judgement combines its own pair. Both must give the same level."""
    from app.practice.judged_levels import _bulk_combined, combined_for
    from app.store.raw import raw_connection

    ctx, info = demo
    svc = _svc(ctx)
    with ctx.db.read() as s:
        practised = s.execute(text("SELECT student_id, skill_id FROM learner_skill_state WHERE attempts > 5 "
                                   "LIMIT 30")).all()  # fmt: skip
    for i, (sid, kid) in enumerate(practised):  # judged long ago, recently, and in the future
        svc.judge(
            teacher, sid, kid, EvidenceRef("observation"), level=1 + i % 4, at=[1.0, 1.79e9, 4e9][i % 3]
        )
    with ctx.db.read() as s:
        conn = raw_connection(s)
        pairs = [tuple(p) for p in conn.execute("SELECT DISTINCT student_id, skill_id FROM judgement")]
        bulk = _bulk_combined(conn, pairs)
        assert len(pairs) > 250
        assert all(bulk[p] == combined_for(conn, p) for p in pairs)


def test_judging_from_plan_evidence_offers_the_goals_skills(demo, teacher, other):
    ctx, info = demo
    with ctx.db.read() as s:
        eid, sid = s.execute(text("SELECT e.id, g.student_id FROM goal_evidence e JOIN goal g ON g.id = e.goal_id "
                                  "WHERE g.skill_ids != '[]' LIMIT 1")).first()  # fmt: skip
    svc = _svc(ctx)
    student, option, rows = svc.rows_for_plan_evidence(teacher, eid)
    assert student[0] == sid and option.kind == "plan_evidence" and rows
    j = svc.judge(teacher, sid, rows[0].skills[0][0], EvidenceRef(option.kind, option.id), level=2)
    assert j.evidence_title and "plan evidence" in j.source_words()
    with pytest.raises(PermissionDenied):
        svc.rows_for_plan_evidence(other.teacher, eid)


def test_answers_after_a_judgement_add_up_as_they_come_and_equal_a_fresh_count(demo, teacher):
    """Answers in order after an older judgement are added to the count the row keeps (no recount);
    the result is the one a full rebuild counts from the log."""
    import time as _time

    from app.ids import new_id
    from app.models import Attempt
    from app.practice.bulk import insert_synced
    from app.practice.engine.learner_model import Attempt as ModelAttempt
    from app.practice.live import live_model
    from app.practice.model_store import max_attempt_rowid
    from app.store.raw import raw_connection as raw

    ctx, info = demo
    sid = info.student_ids[9]
    with ctx.db.read() as s:
        kid, item, part = s.execute(text(
            "SELECT a.skill_id, a.item_id, p.partition FROM attempt a JOIN person p ON p.id = a.student_id "
            "WHERE a.student_id = :s GROUP BY a.skill_id ORDER BY COUNT(*) DESC LIMIT 1"), {"s": sid}).first()  # fmt: skip
    _svc(ctx).judge(teacher, sid, kid, EvidenceRef("observation"), level=4, at=1.0)
    with ctx.db.read() as s:
        k0, n0 = s.execute(text("SELECT judged_after, attempts FROM learner_skill_state WHERE student_id = :s "
                                "AND skill_id = :k"), {"s": sid, "k": kid}).first()  # fmt: skip
    assert k0 == n0  # every answer came after a judgement given at the epoch
    live = live_model(ctx.db)
    for i in range(5):
        with live.answering():
            at = live.next_key_time(_time.time())
            row = dict(id=new_id(), deleted=False, partition=part, student_id=sid, item_id=item, skill_id=kid,
                       answer="x", correct=i % 2 == 0, response_ms=4000, at=at, device="t", session_id="")  # fmt: skip
            with ctx.db.write() as s:
                conn = raw(s)
                before = max_attempt_rowid(conn)
                insert_synced(s, Attempt, [row])
                rowid = conn.execute("SELECT rowid FROM attempt WHERE id = ?", (row["id"],)).fetchone()[0]
                live.record(
                    conn, ModelAttempt(row["id"], sid, kid, row["correct"], at, item, 4000), rowid, before
                )
    got = _row(ctx, sid, kid)
    with ctx.db.read() as s:
        k1 = s.execute(text("SELECT judged_after FROM learner_skill_state WHERE student_id = :s AND skill_id = :k"),
                       {"s": sid, "k": kid}).scalar()  # fmt: skip
    assert k1 == k0 + 5
    live.rebuild(None)
    assert _row(ctx, sid, kid) == got
