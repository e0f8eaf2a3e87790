"""The Spanish catalogue ships current and complete (what release checks, run in CI with the tests)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

REPO = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("tessera_i18n_script", REPO / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalogue_is_current_complete_and_compiled():
    """lupdate over the code finds nothing new or gone, nothing is unfinished, every placeholder of
    the source is in its translation, and the .qm is built from this .ts."""
    assert _script().problems() == []


def test_the_check_catches_a_new_string_a_missing_placeholder_and_an_unfinished_entry(tmp_path):
    i18n = _script()
    ts = tmp_path / "tessera_es.ts"
    shutil.copy(i18n.TS, ts)
    text = ts.read_text(encoding="utf-8")
    # a translation that lost its placeholder, and one left unfinished
    text = text.replace("<translation>Guardado: %1</translation>", "<translation>Guardado</translation>", 1)
    text = text.replace(
        "<translation>Primero elige tu nombre.</translation>",
        '<translation type="unfinished">Primero elige tu nombre.</translation>',
        1,
    )
    # a source string the code no longer has (as if the code gained or lost one)
    text = text.replace("<source>Pick your name first.</source>", "<source>Pick a name first.</source>", 1)
    ts.write_text(text, encoding="utf-8")
    found = "\n".join(i18n.problems(ts))
    assert "placeholders differ" in found and "Guardado" in found
    assert "unfinished" in found
    assert "not in the catalogue" in found and "Pick your name first." in found
    assert "no longer in the code" in found and "Pick a name first." in found


def test_every_entry_is_spanish_not_a_copy_of_the_english():
    """A translation equal to its source is allowed only where Spanish writes it the same."""
    same_ok = {"Tessera", "PIN", "&PIN", " min", "PDF (*.pdf)", "CSV (*.csv)", "Plan", "Id", "no, %1"}
    same_ok.add("Plan: {title}: {words}")
    copies = [s for _c, s, forms, _k in _script().entries() if s in forms and s not in same_ok]
    assert copies == []


def test_the_marked_sentences_below_the_ui_are_in_the_catalogue():
    i18n = _script()
    marked = {text for text, _plural in i18n.marked_strings()}
    catalogue = {s for _c, s, _f, _k in i18n.entries()}
    assert len(marked) > 700  # the sentences of services, planning, practice, sync...
    assert marked <= catalogue


def test_qt_ships_its_own_spanish_and_the_bundle_keeps_it():
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_es.qm").exists()
    import sys

    sys.path.insert(0, str(REPO / "installer"))
    try:
        import bundle_trim
    finally:
        sys.path.pop(0)
    langs = bundle_trim.shipped_languages(REPO / "resources")
    assert "es" in langs
    assert bundle_trim.keep("PySide6/Qt/translations/qtbase_es.qm", langs)
    assert not bundle_trim.keep("PySide6/Qt/translations/qtbase_de.qm", langs)
    assert not bundle_trim.keep("PySide6/Qt/translations/qtmultimedia_es.qm", langs)
