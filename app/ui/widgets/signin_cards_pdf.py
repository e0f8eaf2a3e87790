"""Sign-in cards for the first lesson, printed to PDF with Qt's own writer (as the progress report is):
A4, ten cards a page (two columns of five) with dashed lines to cut along; each card names the class,
the student (in full, and as the sign-in screen lists them) and their PIN. Safe on a worker thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter, QPen, QTextOption

from app.people.class_pins import IssuedPin
from app.ui.theme.tokens import PRINT
from app.ui.widgets.pdf_file import write_pdf_file

COLUMNS, ROWS = 2, 5
PER_PAGE = COLUMNS * ROWS


def _text(p: QPainter, rect: QRectF, text: str, size: float, bold: bool = False, colour: str = PRINT.text,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:  # fmt: skip
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    p.setFont(font)
    p.setPen(QColor(colour))
    option = QTextOption(align | Qt.AlignmentFlag.AlignVCenter)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    # Names in any script keep their own direction (a right-to-left name is not reversed).
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    p.drawText(rect, p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width())), option)


def paint_card(p: QPainter, box: QRectF, class_name: str, card: IssuedPin) -> None:
    """One card in ``box`` (device pixels)."""
    pad = box.width() * 0.06
    inner = box.adjusted(pad, pad, -pad, -pad)
    h = inner.height()

    def line(top, height):
        return QRectF(inner.left(), inner.top() + h * top, inner.width(), h * height)

    _text(p, line(0.00, 0.14), "Tessera \u00b7 sign-in card", 9, colour=PRINT.muted)
    _text(p, line(0.14, 0.16), f"Class: {class_name}", 11)
    _text(p, line(0.32, 0.22), card.name, 17, bold=True)
    _text(p, line(0.54, 0.12), f"On the sign-in screen: {card.sign_in_name}", 9, colour=PRINT.muted)
    _text(p, line(0.68, 0.22), f"PIN: {card.pin}", 20, bold=True, colour=PRINT.accent)
    _text(p, line(0.90, 0.10), "Pick your class and name, then type your PIN. Keep it secret.", 7,
          colour=PRINT.muted)  # fmt: skip


def write_signin_cards(
    class_name: str, cards: list[IssuedPin] | tuple[IssuedPin, ...], path: str | Path
) -> Path:
    """The cards as a PDF at ``path`` (written whole or not at all)."""

    def paint(writer: QPdfWriter) -> None:
        p = QPainter(writer)
        try:
            page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
            page.moveTo(0, 0)
            w, h = page.width() / COLUMNS, page.height() / ROWS
            cut = QPen(QColor(PRINT.border))
            cut.setStyle(Qt.PenStyle.DashLine)
            cut.setWidthF(3)
            for i, card in enumerate(cards):
                if i and i % PER_PAGE == 0:
                    writer.newPage()
                k = i % PER_PAGE
                box = QRectF(page.left() + (k % COLUMNS) * w, page.top() + (k // COLUMNS) * h, w, h)
                p.setPen(cut)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(box)
                paint_card(p, box, class_name, card)
        finally:
            p.end()

    return write_pdf_file(path, paint, title=f"{class_name}: sign-in cards", what="The sign-in cards",
                          margins_mm=10)  # fmt: skip
