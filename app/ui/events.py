"""What changed: screens subscribe to topics instead of reaching into each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    """Emit ``changed("roster")`` after a write; open screens that show rosters refresh."""

    changed = Signal(str)
