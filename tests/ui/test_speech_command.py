"""Read aloud where Qt's speech module is not in the build (the installers): the system's own speech
command reads, in a real child process, with the text on standard input; the highlight moves word by
word and Stop ends it. A stand-in command records what it was given."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from app.ui import speech


@pytest.fixture
def recorder(tmp_path, monkeypatch):
    out = tmp_path / "said.txt"
    script = tmp_path / "fake-say"
    script.write_text(
        f"#!{sys.executable}\nimport sys, time\ndata = sys.stdin.buffer.read()\n"
        f"open({str(out)!r}, 'wb').write(data)\ntime.sleep(float(sys.argv[1]) if len(sys.argv) > 1 else 0.3)\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("TESSERA_SPEECH_COMMAND", "fake-say")
    monkeypatch.delenv("TESSERA_SPEECH", raising=False)
    return out


def test_without_qt_speech_the_system_command_reads_the_text_given_on_stdin(qtbot, recorder, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # as in the installed bundle
    engine = speech.make_engine()
    assert isinstance(engine, speech.CommandSpeech)
    seen: list[tuple[int, int]] = []
    engine.word.connect(lambda s, n: seen.append((s, n)))
    text = "Which fraction is bigger; 3/4 or 2/3? $(rm -rf ~) `and` 'quotes'"
    with qtbot.waitSignal(engine.done, timeout=10_000):
        engine.say(text)
    assert recorder.read_bytes().decode("utf-8") == text  # whole, and never through a shell
    assert seen[0] == (0, len("Which")) and len(seen) >= 1


def test_stop_ends_the_command_and_a_stopped_one_does_not_end_the_next(qtbot, recorder, monkeypatch):
    engine = speech.CommandSpeech("fake-say", ["5"])
    engine.say("a long text that would take five seconds")
    qtbot.waitUntil(lambda: recorder.exists(), timeout=10_000)
    first = engine.proc
    ended: list[int] = []
    engine.done.connect(lambda: ended.append(1))
    engine.stop()
    assert first is not None and first.state() == first.ProcessState.NotRunning
    assert engine.proc is None and ended == []
    engine.args = ["0.1"]
    with qtbot.waitSignal(engine.done, timeout=10_000):
        engine.say("next")
    assert ended == [1]


def test_no_speech_at_all_says_so(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    monkeypatch.setenv("TESSERA_SPEECH_COMMAND", "no-such-speech-command")
    monkeypatch.delenv("TESSERA_SPEECH", raising=False)
    assert speech.make_engine() is None
