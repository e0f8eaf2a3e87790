"""The background-task helper: results and errors come back on the UI thread; cancel works;
progress is reported; a result for a closed widget is dropped."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from app.errors import InvalidInput
from app.ui.tasks import Cancelled, Latest, run_task, run_with_dialog, wait_idle


def test_result_arrives_on_ui_thread(qtbot):
    seen = {}

    def work(progress):
        seen["worker"] = threading.get_ident()
        progress(0.5, "half")
        return 42

    def done(value):
        seen["value"] = value
        seen["on_ui"] = QThread.currentThread() is QApplication.instance().thread()

    handle = run_task(work, done, on_progress=lambda f, m: seen.setdefault("progress", (f, m)))
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42 and seen["on_ui"] and seen["worker"] != threading.get_ident()
    assert seen["progress"] == (0.5, "half") and handle.done


def test_error_comes_back(qtbot):
    errors = []
    run_task(lambda p: (_ for _ in ()).throw(InvalidInput("bad file")), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "bad file"


def test_cancel_stops_at_next_progress(qtbot):
    steps, errors = [], []
    started = threading.Event()

    def work(progress):
        for i in range(200):
            started.set()
            progress(i / 200, f"step {i}")
            steps.append(i)
            time.sleep(0.005)
        return "finished"

    handle = run_task(work, on_done=errors.append, on_error=errors.append)
    started.wait(2)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled) and len(steps) < 200


def test_result_for_closed_widget_is_dropped(qtbot):
    widget = QWidget()
    called = []
    gate = threading.Event()
    handle = run_task(lambda p: gate.wait(2), on_done=called.append, owner=widget)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not isValid(widget), timeout=5000)
    gate.set()
    wait_idle()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)  # the result came back (and was dropped)
    assert called == []


def test_dialog_runs_and_closes(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    out = []
    run_with_dialog(parent, "Working", lambda p: (p(0.3, "going"), "ok")[1], on_done=out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    assert out == ["ok"]


@pytest.mark.parametrize("writes", [True])
def test_writes_never_overlap(qtbot, writes):
    active, overlap, done = [0], [False], []
    lock = threading.Lock()

    def work(_p):
        with lock:
            active[0] += 1
            overlap[0] |= active[0] > 1
        time.sleep(0.02)
        with lock:
            active[0] -= 1
        return 1

    for _ in range(5):
        run_task(work, done.append, writes=writes)
    qtbot.waitUntil(lambda: len(done) == 5, timeout=5000)
    assert not overlap[0]


def test_latest_lets_only_the_last_request_through():
    shown = []
    latest = Latest()
    first, second = latest(shown.append), latest(shown.append)
    second("new")
    first("old, finishing late")
    assert shown == ["new"]
    third = latest(shown.append)
    latest.forget()  # e.g. a save brought something newer than any read still running
    third("stale")
    assert shown == ["new"]


def test_expected_errors_are_noted_and_faults_keep_their_traceback(qtbot, caplog):
    import logging

    def fail(exc):
        def work(_p):
            raise exc

        return work

    errors = []
    with caplog.at_level(logging.INFO, logger="app.ui.tasks"):
        run_task(fail(InvalidInput("“abc” is not a number")), on_error=errors.append)
        qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
        run_task(fail(RuntimeError("a real fault")), on_error=errors.append)
        qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    records = [r for r in caplog.records if r.name == "app.ui.tasks"]
    expected, fault = records
    assert expected.levelno == logging.INFO and expected.exc_info is None
    assert "abc" not in expected.getMessage()
    assert fault.levelno == logging.ERROR and fault.exc_info[0] is RuntimeError
