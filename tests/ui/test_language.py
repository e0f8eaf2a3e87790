"""Which language Tessera speaks, and that Spanish reaches the screen: UI strings, the sentences built
below the UI, plurals, Qt's own buttons, numbers. Translators are installed in a child process, so
this test run's own widgets stay in English."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.config import load_settings
from app.ui.language import chosen_language, normalise
from app.ui.language_box import LanguageBox

REPO = Path(__file__).resolve().parents[2]


def _child(code: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_command_line_then_policy_then_user_then_system(monkeypatch):
    s = SimpleNamespace(policy={}, user={}, machine={})
    monkeypatch.setattr("app.ui.language.QLocale.system", lambda: SimpleNamespace(name=lambda: "es_AR"))
    assert chosen_language(s) == "es"  # the system's
    s.user["language"] = "en"
    assert chosen_language(s) == "en"  # the user's own choice beats the system
    s.policy["language"] = "es_MX"
    assert chosen_language(s) == "es"  # the school's policy beats the user
    assert chosen_language(s, cli="en") == "en"  # an admin's script beats all
    assert chosen_language(s, cli="pseudo") == "pseudo"
    assert [normalise(c) for c in ("es-419", "ES_co", "Español", "fr_FR", "", "ar-pseudo")] == [
        "es", "es", "es", "en", "en", "ar-pseudo",
    ]  # fmt: skip


def test_the_chooser_saves_the_users_choice_and_yields_to_the_policy(qtbot, tmp_path):
    settings = load_settings(str(tmp_path))
    box = LanguageBox(settings)
    qtbot.addWidget(box)
    box.combo.setCurrentIndex(box.combo.findData("es"))
    box.combo.activated.emit(box.combo.currentIndex())
    assert json.loads(settings.user_settings_path.read_text())["language"] == "es"
    assert load_settings(str(tmp_path)).user["language"] == "es"
    assert box.note.text() == "From the next start of Tessera."
    settings.policy["language"] = "en"
    locked = LanguageBox(settings)
    qtbot.addWidget(locked)
    assert not locked.combo.isEnabled()


SPANISH = r"""
import json
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
app = QApplication([])
from app.ui.plurals import install_plurals
install_plurals(app)
from app.ui.language import setup_language
setup_language(app, "es")
from app.i18n import _
from app.ui.locale_format import number
from app.ui.widgets.diff_view import plural
from PySide6.QtWidgets import QWidget
box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
from app.ui.widgets.findings_panel import FindingsPanel
panel = FindingsPanel()
print(json.dumps({
    "writing_note": [panel.english_only.isVisibleTo(panel), panel.english_only.text()],
    "ui": QCoreApplication.translate("MainArea", "Si&gn out"),
    "ui_plural": QCoreApplication.translate("RosterPage", "%n student(s)", None, 3),
    "below": _("That PIN is not right. Try again."),
    "below_args": _("Review {name}", name="Fracciones"),
    "below_plural": [_("in %n minute(s)", n=1), _("in %n minute(s)", n=5)],
    "table_label": QCoreApplication.translate("MainArea", "Class roster"),
    "words": plural(QWidget(), 3, "word"),
    "qt_button": box.buttons()[0].text(),
    "numbers": [number(1500), number(1.5)],
}))
"""


def test_spanish_reaches_every_kind_of_text():
    run = _child(SPANISH)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["ui"] == "&Cerrar sesión"
    assert out["ui_plural"] == "3 estudiantes"
    assert out["below"] == "Ese PIN no es correcto. Inténtalo otra vez."
    assert out["below_args"] == "Repasar Fracciones"
    assert out["below_plural"] == ["en 1 minuto", "en 5 minutos"]
    assert out["table_label"] == "Lista de la clase"  # shown with tr(variable): found by its source
    assert out["words"] == "3 palabras"
    assert out["qt_button"].replace("&", "") == "Cancelar"  # Qt's own catalogue, qtbase_es
    assert out["numbers"] == ["1.500", "1,5"]
    assert out["writing_note"] == [
        True, "Por ahora, las revisiones de escritura solo leen inglés: sus sugerencias están en inglés."
    ]  # fmt: skip


def test_in_english_the_writing_checks_need_no_note(qtbot):
    from app.ui.widgets.findings_panel import FindingsPanel

    panel = FindingsPanel()
    qtbot.addWidget(panel)
    assert not panel.english_only.isVisibleTo(panel)


@pytest.mark.parametrize("lang", ["ar-pseudo"])
def test_every_main_screen_in_the_pseudo_locale_shows_no_untranslated_text(lang):
    """Welcome, sign-in, and every teacher and student page, right to left with marked text: any
    visible text without the markers never passed through translation (user data excepted)."""
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "untranslated.py"), "--lang", lang, "--json"],
        cwd=REPO, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True,
        timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout[run.stdout.index("{") :])
    assert report["screens"] >= 16
    assert report["direction"] == "RightToLeft"
    assert {screen: found for screen, found in report["untranslated"].items() if found} == {}


def test_the_self_test_runs_in_spanish():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-m", "app", "--lang", "es", "--self-test"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "self-test passed" in run.stdout
