"""Read aloud: a small engine interface, Qt's offline text-to-speech behind it, a fake for tests, and the
reader that speaks parts of a screen in turn while highlighting the word being read.

Engines: Qt's QTextToSpeech (speech-dispatcher on Linux, SAPI/WinRT on Windows, AVSpeechSynthesizer on
macOS: all on the device). Where the engine reports each word (Qt's ``sayingWord``, WordByWordProgress),
the highlight follows it; where it does not, the highlight moves on an estimate of the speaking rate
(``WORDS_PER_MINUTE``) from when speech starts, which drifts on long texts but keeps the place roughly.
``TESSERA_SPEECH=fake`` picks the fake engine (tests, screenshots), ``TESSERA_SPEECH=<name>`` a Qt engine
by name (``mock`` is Qt's own test engine).

Where Qt's speech module is not in the build (the installers leave it out: with its audio stack it adds
13 MB past the bundle's budget), the system's own speech command reads instead (``CommandSpeech``:
``spd-say`` or ``espeak-ng`` on Linux, ``say`` on macOS, Windows' built-in System.Speech through
PowerShell): still offline, nothing added to the bundle, the text given on standard input (never on a
command line)."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys

from PySide6.QtCore import QObject, QProcess, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

log = logging.getLogger(__name__)
WORDS_PER_MINUTE = 165  # speech-dispatcher's and SAPI's default rate, near enough for a highlight
_WORD = re.compile(r"\S+")


def words(text: str) -> list[tuple[int, int]]:
    """(start, length) of each word of ``text``."""
    return [(m.start(), m.end() - m.start()) for m in _WORD.finditer(text)]


class SpeechEngine(QObject):
    """What the reader needs of an engine: ``say``, ``stop``, and signals for each word and the end."""

    word = Signal(int, int)  # start, length in the text being said
    done = Signal()

    def say(self, text: str) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class FakeSpeech(SpeechEngine):
    """Speaks nothing: records what it was asked to say; ``step()`` reads the next word."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.said: list[str] = []
        self._words: list[tuple[int, int]] = []

    def say(self, text: str) -> None:
        self.said.append(text)
        self._words = words(text)

    def stop(self) -> None:
        self._words = []

    def step(self) -> bool:
        """The next word; at the end, ``done``. False once nothing is being said."""
        if not self._words:
            return False
        start, length = self._words.pop(0)
        self.word.emit(start, length)
        if not self._words:
            self.done.emit()
        return True


