"""Loads run in parallel and can finish out of order: whatever a page shows must be the answer to what was
asked for last, and a refill must keep what the person chose. Each test holds the page's loads (instead of
running them), then finishes them newest first, so the order that once lost work happens every time."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QApplication
from windowhelp import close_all, open_window

from app.ui.tasks import wait_idle
from app.writing.diff import diff_texts

T = 15_000
_RUN = object()
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


class Held:
    """Stands in for a module's ``run_task``: keeps each load so the test decides when, and in which
    order, they finish."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def __call__(self, fn, on_done=None, on_error=None, *args, **kwargs):
        self.calls.append((fn, on_done))

    def result(self, i: int):
        return self.calls[i][0](None)

    def finish(self, i: int, result=_RUN) -> None:
        fn, done = self.calls[i]
        done(fn(None) if result is _RUN else result)


def _hold(monkeypatch, module) -> Held:
    wait_idle()
    QApplication.processEvents()  # what already finished is delivered before the hold starts
    held = Held()
    monkeypatch.setattr(module, "run_task", held)
    return held


def _teacher_page(qtbot, demo, key: str):
    ctx, info = demo
    w = open_window(qtbot, ctx, _OPEN, ctx.services.accounts.sign_in_teacher(info.username, info.password))
    return w.area, w.area.show_page(key)


def _student_area(qtbot, demo, index: int = 3):
    ctx, info = demo
    w = open_window(
        qtbot,
        ctx,
        _OPEN,
        ctx.services.accounts.sign_in_student(info.class_id, info.student_ids[index], info.pin),
    )
    return w.area


# -- teacher -------------------------------------------------------------------------------------------
def test_roster_keeps_the_list_asked_for_last(qtbot, demo, monkeypatch):
    from app.ui.teacher import roster as module

    _area, page = _teacher_page(qtbot, demo, "roster")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    held = _hold(monkeypatch, module)
    page.refresh()  # say, an archive ...
    page.refresh()  # ... and its undo
    held.finish(1)
    held.finish(0, [])  # the earlier load, finishing late with what it saw then
    assert page.model.rowCount() == 24


def test_plans_show_the_student_picked_last_and_act_on_nobody_meanwhile(qtbot, demo, monkeypatch):
    from app.ui.teacher import plans as module

    _area, page = _teacher_page(qtbot, demo, "plans")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24 and page.plan is not None, timeout=T)
    page.filter_box.setCurrentIndex(page.filter_box.findData("waiting"))  # students with a plan
    assert page.proxy.rowCount() >= 2
    held = _hold(monkeypatch, module)
    page.table.selectRow(0)
    assert page.plan is None and not page.approve_button.isEnabled()  # nothing to approve until it arrives
    first = len(held.calls) - 1
    page.table.selectRow(1)
    second = len(held.calls) - 1
    wanted = page.selected_row().student_id
    held.finish(second)
    held.finish(first)  # the first pick's plan finishes late
    assert page.plan.student_id == wanted and page.approve_button.isEnabled()
    page._load_plan(wanted)  # e.g. after a save ...
    older = len(held.calls) - 1
    page._load_plan(wanted)  # ... and a change from elsewhere
    held.finish(len(held.calls) - 1)
    newest = page.plan
    held.finish(older, (wanted, dataclasses.replace(newest, title="an older read")))
    assert page.plan is newest


def test_heatmap_keeps_the_load_asked_for_last(qtbot, demo, monkeypatch):
    from app.ui.teacher import heatmap as module

    _area, page = _teacher_page(qtbot, demo, "heatmap")
    qtbot.waitUntil(lambda: page.model.map is not None, timeout=T)
    held = _hold(monkeypatch, module)
    page.refresh()
    page.refresh()
    newest = held.result(1)
    held.finish(1, newest)
    held.finish(0, dataclasses.replace(newest, students=newest.students[:1], cells=newest.cells[:1]))
    assert page.model.map is newest and page.model.rowCount() == len(newest.students) > 1


