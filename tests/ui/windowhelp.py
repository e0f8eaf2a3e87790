"""Windows a UI test opened: closed, and background work ended, before its data folder closes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.ui.tasks import wait_idle


def close_all(windows: list) -> None:
    while windows:
        w = windows.pop()
        w.close()  # saves what is open
        w.deleteLater()
    QApplication.processEvents()
    wait_idle()
