"""The one way to run work off the UI thread.

``run_task(fn, ...)`` runs ``fn(progress)`` on a worker thread. ``progress(fraction, message)``
reports back (and raises ``Cancelled`` once the user pressed Cancel); the result or the error comes
back on the UI thread by signal. ``run_with_dialog`` adds a progress dialog with a Cancel button.
Work that writes the database goes through one worker so writes never overlap (as Anki does).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

# Qt's namespace is reached as QtCore.Qt at the point of use: creating it builds ~120 enums (~80 ms),
# which the first screen does not need.
from PySide6 import QtCore
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from app.errors import EXPECTED

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class Progress:
    """Handed to the task function. Plain Python: services may accept it as a callback."""

    def __init__(self, handle: "TaskHandle") -> None:
        self._handle = handle
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def __call__(self, fraction: float, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._handle.progressed.emit(float(fraction), message)


class TaskHandle(QObject):
    progressed = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.progress = Progress(self)
        self.done = False
        self.fn: Callable[[Progress], Any] | None = None

    def cancel(self) -> None:
        self.progress._cancel.set()


class _Runner(QRunnable):
    # The task's function (and the widgets its closure holds) hangs on the handle, not here: the pool
    # deletes the runner on its own thread, and the last reference to a widget must drop on the UI
    # thread (``_retire``).
    def __init__(self, handle: TaskHandle) -> None:
        super().__init__()
        self.handle = handle
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.handle.fn(self.handle.progress)  # type: ignore[misc]  # cleared only after run
        except BaseException as exc:  # noqa: BLE001  every failure goes back to the UI
            if isinstance(exc, EXPECTED):  # the user's input, not a fault: no traceback
                log.info("background task stopped: %s", type(exc).__name__)
            elif not isinstance(exc, Cancelled):
                log.exception("background task failed")
            self._emit(self.handle.failed, exc)
        else:
            self._emit(self.handle.finished, result)

    @staticmethod
    def _emit(signal, value: Any) -> None:  # noqa: ANN001
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the app is closing and the receiver is gone; nothing is waiting for this


_live: set[TaskHandle] = set()
_pool: QThreadPool | None = None
_write_pool: QThreadPool | None = None
_keeper_obj: QObject | None = None


def _keeper() -> QObject:
    global _keeper_obj
    if _keeper_obj is None:
        _keeper_obj = QObject()
    return _keeper_obj


def _retire(handle: TaskHandle) -> None:
    handle.done = True
    handle.fn = None  # on the UI thread: see _Runner
    _live.discard(handle)
    handle.deleteLater()


def _pools() -> tuple[QThreadPool, QThreadPool]:
    global _pool, _write_pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _pool, _write_pool  # type: ignore[return-value]


def run_task(
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    writes: bool = False,
    owner: QObject | None = None,
) -> TaskHandle:
    """``owner``: the widget the result is for; if it is gone by then, the result is dropped."""
    handle = TaskHandle()
    # Qt owns the handle through a parent on the UI thread, and it is deleted there (deleteLater):
    # the worker may drop the last Python reference, which must never destroy a QObject off-thread.
    handle.setParent(_keeper())
    _live.add(handle)

    def _alive() -> bool:
        return owner is None or isValid(owner)

    def _finish(result: Any) -> None:
        _retire(handle)
        if on_done and _alive():
            on_done(result)

    def _fail(exc: BaseException) -> None:
        _retire(handle)
        if on_error and _alive():
            on_error(exc)

    queued = QtCore.Qt.ConnectionType.QueuedConnection
    handle.finished.connect(_finish, queued)
    handle.failed.connect(_fail, queued)
    if on_progress:
        handle.progressed.connect(lambda f, m: _alive() and on_progress(f, m), queued)
    read_pool, write_pool = _pools()
    handle.fn = fn
    (write_pool if writes else read_pool).start(_Runner(handle))
    return handle


class Latest:
    """Loads run in parallel and can finish out of order. Wrap each load's on-done callback with
    ``latest(callback)``: only the result of the load asked for last reaches it, so an earlier, slower
    one never replaces it. ``forget()`` drops every load still running (what they would show is
    stale now)."""

    __slots__ = ("_ticket",)

    def __init__(self) -> None:
        self._ticket: object = None

    def __call__(self, on_done: Callable[[Any], Any]) -> Callable[[Any], Any]:
        ticket = self._ticket = object()
        return lambda result: ticket is self._ticket and on_done(result)

    def forget(self) -> None:
        self._ticket = None


def run_with_dialog(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    writes: bool = True,
) -> TaskHandle:
    """Run ``fn`` with a modal progress dialog (bar, message, Cancel)."""
    dialog = QProgressDialog(title, QProgressDialog.tr("Cancel"), 0, 1000, parent)  # type: ignore[arg-type]  # QObject.tr on the class: PySide6 allows it, its stubs do not
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(fraction: float, message: str) -> None:
        dialog.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        if message:
            dialog.setLabelText(message)

    def done(result: Any) -> None:
        dialog.close()
        if on_done:
            on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        if on_error and not isinstance(exc, Cancelled):
            on_error(exc)

    handle = run_task(fn, done, failed, progressed, writes=writes, owner=parent)
    dialog.canceled.connect(handle.cancel)
    return handle


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Tests and the self-test: wait until all background work has finished."""
    read_pool, write_pool = _pools()
    return read_pool.waitForDone(timeout_ms) and write_pool.waitForDone(timeout_ms)
