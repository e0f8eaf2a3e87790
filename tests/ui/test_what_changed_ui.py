"""What arrives by sync shows on the open screens without a restart: the teacher's laptop has the
roster, heatmap, plans, challenges, check-ins and writing review open while, on the lab machine, a
student answers questions, sets a goal, checks in, rewrites "about me", posts to the team log and hands
in an essay, and the teacher adds a student there. After a real folder sync each page shows it: the one
on screen at once, the hidden ones (and the student's own page, left open in the roster) when the
teacher next opens them. (On 52792f9 the check-ins page on screen never shows the new student.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from windowhelp import close_all, open_window

from app.planning.plans import GoalDraft, PlanDraft
from app.sync.session import sync_once
from app.writing.results import TaskSpec

FINN = 5
T = 20_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _close_windows():
    yield
    close_all(_OPEN)


def _texts(model) -> list[tuple[str, ...]]:
    """What a table shows, cell by cell."""
    return [
        tuple(
            str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "") for c in range(model.columnCount())
        )
        for r in range(model.rowCount())
    ]


def _row_of(model, name: str) -> tuple[str, ...]:
    return next(row for row in _texts(model) if any(name in cell for cell in row))


def test_pages_show_what_arrives_by_sync_without_a_restart(qtbot, two_machines):
    laptop, lab, info, share = two_machines
    teacher = laptop.services.accounts.sign_in_teacher(info.username, info.password)
    task = laptop.services.writing.create_task(
        teacher, info.class_id, TaskSpec("My pet", "Write about a pet.")
    )
    for ctx in (laptop, lab, laptop, lab):  # both hold the same class and the new task
        sync_once(ctx.db, share)

    w = open_window(qtbot, laptop, _OPEN, teacher, size=(1280, 800))
    area = w.area
    review = area.show_page("writing_review")
    review.load_tasks(task.id)
    qtbot.waitUntil(lambda: review.table.rowCount() == 24, timeout=T)
    finn_name = review.table.item(
        next(r for r in range(24) if "Finn" in review.table.item(r, 0).text()), 0
    ).text()
    before_review = _row_of(review.table.model(), finn_name)
    pages = {key: area.show_page(key) for key in ("roster", "heatmap", "plans", "challenges", "checkins")}
    qtbot.waitUntil(lambda: pages["roster"].model.rowCount() == 24, timeout=T)
    qtbot.waitUntil(lambda: pages["heatmap"].model.rowCount() == 24, timeout=T)
    qtbot.waitUntil(lambda: pages["plans"].model.rowCount() == 24, timeout=T)
    qtbot.waitUntil(lambda: pages["checkins"].table.rowCount() == 24, timeout=T)
    qtbot.waitUntil(lambda: pages["challenges"].table.rowCount() > 0, timeout=T)
    before = {
        key: _texts(p.table.model() if key in ("checkins", "challenges") else p.model)
        for key, p in pages.items()
    }
    finn_id = info.student_ids[FINN]
    area.show_page("roster")
    student_page = pages["roster"].detail
    with qtbot.waitSignal(student_page.loaded, timeout=T):
        pages["roster"].show_item(finn_id)  # Finn's page open in the roster, then the teacher moves on
    about_before = student_page.editor.edits["about_me"].toPlainText()
    heat_row = next(i for i, s in enumerate(pages["heatmap"].model.map.students) if s.id == finn_id)
    answered_before = sum(c.attempts for c in pages["heatmap"].model.map.cells[heat_row] if c)
    goals_before = next(r.goals for r in pages["plans"].model.rows if r.student_id == finn_id)

    # On the lab machine: a student's work, and a new student added by the teacher there.
    s = lab.services
    finn = s.accounts.sign_in_student(info.class_id, finn_id, info.pin)
    session = s.practice.start_session(finn, finn_id, length=3).session_id
    for _ in range(3):
        item = s.practice.next_item(finn, session)
        if item is None:
            break
        s.practice.record_answer(finn, session, item.item_id, item.choices[0] if item.choices else "42")
    plan = s.plans.get(finn, finn_id)
    goals = [
        GoalDraft(g.title, g.why, list(g.skill_ids), g.path, g.target_date, g.weekly_minutes, id=g.id)
        for g in (plan.goals if plan else [])
    ]
    s.plans.save(
        finn,
        finn_id,
        PlanDraft(
            plan.title if plan else "My plan",
            [*goals, GoalDraft("Read a chapter book", "I like stories", path="project", weekly_minutes=60)],
        ),
    )
    s.checkins.record(finn, 4, 3, "Lab day")
    s.profiles.update(finn, finn_id, about_me="I like cats and the sea.")
    s.writing.save_draft(finn, task.id, "My cat sleeps all day in the sun by the window.")
    s.writing.submit(finn, task.id, "My cat sleeps all day in the sun by the window.")
    mine = s.challenges.for_student(finn)
    if mine:
        s.team_work.post(finn, mine[0][1].id, "progress", "We measured the playground.")
    s.roster.add_student(
        s.accounts.sign_in_teacher(info.username, info.password), info.class_id, "Zoe", "Park"
    )
    sync_once(lab.db, share)

    sync_once(laptop.db, share)  # the laptop takes it in (the app's agent would do this in the background)

    area.show_page("checkins")
    # The page on screen shows it at once.
    assert area.stack.currentWidget() is pages["checkins"]
    qtbot.waitUntil(lambda: pages["checkins"].table.rowCount() == 25, timeout=T)
    assert "Lab day" in _row_of(pages["checkins"].table.model(), "Finn")
    # The hidden ones when they are next shown.
    area.show_page("roster")  # Finn's page, still open there, shows his new words
    qtbot.waitUntil(
        lambda: student_page.editor.edits["about_me"].toPlainText() == "I like cats and the sea.", timeout=T
    )
    assert about_before != "I like cats and the sea."
    pages["roster"].back()
    qtbot.waitUntil(lambda: pages["roster"].model.rowCount() == 25, timeout=T)
    assert any("Zoe" in cell for row in _texts(pages["roster"].model) for cell in row)
    area.show_page("heatmap")
    qtbot.waitUntil(lambda: pages["heatmap"].model.rowCount() == 25, timeout=T)
    row = next(i for i, st in enumerate(pages["heatmap"].model.map.students) if st.id == finn_id)
    qtbot.waitUntil(
        lambda: sum(c.attempts for c in pages["heatmap"].model.map.cells[row] if c) > answered_before,
        timeout=T,
    )
    area.show_page("plans")
    qtbot.waitUntil(lambda: pages["plans"].model.rowCount() == 25, timeout=T)
    qtbot.waitUntil(
        lambda: (
            next(r.goals for r in pages["plans"].model.rows if r.student_id == finn_id) == goals_before + 1
        ),
        timeout=T,
    )
    if mine:
        area.show_page("challenges")
        qtbot.waitUntil(lambda: _texts(pages["challenges"].table.model()) != before["challenges"], timeout=T)
    area.show_page("writing_review")
    qtbot.waitUntil(lambda: _row_of(review.table.model(), finn_name) != before_review, timeout=T)
    assert review.table.rowCount() == 25  # Zoe, not started
    after = _row_of(review.table.model(), finn_name)
    assert after[1] != before_review[1] and after[2] == "11"  # handed in, 11 words
