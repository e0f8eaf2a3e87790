"""WritingService: tasks, word list, drafts and versions, comments, handing back, and every permission."""

from __future__ import annotations

import pytest

from app.errors import InvalidInput, NotFound, PermissionDenied, TesseraError
from app.models import DraftVersion
from app.people.actor import Actor
from app.writing.checks import GRAMMAR, SPELLING, RubricCriteria
from app.writing.diff import DELETE, INSERT
from app.writing.results import NOT_STARTED, RETURNED, SUBMITTED, WRITING, TaskSpec
from app.writing.service import MAX_DRAFT_BYTES, DraftLocked, DraftTooLarge

SPEC = TaskSpec(
    "Volcanoes",
    "Explain how a volcano erupts.",
    due_at=1_900_000_000.0,
    categories=frozenset({SPELLING, GRAMMAR}),
    rubric=RubricCriteria(min_words=5, topic_words=("magma", "Eyjafjallajokull"), require_claim=True),
)


def _student(info, index: int) -> Actor:
    return Actor(info.student_ids[index], "student", info.school_id, f"student {index}")


@pytest.fixture
def w(demo):
    return demo[0].services.writing


@pytest.fixture
def task(w, demo, teacher):
    return w.create_task(teacher, demo[1].class_id, SPEC)


@pytest.fixture
def other_teacher(demo):
    """Another teacher with a class and a student of their own."""
    ctx, info = demo
    from app.models import Person

    with ctx.db.write() as s:
        p = Person(
            school_id=info.school_id, role="teacher", given_name="Other", partition=f"{info.school_id}//"
        )
        s.add(p)
        s.flush()
        other = Actor(p.id, "teacher", info.school_id, "Other")
    klass = ctx.services.roster.create_class(other, "Year 8 Oak")
    kid = ctx.services.roster.add_student(other, klass.id, "Olu", "Ade")
    return other, klass, Actor(kid.id, "student", info.school_id, "Olu")


# -- tasks and the word list -------------------------------------------------------------------------
def test_teacher_creates_and_edits_a_task(w, demo, teacher, task):
    _ctx, info = demo
    assert task.title == "Volcanoes" and task.categories == {SPELLING, GRAMMAR}
    assert task.rubric.topic_words == ("magma", "Eyjafjallajokull") and task.rubric.require_claim
    changed = w.update_task(teacher, task.id, TaskSpec("Volcanoes!", "New prompt", 0.0))
    assert changed.title == "Volcanoes!" and changed.rubric == RubricCriteria()
    rows = {r.task.id: r for r in w.tasks_for_class(teacher, info.class_id)}
    assert rows[task.id].not_started == 24 and rows[task.id].awaiting == 0
    with pytest.raises(InvalidInput):
        w.update_task(teacher, task.id, TaskSpec("  "))
    with pytest.raises(InvalidInput):
        w.create_task(teacher, info.class_id, TaskSpec("x", rubric=RubricCriteria(min_words=10, max_words=5)))


def test_students_see_their_class_tasks_but_not_archived(w, demo, teacher, task):
    _ctx, info = demo
    amara = _student(info, 0)
    mine = {m.task.id: m for m in w.my_tasks(amara)}
    assert mine[task.id].status == NOT_STARTED and len(mine) == 3  # two demo tasks and this one
    w.set_task_archived(teacher, task.id, True)
    assert task.id not in {m.task.id for m in w.my_tasks(amara)}
    with pytest.raises(NotFound):
        w.open_draft(amara, task.id)


def test_check_config_from_task(w, demo, teacher, task):
    _ctx, info = demo
    w.set_word_list(teacher, info.class_id, ["Kowhai", "kowhai", " ", "Station Road"])
    assert w.word_list(teacher, info.class_id) == ("Kowhai", "Station Road")
    config = w.check_config(_student(info, 0), task.id)
    assert config.categories == {SPELLING, GRAMMAR}
    assert {"Kowhai", "Station Road", "Amara", "Okafor", "Maya", "Rivera"} <= config.allowed_words
    assert config.rubric.min_words == 5 and config.rubric.require_claim
    from app.writing.checks import Checker

    result = Checker(config).check("Amara and Kowhai saw magma at Eyjafjallajokull. Amara thinks teh end.")
    flagged = {f.rule: f for f in result.findings}
    assert list(flagged) == ["spelling.unknown"]  # only "teh": names, class and topic words pass
    assert {r.criterion for r in result.rubric} == {"min_words", "topic_words", "claim"}


