"""Refresh a page when what it shows has changed, but only while it is on screen, and once for a
burst of changes: a hidden page only notes that it is out of date and catches up when shown. (A page
that reloaded on every change would queue work behind, say, a draft saving itself as the student types.)"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.ui.events import ChangeBus


class LazyRefresh(QObject):
    def __init__(self, page: QWidget, bus: ChangeBus, topics: Iterable[str], refresh: Callable[[], None],
                 delay_ms: int = 200) -> None:
        super().__init__(page)
        self.page, self.topics, self.refresh = page, set(topics), refresh
        self.dirty = False
        self.timer = QTimer(self, singleShot=True, interval=delay_ms, timeout=self._fire)
        bus.changed.connect(self._changed)
        page.installEventFilter(self)

    def _changed(self, topic: str) -> None:
        if topic in self.topics:
            self.dirty = True
            if self.page.isVisible():
                self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.page and event.type() == QEvent.Type.Show and self.dirty:
            self.timer.start()
        return False

    def _fire(self) -> None:
        self.dirty = False
        self.refresh()
