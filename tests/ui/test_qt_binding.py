"""Guard against a known binding bug: PySide6 6.12 on Python 3.11 drops a reference to None on every
void C++ call, and the app aborts ("none_dealloc") after some thousands of calls. pyproject pins <6.12;
this fails loudly if a broken build comes back."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 50