def test_word_list_needs_the_classes_teacher(w, demo, teacher, other_teacher):
    _ctx, info = demo
    other, oak, _olu = other_teacher
    with pytest.raises(PermissionDenied):
        w.set_word_list(other, info.class_id, ["x"])
    with pytest.raises(PermissionDenied):
        w.word_list(_student(info, 0), info.class_id)
    assert w.set_word_list(other, oak.id, ["Oak"]) == ("Oak",)


# -- drafts and versions -----------------------------------------------------------------------------
def test_versions_are_kept_and_identical_text_is_not_saved_again(w, demo, task):
    ctx, info = demo
    amara = _student(info, 0)
    view = w.open_draft(amara, task.id)
    assert view.id == "" and view.text == "" and view.editable  # looking writes nothing
    assert w.save_draft(amara, task.id, "").saved is False
    first = w.save_draft(amara, task.id, "Magma rises.", now=1000.0)
    assert first.saved and first.version.number == 1 and first.version.word_count == 2
    again = w.save_draft(amara, task.id, "Magma rises.", now=1001.0)
    assert not again.saved and again.version.id == first.version.id
    second = w.save_draft(amara, task.id, "Magma rises fast.", now=1002.0)
    view = w.open_draft(amara, task.id)
    assert view.text == "Magma rises fast." and [v.number for v in view.versions] == [1, 2]
    assert w.version_text(amara, first.version.id) == "Magma rises."
    assert second.version.id == view.version_id
    # Versions are events: never changed after they are written.
    with pytest.raises(TesseraError), ctx.db.write() as s:
        s.get(DraftVersion, first.version.id).text = "rewritten history"
    assert w.version_text(amara, first.version.id) == "Magma rises."


def test_diff_between_versions(w, demo, task):
    _ctx, info = demo
    amara = _student(info, 0)
    a = w.save_draft(amara, task.id, "The dog run home.\nIt was late.", now=1.0).version
    b = w.save_draft(amara, task.id, "The dog ran home.\nIt was late.\nThe end.", now=2.0).version
    diff = w.diff_versions(amara, a.id, b.id)
    assert [(c.kind, c.text) for c in diff.chunks if c.kind != "same"] == [
        (DELETE, "run"), (INSERT, "ran"), (INSERT, "\nThe end."),
    ]  # fmt: skip
    assert diff.words_added == 3 and diff.words_removed == 1
    with pytest.raises(PermissionDenied):
        w.diff_versions(_student(info, 1), a.id, b.id)


