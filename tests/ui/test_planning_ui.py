"""Learner agency driven like a person would: home and its choices, the plan wizard, goal detail,
the teacher's plan overview, challenges with teams and board, check-ins, and report exports."""

from __future__ import annotations

import csv

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from app.ui.main_window import MainWindow
from app.ui.tasks import wait_idle
from app.ui.widgets.next_steps_list import STEP

DEV, FINN, NIA = 3, 5, 13
T = 15_000


def _area(qtbot, ctx, actor):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.signed_in(actor)
    area = w.area
    area.keep_window = w  # the window lives as long as the test holds its area
    return area


def _student(ctx, info, i):
    return ctx.services.accounts.sign_in_student(info.class_id, info.student_ids[i], info.pin)


def _teacher_area(qtbot, demo):
    ctx, info = demo
    return _area(qtbot, ctx, ctx.services.accounts.sign_in_teacher(info.username, info.password))


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- student -------------------------------------------------------------------------------------------
def test_home_is_first_and_every_option_can_be_chosen(qtbot, demo):
    ctx, info = demo
    area = _area(qtbot, ctx, _student(ctx, info, DEV))
    assert area.specs[0][0] == "home" and area.nav.currentRow() == 0
    home = area.pages["home"]
    qtbot.waitUntil(lambda: home.list.count() > 3, timeout=T)
    steps = [home.list.item(i).data(STEP) for i in range(home.list.count())]
    assert all(s.reason for s in steps) and steps[0].score >= steps[-1].score
    assert home.goals_layout.count() >= 2 and home.celebrations.count() >= 1
    # Choose the check-in (not necessarily the top one) and start it.
    home.list.setCurrentRow(next(i for i, s in enumerate(steps) if s.action == "checkin"))
    _click(qtbot, home.start_button)
    assert area.stack.currentWidget() is area.pages["checkin"] and area.nav.currentItem().text() == "Check in"
    # A team checkpoint opens My challenge on that challenge.
    area.show_page("home")
    row = next(i for i, s in enumerate(steps) if s.action == "challenge")
    home.list.setCurrentRow(row)
    qtbot.keyClick(home.list, Qt.Key.Key_Return)
    page = area.pages["my_challenge"]
    assert area.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.current is not None and page.current[0].id == steps[row].arg, timeout=T)
    # A review opens practice on that skill when practice is on this computer; otherwise it waits.
    area.show_page("home")
    home.list.setCurrentRow(next(i for i, s in enumerate(steps) if s.kind == "review"))
    if "practice" in {k for k, _t, _s in area.specs}:
        _click(qtbot, home.start_button)
        assert area.stack.currentWidget() is area.pages["practice"]
    else:
        assert not home.start_button.isEnabled() and "once that screen" in home.hint.text()


def test_plan_wizard_builds_and_sends_a_plan(qtbot, demo):
    ctx, info = demo
    finn = _student(ctx, info, FINN)
    area = _area(qtbot, ctx, finn)
    page = area.show_page("my_plan")
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=T)
    _click(qtbot, page.build)
    qtbot.waitUntil(lambda: page.wizard is not None and page.wizard.isVisible(), timeout=T)
    wiz = page.wizard
    assert "strengths" in wiz.start.findChildren(type(page.title))[0].text().lower()
    wiz.next()
    assert not wiz.choose.isComplete()  # a plan needs at least one goal
    for i in range(2):
        wiz.choose.choices.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(wiz.choose.own_title, "Read one book a month")
    _click(qtbot, wiz.choose.own_add)
    assert wiz.choose.isComplete() and len(wiz.choose.chosen()) == 3
    wiz.next()
    _g, _path, _date, minutes = wiz.pace.rows[0]
    minutes.setValue(30)
    wiz.next()
    table = wiz.milestones.tables[0][1]
    assert table.rowCount() == 3  # suggested steps to edit
    table.item(0, 0).setText("Practise on Mondays and Thursdays")
    wiz.next()
    assert "Read one book a month" in wiz.review.summary.text() and wiz.review.send.isChecked()
    wiz.accept()
    qtbot.waitUntil(lambda: page.plan is not None, timeout=T)
    plan = ctx.services.plans.get(finn, finn.person_id)
    assert plan.status == "submitted" and len(plan.goals) == 3
    assert (
        plan.goals[0].weekly_minutes == 30
        and plan.goals[0].milestones[0].title == "Practise on Mondays and Thursdays"
    )
    assert page.goals.count() == 3 and "Waiting for your teacher" in page.state.text()


