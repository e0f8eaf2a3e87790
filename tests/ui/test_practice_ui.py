"""Practice screens driven like a person would: a student practises by keyboard alone; a teacher reads
the class heatmap, clicks through to a student's skill, changes their settings and imports questions."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models import Item
from app.ui.main_window import MainArea, MainWindow


def _window(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def _answer(ctx, item_id):
    with ctx.db.read() as s:
        return s.get(Item, item_id).answer.split("\n")[0]


def _key(qtbot, page, key):
    """A key press where a keyboard user's focus is: the window's focus widget (the window need not
    be active, as offscreen it never is)."""
    target = page.window().focusWidget()
    assert target is not None and page.isAncestorOf(target), target
    qtbot.keyClick(target, key)


def test_student_practises_by_keyboard_and_sees_a_summary(qtbot, demo):
    ctx, info = demo
    acc = ctx.services.accounts
    w = _window(qtbot, ctx)
    student = acc.sign_in_students(info.class_id)[4]
    w.signed_in(acc.sign_in_student(info.class_id, student.id, info.pin))
    area = w.centralWidget()
    assert isinstance(area, MainArea)
    keys = [k for k, _t, _s in area.specs]
    assert keys.index("practice") == keys.index("home") + 1
    page = area.show_page("practice")
    page.start_button.setFocus()
    assert page.stack.currentIndex() == 0 and page.start_button.accessibleName()

    with qtbot.waitSignal(page.question_shown, timeout=10_000):
        _key(qtbot, page, Qt.Key.Key_Return)  # Enter starts
    n = page.session.length
    assert n == 10 and page.progress.maximum() == 10
    malformed_seen = choice_seen = False
    for i in range(n):
        item = page.item
        assert page.reason.text() == item.reason and page.prompt.text() == item.prompt
        assert page.progress.format().startswith(f"Question {i + 1} of")
        right = i % 3 != 2
        if item.kind == "choice":
            choice_seen = True
            expected = _answer(ctx, item.item_id)
            number = item.choices.index(expected) + 1 if right else (item.choices.index(expected) + 1) % 4 + 1
            _key(qtbot, page, getattr(Qt.Key, f"Key_{number}"))  # a number key picks the choice
            assert page.answer.radios[number - 1].isChecked()
        else:
            assert page.window().focusWidget() is page.answer.line
            if item.kind == "number" and not malformed_seen:
                qtbot.keyClicks(page.answer.line, "lots")
                _key(qtbot, page, Qt.Key.Key_Return)
                qtbot.waitUntil(lambda: "not a number" in page.message.text(), timeout=10_000)
                assert page.feedback.isHidden() and not page.answer.line.isReadOnly()  # fix it and try again
                page.answer.line.clear()
                malformed_seen = True
            wrong = "98765" if item.kind == "number" else "zzz"
            qtbot.keyClicks(page.answer.line, _answer(ctx, item.item_id) if right else wrong)
        with qtbot.waitSignal(page.answered, timeout=10_000):
            _key(qtbot, page, Qt.Key.Key_Return)  # Enter checks
        assert page.feedback.isVisible() and page.verdict.text()
        assert page.hint.text() and "%" in page.mastery.text()
        assert page.result.correct == right or item.kind == "text"
        if i < n - 1:
            with qtbot.waitSignal(page.question_shown, timeout=10_000):
                _key(qtbot, page, Qt.Key.Key_Return)  # Enter again: the next question
            assert page.item.item_id != item.item_id  # never the same twice in a row
    assert "summary" in page.next_button.text()
    with qtbot.waitSignal(page.finished, timeout=10_000):
        _key(qtbot, page, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 2
    assert "of 10 right" in page.summary_text.text() or "All 10 right" in page.summary_text.text()
    assert page.summary_grid.rowCount() > 1 and "right" in page.summary_title.text()
    assert malformed_seen or choice_seen
    from sqlalchemy import text

    with ctx.db.read() as s:
        rows = (
            s.execute(
                text("SELECT response_ms FROM attempt WHERE session_id = :s"), {"s": page.session.session_id}
            )
            .scalars()
            .all()
        )
    assert len(rows) == 10 and all(r >= 0 for r in rows)


def test_celebration_shows_when_a_skill_is_mastered(qtbot, demo):
    ctx, info = demo
    from app.practice.results import AnswerResult

    acc = ctx.services.accounts
    w = _window(qtbot, ctx)
    student = acc.sign_in_students(info.class_id)[0]
    w.signed_in(acc.sign_in_student(info.class_id, student.id, info.pin))
    page = w.centralWidget().show_page("practice")
    qtbot.waitUntil(page.isVisible, timeout=5_000)  # a new central widget is shown on the next event
    page.state = 1
    page.stack.setCurrentIndex(1)
    page._show_result(AnswerResult(True, "4", "Right!", "Count on.", "k", "Addition facts", 0.88, 0.91, True,
                                   "You mastered Addition facts!", 3, 10))  # fmt: skip
    assert page.celebration.isVisible() and "mastered Addition facts" in page.celebration.text()


def _teacher(qtbot, ctx, info):
    w = _window(qtbot, ctx)
    w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
    area = w.centralWidget()
    keys = [k for k, _t, _s in area.specs]
    assert keys.index("heatmap") == keys.index("roster") + 1
    page = area.show_page("heatmap")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=10_000)
    return w, page


def test_heatmap_sorts_and_clicks_through_to_a_students_skill(qtbot, demo):
    ctx, info = demo
    w, page = _teacher(qtbot, ctx, info)
    model, proxy, table = page.model, page.proxy, page.table
    assert model.columnCount() == 2 + len(model.map.skills)
    # a skill with data: sort students by it, strongest first
    col = max(
        (c for c in range(2, model.columnCount()) if model.skill_at(c).items),
        key=lambda c: sum(model.cell(r, c) is not None for r in range(model.rowCount())),
    )
    table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    values = [proxy.index(r, col).data(Qt.ItemDataRole.UserRole + 1) for r in range(proxy.rowCount())]
    assert values == sorted(values, reverse=True)
    table.setCurrentIndex(proxy.index(0, 0))
    qtbot.mouseClick(page.sort_button, Qt.MouseButton.LeftButton)  # by keyboard too: sort by this column
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == sorted(names, key=str.lower)
    # skills ordered by class weakness
    page.skill_order.setCurrentIndex(1)
    means = model.class_means()
    shown = [means[j] for j in model.order if means[j] >= 0]
    assert shown == sorted(shown)
    # click a cell with answers: the student's skill in detail
    col = max(
        (c for c in range(2, model.columnCount()) if model.skill_at(c).items),
        key=lambda c: sum(model.cell(r, c) is not None for r in range(model.rowCount())),
    )
    r = next(r for r in range(proxy.rowCount()) if model.cell(proxy.mapToSource(proxy.index(r, col)).row(),
                                                               col) is not None)  # fmt: skip
    index = proxy.index(r, col)
    student, skill = index.data(Qt.ItemDataRole.UserRole)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole)
    with qtbot.waitSignal(page.detail.loaded, timeout=10_000):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    assert page.stack.currentIndex() == 1
    detail = page.detail
    assert model.map.skills[[s.id for s in model.map.skills].index(skill)].name in detail.title.text()
    assert detail.recent.rowCount() > 0 and detail.explanation.text()
    # set the student's target and focus, by the detail's own controls
    detail.target.setCurrentIndex(0)  # gentle
    first = detail.focus.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(detail.saved, timeout=10_000):
        qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    settings = ctx.services.practice_class.practice_settings(teacher, student)
    assert settings.target == 0.85 and first.data(Qt.ItemDataRole.UserRole) in settings.focus
    # back by keyboard, then open a cell with Enter
    page.back()
    assert page.stack.currentIndex() == 0
    table.setCurrentIndex(index)
    with qtbot.waitSignal(page.detail.loaded, timeout=10_000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 1


def test_qti_import_from_the_heatmap_page(qtbot, demo, tmp_path):
    from tests.practice.qti_samples import good_package

    ctx, info = demo
    w, page = _teacher(qtbot, ctx, info)
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    skill = next(s for s in ctx.services.practice_class.practice_skills(teacher) if s.code == "WRC.ARG")
    bad = tmp_path / "broken.xml"
    bad.write_text("<assessmentItem>not really")
    with qtbot.waitSignal(page.imported, timeout=10_000):
        page.import_file(str(bad), skill.id)
    assert "broken.xml" in page.status.text() and "Nothing was imported" in page.status.text()
    good = tmp_path / "quiz.zip"
    good.write_bytes(good_package())
    with qtbot.waitSignal(page.imported, timeout=10_000):
        page.import_file(str(good), skill.id)
    assert page.status.text() == "Imported 3 questions for Argument."
    qtbot.waitUntil(
        lambda: any(s.items == 3 for s in page.model.map.skills if s.id == skill.id), timeout=10_000
    )


def test_stale_estimates_are_rebuilt_at_start_with_progress_at_the_bottom(qtbot, demo):
    """After an update that changed the learner model, the window replays the log in the background
    and says so at the bottom; the bar goes away when the estimates are ready."""
    from sqlalchemy import text

    from app.practice import live as live_module
    from app.ui.tasks import wait_idle

    ctx, _info = demo
    with ctx.db.write() as s:
        s.execute(text("UPDATE practice_model SET params = '{\"older\": true}'"))
    live_module._models.pop(ctx.db, None)  # as after a restart
    w = _window(qtbot, ctx)
    messages: list[str] = []
    w.statusBar().messageChanged.connect(messages.append)
    w.prepare_practice()
    wait_idle()  # the replay has finished on its worker
    qtbot.waitUntil(lambda: bool(messages) and not w.progress_shown, timeout=30_000)
    assert live_module.live_model(ctx.db).rebuilds == 1
    assert any("Updating practice estimates" in m and "%" in m for m in messages)
    assert w.statusBar().isHidden()


def test_a_note_about_a_malformed_answer_goes_once_the_answer_is_checked(qtbot, demo):
    """ "abc" to a number question says how to write a number; once a number is checked, the feedback
    stands alone (the old note stayed beside it, red, for the rest of the question)."""
    from sqlalchemy import text

    ctx, info = demo
    acc = ctx.services.accounts
    with ctx.db.read() as s:
        skill_id = s.execute(text("SELECT id FROM skill WHERE name = 'Adding fractions'")).scalar_one()
    w = _window(qtbot, ctx)
    student = acc.sign_in_students(info.class_id)[0]
    w.signed_in(acc.sign_in_student(info.class_id, student.id, info.pin))
    page = w.centralWidget().show_page("practice")
    page.choose_skill(skill_id)
    with qtbot.waitSignal(page.question_shown, timeout=10_000):
        _key(qtbot, page, Qt.Key.Key_Return)
    assert page.item.kind == "number"
    qtbot.keyClicks(page.answer.line, "abc")
    _key(qtbot, page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not a number" in page.message.text(), timeout=10_000)
    page.answer.line.selectAll()
    qtbot.keyClicks(page.answer.line, _answer(ctx, page.item.item_id))
    with qtbot.waitSignal(page.answered, timeout=10_000):
        _key(qtbot, page, Qt.Key.Key_Return)
    assert page.result.correct and page.feedback.isVisible()
    assert page.message.text() == ""


def test_a_mistyped_answer_is_not_logged_as_an_error(qtbot, demo, caplog):
    """ "abc" to a number question is ordinary input: the log notes it at INFO, without a traceback
    (it used to be an ERROR with a traceback, as if Tessera had failed)."""
    import logging

    from sqlalchemy import text

    ctx, info = demo
    acc = ctx.services.accounts
    with ctx.db.read() as s:
        skill_id = s.execute(text("SELECT id FROM skill WHERE name = 'Adding fractions'")).scalar_one()
    w = _window(qtbot, ctx)
    student = acc.sign_in_students(info.class_id)[0]
    w.signed_in(acc.sign_in_student(info.class_id, student.id, info.pin))
    page = w.centralWidget().show_page("practice")
    page.choose_skill(skill_id)
    with qtbot.waitSignal(page.question_shown, timeout=10_000):
        _key(qtbot, page, Qt.Key.Key_Return)
    assert page.item.kind == "number"
    caplog.clear()
    with caplog.at_level(logging.INFO):
        qtbot.keyClicks(page.answer.line, "abc")
        _key(qtbot, page, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "not a number" in page.message.text(), timeout=10_000)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
    noted = [r for r in caplog.records if r.name == "app.ui.tasks"]
    assert [(r.levelno, r.getMessage()) for r in noted] == [
        (logging.INFO, "background task stopped: InvalidInput")
    ]
    assert "abc" not in caplog.text  # what the student typed stays out of the log


def test_an_answer_that_cannot_be_saved_stays_on_screen_to_check_again(qtbot, demo, monkeypatch):
    import sqlite3

    from app.ui.tasks import wait_idle

    ctx, info = demo
    acc = ctx.services.accounts
    w = _window(qtbot, ctx)
    student = acc.sign_in_students(info.class_id)[4]
    w.signed_in(acc.sign_in_student(info.class_id, student.id, info.pin))
    page = w.centralWidget().show_page("practice")
    with qtbot.waitSignal(page.question_shown, timeout=10_000):
        page.start()
    full = {"on": True}
    real = ctx.db.write_engine.dialect.do_commit

    def do_commit(conn):  # SQLite's own error when the disk fills
        if full["on"]:
            raise sqlite3.OperationalError("database or disk is full")
        return real(conn)

    monkeypatch.setattr(ctx.db.write_engine.dialect, "do_commit", do_commit)
    item = page.item
    expected = _answer(ctx, item.item_id)
    if item.kind == "choice":
        page.answer.radios[item.choices.index(expected)].setChecked(True)
    else:
        page.answer.line.setText(expected)
    page.submit()
    qtbot.waitUntil(lambda: "disk is full" in page.message.text(), timeout=10_000)
    wait_idle()
    assert page.stack.currentIndex() == 1 and page.item is item  # still the question, not the start
    assert page.answer.response() and page.check_button.isEnabled()
    full["on"] = False
    with qtbot.waitSignal(page.answered, timeout=10_000):
        page.submit()
    assert page.result.answered == 1
