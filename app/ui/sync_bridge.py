"""Brings the sync agent's state (reported on its own thread) onto the UI thread as a signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


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
        return QObject.tr("Syncing…")  # type: ignore[arg-type]  # QObject.tr on the class: PySide6 allows it, its stubs do not
    if snap.problem:
        return QObject.tr("Sync: needs attention")  # type: ignore[arg-type]
    if snap.last_sync_at:
        minutes = int((time.time() - snap.last_sync_at) // 60)
        ago = QObject.tr("just now") if minutes < 1 else QObject.tr("%1 min ago")  # type: ignore[arg-type]
        ago = ago.replace("%1", str(minutes))
        return QObject.tr("Synced %1").replace("%1", ago)  # type: ignore[arg-type]
    return ""
