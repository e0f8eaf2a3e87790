"""PySide6's import hook answers the same question without keeping every module's source."""

from __future__ import annotations

import linecache
import sys

import app.ui  # noqa: F401  (installs the light hook)


def _write_module(tmp_path, name: str, body: str):  # noqa: ANN001, ANN202
    (tmp_path / f"{name}.py").write_text(body)
    sys.path.insert(0, str(tmp_path))
    try:
        __import__(name)  # the statement's path, which PySide6 watches
        return sys.modules[name]
    finally:
        sys.path.remove(str(tmp_path))


def test_modules_are_classified_without_filling_linecache(tmp_path) -> None:  # noqa: ANN001
    feature = sys.modules["shibokensupport.feature"]
    plain = _write_module(tmp_path, "tessera_plain_mod", "X = 1\n")
    qt = _write_module(tmp_path, "tessera_qt_mod", "from PySide6.QtCore import QObject\n")
    # the hook ran on import: PySide users get 0 ("no feature"), the rest -1 ("ignore")
    assert feature.pyside_feature_dict["tessera_plain_mod"] == -1
    assert feature.pyside_feature_dict["tessera_qt_mod"] == 0
    assert feature._mod_uses_pyside(qt) is True
    assert feature._mod_uses_pyside(plain) is False
    assert plain.__file__ not in linecache.cache
    assert qt.__file__ not in linecache.cache


def test_builtin_modules_fall_back_to_the_original_check() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside(sys) is False
