"""Tessera's look in one place: colour schemes (follow the system, light, dark, high contrast),
named tokens, one generated stylesheet, a palette per scheme, and the text size.

``apply_theme(app, "dark", 150)`` sets it all; pages then name roles (``set_role(label, "muted")``)
and painting code asks ``colour("accent")`` or ``tokens()`` at paint time."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.theme.stylesheet import build_stylesheet
from app.ui.theme.tokens import CHOICES, DARK, HIGH_CONTRAST, LIGHT, SCHEME_TOKENS, SYSTEM, Scheme

__all__ = [
    "CHOICES",
    "apply_theme",
    "colour",
    "current_scheme",
    "notifier",
    "set_role",
    "tokens",
]

MIN_SCALE, MAX_SCALE = 100, 200


class _Notifier(QObject):
    """Painted widgets repaint when the scheme or text size changes."""

    changed = Signal()


_state: dict = {"choice": SYSTEM, "scheme": LIGHT, "scale": 100, "base_pt": None, "family": None}
_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def tokens() -> Scheme:
    return SCHEME_TOKENS[_state["scheme"]]


def colour(name: str) -> QColor:
    return QColor(getattr(tokens(), name))


def current_scheme() -> str:
    return _state["scheme"]


def current_scale() -> int:
    return _state["scale"]


def resolve_scheme(choice: str) -> str:
    """``system`` becomes light or dark from the OS (Qt 6.5+); an unknown word becomes light."""
    if choice in SCHEME_TOKENS:
        return choice
    hints = QGuiApplication.styleHints()
    from PySide6.QtCore import Qt

    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return DARK
    return LIGHT


def palette_for(t: Scheme) -> QPalette:
    p = QPalette()
    c = QColor
    roles = {
        QPalette.ColorRole.Window: t.window,
        QPalette.ColorRole.WindowText: t.text,
        QPalette.ColorRole.Base: t.surface,
        QPalette.ColorRole.AlternateBase: t.surface_alt,
        QPalette.ColorRole.ToolTipBase: t.surface,
        QPalette.ColorRole.ToolTipText: t.text,
        QPalette.ColorRole.PlaceholderText: t.muted,
        QPalette.ColorRole.Text: t.text,
        QPalette.ColorRole.Button: t.surface,
        QPalette.ColorRole.ButtonText: t.text,
        QPalette.ColorRole.BrightText: t.danger,
        QPalette.ColorRole.Highlight: t.accent_fill,
        QPalette.ColorRole.HighlightedText: t.on_accent,
        QPalette.ColorRole.Link: t.accent,
        QPalette.ColorRole.LinkVisited: t.accent,
        QPalette.ColorRole.Light: t.surface,
        QPalette.ColorRole.Midlight: t.surface_alt,
        QPalette.ColorRole.Mid: t.border,
        QPalette.ColorRole.Dark: t.border,
        QPalette.ColorRole.Shadow: t.window,
    }
    for role, value in roles.items():
        p.setColor(role, c(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, c(t.disabled))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, c(t.border))
    return p


def apply_theme(app: QApplication, choice: str = SYSTEM, scale: int = 100) -> str:
    """Apply a scheme choice and a text size (percent of the system's font size, 100-200) to the
    whole application; returns the scheme in use. Calling it again replaces both."""
    if _state["base_pt"] is None:
        base = app.font()
        _state["base_pt"] = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        _state["family"] = base.family()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _s: _follow_system(app))
    scale = max(MIN_SCALE, min(MAX_SCALE, int(scale)))
    scheme = resolve_scheme(choice)
    _state.update(choice=choice, scheme=scheme, scale=scale)
    from app.ui.theme import fonts

    family = fonts.family_for(_state["family"])
    font = QFont(app.font())
    font.setFamily(family)
    font.setPointSizeF(_state["base_pt"] * scale / 100)
    app.setStyle("Fusion")  # the one style that honours the palette on every platform
    app.setFont(font)
    t = SCHEME_TOKENS[scheme]
    app.setPalette(palette_for(t))
    app.setStyleSheet(build_stylesheet(t, font.pointSizeF()))
    from app.ui.theme.icons import refresh_icons

    refresh_icons(app.allWidgets())
    notifier().changed.emit()
    return scheme


def _follow_system(app: QApplication) -> None:
    if _state["choice"] == SYSTEM:
        apply_theme(app, SYSTEM, _state["scale"])


def set_role(widget: QWidget, role: str) -> None:
    """Name what ``widget`` is (``"muted"``, ``"title"``, ``"error"``, several words allowed);
    the stylesheet decides how that looks. Re-polishes, so a role may change at run time."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


__all__ += [
    "DARK",
    "HIGH_CONTRAST",
    "LIGHT",
    "SYSTEM",
    "current_scale",
    "palette_for",
    "reset_theme",
    "resolve_scheme",
]


def reset_theme(app: QApplication) -> None:
    """Back to Qt's defaults (tests that try a scheme leave the application as they found it)."""
    if _state["base_pt"] is None:
        return
    app.setStyleSheet("")
    app.setPalette(QPalette())
    font = QFont(app.font())
    font.setFamily(_state["family"])
    font.setPointSizeF(_state["base_pt"])
    app.setFont(font)
    _state.update(choice=SYSTEM, scheme=LIGHT, scale=100)
