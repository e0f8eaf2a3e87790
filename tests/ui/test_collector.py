"""Cyclic garbage made or found by a background thread is freed on the UI thread only."""

from __future__ import annotations

import gc
import threading


class _Cycle:
    freed_in: list[int] = []  # noqa: RUF012
    kept: list = []  # noqa: RUF012

    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector can free it

    def __del__(self) -> None:
        _Cycle.freed_in.append(threading.get_ident())


def test_cycles_are_collected_on_the_ui_thread_not_in_workers(qtbot):
    assert not gc.isenabled()  # the UI tests run with the app's collector (tests/ui/conftest.py)
    _Cycle.freed_in.clear()

    def work() -> None:
        for _ in range(50):
            _Cycle()
        # Objects that live on: they count towards the next collection (enough for several), so one
        # comes soon, and automatic collection would have run here, in the worker.
        _Cycle.kept = [[i] for i in range(20_000)]

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(_Cycle.freed_in) == 50, timeout=5_000)
    assert set(_Cycle.freed_in) == {threading.get_ident()}
    _Cycle.kept = []