def test_goal_detail_self_assessment_and_milestones(qtbot, demo):
    ctx, info = demo
    dev = _student(ctx, info, DEV)
    page = _area(qtbot, ctx, dev).show_page("my_plan")
    qtbot.waitUntil(lambda: page.goals.count() >= 2, timeout=T)
    page.goals.setCurrentRow(1)
    detail = page.detail
    goal = detail.goal
    assert detail.evidence.count() >= 1 and detail.bar.value() == round(goal.progress * 100)
    detail.levels.button(3).click()
    detail.reflection.setPlainText("I can do these on my own now.")
    _click(qtbot, detail.save_self)
    qtbot.waitUntil(lambda: "saved" in detail.status.text(), timeout=T)
    item = next(
        detail.milestones.item(i)
        for i in range(detail.milestones.count())
        if detail.milestones.item(i).checkState() == Qt.CheckState.Unchecked
    )
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: detail.status.text() == "Milestone saved.", timeout=T)
    after = next(g for g in ctx.services.plans.get(dev, dev.person_id).goals if g.id == goal.id)
    assert after.self_level == 3 and after.self_reflection == "I can do these on my own now."
    assert sum(m.done for m in after.milestones) == sum(m.done for m in goal.milestones) + 1
    assert detail.feedback.isReadOnly()  # students read the teacher's feedback only


def test_student_checks_in_in_seconds(qtbot, demo):
    ctx, info = demo
    dev = _student(ctx, info, DEV)
    page = _area(qtbot, ctx, dev).show_page("checkin")
    qtbot.waitUntil(lambda: page.form.isVisible(), timeout=T)
    assert not page.send.isEnabled()
    _click(qtbot, page.mood.buttons[4])
    page.energy.setFocus()
    qtbot.keyClick(page.energy, Qt.Key.Key_Right)  # arrow keys move along the scale
    assert page.energy.value() == 4 and page.send.isEnabled()
    qtbot.keyClicks(page.note, "Excited about the trip")
    qtbot.keyClick(page.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.status.text().startswith("Thanks"), timeout=T)
    last = ctx.services.checkins.for_student(dev, dev.person_id)[-1]
    assert (last.mood, last.energy, last.note) == (4, 4, "Excited about the trip")


def test_check_ins_switched_off_by_policy(qtbot, demo):
    ctx, info = demo
    ctx.settings.policy["checkins_enabled"] = "false"
    area = _area(qtbot, ctx, _student(ctx, info, DEV))
    page = area.show_page("checkin")
    qtbot.waitUntil(lambda: page.off.isVisible(), timeout=T)
    assert not page.form.isVisible()
    home = area.pages["home"]
    qtbot.waitUntil(lambda: home.list.count() > 0, timeout=T)
    assert all(home.list.item(i).data(STEP).action != "checkin" for i in range(home.list.count()))


def test_team_member_posts_and_attaches(qtbot, demo, tmp_path):
    ctx, info = demo
    dev = _student(ctx, info, DEV)
    page = _area(qtbot, ctx, dev).show_page("my_challenge")
    qtbot.waitUntil(lambda: page.current is not None and page.log.list.count() > 0, timeout=T)
    assert page.checkpoints.rowCount() == 4
    page.log.text.setPlainText("We measured the corner by the gate.")
    _click(qtbot, page.log.post_button)
    qtbot.waitUntil(lambda: page.log.status.text() == "Posted.", timeout=T)
    good = tmp_path / "plan.txt"
    good.write_text("Our plan of the corner", encoding="utf-8")
    page.log.attach_file(str(good))
    qtbot.waitUntil(lambda: page.log.status.text() == "Attached plan.txt.", timeout=T)
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"not a png at all")
    page.log.attach_file(str(bad))
    qtbot.waitUntil(lambda: "does not look like" in page.log.status.text(), timeout=T)
    logs = ctx.services.team_work.logs(dev, page.current[1].id)
    assert [entry.kind for entry in logs[:2]] == ["attachment", "progress"]


