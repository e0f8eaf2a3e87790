"""Python's cycle collector runs on the UI thread only.

CPython collects in whichever thread happens to allocate. When a background task (a replay, the demo
build, a sync) triggers a collection, it may free widgets from closed screens that sit in reference
cycles (a lambda connected to a signal of the widget it captures), and Qt objects destroyed off their
own thread crash the process. So automatic collection is switched off while the UI runs, and this
timer collects on the UI thread instead, with the same thresholds (the pattern of pyqtgraph's
GarbageCollector). Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as automatic collection would."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        self.timer.stop()
        if self.was_enabled:
            gc.enable()


def collect_on_ui_thread(app: QObject) -> UiThreadCollector:
    """Install once per application; the collector lives as long as ``app``."""
    existing = app.findChild(UiThreadCollector)
    return existing if existing is not None else UiThreadCollector(app)
