"""Open every main screen (teacher, student, then school leader) of the demo class in a window of a given size,
calling ``visit(key, window)`` on each, as the app would show it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from app.demo.school_seed import DEMO_LEADER
from app.ui.tasks import wait_idle
from tests.ui.windowhelp import open_window


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
        wait_idle()
        QApplication.processEvents()


def visit_screens(qtbot, demo, windows: list, size: tuple[int, int], visit: Callable) -> list[str]:  # noqa: ANN001
    ctx, info = demo
    acc = ctx.services.accounts
    w = open_window(qtbot, ctx, windows)
    w.setFixedSize(*size)  # a screen of that size: the layout must fit, not grow the window
    klass = acc.sign_in_classes()[0]
    seen = []
    for who, actor in (
        ("teacher", lambda: acc.sign_in_teacher(info.username, info.password)),
        ("student", lambda: acc.sign_in_student(klass.id, acc.sign_in_students(klass.id)[3].id, info.pin)),
        ("leader", lambda: acc.sign_in_teacher(DEMO_LEADER, info.password)),  # the school as a whole
    ):
        w.signed_in(actor())
        for key, _t, _s in w.area.specs:
            w.area.show_page(key)
            settle()
            visit(f"{who}-{key}", w)
            seen.append(f"{who}-{key}")
        w.sign_out()
        settle()
    return seen