# -- teacher -------------------------------------------------------------------------------------------
def test_teacher_plan_overview_approve_and_suggest(qtbot, demo):
    ctx, _info = demo
    area = _teacher_area(qtbot, demo)
    page = area.show_page("plans")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    overview = page.overview
    assert f"{overview.count('behind')}</b> behind" in page.summary.text()
    page.filter_box.setCurrentIndex(page.filter_box.findData("waiting"))
    assert page.proxy.rowCount() == overview.waiting >= 2
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.plan is not None and page.approve_button.isEnabled(), timeout=T)
    student_id = page.plan.student_id
    _click(qtbot, page.approve_button)
    qtbot.waitUntil(lambda: page.plan is not None and page.plan.status == "approved", timeout=T)
    teacher = area.actor
    assert ctx.services.plans.get(teacher, student_id).status == "approved"
    page.filter_box.setCurrentIndex(page.filter_box.findData("behind"))
    assert page.proxy.rowCount() == overview.count("behind")
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.plan is not None and page.plan.student_id != student_id, timeout=T)
    other = page.plan.student_id
    assert page.reason.text()  # why they are behind
    page.suggest_changes("Move the first milestone to next week.")
    qtbot.waitUntil(lambda: page.plan is not None and page.plan.status == "changes_suggested", timeout=T)
    page.detail.feedback.setPlainText("Try two short sessions.")
    _click(qtbot, page.detail.save_feedback)
    qtbot.waitUntil(lambda: page.detail.status.text() == "Feedback saved.", timeout=T)
    plan = ctx.services.plans.get(teacher, other)
    assert plan.teacher_note == "Move the first milestone to next week."
    assert "Try two short sessions." in {g.teacher_feedback for g in plan.goals}


def test_a_plan_reload_keeps_the_goal_being_written_about(qtbot, demo):
    """A reload (after a save, or a change elsewhere) must not treat the shown goal as a new one: the
    "saved" note stays and feedback still being typed is kept."""
    area = _teacher_area(qtbot, demo)
    page = area.show_page("plans")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    page.filter_box.setCurrentIndex(page.filter_box.findData("waiting"))
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.plan is not None and page.detail.goal is not None, timeout=T)
    page.goals.setCurrentRow(page.goals.count() - 1)
    goal_id = page.detail.goal.id
    page.detail.feedback.setPlainText("Lovely start.")
    before = page.plan
    _click(qtbot, page.detail.save_feedback)
    qtbot.waitUntil(lambda: page.plan is not before, timeout=T)  # saving reloads the plan
    assert page.detail.goal.id == goal_id and page.goals.currentRow() == page.goals.count() - 1
    assert page.detail.status.text() == "Feedback saved."
    page.detail.feedback.setPlainText("Lovely start. Next, try")  # still typing when a change arrives
    loaded = page.plan
    page._reload_plan()
    qtbot.waitUntil(lambda: page.plan is not loaded, timeout=T)
    assert page.detail.goal.id == goal_id and page.detail.status.text() == "Feedback saved."
    assert page.detail.feedback.toPlainText() == "Lovely start. Next, try"


def test_save_feedback_takes_a_click_as_soon_as_the_plan_is_shown(qtbot, demo):
    """The plan's result arrives and nothing else has run yet (a loaded machine): the goal's parts,
    hidden while it loaded, are laid out already, so a click on Save feedback is not lost on a
    button of no height (test_a_plan_reload_keeps_the_goal_being_written_about timed out so)."""
    area = _teacher_area(qtbot, demo)
    page = area.show_page("plans")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)

    def only_the_results() -> None:  # the loads' results, without Qt's pending layout pass
        wait_idle()
        QApplication.sendPostedEvents(None, QEvent.Type.MetaCall)

    only_the_results()  # the first student's plan, never laid out
    page.filter_box.setCurrentIndex(page.filter_box.findData("waiting"))
    page.table.selectRow(0)  # hides the goal until this student's plan arrives
    only_the_results()
    assert page.plan is not None and page.detail.goal is not None
    page.detail.feedback.setPlainText("Lovely start.")
    before = page.plan
    _click(qtbot, page.detail.save_feedback)
    qtbot.waitUntil(lambda: page.plan is not before, timeout=T)
    assert page.detail.status.text() == "Feedback saved."