class QtSpeech(SpeechEngine):
    """Qt's QTextToSpeech (imported here: only a student with read aloud on loads it)."""

    def __init__(self, engine: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self.tts = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        caps = self.tts.engineCapabilities()
        self.word_events = bool(caps & QTextToSpeech.Capability.WordByWordProgress)
        self.tts.sayingWord.connect(lambda _w, _id, start, length: self.word.emit(start, length))
        self.tts.stateChanged.connect(self._state)
        self._speaking = False
        self._estimate: list[tuple[int, int]] = []
        self._clock = QTimer(self, singleShot=False, timeout=self._tick)

    def say(self, text: str) -> None:
        self._estimate = [] if self.word_events else words(text)
        self.tts.say(text)

    def stop(self) -> None:
        self._clock.stop()
        self._estimate = []
        self.tts.stop()

    def _state(self, state) -> None:  # noqa: ANN001  # QTextToSpeech.State
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self._speaking = True
            if self._estimate:
                rate = WORDS_PER_MINUTE * (2.0 ** self.tts.rate())  # rate -1..1 halves or doubles it
                self._clock.setInterval(max(60, round(60_000 / rate)))
                self._tick()
                self._clock.start()
        elif self._speaking and state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._speaking = False
            self._clock.stop()
            self.done.emit()

    def _tick(self) -> None:
        if self._estimate:
            self.word.emit(*self._estimate.pop(0))
        else:
            self._clock.stop()


# The system's speech commands, in order of preference: (program, arguments); the text comes on stdin.
_PS_SAY = (
    "Add-Type -AssemblyName System.Speech; "
    "(New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak([Console]::In.ReadToEnd())"
)
SYSTEM_COMMANDS: list[tuple[str, list[str]]] = (
    [("powershell", ["-NoProfile", "-NonInteractive", "-Command", _PS_SAY])]
    if sys.platform == "win32"
    else [("say", ["-f", "-"])]
    if sys.platform == "darwin"
    else [("spd-say", ["--wait", "-e"]), ("espeak-ng", ["--stdin"]), ("espeak", ["--stdin"])]
)


class CommandSpeech(SpeechEngine):
    """The system's speech command in a child process; the highlight moves on the estimated rate."""

    def __init__(self, program: str, args: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.program, self.args = program, args
        self.proc: QProcess | None = None
        self._estimate: list[tuple[int, int]] = []
        self._clock = QTimer(self, singleShot=False, timeout=self._tick)
        self._clock.setInterval(round(60_000 / WORDS_PER_MINUTE))

    def say(self, text: str) -> None:
        self.stop()
        proc = QProcess(self)
        proc.finished.connect(lambda *_a, p=proc: self._ended(p))
        proc.errorOccurred.connect(lambda _e, p=proc: self._ended(p))
        self.proc = proc
        self._estimate = words(text)
        proc.start(self.program, self.args)
        proc.write(text.encode("utf-8"))
        proc.closeWriteChannel()
        self._tick()
        self._clock.start()

    def stop(self) -> None:
        self._clock.stop()
        self._estimate = []
        proc, self.proc = self.proc, None
        if proc is not None and proc.state() != QProcess.ProcessState.NotRunning:
            proc.kill()
            proc.waitForFinished(1000)

    def _ended(self, proc: QProcess) -> None:
        if proc is not self.proc:
            return  # one that was stopped: its end is not the end of what is being read now
        self.proc = None
        self._clock.stop()
        self._estimate = []
        self.done.emit()

    def _tick(self) -> None:
        if self._estimate:
            self.word.emit(*self._estimate.pop(0))
        else:
            self._clock.stop()


def system_command() -> tuple[str, list[str]] | None:
    """The first speech command this computer has (``TESSERA_SPEECH_COMMAND`` names one: tests)."""
    named = os.environ.get("TESSERA_SPEECH_COMMAND", "")
    if named:
        return (named, []) if shutil.which(named) else None
    for program, args in SYSTEM_COMMANDS:
        found = shutil.which(program)
        if found:
            return found, args
    return None


def make_engine(parent: QObject | None = None) -> SpeechEngine | None:
    """The engine this computer has, or None (then read aloud says so instead of reading)."""
    choice = os.environ.get("TESSERA_SPEECH", "")
    if choice == "fake":
        return FakeSpeech(parent)
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:  # not in this build, or its audio library is missing
        log.info("no Qt text-to-speech (%s): the system's speech command reads instead", exc)
        command = system_command()
        return CommandSpeech(*command, parent) if command else None
    engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    if choice:
        engines = [choice]
    if not engines:
        return None
    engine = QtSpeech(engines[0], parent)
    if engine.tts.state() == QTextToSpeech.State.Error:
        log.info("text-to-speech engine %s: %s", engines[0], engine.tts.errorString())
        engine.deleteLater()
        return None
    return engine


class Reader(QObject):
    """Reads (widget, text) parts one after another and highlights each word in its widget: a label's
    word gets the palette's highlight behind it; a text box gets a highlight over the word."""

    finished = Signal()

    def __init__(self, engine: SpeechEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.parts: list[tuple[QWidget, str]] = []
        self.widget: QWidget | None = None
        self.text = ""
        self.current: tuple[int, int] | None = None  # the word being read: (start, length) in ``text``
        self._label_text: tuple[str, object] | None = None  # a label's own text and format, to put back
        self._shown = ""  # what the reader last put in the label (the page may have changed it since)
        self._mine: QTextCursor | None = None  # the highlight's cursor in a text box
        engine.word.connect(self._word)
        engine.done.connect(self._next)

    @property
    def reading(self) -> bool:
        return self.widget is not None

    def read(self, parts: list[tuple[QWidget, str]]) -> None:
        self.stop()
        self.parts = [(w, t) for w, t in parts if t.strip()]
        self._next()

    def stop(self) -> None:
        was = self.reading
        self.parts = []
        self._restore()
        if was:
            self.engine.stop()
            self.finished.emit()

    def current_word(self) -> str:
        if self.current is None:
            return ""
        start, length = self.current
        return self.text[start : start + length]

    def _next(self) -> None:
        was = self.reading
        self._restore()
        if not self.parts:
            if was:  # (an engine's "done" after stop() finds nothing being read)
                self.finished.emit()
            return
        self.widget, self.text = self.parts.pop(0)
        if isinstance(self.widget, QLabel):
            self._label_text = (self.widget.text(), self.widget.textFormat())
        self.engine.say(self.text)

    def _restore(self) -> None:
        """Take the highlight away, unless the page has put something else there meanwhile."""
        w = self.widget
        try:
            if (
                isinstance(w, QLabel)
                and self._label_text is not None
                and self._shown
                and w.text() == self._shown
            ):
                text, fmt = self._label_text
                w.setTextFormat(fmt)  # type: ignore[arg-type]
                w.setText(text)
            elif isinstance(w, QPlainTextEdit | QTextEdit):
                w.setExtraSelections(self._others(w))
        except RuntimeError:  # the widget was deleted while being read
            pass
        self.widget, self.text, self.current = None, "", None
        self._label_text, self._shown, self._mine = None, "", None

    def _others(self, w: QPlainTextEdit | QTextEdit) -> list:
        """The text box's own highlights (findings, comments), without the reader's."""
        sels = list(w.extraSelections())
        if sels and self._mine is not None and sels[-1].cursor == self._mine:
            sels.pop()
        return sels

    def _word(self, start: int, length: int) -> None:
        w = self.widget
        if w is None:
            return
        self.current = (start, length)
        if isinstance(w, QLabel):
            from html import escape

            pal = w.palette()
            back, fore = pal.highlight().color().name(), pal.highlightedText().color().name()
            t = self.text
            w.setTextFormat(w.textFormat().RichText)
            self._shown = (
                escape(t[:start]).replace("\n", "<br>")
                + f'<span style="background-color:{back}; color:{fore};">{escape(t[start : start + length])}</span>'
                + escape(t[start + length :]).replace("\n", "<br>")
            )
            w.setText(self._shown)
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(w.document())
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(w.palette().highlight())
            fmt.setForeground(QColor(w.palette().highlightedText().color()))
            sel.format = fmt
            others = self._others(w)
            self._mine = cursor
            w.setExtraSelections([*others, sel])
            w.ensureCursorVisible()
