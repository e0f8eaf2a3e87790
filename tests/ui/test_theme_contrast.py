"""Every visible text on every main screen, teacher, student and school leader, in every scheme, measured on the
rendered pixels against the background painted behind it: at least 4.5:1 (issue 18)."""

from __future__ import annotations

import pytest

from app.ui.theme import apply_theme, reset_theme
from app.ui.theme.audit import measure_text
from app.ui.theme.tokens import SCHEMES
from tests.ui.themehelp import visit_screens
from tests.ui.windowhelp import close_all


@pytest.fixture
def windows():
    opened: list = []
    yield opened
    close_all(opened)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_text_reaches_4_5_to_1(qapp, qtbot, demo, windows, scheme):
    apply_theme(qapp, scheme, 100)
    low: dict[str, str] = {}
    counted = []

    def visit(key: str, window) -> None:  # noqa: ANN001
        found = measure_text(window)
        counted.append(len(found))
        for t in found:
            if t.ratio < 4.5:
                low[f"{key} {t.widget}"] = f"{t.ratio} ({t.fg} on {t.bg})"

    try:
        seen = visit_screens(qtbot, demo, windows, (1280, 800), visit)
    finally:
        close_all(windows)
        reset_theme(qapp)
    assert len(seen) == 21 and min(counted) >= 3  # teacher 9, student 7, leader 5: each with text measured
    assert low == {}


def test_the_measure_sees_low_contrast(qapp, qtbot):
    """The measure is not vacuous: grey on grey is found and rated low."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    box = QWidget()
    qtbot.addWidget(box)
    box.setStyleSheet("background: #ffffff;")
    label = QLabel("Faint words for a test", box)
    label.setStyleSheet("color: #cccccc; font-size: 16pt;")
    QVBoxLayout(box).addWidget(label)
    box.resize(300, 80)
    box.show()
    (found,) = measure_text(box)
    assert found.ratio < 2 and found.fg == "#cccccc" and found.bg == "#ffffff"
