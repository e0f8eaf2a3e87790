"""app.i18n: sentences built below the UI, translated by whatever translator the UI installs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app import i18n
from app.i18n import N_, _


@pytest.fixture
def translator():
    seen = []

    def fake(context: str, source: str, n: int):
        seen.append((context, source, n))
        return {
            "Your milestone “{title}” is due {when}.": "Tu hito «{title}» vence {when}.",
            "%n essay(s) to read": "%n ensayo por leer" if n == 1 else "%n ensayos por leer",
        }.get(source)

    i18n.install(fake)
    yield seen
    i18n.install(None)


def test_english_without_a_translator_fills_in_and_makes_plurals():
    assert _("Your milestone “{title}” is due {when}.", title="Poster", when="today") == (
        "Your milestone “Poster” is due today."
    )
    assert _("%n essay(s) to read", n=1) == "1 essay to read"
    assert _("%n essay(s) to read", n=4) == "4 essays to read"
    assert _("Braces {stay} as they are") == "Braces {stay} as they are"  # no arguments, no format
    assert N_("Marked only") == "Marked only"


def test_translation_comes_first_and_the_arguments_after(translator):
    # The argument holds a brace and a placeholder-like text: it is filled in after translation,
    # so it cannot change the sentence's shape.
    out = _("Your milestone “{title}” is due {when}.", title="{when} %n", when="hoy")
    assert out == "Tu hito «{when} %n» vence hoy."
    assert translator[0] == (i18n.CONTEXT, "Your milestone “{title}” is due {when}.", -1)
    assert _("%n essay(s) to read", n=1) == "1 ensayo por leer"
    assert _("%n essay(s) to read", n=3) == "3 ensayos por leer"
    assert _("Not in the catalogue") == "Not in the catalogue"  # no translation: English


def test_i18n_imports_nothing_of_qt():
    tree = ast.parse(Path(i18n.__file__).read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(m.startswith(("PySide6", "shiboken6")) for m in imported)


def test_a_service_message_reaches_the_translator(translator):
    """A message raised deep in a service passes through the installed translator."""
    from app.people.accounts import _wait_words

    _wait_words(30)
    assert any(source == "%n second(s)" and n == 30 for _c, source, n in translator)
