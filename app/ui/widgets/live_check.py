"""Checks an editor's text as the writer types, never on the UI thread.

Each edit bumps a generation counter and (re)starts a short timer; when typing pauses the text is
taken and checked on a worker (`run_task`), one check at a time. A result whose generation is not the
current one is stale (the text changed meanwhile): it is dropped and a fresh check is scheduled, so what
is shown always matches the text on screen. The shared speller loads in the background first.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from app.ui.messages import error_text
from app.ui.tasks import run_task
from app.ui.widgets.text_offsets import Offsets, plain_text
from app.writing.checks import CheckConfig, Checker, CheckResult, load_speller

DELAY_MS = 300


@dataclass(frozen=True)
class CheckOutcome:
    generation: int
    text: str  # the text that was checked
    result: CheckResult
    spans: tuple[tuple[int, int], ...]  # each finding's (start, end) as Qt document positions
    offsets: Offsets
    seconds: float  # time the check took on the worker


def check_text(generation: int, checker: Checker, text: str) -> CheckOutcome:
    """The worker's part: check, then place each finding in Qt's count of positions."""
    t = time.perf_counter()
    result = checker.check(text)
    offsets = Offsets(text)
    spans = tuple((offsets.to_qt(f.start), offsets.to_qt(f.end)) for f in result.findings)
    return CheckOutcome(generation, text, result, spans, offsets, time.perf_counter() - t)


class LiveCheck(QObject):
    checked = Signal(object)  # CheckOutcome, only for the text on screen
    ready = Signal()  # the speller is loaded: checks can start
    failed = Signal(str)

    def __init__(self, editor: QPlainTextEdit, delay_ms: int = DELAY_MS) -> None:
        super().__init__(editor)
        self.editor = editor
        self.delay_ms = delay_ms
        self.generation = 0
        self.config: CheckConfig | None = None
        self.checker: Checker | None = None
        self.speller = None
        self.busy = False
        self.last: CheckOutcome | None = None
        self.seconds: list[float] = []  # worker time per check, newest last
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        editor.textChanged.connect(self._changed)

    def start_loading(self) -> None:
        run_task(
            lambda _p: load_speller(), self._loaded, lambda e: self.failed.emit(error_text(e)), owner=self
        )

    @property
    def is_ready(self) -> bool:
        return self.speller is not None

    def set_config(self, config: CheckConfig | None) -> None:
        """Check with these settings from now on (None: stop checking)."""
        self.config = config
        self.generation += 1
        self.last = None
        self.checker = (
            Checker(config, self.speller) if config is not None and self.speller is not None else None
        )
        if self.checker is not None:
            self._timer.start(0)

    def _loaded(self, speller) -> None:
        self.speller = speller
        self.ready.emit()
        if self.config is not None and self.checker is None:
            self.set_config(self.config)

    def _changed(self) -> None:
        # Called on every keystroke: keep it to a counter and a timer restart.
        self.generation += 1
        self._timer.start(self.delay_ms)

    def _start(self) -> None:
        if self.checker is None or self.busy:
            return  # a check in flight: when it comes back stale, another is scheduled
        generation, checker, text = self.generation, self.checker, plain_text(self.editor)
        self.busy = True
        run_task(lambda _p: check_text(generation, checker, text), self._done, self._failed, owner=self)

    def _done(self, outcome: CheckOutcome) -> None:
        self.busy = False
        self.seconds = [*self.seconds[-49:], outcome.seconds]
        if outcome.generation != self.generation:
            self._timer.start(self.delay_ms)  # the text changed meanwhile: this result is not for it
            return
        self.last = outcome
        self.checked.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.failed.emit(error_text(exc))
