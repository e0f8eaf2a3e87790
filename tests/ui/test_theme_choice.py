"""The look is chosen on the command line, by machine policy or by the user, in that order; it can
be kept for next time; "system" follows the OS (issue 18)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.config import load_settings
from app.ui.theme import apply_theme, current_scale, current_scheme, reset_theme, tokens
from app.ui.theme.prefs import chosen_look, save_look


@pytest.fixture
def settings(tmp_path, monkeypatch):
    return load_settings(str(tmp_path / "data"))


def test_built_in_is_follow_the_system_at_100(settings):
    assert chosen_look(settings) == ("system", 100)


def test_user_choice_is_kept_and_read_back(settings, tmp_path):
    (tmp_path / "data").mkdir()
    assert save_look(settings, "high-contrast", 175) is True
    again = load_settings(str(tmp_path / "data"))
    assert chosen_look(again) == ("high-contrast", 175)


def test_policy_presets_and_locks_the_look(tmp_path, monkeypatch):
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"theme": "dark", "text_scale": "150"}), encoding="utf-8")
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(policy))
    (tmp_path / "data").mkdir()
    s = load_settings(str(tmp_path / "data"))
    assert chosen_look(s) == ("dark", 150)
    assert save_look(s, "light", 100) is False  # the school decided: not kept
    assert chosen_look(load_settings(str(tmp_path / "data"))) == ("dark", 150)
    # the command line (tests, admins' scripts) still wins for this run
    assert chosen_look(s, {"theme": "high-contrast", "text_scale": 200}) == ("high-contrast", 200)


def test_nonsense_is_refused_or_bounded(settings):
    assert chosen_look(settings, {"theme": "purple", "text_scale": 900}) == ("system", 200)
    assert chosen_look(settings, {"text_scale": 20}) == ("system", 100)
    with pytest.raises(ValueError):
        save_look(settings, "purple", 100)


def test_apply_sets_palette_font_and_stylesheet(qapp):
    base = qapp.font().pointSizeF()
    try:
        assert apply_theme(qapp, "dark", 200) == "dark"
        assert current_scheme() == "dark" and current_scale() == 200
        assert qapp.palette().window().color().name() == tokens().window
        assert qapp.font().pointSizeF() == pytest.approx(base * 2, rel=0.01)
        assert 'QLabel[role~="muted"]' in qapp.styleSheet() and tokens().muted in qapp.styleSheet()
        # follow the system: light or dark from the OS, never high contrast by accident
        assert apply_theme(qapp, "system", 100) in ("light", "dark")
    finally:
        reset_theme(qapp)
    assert qapp.styleSheet() == "" and qapp.font().pointSizeF() == pytest.approx(base)


def test_command_line_self_test_in_dark_at_200(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "app", "--theme", "dark", "--text-scale", "200", "--self-test",
         "--data-dir", str(tmp_path / "st")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    assert "self-test passed" in out.stdout and "home: dark 200%" in out.stdout


def test_command_line_refuses_an_unknown_theme():
    out = subprocess.run(
        [sys.executable, "-m", "app", "--theme", "purple", "--self-test"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and "invalid choice" in out.stderr


def test_display_dialog_applies_and_keeps(qapp, qtbot, settings, tmp_path):
    from app.ui.theme import fonts
    from app.ui.theme.dialog import DisplayDialog

    (tmp_path / "data").mkdir()
    dialog = DisplayDialog(settings)
    qtbot.addWidget(dialog)
    try:
        dialog.scheme.setCurrentIndex(dialog.scheme.findData("high-contrast"))
        dialog.text_size.setValue(150)
        dialog.font_box.setCurrentIndex(dialog.font_box.findData(fonts.DYSLEXIC))
        assert current_scheme() == "high-contrast" and current_scale() == 150
        assert qapp.font().family() == "OpenDyslexic"
        again = load_settings(str(tmp_path / "data"))
        assert chosen_look(again) == ("high-contrast", 150) and again.get("font") == "opendyslexic"
        assert "next time" in dialog.note.text()
    finally:
        fonts.prefer(fonts.DEFAULT)
        reset_theme(qapp)


def test_lab_machine_keeps_the_look_for_the_session_only(tmp_path, monkeypatch):
    """A student on a lab machine cannot set the look machine-wide through the teacher's settings."""
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"lab_mode": True}), encoding="utf-8")
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(policy))
    (tmp_path / "data").mkdir()
    s = load_settings(str(tmp_path / "data"))
    written = []
    s.save_teacher = lambda key, value: written.append((key, value))
    assert save_look(s, "dark", 200) is False
    from app.ui.theme.prefs import save_font

    assert save_font(s, "opendyslexic") is False
    assert written == [] and chosen_look(s) == ("system", 100)