def test_check_ins_chart_the_student_picked_last_and_the_class_when_asked(qtbot, demo, monkeypatch):
    from app.ui.teacher import checkins as module

    _area, page = _teacher_page(qtbot, demo, "checkins")
    qtbot.waitUntil(lambda: page.table.rowCount() == 24, timeout=T)
    held = _hold(monkeypatch, module)
    page.table.selectRow(0)
    first = len(held.calls) - 1
    page.table.selectRow(1)
    second = len(held.calls) - 1
    assert first < second
    held.finish(second)
    held.finish(first)  # the first student's trend finishes late
    assert page.chart.chart_.title() == page.table.item(1, 0).text().lstrip("\u25cf ")
    page.table.selectRow(2)
    third = len(held.calls) - 1
    page.show_class_trend()  # the class trend asked for while the student's still loads
    held.finish(third)
    assert page.chart.chart_.title() == "The class"
    # The class's own load: an older one finishing late does not replace the newer.
    page.refresh()
    older = len(held.calls) - 1
    page.refresh()
    held.finish(len(held.calls) - 1)
    held.finish(older, None)  # an older answer ("switched off") arriving last
    assert page.data is not None and page.off.isHidden()


def test_review_keeps_the_drafts_and_the_diff_asked_for_last(qtbot, demo, monkeypatch):
    from app.ui.teacher import writing_review as module

    _area, page = _teacher_page(qtbot, demo, "writing_review")
    qtbot.waitUntil(lambda: bool(page.rows), timeout=T)
    held = _hold(monkeypatch, module)
    page.load_drafts()
    page.load_drafts()
    held.finish(1)
    shown = page.table.rowCount()
    held.finish(0, [])  # an earlier load (another task, or older rows) finishing late
    assert page.table.rowCount() == shown > 0 and page.rows
    # Versions picked in turn: the diff of the one picked first finishing late is dropped.
    page.show_diff("", "version-a")
    page.show_diff("", "version-b")
    newer, older = diff_texts("", "the newer words"), diff_texts("", "older")
    held.finish(3, newer)
    held.finish(2, older)
    assert page.history.view.diff is newer


def test_challenge_board_log_and_assessment_follow_what_is_shown(qtbot, demo, monkeypatch):
    from app.ui.teacher import challenges as module
    from app.ui.widgets import team_log

    _area, page = _teacher_page(qtbot, demo, "challenges")
    qtbot.waitUntil(lambda: page.board is not None and page.table.rowCount() == 6, timeout=T)
    board = page.board
    students = page.ctx.services.roster.students(page.actor, page.class_id)
    # A refill whose teams come in another order: the log beside the board is the chosen row's team.
    page.table.setCurrentCell(0, 0)
    page._show_board((dataclasses.replace(board, teams=tuple(reversed(board.teams))), students))
    assert page.log.team_id == page.board.teams[page.table.currentRow()].id
    # A reload (after saving an assessment, say) stays on the team being assessed.
    page.assess_team.setCurrentIndex(2)
    team = page.assess_team.currentData()
    page._show_board((board, students))
    assert page.assess_team.currentData() == team
    # Two loads of the board: the older finishing last is dropped.
    held = _hold(monkeypatch, module)
    page.load_board()
    page.load_board()
    held.finish(1)
    newest = page.board
    held.finish(0, (dataclasses.replace(board, teams=board.teams[:1]), students))
    assert page.board is newest and page.table.rowCount() == 6
    # Team logs picked in turn: the first team's log finishing late is dropped.
    logs = _hold(monkeypatch, team_log)
    page.log.load(board.teams[0].id)
    page.log.load(board.teams[1].id)
    logs.finish(1, [])
    logs.finish(0)
    assert page.log.list.count() == 1 and page.log.list.item(0).text() == "Nothing posted yet."


def test_student_detail_shows_the_student_opened_last(qtbot, demo, monkeypatch):
    from app.ui.widgets import student_view as module

    ctx, info = demo
    _area, page = _teacher_page(qtbot, demo, "roster")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    held = _hold(monkeypatch, module)
    first, second = info.student_ids[0], info.student_ids[1]
    page.show_item(first)
    page.back()
    page.show_item(second)
    held.finish(1)
    held.finish(0)  # the first student's page finishing late
    teacher = page.actor
    assert page.detail.title.text() == ctx.services.profiles.get(teacher, second).name
    # A save of the first student finishing after the second is shown leaves the second's editor alone.
    page.detail.editor.status.setText("")
    page.detail._saved(first, ctx.services.profiles.get(teacher, first))
    assert page.detail.editor.status.text() == ""


def test_skill_detail_shows_the_cell_opened_last(qtbot, demo, monkeypatch):
    from app.ui.widgets import skill_detail as module

    _area, page = _teacher_page(qtbot, demo, "heatmap")
    qtbot.waitUntil(lambda: page.model.map is not None, timeout=T)
    heat = page.model.map
    skill = next(s for s in heat.skills if s.items)
    a, b = heat.students[0], heat.students[1]
    held = _hold(monkeypatch, module)
    page.show_cell(a.id, skill.id)
    page.back()
    page.show_cell(b.id, skill.id)
    held.finish(1)
    held.finish(0)
    assert page.detail.title.text().startswith(held.result(1)[0].student_name)
    assert page.detail.student_id == b.id


