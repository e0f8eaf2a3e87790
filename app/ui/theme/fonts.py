"""Bundled fonts: Atkinson Hyperlegible (the default, made for legibility) and OpenDyslexic (a
student's choice). Both are SIL Open Font License; their licences sit beside them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

from app.config import resources_dir

_loaded: dict[str, str] = {}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def load_bundled() -> dict[str, str]:
    """Register the shipped font files once; returns {file stem: family}."""
    if not _loaded:
        folder = fonts_dir()
        for path in sorted(folder.glob("*.[ot]tf")) if folder.is_dir() else []:
            fid = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            if families:
                _loaded[path.stem] = families[0]
        _loaded.setdefault("", "")
    return {k: v for k, v in _loaded.items() if k}


DEFAULT_FAMILY = "Atkinson Hyperlegible"
_preferred: dict[str, str] = {"family": DEFAULT_FAMILY}


def prefer(family: str) -> None:
    """The family a student chose (``""`` for the default)."""
    _preferred["family"] = family or DEFAULT_FAMILY


def family_for(system_family: str) -> str:
    """The preferred family if it is bundled, else the system's."""
    families = set(load_bundled().values())
    want = _preferred["family"]
    return want if want in families else system_family
