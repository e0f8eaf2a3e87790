"""The board's PDF: the overview's HTML printed with Qt's PDF writer (safe off the UI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.errors import StorageError


def write_pdf(html: str, path: str | Path) -> Path:
    path = Path(path)
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 9))
    doc.setHtml(html)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle("School overview")
    writer.setCreator("Tessera")
    doc.print_(writer)
    del writer  # finishes the file
    try:
        tmp.replace(path)
    except OSError as exc:
        raise StorageError(f"The board's PDF could not be saved to {path}: {exc.strerror or exc}.") from exc
    return path
