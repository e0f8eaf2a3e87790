"""View > Display…: colour scheme, text size and font, shown at once and kept for next time (on a
lab computer, or where the school's policy decides, for this session only, and the dialog says so)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.ui.theme import MAX_SCALE, MIN_SCALE, apply_theme, current_scale, fonts, set_role
from app.ui.theme.tokens import CHOICES


class DisplayDialog(QDialog):
    def __init__(self, settings: Settings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Display"))
        self.setAccessibleName(self.tr("Display settings"))
        words = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "high-contrast": self.tr("High contrast"),
        }
        self.scheme = QComboBox()
        self.scheme.setAccessibleName(self.tr("Colour scheme"))
        for key in CHOICES:
            self.scheme.addItem(words[key], key)
        self.text_size = QSpinBox()
        self.text_size.setAccessibleName(self.tr("Text size in percent"))
        self.text_size.setRange(MIN_SCALE, MAX_SCALE)
        self.text_size.setSingleStep(10)
        self.text_size.setSuffix(" %")
        self.font_box = QComboBox()
        self.font_box.setAccessibleName(self.tr("Font"))
        for key, word in (
            (fonts.DEFAULT, self.tr("Atkinson Hyperlegible (easy to read)")),
            (fonts.DYSLEXIC, self.tr("OpenDyslexic")),
            (fonts.SYSTEM_FONT, self.tr("The system's font")),
        ):
            self.font_box.addItem(word, key)
        from app.ui.theme import _state  # the choice in use, not only the scheme it resolved to

        self.scheme.setCurrentIndex(max(0, self.scheme.findData(_state["choice"])))
        self.text_size.setValue(current_scale())
        self.font_box.setCurrentIndex(max(0, self.font_box.findData(fonts.preferred())))
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Where the choice is kept"))
        set_role(self.note, "muted")
        form = QFormLayout()
        form.addRow(self.tr("&Colours:"), self.scheme)
        form.addRow(self.tr("&Text size:"), self.text_size)
        form.addRow(self.tr("&Font:"), self.font_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.scheme.currentIndexChanged.connect(lambda _i: self.apply())
        self.text_size.valueChanged.connect(lambda _v: self.apply())
        self.font_box.currentIndexChanged.connect(lambda _i: self.apply())

    def apply(self) -> None:
        from app.ui.theme.prefs import save_font, save_look

        choice, scale, font = self.scheme.currentData(), self.text_size.value(), self.font_box.currentData()
        fonts.prefer(font)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, choice, scale)
        kept = self.settings is not None and save_look(self.settings, choice, scale)
        kept = kept and self.settings is not None and save_font(self.settings, font)
        self.note.setText(
            self.tr("Kept for next time on this computer.")
            if kept
            else self.tr("For this session only: on this computer the school decides.")
        )


def install_display_menu(window: QMainWindow, settings: Callable[[], Settings | None]) -> None:
    """A View menu with Display… (Ctrl+Shift+D) on ``window``."""
    menu = window.menuBar().addMenu(window.tr("&View"))
    action = QAction(window.tr("&Display…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+D"))

    def show() -> None:
        DisplayDialog(settings(), window).exec()

    action.triggered.connect(show)
    menu.addAction(action)
    window.display_action = action  # type: ignore[attr-defined]