def test_too_large_is_refused_with_a_message_and_nothing_else_changes(w, demo, task):
    _ctx, info = demo
    amara = _student(info, 0)
    w.save_draft(amara, task.id, "Short.")
    with pytest.raises(DraftTooLarge) as err:
        w.save_draft(amara, task.id, "x" * (MAX_DRAFT_BYTES + 1))
    assert "Nothing is lost" in str(err.value)
    assert "1,025 KB of text" in str(err.value) and "at most 1,024 KB" in str(err.value)
    assert w.open_draft(amara, task.id).text == "Short."
    big = "word " * (MAX_DRAFT_BYTES // 5)
    assert w.save_draft(amara, task.id, big).saved  # right at the limit is fine


def test_odd_text_is_kept(w, demo, task):
    _ctx, info = demo
    amara = _student(info, 0)
    text = "مرحبا بالعالم 😀👍🏽 e\u0301 \x00\x07 \u202e reversed \ufeff"
    w.save_draft(amara, task.id, text)
    assert w.open_draft(amara, task.id).text == text
    assert w.versions(amara, w.open_draft(amara, task.id).id)[-1].chars == len(text)  # past the NUL
    w.save_draft(amara, task.id, "line\r\nnext \udc80 end")  # Windows newlines; a lone surrogate
    assert w.open_draft(amara, task.id).text == "line\nnext \ufffd end"


def test_submit_locks_until_returned(w, demo, teacher, task):
    _ctx, info = demo
    amara = _student(info, 0)
    with pytest.raises(InvalidInput):
        w.submit(amara, task.id)  # nothing written yet
    result = w.submit(amara, task.id, "I think magma is hot. It rises.")
    assert result.status == SUBMITTED and result.saved
    with pytest.raises(DraftLocked):
        w.save_draft(amara, task.id, "changed my mind")
    draft = w.open_draft(amara, task.id)
    assert not draft.editable and draft.submitted_at > 0


# -- the teacher's review ----------------------------------------------------------------------------
def test_review_list_comments_and_return(w, demo, teacher, task):
    _ctx, info = demo
    amara, ben = _student(info, 0), _student(info, 1)
    w.save_draft(ben, task.id, "Magma is hot.")
    w.submit(amara, task.id, "I think teh magma rises. It erupts.")
    rows = w.drafts_for_task(teacher, task.id)
    assert [r.status for r in rows[:2]] == [SUBMITTED, WRITING] and rows[-1].status == NOT_STARTED
    assert rows[0].student_id == amara.person_id and rows[0].counts.spelling == 1
    draft_id = rows[0].draft_id
    view = w.draft(teacher, draft_id)
    start = view.text.index("magma rises")
    comment = w.add_comment(
        teacher, draft_id, view.version_id, start, start + len("magma rises"), "Good verb."
    )
    assert comment.quote == "magma rises" and comment.anchor == (start, start + 11)
    with pytest.raises(InvalidInput):
        w.add_comment(teacher, draft_id, view.version_id, 5, 5, "empty passage")
    with pytest.raises(InvalidInput):
        w.add_comment(teacher, draft_id, view.version_id, 0, 10_000, "past the end")
    with pytest.raises(InvalidInput):
        w.add_comment(teacher, draft_id, view.version_id, 0, 3, "   ")
    with pytest.raises(PermissionDenied):
        w.add_comment(amara, draft_id, view.version_id, 0, 3, "students do not comment")
    w.return_draft(teacher, draft_id, "Nice start: fix the spelling.")
    back = w.open_draft(amara, task.id)
    assert back.status == RETURNED and back.feedback == "Nice start: fix the spelling." and back.editable
    assert [c.text for c in back.comments] == ["Good verb."]
    with pytest.raises(InvalidInput):
        w.return_draft(teacher, draft_id, "again")  # only handed-in work goes back
    # The student revises: the comment finds its passage in the new text, and it can be handed in again.
    w.save_draft(amara, task.id, "Firstly, I think the magma rises. It erupts.")
    moved = w.open_draft(amara, task.id)
    assert moved.comments[0].anchor == (moved.text.index("magma rises"), moved.text.index("magma rises") + 11)
    w.save_draft(amara, task.id, "Gone.")
    assert w.open_draft(amara, task.id).comments[0].anchor is None
    assert w.submit(amara, task.id).status == SUBMITTED


def test_return_needs_feedback_or_a_comment(w, demo, teacher, task):
    _ctx, info = demo
    amara = _student(info, 0)
    w.submit(amara, task.id, "Magma.")
    draft_id = w.open_draft(amara, task.id).id
    with pytest.raises(InvalidInput):
        w.return_draft(teacher, draft_id, "  ")


def test_students_only_their_own_drafts_teachers_only_their_classes(w, demo, teacher, task, other_teacher):
    _ctx, info = demo
    other, _oak, olu = other_teacher
    amara, ben = _student(info, 0), _student(info, 1)
    w.save_draft(amara, task.id, "Mine.")
    draft_id = w.open_draft(amara, task.id).id
    for call in (
        lambda: w.draft(ben, draft_id),
        lambda: w.versions(ben, draft_id),
        lambda: w.draft(other, draft_id),
        lambda: w.drafts_for_task(other, task.id),
        lambda: w.update_task(other, task.id, SPEC),
        lambda: w.create_task(other, info.class_id, SPEC),
        lambda: w.create_task(amara, info.class_id, SPEC),
        lambda: w.tasks_for_class(amara, info.class_id),
        lambda: w.save_draft(teacher, task.id, "teachers do not write here"),
        lambda: w.return_draft(other, draft_id, "not yours"),
        lambda: w.check_draft(ben, draft_id),
    ):
        with pytest.raises(PermissionDenied):
            call()
    with pytest.raises(NotFound):
        w.open_draft(olu, task.id)  # another class's task
    assert w.draft(teacher, draft_id).text == "Mine."
    assert w.check_draft(amara, draft_id).readability.words == 1


def test_demo_writing_is_there(w, demo, teacher):
    _ctx, info = demo
    rows = w.tasks_for_class(teacher, info.class_id)
    assert len(rows) == 2 and sum(r.awaiting for r in rows) >= 6 and sum(r.returned for r in rows) >= 10
    drafts = w.drafts_for_task(teacher, rows[0].task.id, with_counts=False)
    returned = [d for d in drafts if d.status == RETURNED]
    assert returned and all(d.comments >= 1 and d.versions >= 3 for d in returned)
    assert drafts[0].status == SUBMITTED  # awaiting feedback first
