"""At 200 % text on a 1280x720 window no label or button is cut and no main page scrolls sideways;
the writing page's "Hand in" can be reached at 150 % on 1366x768 (issue 18)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from app.ui.theme import apply_theme, reset_theme
from app.ui.theme.audit import clipped_text, scrolls_sideways
from tests.ui.themehelp import settle, visit_screens
from tests.ui.windowhelp import close_all, open_window

# Screens that still need more than 1280 px at 200 % (see scripts/theme_report.py): none since the Sync
# page went into the shared vertical page scroll with its folder buttons under the path.
STILL_WIDE: set[str] = set()


@pytest.fixture
def windows():
    opened: list = []
    yield opened
    close_all(opened)


def test_nothing_cut_and_nothing_sideways_at_200(qapp, qtbot, demo, windows):
    apply_theme(qapp, "light", 200)
    cut: dict[str, list[str]] = {}
    wide: set[str] = set()

    def visit(key: str, window) -> None:  # noqa: ANN001
        found = clipped_text(window)
        if found:
            cut[key] = [c.widget for c in found]
        if scrolls_sideways(window.area.stack.currentWidget()):
            wide.add(key)

    try:
        seen = visit_screens(qtbot, demo, windows, (1280, 720), visit)
    finally:
        close_all(windows)
        reset_theme(qapp)
    assert len(seen) == 21  # teacher 9, student 7, school leader 5
    assert cut == {}
    assert wide == STILL_WIDE  # fails as soon as one more page is too wide, or one of these is fixed


def test_hand_in_is_reachable_at_150_on_1366x768(qapp, qtbot, demo, windows):
    ctx, info = demo
    acc = ctx.services.accounts
    apply_theme(qapp, "light", 150)
    try:
        klass = acc.sign_in_classes()[0]
        student = acc.sign_in_student(klass.id, acc.sign_in_students(klass.id)[3].id, info.pin)
        w = open_window(qtbot, ctx, windows, student)
        w.setFixedSize(1366, 768)
        page = w.area.show_page("writing")
        qtbot.waitUntil(lambda: bool(page.tasks), timeout=20_000)
        with qtbot.waitSignal(page.opened, timeout=20_000):
            page.open_task(page.tasks[0].task.id)
        settle()
        scroll = page.findChild(QScrollArea, "pageScroll")
        scroll.ensureWidgetVisible(page.submit_button)
        settle()
        button = page.submit_button
        top_left = button.mapTo(w, button.rect().topLeft())
        assert not button.visibleRegion().isEmpty()
        assert 0 <= top_left.y() and top_left.y() + button.height() <= w.height()
        assert 0 <= top_left.x() and top_left.x() + button.width() <= w.width()
        assert not scrolls_sideways(page)
    finally:
        close_all(windows)
        reset_theme(qapp)
