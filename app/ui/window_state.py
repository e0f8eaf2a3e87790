"""The main window's size on screen: a default that fits a 1366x768 laptop (title bar and task bar
included), and the last size and maximized state remembered in the data folder (``window.json``,
beside ``settings.json``), so a teacher who maximizes Tessera finds it maximized next time."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtWidgets import QMainWindow

log = logging.getLogger(__name__)

FILE = "window.json"
DEFAULT = QSize(1180, 680)  # 680 + a title bar fits 768 less a task bar; 1180 fits 1280 and 1366 wide
FRAME = QSize(16, 48)  # room for the window frame and title bar (not part of the widget's size)
MINIMUM = QSize(900, 560)


def fitted(wanted: QSize, available: QRect | None) -> QSize:
    """``wanted``, shrunk to the screen's free area (less the frame) when that is smaller."""
    if available is None or available.isEmpty():
        return wanted
    width = min(wanted.width(), available.width() - FRAME.width())
    height = min(wanted.height(), available.height() - FRAME.height())
    return QSize(max(width, 480), max(height, 400))  # a tiny screen still gets a usable window


def _available(window: QMainWindow) -> QRect | None:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else None


def read(data_dir: str | Path) -> dict:
    try:
        data = json.loads((Path(data_dir) / FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def restore_and_show(window: QMainWindow, data_dir: str | Path) -> None:
    """Size the window (remembered or default, fitted to the screen) and show it, maximized if it was."""
    data = read(data_dir)
    try:
        wanted = QSize(int(data.get("width", DEFAULT.width())), int(data.get("height", DEFAULT.height())))
    except (TypeError, ValueError):
        wanted = DEFAULT
    if wanted.width() < MINIMUM.width() or wanted.height() < MINIMUM.height():
        wanted = DEFAULT
    window.resize(fitted(wanted, _available(window)))
    window._size_memory = _Memory(window, data_dir)  # type: ignore[attr-defined]
    if data.get("maximized") is True:
        window.showMaximized()
    else:
        window.show()


class _Memory(QObject):
    """Remembers the window's size when it closes (an event filter: the window class stays as it is)."""

    def __init__(self, window: QMainWindow, data_dir: str | Path) -> None:
        super().__init__(window)
        self.window, self.data_dir = window, data_dir
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close:
            remember(self.window, self.data_dir)
        return False


def remember(window: QMainWindow, data_dir: str | Path) -> None:
    """Keep the size (when not maximized: the normal size) and whether it is maximized."""
    size = window.normalGeometry().size() if window.isMaximized() else window.size()
    data = {"width": size.width(), "height": size.height(), "maximized": window.isMaximized()}
    path = Path(data_dir) / FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:  # a read-only data folder: the size is not worth an error
        log.warning("window size not remembered: %s", exc)
