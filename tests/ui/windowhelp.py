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


def open_window(qtbot, ctx, windows: list, actor=None, size: tuple[int, int] | None = None):  # noqa: ANN001, ANN201
    """The app's main window on ``ctx``, shown (at ``size``), signed in as ``actor`` if given, and
    remembered in ``windows`` for ``close_all``."""
    from app.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    windows.append(w)
    if size:
        w.resize(*size)
    w.show()
    if actor is not None:
        w.signed_in(actor)
    return w
