"""A main page scrolls up and down, never sideways: at a large text size a page taller than the
window keeps every control reachable (the writing page's "Hand in" at 150 % on 1366x768 was below
the screen's edge), and its width always follows the window's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget


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
    stack_when_narrow(page)


class _StackWhenNarrow(QObject):
    """Side-by-side panes (a QSplitter) go one above the other when the page is narrower than they
    need side by side, and back when it is wide enough again."""

    def __init__(self, page: QWidget, area: QScrollArea) -> None:
        super().__init__(page)
        self.page, self.area = page, area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit()
        return False

    def fit(self) -> None:
        inner = self.area.widget()
        room = self.area.viewport().width()
        if inner is None or room <= 0:
            return
        splitters = inner.findChildren(
            QSplitter
        )  # hidden tabs and pages count: a stack is as wide as its widest
        for s in splitters:  # back side by side where the page has room again
            wide = s.property("wide_min")
            if s.orientation() == Qt.Orientation.Vertical and isinstance(wide, int) and wide <= room:
                s.setOrientation(Qt.Orientation.Horizontal)
                s.setProperty("wide_min", None)
                _invalidate_up(s, inner)
        for s in sorted(splitters, key=lambda s: -s.minimumSizeHint().width()):
            need = inner.minimumSizeHint().width()
            if need <= room:
                break
            if s.orientation() == Qt.Orientation.Horizontal and s.property("stack_when_narrow") is not False:
                s.setProperty("wide_min", need)
                s.setOrientation(Qt.Orientation.Vertical)
                _invalidate_up(s, inner)


def _invalidate_up(widget: QWidget, top: QWidget) -> None:
    """Hidden pages of a stack do not pass a change of size up: tell every layout up to ``top``."""
    w: QWidget | None = widget
    while w is not None and w is not top:
        w.updateGeometry()  # drops the size its parent's layout remembered for it
        w = w.parentWidget()
        if w is not None and w.layout() is not None:
            w.layout().invalidate()


def stack_when_narrow(page: QWidget) -> None:
    area = page.findChild(QScrollArea, "pageScroll")
    if area is not None:
        watcher = _StackWhenNarrow(page, area)
        area.viewport().installEventFilter(watcher)  # the page's width changed
        if area.widget() is not None:
            area.widget().installEventFilter(watcher)  # what the panes need changed (loaded data)
