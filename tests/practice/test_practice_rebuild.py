"""Estimates kept answer by answer equal estimates rebuilt from the attempts log, exactly: after a
restart (loaded, not replayed), after late attempts from sync (replayed from a checkpoint), after a
tombstone (replayed from the start), and across two replicas syncing through a folder. Plus QTI import
into the bank."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select, text

from app.errors import PermissionDenied
from app.models import Attempt, Item, Skill
from app.practice.bulk import insert_synced
from app.practice.engine.snapshot import state_to_dict
from app.practice.live import LiveModel, live_model, on_sync, rebuild_after_sync
from app.practice.qti.errors import QtiImportError
from tests.practice.qti_samples import CHOICE30, choice22, good_package, manifest, package

DAY = 86400.0
TABLES = {
    "lss": "SELECT * FROM learner_skill_state ORDER BY student_id, skill_id",
    "snapshots": "SELECT student_id, data FROM learner_snapshot ORDER BY student_id",
    "skills": "SELECT * FROM skill_stat ORDER BY skill_id",
    "items": "SELECT * FROM item_stat ORDER BY item_id",
    "meta": "SELECT weights, last_at, last_id, count, max_rowid, dirty_at FROM practice_model",
}


def derived(db) -> dict:
    with db.read() as s:
        return {k: [tuple(r) for r in s.execute(text(q)).all()] for k, q in TABLES.items()}


def _student(ctx, info, index=0):
    acc = ctx.services.accounts
    pick = acc.sign_in_students(info.class_id)[index]
    return acc.sign_in_student(info.class_id, pick.id, info.pin)


def _practise(ctx, actor, n, right_every=2):
    practice = ctx.services.practice
    sess = practice.start_session(actor, actor.person_id, length=n)
    for i in range(n):
        item = practice.next_item(actor, sess.session_id)
        with ctx.db.read() as s:
            answer = s.get(Item, item.item_id).answer.split("\n")[0]
        wrong = "2" if item.kind == "choice" else "987654"
        practice.record_answer(
            actor, sess.session_id, item.item_id, answer if i % right_every == 0 else wrong
        )


def test_incremental_equals_rebuilt_from_the_log(demo, teacher):
    ctx, info = demo
    for index in (0, 7, 12):
        _practise(ctx, _student(ctx, info, index), 8)
    live = live_model(ctx.db)
    kept = derived(ctx.db)
    assert kept["meta"][0][5] is None  # not dirty: every answer came in order
    # a restart loads the saved estimates without replaying anything
    fresh = LiveModel(ctx.db)
    fresh.ensure()
    assert fresh.rebuilds == 0 and fresh.reconcile() == "current"
    assert state_to_dict(fresh.state) == state_to_dict(live.state)
    assert fresh.cards == live.cards
    # and the saved estimates are exactly what the whole log gives
    report = ctx.services.practice_class.recalculate(teacher)
    assert report.answers == kept["meta"][0][3]
    assert derived(ctx.db) == kept


def test_late_attempts_from_sync_replay_from_a_checkpoint(demo):
    ctx, info = demo
    live = live_model(ctx.db)
    live.ensure()
    sid = info.student_ids[4]
    item = next(i for i in live.items.values() if i.kind == "number" and not i.deleted)
    last_at = live.state.last_key[0]
    total = live.state.count
    # an answer made later than everything here arrives: it is simply applied
    with ctx.db.write() as s:
        insert_synced(s, Attempt, [dict(student_id=sid, item_id=item.id, skill_id=item.skill_id, correct=True,
                                        at=last_at + 60, device="lab-2", partition="//")])  # fmt: skip
    assert rebuild_after_sync(ctx.db, [sid]) == "caught up" and live.rebuilds == 0
    # two made yesterday on a lab machine arrive: replayed exactly, from a checkpoint, not from the start
    with ctx.db.write() as s:
        insert_synced(s, Attempt, [
            dict(student_id=sid, item_id=item.id, skill_id=item.skill_id, correct=ok, at=last_at - DAY + k,
                 device="lab-2", partition="//") for k, ok in ((0, False), (30, True))
        ])  # fmt: skip
    assert rebuild_after_sync(ctx.db, [sid]) == "rebuilt"
    assert 0 < live.last_replayed < total / 2
    assert live.state.count == total + 3
    kept = derived(ctx.db)
    live.rebuild(None)
    assert live.last_replayed == total + 3
    assert derived(ctx.db) == kept


def test_a_tombstoned_attempt_is_forgotten(demo):
    ctx, info = demo
    live = live_model(ctx.db)
    live.ensure()
    total = live.state.count
    with ctx.db.write(remote=True) as s:  # as sync applies a tombstone from another replica
        row = s.execute(select(Attempt).where(Attempt.student_id == info.student_ids[2])).scalars().first()
        row.deleted = True
        gone = row.id
    on_sync(ctx.db, {"attempt": {gone}})
    assert live.state.count == total - 1 and live.last_replayed == total - 1
    kept = derived(ctx.db)
    LiveModel(ctx.db).rebuild(None)
    assert derived(ctx.db) == kept


def test_two_replicas_sync_and_agree(demo, tmp_path):
    from app.bootstrap import open_context
    from app.sync.session import sync_once

    ctx_a, info = demo
    b_dir = tmp_path / "lab-machine"
    b_dir.mkdir()
    shutil.copy2(ctx_a.db.path, b_dir / "tessera.db")
    ctx_b = open_context(b_dir)  # a copy gets its own replica id
    try:
        assert ctx_b.db.replica_id != ctx_a.db.replica_id
        share = tmp_path / "share"
        share.mkdir()
        _practise(ctx_b, _student(ctx_b, info, 3), 5)  # on the lab machine first ...
        _practise(ctx_a, _student(ctx_a, info, 9), 4)  # ... then on the teacher's laptop
        sync_once(ctx_b.db, share)
        sync_once(ctx_a.db, share)  # A gets B's earlier answers: late for A, rebuilt by the sync hook
        sync_once(ctx_b.db, share)  # B gets A's later answers: simply applied
        a, b = live_model(ctx_a.db), live_model(ctx_b.db)
        assert a.state.count == b.state.count
        assert state_to_dict(a.state) == state_to_dict(b.state)
        kept_a = derived(ctx_a.db)
        assert {k: v for k, v in kept_a.items() if k != "meta"} == {
            k: v for k, v in derived(ctx_b.db).items() if k != "meta"
        }
        a.rebuild(None)
        assert derived(ctx_a.db)["lss"] == kept_a["lss"]
    finally:
        ctx_b.close()


def _skill(ctx, code):
    with ctx.db.read() as s:
        return s.execute(select(Skill.id).where(Skill.code == code)).scalar_one()


def _count(ctx):
    with ctx.db.read() as s:
        return s.execute(text("SELECT COUNT(*) FROM item")).scalar_one()


def test_qti_import_all_or_nothing(demo, teacher, tmp_path):
    ctx, info = demo
    teaching, practice = ctx.services.practice_class, ctx.services.practice
    skill = _skill(ctx, "WRC.IDEA")
    good = tmp_path / "quiz.zip"
    good.write_bytes(good_package())
    steps = []
    result = teaching.import_qti(teacher, good, skill, progress=lambda f, m: steps.append(f))
    assert (result.added, result.already_there, result.skill_name) == (3, 0, "Ideas and content")
    assert steps and steps[-1] == 1.0
    again = teaching.import_qti(teacher, good, skill)
    assert (again.added, again.already_there) == (0, 3)
    me = _student(ctx, info)
    sess = practice.start_session(me, me.person_id, length=1, skill_id=skill)  # the skill has questions now
    item = practice.next_item(me, sess.session_id)
    assert item.skill_id == skill
    assert any(q in item.prompt for q in ("capital of France", "Which planet", "The c_l_ur"))
    before = _count(ctx)
    bad = tmp_path / "broken.zip"
    bad.write_bytes(package({
        "imsmanifest.xml": manifest([("good.xml", "imsqti_item_xmlv2p2"), ("bad.xml", "imsqti_item_xmlv3p0")]),
        "good.xml": choice22("fresh-1"), "bad.xml": CHOICE30.replace("ChoiceJ</qti-value>", "ChoiceX</qti-value>"),
    }))  # fmt: skip
    with pytest.raises(QtiImportError) as err:
        teaching.import_qti(teacher, bad, skill)
    assert "planet-3" in str(err.value) and "Nothing was imported" in str(err.value)
    assert _count(ctx) == before
    junk = tmp_path / "notes.xml"
    junk.write_text("this is not QTI at all")
    with pytest.raises(QtiImportError, match="notes.xml"):
        teaching.import_qti(teacher, junk, skill)
    with pytest.raises(PermissionDenied):
        teaching.import_qti(me, good, skill)
    assert _count(ctx) == before


def test_an_erased_student_is_forgotten_by_the_estimates(demo, teacher):
    from app.practice.live import forget_student

    ctx, info = demo
    live = live_model(ctx.db)
    live.ensure()
    sid = info.student_ids[5]
    name = ctx.services.roster.student(teacher, sid).full_name
    assert sid in live.state.learners
    ctx.services.privacy.erase_student(teacher, sid, name)
    forget_student(ctx.db, sid)
    assert sid not in live.state.learners and sid not in live.cards
    with ctx.db.read() as s:
        for table in ("learner_snapshot", "learner_skill_state"):
            assert not s.execute(text(f"SELECT 1 FROM {table} WHERE student_id = :s"), {"s": sid}).first()
        blobs = s.execute(text("SELECT data FROM practice_checkpoint")).scalars().all()
    import zlib

    assert all(sid.encode() not in zlib.decompress(b) for b in blobs)  # no copy of them is kept anywhere
    kept = derived(ctx.db)
    LiveModel(ctx.db).rebuild(None)
    assert derived(ctx.db) == kept


def test_prepare_replays_stale_estimates_once_with_progress(demo):
    """First start after an update that changed the model: the saved estimates no longer match
    its parameters, so ``prepare`` (run in the background at start) replays the log, reporting
    progress; a second call has nothing to do."""
    from app.practice import live as live_module

    ctx, _info = demo
    with ctx.db.write() as s:
        s.execute(text("UPDATE practice_model SET params = '{\"older\": true}'"))
    live_module._models.pop(ctx.db, None)  # as after a restart
    practice = ctx.services.practice
    seen: list[float] = []
    replayed = practice.prepare(lambda f, _m: seen.append(f))
    with ctx.db.read() as s:
        answers = s.execute(text("SELECT COUNT(*) FROM attempt WHERE deleted = 0")).scalar()
    assert replayed == answers > 0
    assert seen and seen[-1] == 1.0
    assert practice.prepare() == 0
