"""The board's PDF: the overview's HTML printed with Qt's PDF writer (safe off the UI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QTextDocument

from app.ui.widgets.pdf_file import write_pdf_file


def write_pdf(html: str, path: str | Path) -> Path:
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 9))
    doc.setHtml(html)
    return write_pdf_file(path, doc.print_, title="School overview", what="The board's PDF", margins_mm=12,
                          resolution=150, landscape=True)  # fmt: skip