def test_teacher_creates_a_challenge_forms_teams_and_follows_the_board(qtbot, demo):
    _ctx, _info = demo
    page = _teacher_area(qtbot, demo).show_page("challenges")
    qtbot.waitUntil(lambda: page.table.rowCount() == 6, timeout=T)  # the demo's running challenge
    before = page.pick.count()
    _click(qtbot, page.new_button)
    dlg = page.dialog
    dlg.template.setCurrentIndex(dlg.template.findData("fair-game"))
    assert (
        dlg.title.text() == "Design a fair game"
        and dlg.rubric.rowCount() == 4
        and dlg.checkpoints.rowCount() == 4
    )
    dlg.scope.setCurrentIndex(dlg.scope.findData("grade"))
    dlg.accept()
    qtbot.waitUntil(
        lambda: page.pick.count() == before + 1 and page.challenge.title == "Design a fair game", timeout=T
    )
    assert page.challenge.scope == "grade" and page.tabs.currentWidget() is page.teams
    qtbot.waitUntil(lambda: page.teams.table.rowCount() == 24, timeout=T)
    page.teams.count.setValue(5)
    _click(qtbot, page.teams.suggest)
    qtbot.waitUntil(lambda: "Team 5" in page.teams.reasons.text(), timeout=T)
    with qtbot.waitSignal(page.board_loaded, timeout=T):
        _click(qtbot, page.teams.save)
    qtbot.waitUntil(lambda: page.table.rowCount() == 5, timeout=T)
    assert page.table.cell_state(0, 1).endswith("Late") or page.table.cell_state(0, 1).endswith("Not started")
    with qtbot.waitSignal(page.board_loaded, timeout=T):
        page.table.cellDoubleClicked.emit(0, 4)  # the last checkpoint: not started -> in progress
    qtbot.waitUntil(lambda: page.table.cell_state(0, 4).endswith("In progress"), timeout=T)
    # Assess the first team with the rubric.
    page.tabs.setCurrentWidget(page.assess_page)
    box = next(iter(page.criteria.values()))
    box.setCurrentIndex(box.findData(3))
    page.comment.setPlainText("A fair game, clearly explained.")
    _click(qtbot, page.save_assessment)
    qtbot.waitUntil(lambda: page.assess_status.text() == "Assessment saved.", timeout=T)


def test_teacher_sees_class_trend_and_quiet_flag(qtbot, demo):
    page = _teacher_area(qtbot, demo).show_page("checkins")
    qtbot.waitUntil(lambda: page.table.rowCount() == 24, timeout=T)
    assert "Nia Williams" in page.flags.text() and page.table.item(0, 0).text().startswith("\u25cf Nia")
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.chart.chart_.title() == "Nia Williams", timeout=T)
    _click(qtbot, page.class_button)
    assert page.chart.chart_.title() == "The class"


def test_teacher_exports_report_pdf_and_class_csv(qtbot, demo, tmp_path):
    _ctx, info = demo
    page = _teacher_area(qtbot, demo).show_page("plans")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24 and page.pdf_button.isEnabled(), timeout=T)
    pdf = tmp_path / "report.pdf"
    with qtbot.waitSignal(page.exported, timeout=30_000):
        page.export_pdf(info.student_ids[DEV], str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    out = tmp_path / "class.csv"
    with qtbot.waitSignal(page.exported, timeout=T):
        page.export_csv(str(out))
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 25 and rows[0][:3] == ["Student", "Plan status", "Pace"]


def test_every_new_widget_has_an_accessible_name(qtbot, demo):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QWidget,
    )

    interactive = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox)
    parts_of = (QAbstractSpinBox, QComboBox, QTabBar, QHeaderView)  # their inner widgets are theirs to name

    def inner(w: QWidget) -> bool:
        p = w.parentWidget()
        while p is not None:
            if isinstance(p, parts_of) or p.metaObject().className() == "QTableCornerButton":
                return True
            p = p.parentWidget()
        return isinstance(w, QHeaderView) or w.metaObject().className() == "QTableCornerButton"

    ctx, info = demo
    missing = []
    for area in [_teacher_area(qtbot, demo), _area(qtbot, ctx, _student(ctx, info, DEV))]:
        for key, _t, _s in area.specs:
            page = area.show_page(key)
            qtbot.wait(100)
            if key in ("roster", "my_profile"):
                continue  # not this pages
            for w in page.findChildren(QWidget):
                if (
                    isinstance(w, interactive)
                    and w.isVisibleTo(page)
                    and not inner(w)
                    and not w.accessibleName()
                ):
                    missing.append(f"{key}: {type(w).__name__} {getattr(w, 'text', lambda: '')()}")
    assert missing == []
