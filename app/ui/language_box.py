"""The language chooser in the header: the user's own choice, used from the next start (the pages and
the sentences below the UI are translated as they are built). A language set by the school's policy
shows as such and cannot be changed here."""

from __future__ import annotations

import json
import os
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.ui.language import CHOICES, current


def save_language(settings: Any, code: str) -> None:
    """The user's language in ``settings.json``. Written there on a lab machine too: the file's other
    keys are not read there (app/config.py), and a language cannot weaken the lab's protections."""
    settings.user["language"] = code
    path = settings.user_settings_path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings.user, indent=2), encoding="utf-8")
    os.replace(tmp, path)


class LanguageBox(QWidget):
    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Language"))
        self.combo.addItem(self.tr("System language"), "")
        for code, name in CHOICES[1:]:
            self.combo.addItem(name, code)  # each language in its own words, as people look for it
        chosen = str(settings.user.get("language") or "")
        self.combo.setCurrentIndex(max(0, self.combo.findData(chosen)))
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.combo)
        self.note = QLabel("")
        self.note.setAccessibleName(self.tr("Language status"))
        if str(settings.policy.get("language") or ""):
            self.combo.setEnabled(False)
            self.combo.setToolTip(self.tr("Set by your school for this computer."))
        self.combo.activated.connect(self._chosen)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo)
        row.addWidget(self.note)

    def _chosen(self, index: int) -> None:
        code = self.combo.itemData(index) or ""
        try:
            save_language(self.settings, code)
        except OSError as exc:
            self.note.setText(
                self.tr("Could not save the choice: %1").replace("%1", exc.strerror or str(exc))
            )
            return
        shown = code or current()
        self.note.setText("" if shown == current() else self.tr("From the next start of Tessera."))


def add_to_header(area: Any, header: Any) -> LanguageBox | None:
    """Before the status and Sign out, for everyone signed in."""
    settings = getattr(area.ctx, "settings", None)
    if settings is None:
        return None
    box = LanguageBox(settings, area)
    header.insertWidget(header.count() - 2, box)
    return box
