"""The screens of judging from work: the skill detail's "Judge from work...", the writing review's
judging of a draft by its rubric rows, and a student's own list of where their levels came from."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select, text

from app.models import Skill

T = 15_000
SHOTS = Path(os.environ.get("TESSERA_SHOTS", "")) if os.environ.get("TESSERA_SHOTS") else None


def _shot(widget, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


def _skill(ctx, code: str) -> str:
    with ctx.db.read() as s:
        return s.execute(select(Skill.id).where(Skill.code == code)).scalar_one()


def test_teacher_judges_from_the_skill_detail_and_can_withdraw(qtbot, demo, teacher):
    from app.ui.widgets.skill_detail import SkillDetailView

    ctx, info = demo
    sid, kid = info.student_ids[3], _skill(ctx, "WRC.VOICE")
    view = SkillDetailView(ctx, teacher)
    qtbot.addWidget(view)
    view.resize(1100, 640)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=T):
        view.load(sid, kid)
    assert "Judged by Maya Rivera from the essay 'A place that matters to me'" in view.source.text()
    assert "Judged from" in view.explanation.text()
    _shot(view, "skill_detail_judged")
    view.judge()
    dialog = view.dialog
    assert dialog.evidence.count() >= 3 and dialog.evidence.isEnabled()
    kinds = [dialog.evidence.itemData(i).kind for i in range(dialog.evidence.count())]
    assert {"draft_version", "observation"} <= set(kinds)
    dialog.evidence.setCurrentIndex(kinds.index("observation"))
    dialog.set_level(0, 4)
    dialog.note.setText("Read her piece aloud with real confidence.")
    _shot(dialog, "judge_dialog_skill")
    with qtbot.waitSignal(view.loaded, timeout=T):
        dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert (
        view.source.text().startswith("<b>Extending</b>") and "what they saw in class" in view.source.text()
    )
    assert "1 earlier judgement" in view.source.text() and view.withdraw_button.isVisible()
    _shot(view, "skill_detail_after_judging")
    with qtbot.waitSignal(view.loaded, timeout=T):
        view.withdraw()
    assert "the essay" in view.source.text()  # back to the judgement before it


def test_the_dialog_refuses_to_save_nothing(qtbot, demo, teacher):
    from app.ui.widgets.skill_detail import SkillDetailView

    ctx, info = demo
    view = SkillDetailView(ctx, teacher)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=T):
        view.load(info.student_ids[0], _skill(ctx, "WRC.ARG"))
    view.judge()
    view.dialog.save()
    assert "Choose a level" in view.dialog.status.text() and not view.dialog.result()


def test_a_student_sees_where_each_level_came_from(qtbot, demo):
    from app.people.actor import Actor
    from app.ui.widgets.student_view import StudentView

    ctx, info = demo
    me = Actor(info.student_ids[3], "student", info.school_id, "Dev Patel")
    view = StudentView(ctx, me)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=T):
        view.load(me.person_id)
    lines = [view.sources.item(i).text() for i in range(view.sources.count())]
    assert any("Judged by Maya Rivera from your essay 'A place that matters to me'" in t for t in lines)
    _shot(view, "student_level_sources")


def test_teacher_judges_a_handed_in_draft_by_its_rubric_rows(qtbot, demo, teacher):
    from app.ui.widgets.judge_dialog import JudgeDialog

    ctx, info = demo
    with ctx.db.read() as s:
        vid, sid = s.execute(
            text(
                "SELECT v.id, d.student_id FROM draft_version v JOIN draft d ON d.id = v.draft_id "
                "WHERE d.status = 'submitted' ORDER BY v.saved_at DESC LIMIT 1"
            )
        ).first()
    j = ctx.services.judgements
    student, option, rows = j.rows_for_draft(teacher, vid)
    assert student[0] == sid and {r.skills[0][1] for r in rows} >= {"Transitions", "Spelling"}
    dialog = JudgeDialog(ctx.services, teacher, [student], rows, [option])
    qtbot.addWidget(dialog)
    labels = [r.label for r in rows]
    dialog.set_level(labels.index("Links ideas with transitions"), 2)
    dialog.set_level(labels.index("Spells words correctly"), 3)
    assert not dialog.evidence.isEnabled()  # the draft being reviewed, nothing else
    assert dialog.skill_boxes[0] == rows[0].skills[0][0]  # one skill per writing row: shown, not chosen
    dialog.show()
    _shot(dialog, "judge_dialog_draft")
    with qtbot.waitSignal(dialog.accepted, timeout=T):
        dialog.save()  # on the write worker
    got = {(v.skill_name, v.level, v.evidence_id) for v in dialog.given}
    assert got == {("Transitions", 2, vid), ("Spelling", 3, vid)}


def _draft_dialog(qtbot, ctx, teacher):
    from app.ui.widgets.judge_dialog import JudgeDialog

    with ctx.db.read() as s:
        vid = s.execute(
            text(
                "SELECT v.id FROM draft_version v JOIN draft d ON d.id = v.draft_id "
                "WHERE d.status = 'submitted' ORDER BY v.saved_at DESC LIMIT 1"
            )
        ).scalar_one()
    student, option, rows = ctx.services.judgements.rows_for_draft(teacher, vid)
    dialog = JudgeDialog(ctx.services, teacher, [student], rows, [option])
    qtbot.addWidget(dialog)
    labels = [r.label for r in rows]
    dialog.set_level(labels.index("Links ideas with transitions"), 2)
    dialog.set_level(labels.index("Spells words correctly"), 3)
    dialog.show()
    return dialog, student[0], vid


def _count(ctx, teacher, sid, vid) -> int:
    return sum(1 for v in ctx.services.judgements.for_student(teacher, sid) if v.evidence_id == vid)


def test_judgements_are_saved_off_the_ui_thread(qtbot, demo, teacher, monkeypatch):
    import threading

    ctx, _info = demo
    dialog, sid, vid = _draft_dialog(qtbot, ctx, teacher)
    j = ctx.services.judgements
    threads, real = [], j.judge
    monkeypatch.setattr(
        j, "judge", lambda *a, **k: threads.append(threading.current_thread()) or real(*a, **k)
    )
    before = _count(ctx, teacher, sid, vid)
    dialog.save()
    assert dialog.status.text() == "Saving…"
    assert not any(b.isEnabled() for b in dialog.buttons.buttons())  # no second save meanwhile
    dialog.reject()  # Escape while saving does not close it
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=T)
    assert len(threads) == 2 and threading.main_thread() not in threads
    assert _count(ctx, teacher, sid, vid) == before + 2 and len(dialog.given) == 2


def test_a_failed_save_keeps_the_choices_and_save_again_gives_only_the_rest(
    qtbot, demo, teacher, monkeypatch
):
    from app.errors import StorageError

    ctx, _info = demo
    dialog, sid, vid = _draft_dialog(qtbot, ctx, teacher)
    j = ctx.services.judgements
    calls, real = [], j.judge

    def judge(*a, **k):
        calls.append(a[2])
        if len(calls) == 2:
            raise StorageError("The disk is full.")
        return real(*a, **k)

    monkeypatch.setattr(j, "judge", judge)
    before = _count(ctx, teacher, sid, vid)
    dialog.save()
    qtbot.waitUntil(lambda: "The disk is full." in dialog.status.text(), timeout=T)
    assert "Saved 1 of 2" in dialog.status.text()
    _shot(dialog, "judge_dialog_save_failed")
    assert dialog.isVisible() and not dialog.result()  # still open, nothing chosen lost
    assert sorted(b.currentData() for b in dialog.level_boxes if b.currentData()) == [2, 3]
    assert all(b.isEnabled() for b in dialog.buttons.buttons())
    assert _count(ctx, teacher, sid, vid) == before + 1 and len(dialog.given) == 1
    with qtbot.waitSignal(dialog.accepted, timeout=T):
        dialog.save()
    assert calls[2] == calls[1]  # only the one that failed, again
    assert len(calls) == 3 and _count(ctx, teacher, sid, vid) == before + 2  # none given twice
    assert {(v.skill_name, v.level) for v in dialog.given} == {("Transitions", 2), ("Spelling", 3)}
