"""A main page scrolls up and down, never sideways: at a large text size a page taller than the
window keeps every control reachable (the writing page's "Hand in" at 150 % on 1366x768 was below
the screen's edge), and its width always follows the window's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scroll_vertically(page: QWidget) -> None:
    """Move ``page``'s contents into a vertical-only scroll area inside the page itself, so the page
    stays the object the navigation shows (and tests find)."""
    layout = page.layout()
    if layout is None or page.property("scrolls") is True:
        return
    inner = QWidget()
    inner.setObjectName("pageContents")
    inner.setLayout(layout)  # moves the layout and every widget in it into ``inner``
    area = QScrollArea(page)
    area.setObjectName("pageScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(inner)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    page.setProperty("scrolls", True)
