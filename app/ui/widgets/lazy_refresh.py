"""Refresh a page when what it shows has changed, but only while it is on screen, and once for a
burst of changes: a hidden page only notes that it is out of date and catches up when shown. (A page
that reloaded on every change would queue work behind, say, a draft saving itself as the student types.)

``when`` (optional) says whether the page may reload now (not while the student is in the middle of
something); if not, the page stays out of date and reloads at the next change or when next shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.store.what_changed import Changed, Kind
from app.ui.events import ChangeBus


class LazyRefresh(QObject):
    def __init__(
        self,
        page: QWidget,
        bus: ChangeBus,
        kinds: Kind,
        refresh: Callable[[], None],
        when: Callable[[], bool] | None = None,
        delay_ms: int = 200,
    ) -> None:
        super().__init__(page)
        self.page, self.kinds, self.refresh, self.when = page, kinds, refresh, when
        self.dirty = False
        self.timer = QTimer(self, singleShot=True, interval=delay_ms, timeout=self._fire)
        bus.changed.connect(self._changed)
        page.installEventFilter(self)

    def _changed(self, changed: Changed) -> None:
        if changed.kinds & self.kinds:
            self.dirty = True
            if self.page.isVisible():
                self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.page and event.type() == QEvent.Type.Show and self.dirty:
            self.timer.start()
        return False

    def _fire(self) -> None:
        if self.when is not None and not self.when():
            return  # still out of date: the next change, or the next time the page is shown
        self.dirty = False
        self.refresh()
