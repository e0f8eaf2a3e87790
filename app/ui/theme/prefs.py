"""The look a person chose, where it is kept, and in what order choices win: the command line (for
tests and admins' scripts) > machine policy > the user's own choice > built-in (follow the system,
100 %). On a lab machine the choice lasts for the session (the machine's settings are the school's)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QApplication

from app.config import Settings
from app.errors import TesseraError
from app.ui.theme import MAX_SCALE, MIN_SCALE, apply_theme
from app.ui.theme.tokens import CHOICES, SYSTEM

log = logging.getLogger(__name__)


def _scale(value: Any) -> int:
    try:
        return max(MIN_SCALE, min(MAX_SCALE, int(value)))
    except (TypeError, ValueError):
        return 100


def chosen_look(settings: Settings, override: dict[str, Any] | None = None) -> tuple[str, int]:
    """(scheme choice, text scale) from the command line's ``override``, else the settings."""
    override = override or {}
    choice = override.get("theme") or settings.get("theme") or SYSTEM
    if choice not in CHOICES:
        log.warning("theme %r is not one of %s; following the system", choice, ", ".join(CHOICES))
        choice = SYSTEM
    scale = override.get("text_scale") or settings.get("text_scale") or 100
    return choice, _scale(scale)


def apply_look(app: QApplication, settings: Settings, override: dict[str, Any] | None = None) -> str:
    from app.ui.theme import fonts

    fonts.prefer(str(settings.get("font") or ""))
    choice, scale = chosen_look(settings, override)
    return apply_theme(app, choice, scale)


def save_look(settings: Settings, choice: str, scale: int) -> bool:
    """Keep the person's choice for next time; False when only this session gets it (a lab machine
    or a school policy decides)."""
    if choice not in CHOICES:
        raise ValueError(choice)
    if settings.lab_mode:  # the machine's settings are the school's (and set_user would make it machine-wide)
        return False
    kept = True
    for key, value in (("theme", choice), ("text_scale", _scale(scale))):
        if settings.is_locked(key):
            kept = False
            continue
        try:
            settings.set_user(key, value)
        except (TesseraError, OSError) as exc:
            log.info("look kept for this session only: %s", exc)
            kept = False
    return kept


def save_font(settings: Settings, font: str) -> bool:
    """Keep the reader's font (``""``, ``"opendyslexic"`` or ``"system"``); False: this session only."""
    if settings.lab_mode or settings.is_locked("font"):
        return False
    try:
        settings.set_user("font", font)
    except (TesseraError, OSError) as exc:
        log.info("font kept for this session only: %s", exc)
        return False
    return True
