"""A table's column header whose headings read upwards, so whole names fit above narrow columns
(the class heatmap: 40 to 120 skills, each column wide enough for "100"). The first ``flat``
sections (e.g. Student, Average) stay level. Sorting, clicking and tooltips work as usual."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

PAD = 6


class RotatedHeader(QHeaderView):
    def __init__(self, flat: int = 0, most: int = 180, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.flat, self.most = flat, most  # most: the tallest a heading may make the header (pixels)
        # QTableView sets these on the header it makes itself, not on one given to it.
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def _text(self, section: int) -> str:
        model = self.model()
        value = model.headerData(section, self.orientation()) if model is not None else None
        return "" if value is None else str(value).replace("\n", " ")

    def sizeHint(self) -> QSize:  # noqa: N802
        size = super().sizeHint()
        bold = self.font()
        bold.setBold(True)  # the current column's heading is bold: it must fit too
        fm = QFontMetrics(bold)
        names = (self._text(s) for s in range(self.flat, self.count()))
        longest = max((fm.horizontalAdvance(name) for name in names), default=0)
        size.setHeight(max(size.height(), min(longest, self.most) + 3 * PAD))
        return size

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:  # noqa: N802
        if section < self.flat:
            super().paintSection(painter, rect, section)
            return
        opt = QStyleOptionHeader()
        self.initStyleOption(opt)
        self.initStyleOptionForIndex(opt, section)
        opt.rect = rect
        opt.text = ""  # the style draws the frame and sort arrow; the heading is drawn turned below
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, opt, painter, self)
        painter.restore()
        painter.save()
        font = self.font()
        font.setBold(bool(opt.state & QStyle.StateFlag.State_On))  # the current cell's column, as Qt marks it
        painter.setFont(font)
        room = rect.height() - 3 * PAD  # a margin below, a wider one above
        shown = QFontMetrics(font).elidedText(self._text(section), Qt.TextElideMode.ElideRight, room)
        painter.setPen(opt.palette.color(opt.palette.ColorRole.ButtonText))
        painter.translate(rect.left(), rect.bottom() - PAD)
        painter.rotate(-90)  # read from bottom to top, each name starting just above its column
        painter.drawText(QRect(0, 0, room, rect.width()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)  # fmt: skip
        painter.restore()
