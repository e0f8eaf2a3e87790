"""Brings the sync agent's state (reported on its own thread) onto the UI thread as a signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal


class SyncBridge(QObject):
    changed = Signal(object)  # SyncSnapshot

    def __init__(self, agent: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.agent = agent
        self._relay.connect(self.changed, Qt.ConnectionType.QueuedConnection)
        self._remove = remove = agent.add_listener(self._relay.emit)
        # The agent outlives every screen: when this bridge goes (sign-out, a page closed), stop
        # reporting to it, or each sign-in leaves a dead listener that fails on every update.
        self.destroyed.connect(lambda _obj=None: remove())

    _relay = Signal(object)

    def detach(self) -> None:
        self._remove()


def short_status(snap: Any) -> str:
    """A few words for the header."""
    import time

    if snap is None or snap.state == "off":
        return ""
    if snap.state == "syncing":
        return QCoreApplication.translate(
            "Sync", "Syncing…"
        )  # QObject.tr on the class: PySide6 allows it, its stubs do not
    if snap.problem:
        return QCoreApplication.translate("Sync", "Sync: needs attention")
    if snap.last_sync_at:
        return QCoreApplication.translate("Sync", "Synced %1").replace(
            "%1", ago_words(time.time() - snap.last_sync_at)
        )
    return ""


def ago_words(seconds: float) -> str:
    """ "just now", "12 min ago", "3 h ago", "2 days ago" (the header re-reads it every half minute)."""
    minutes = int(max(0.0, seconds) // 60)
    if minutes < 1:
        return QCoreApplication.translate("Sync", "just now")
    if minutes < 60:
        return QCoreApplication.translate("Sync", "%1 min ago").replace("%1", str(minutes))
    if minutes < 48 * 60:
        return QCoreApplication.translate("Sync", "%1 h ago").replace("%1", str(minutes // 60))
    return QCoreApplication.translate("Sync", "%1 days ago").replace("%1", str(minutes // (24 * 60)))
