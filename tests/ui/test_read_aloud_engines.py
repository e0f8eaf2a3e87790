"""Qt's text-to-speech behind the engine interface: Qt's own mock engine (word events, end of speech),
and the real engine of this computer where one is installed (speech-dispatcher on Linux)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

ROOT = Path(__file__).resolve().parent.parent.parent

TEXT = "Read this short sentence now"


def _engines() -> list[str]:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    return list(QTextToSpeech.availableEngines())


def test_qts_mock_engine_reports_each_word_and_the_end(qtbot):
    if "mock" not in _engines():
        pytest.skip("QtTextToSpeech does not load here (libpulse0 missing?) or has no mock engine")
    from app.ui.speech import QtSpeech, Reader

    label = QLabel(TEXT)
    qtbot.addWidget(label)
    engine = QtSpeech("mock")
    assert engine.word_events
    reader = Reader(engine)
    seen: list[str] = []
    engine.word.connect(lambda _s, _l: seen.append(reader.current_word()))
    with qtbot.waitSignal(reader.finished, timeout=20_000):
        reader.read([(label, TEXT)])
    assert seen == TEXT.split()
    assert label.text() == TEXT


REAL = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("TESSERA_SPEECH", None)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
from PySide6.QtTextToSpeech import QTextToSpeech
from app.ui.speech import QtSpeech, Reader, make_engine
out = {"engine": None}
engine = make_engine()
if engine is None or not engine.tts.availableVoices():
    print(json.dumps(out)); sys.exit(0)
out["engine"] = engine.tts.engine()
label = QLabel(sys.argv[1]); reader = Reader(engine)
out["moved"], out["states"], out["highlighted"] = [], [], False
def word(_s, _l):
    out["moved"].append(reader.current_word())
    out["highlighted"] = out["highlighted"] or "background-color" in label.text()
    if len(out["moved"]) == 3:
        reader.stop(); out["restored"] = label.text() == sys.argv[1]; app.quit()
engine.word.connect(word)
engine.tts.stateChanged.connect(lambda st: out["states"].append(st.name))
reader.read([(label, sys.argv[1])])
QTimer.singleShot(20000, app.quit)
app.exec()
print(json.dumps(out))
"""


def test_the_real_engine_speaks_and_the_highlight_moves():
    """In a child process: a speech service that hangs (speech-dispatcher with no audio device can) must
    not hang the suite; it is reported as a skip with that reason."""
    real = [e for e in _engines() if e != "mock"]
    if not real:
        pytest.skip("no speech engine on this computer (Linux: apt-get install speech-dispatcher espeak-ng)")
    env = {k: v for k, v in os.environ.items() if k != "TESSERA_SPEECH"}
    try:
        run = subprocess.run(
            [sys.executable, "-c", REAL, TEXT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        pytest.skip(f"the {real[0]} speech service did not answer in 60 s (no audio device here?)")
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith("{")]
    assert lines, run.stderr[-2000:]
    out = json.loads(lines[-1])
    if out["engine"] is None:
        pytest.skip(f"the engine {real[0]} is installed but has no voice or reports an error")
    assert "Speaking" in out["states"], out  # the engine took the text and spoke
    # word events from the engine, or the estimate of the speaking rate: either way word by word
    assert out["moved"] == TEXT.split()[:3], out
    assert out["highlighted"] and out["restored"], out
