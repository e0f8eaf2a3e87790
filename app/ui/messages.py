"""Errors shown in plain words; the detail goes to the log."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import TesseraError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    if isinstance(exc, TesseraError):
        return str(exc)
    log.error("unexpected error: %r", exc, exc_info=exc)
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "Messages",
        "Something went wrong and Tessera could not finish that. Your saved work is safe. "
        "The details are in Tessera's log.",
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox  # here: its enums cost start-up time

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QMessageBox.tr("Tessera"),  # type: ignore[arg-type]  # tr on the class: PySide6 allows it
        error_text(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAccessibleName(QCoreApplication.translate("messages", "Error message"))
    box.open()  # non-blocking: tests and the self-test never hang on it
