"""Words on screen that are true and read well: no "0% expected" for a skill never tried, no praise
for reviews never done, task titles in quotes, profile fields shown from their start, and a Sync
screenshot of a working set-up."""

from __future__ import annotations

import pytest
from windowhelp import close_all, open_window

from app.planning.next_steps import NextStep
from app.practice.results import PracticeOverview
from app.ui.main_window import MainWindow

T = 15_000
_OPEN: list = []
LUNCH = "Should our school have a longer lunch break?"


@pytest.fixture(autouse=True)
def _windows():
    yield
    close_all(_OPEN)


def _window(qtbot, ctx) -> MainWindow:
    w = open_window(qtbot, ctx, _OPEN)
    return w


def _new_student(ctx, info):
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    return teacher, ctx.services.roster.add_student(teacher, info.class_id, "Zoe", "Newman")


def test_a_skill_not_started_promises_no_figure(qtbot, demo):
    from app.ui.widgets.skill_detail import SkillDetailView

    ctx, info = demo
    teacher, zoe = _new_student(ctx, info)
    skill = ctx.services.practice_class.practice_skills(teacher)[0]
    view = SkillDetailView(ctx, teacher)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=T):
        view.load(zoe.id, skill.id)
    assert view.level.text().startswith("<b>Not started</b>")
    assert "%" not in view.level.text() and "no estimate yet" in view.level.text()
    assert view.stats.text() == "0 answers, 0 right"


def test_a_new_student_is_not_praised_for_reviews_never_done(qtbot, demo):
    ctx, info = demo
    teacher, zoe = _new_student(ctx, info)
    ctx.services.roster.set_pin_optional(teacher, info.class_id, True)  # she has no PIN yet
    w = _window(qtbot, ctx)
    w.signed_in(ctx.services.accounts.sign_in_student(info.class_id, zoe.id, ""))
    page = w.area.show_page("practice")
    qtbot.waitUntil(lambda: "Due for review" in page.overview.text(), timeout=T)
    text = page.overview.text()
    assert "nothing yet" in text and "well remembered" not in text
    # someone who has practised and has nothing due is remembering well
    page._show_overview(PracticeOverview(0.75, (), (), (), 3, 0))
    assert "nothing yet: well remembered!" in page.overview.text()


def test_writing_task_titles_are_quoted_on_home(qtbot, demo):
    from app.ui.widgets.next_steps_list import NextStepList, quoted

    ctx, info = demo
    w = _window(qtbot, ctx)
    student = ctx.services.accounts.sign_in_students(info.class_id)[3]
    w.signed_in(ctx.services.accounts.sign_in_student(info.class_id, student.id, info.pin))
    home = w.area.show_page("home")
    qtbot.waitUntil(lambda: home.list.count() > 0, timeout=T)
    titles = [home.list.item(r).text() for r in range(home.list.count())]
    assert f"Finish \u201c{LUNCH}\u201d" in titles
    # the reason quotes it too, and a title already quoted, or a skill's, is left as it is
    step = NextStep("writing", "t1", f"Start {LUNCH}", f"{LUNCH} is due tomorrow.", 80.0, "writing")
    shown = quoted(step)
    assert shown.title == f"Start \u201c{LUNCH}\u201d"
    assert shown.reason == f"\u201c{LUNCH}\u201d is due tomorrow."
    assert quoted(shown) == shown
    review = NextStep("practice", "s1", "Review Angles", "You last practised Angles lately.", 60.0, "review")
    assert quoted(review) is review
    steps = NextStepList()
    qtbot.addWidget(steps)
    steps.set_steps([step], {"writing"})
    assert steps.current_step().arg == "t1" and steps.item(0).text() == shown.title


def test_profile_fields_show_their_start(qtbot):
    from app.people.profiles import ProfileView
    from app.ui.widgets.profile_editor import ProfileEditor

    editor = ProfileEditor(teacher=False)
    qtbot.addWidget(editor)
    editor.resize(360, 300)
    long = ["organising a team", "spotting patterns", "explaining ideas to others", "drawing diagrams"]
    editor.set_profile(ProfileView("s1", "Dev Patel", strengths=long, interests=long))
    editor.show()
    for key in ("strengths", "interests"):
        assert editor.edits[key].cursorPosition() == 0, key


def test_the_screenshot_script_shows_sync_working(qtbot, demo, qapp):
    from scripts.screenshots import start_sync

    ctx, info = demo
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    start_sync(qapp, ctx, teacher)
    w = _window(qtbot, ctx)
    w.signed_in(teacher)
    page = w.area.show_page("sync")
    text = page.state.text()
    assert "not running" not in text and "Up to date." in text
    assert "Tessera sync" in page.folder.text()
