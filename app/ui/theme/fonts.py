"""Bundled fonts (resources/fonts, SIL Open Font License, licences beside them): Atkinson
Hyperlegible, made by the Braille Institute for legibility, is the default; OpenDyslexic is a
reader's choice. "system" keeps the operating system's font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

from app.config import resources_dir

DEFAULT, DYSLEXIC, SYSTEM_FONT = "", "opendyslexic", "system"
FONT_CHOICES = (DEFAULT, DYSLEXIC, SYSTEM_FONT)
_FAMILIES = {DEFAULT: "Atkinson Hyperlegible", DYSLEXIC: "OpenDyslexic"}
_loaded: set[str] = set()
_state: dict[str, str | bool] = {"choice": DEFAULT, "tried": False}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def load_bundled() -> set[str]:
    """Register the shipped font files once; returns the families they hold."""
    if not _state["tried"]:
        _state["tried"] = True
        folder = fonts_dir()
        for path in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
            fid = QFontDatabase.addApplicationFont(str(path))
            if fid >= 0:
                _loaded.update(QFontDatabase.applicationFontFamilies(fid))
    return set(_loaded)


def prefer(choice: str) -> None:
    """The reader's font: ``""`` (Atkinson Hyperlegible), ``"opendyslexic"`` or ``"system"``."""
    _state["choice"] = choice if choice in FONT_CHOICES else DEFAULT


def preferred() -> str:
    return str(_state["choice"])


def family_for(system_family: str) -> str:
    """The chosen family if it is bundled, else the system's."""
    want = _FAMILIES.get(str(_state["choice"]))
    return want if want and want in load_bundled() else system_family