# -- student -------------------------------------------------------------------------------------------
def test_home_keeps_the_chosen_step_and_the_newest_load(qtbot, demo, monkeypatch):
    from app.ui.student import home as module
    from app.ui.widgets.next_steps_list import STEP

    home = _student_area(qtbot, demo).pages["home"]
    qtbot.waitUntil(lambda: home.list.count() > 3, timeout=T)
    steps = [home.list.item(i).data(STEP) for i in range(home.list.count())]
    home.list.setCurrentRow(2)
    home.list.set_steps(list(reversed(steps)), home.available)  # a refresh, the order changed
    assert home.list.current_step() == steps[2]
    held = _hold(monkeypatch, module)
    home.refresh()
    home.refresh()
    held.finish(1)
    count = home.list.count()
    _steps, plan, celebrations = held.result(0)
    held.finish(0, ([], plan, celebrations))  # an older answer arriving last
    assert home.list.count() == count


def test_writing_ignores_a_late_view_of_another_task(qtbot, demo):
    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    from app.writing.results import TaskSpec

    spec = TaskSpec("My pet", "A pet.")
    task_id = ctx.services.writing.create_task(teacher, info.class_id, spec).id
    page = _student_area(qtbot, demo, 5).show_page("writing")
    qtbot.waitUntil(lambda: any(m.task.id == task_id for m in page.tasks), timeout=T)
    with qtbot.waitSignal(page.opened, timeout=T):
        page.open_task(task_id)
    view = page.view
    other = dataclasses.replace(view, task=dataclasses.replace(view.task, id="another-task", title="Another"))
    page._refreshed(other)  # the refresh after a first save, finishing once another task is open
    assert page.view is view and page.task_title.text() == view.task.title


def test_a_second_enter_while_practice_starts_does_not_start_a_second_session(qtbot, demo, monkeypatch):
    from app.ui.student import practice as module

    page = _student_area(qtbot, demo).show_page("practice")
    held = _hold(monkeypatch, module)
    before = len(held.calls)
    page.enter()  # Enter starts ...
    page.enter()  # ... and Enter again before the first question is there
    assert len(held.calls) == before + 1
    held.finish(before)  # the session starts; its first question is asked for
    assert page.session is not None and page.start_button.isEnabled()


def test_enter_pressed_twice_signs_in_once(qtbot, demo, monkeypatch):
    from app.ui import signin as module
    from app.ui.signin import SignInScreen

    ctx, info = demo
    w = open_window(qtbot, ctx, _OPEN)
    screen = w.centralWidget()
    assert isinstance(screen, SignInScreen)
    held = _hold(monkeypatch, module)
    screen.username.setText(info.username)
    screen.password.setText(info.password)
    screen.password.returnPressed.emit()
    screen.password.returnPressed.emit()  # Enter again while the first is still being checked
    assert len(held.calls) == 1


def test_my_profile_reload_keeps_what_is_being_typed(qtbot, demo):
    page = _student_area(qtbot, demo).show_page("my_profile")
    view = page.view
    qtbot.waitUntil(lambda: view.title.text() != "", timeout=T)
    wait_idle()
    QApplication.processEvents()
    about = view.editor.edits["about_me"]
    about.setPlainText("I like building things and")  # still typing when practice changes something
    with qtbot.waitSignal(view.loaded, timeout=T):
        page.refresh()
    assert about.toPlainText() == "I like building things and"


def test_a_reload_of_a_met_goal_keeps_the_saved_note(qtbot, demo):
    """Some days the demo's first "behind" student has a met goal first: saving feedback on it reloads the
    plan, and the reload must not replace "Feedback saved." with the goal's own note."""
    from app.ui.widgets.goal_detail import GoalDetail

    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    plans = ctx.services.plans
    goal = next(g for sid in info.student_ids if (p := plans.get(teacher, sid)) for g in p.goals)
    met = dataclasses.replace(goal, status="met")
    detail = GoalDetail(plans, teacher)
    qtbot.addWidget(detail)
    detail.set_goal(met)
    assert detail.status.text() == "Goal met: well done!"  # shown anew: say so
    detail.status.setText("Feedback saved.")
    detail.set_goal(dataclasses.replace(met, teacher_feedback="Try two short sessions."))  # the reload
    assert detail.status.text() == "Feedback saved."
