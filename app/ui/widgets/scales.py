"""Friendly 1-5 scales for check-ins: painted faces for mood and batteries for energy (no emoji
font needed), each with a word, as a row of buttons reachable by Tab and the arrow keys."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from app.ui.theme import colour, set_role, tokens


def level_colour(level: int) -> QColor:
    """The scale's colour for a level 1-5 (theme tokens; the same in every scheme)."""
    moods = tokens().moods
    return QColor(moods[min(max(level, 1), len(moods)) - 1])


def mood_pixmap(level: int, size: int = 40) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = level_colour(level)
    p.setPen(QPen(color.darker(130), max(1.5, size / 20)))
    p.setBrush(color.lighter(170))
    m = size * 0.06
    p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m))
    p.setBrush(color.darker(150))
    p.setPen(Qt.PenStyle.NoPen)
    r = size * 0.06
    p.drawEllipse(QPointF(size * 0.36, size * 0.4), r, r)
    p.drawEllipse(QPointF(size * 0.64, size * 0.4), r, r)
    p.setPen(QPen(color.darker(150), max(1.5, size / 16), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    curve = (level - 3) * size * 0.09  # below 3 a frown, above a smile
    y = size * 0.66 - curve / 2
    path = QPainterPath(QPointF(size * 0.3, y))
    path.quadTo(QPointF(size * 0.5, y + 2 * curve), QPointF(size * 0.7, y))
    p.drawPath(path)
    p.end()
    return pm


def energy_pixmap(level: int, size: int = 40) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = level_colour(level)
    body = QRectF(size * 0.08, size * 0.25, size * 0.76, size * 0.5)
    p.setPen(QPen(colour("text"), max(1.5, size / 20)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(body, size * 0.06, size * 0.06)
    p.setBrush(colour("text"))
    p.drawRect(QRectF(size * 0.84, size * 0.4, size * 0.08, size * 0.2))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    gap = size * 0.03
    cell = (body.width() - 6 * gap) / 5
    for i in range(level):
        p.drawRect(
            QRectF(
                body.left() + gap + i * (cell + gap), body.top() + gap * 1.5, cell, body.height() - 3 * gap
            )
        )
    p.end()
    return pm


class ScalePicker(QWidget):
    """Five exclusive buttons; ``value()`` is 0 until one is chosen."""

    changed = Signal(int)

    def __init__(self, kind: str, words: dict[int, str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr(name))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        paint = mood_pixmap if kind == "mood" else energy_pixmap
        self.buttons: dict[int, QToolButton] = {}
        for level in range(1, 6):
            b = QToolButton()
            b.setCheckable(True)
            b.setIcon(QIcon(paint(level, 44)))
            b.setIconSize(QSize(44, 44))
            b.setText(words[level])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            b.setMinimumWidth(96)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.setAccessibleName(
                self.tr("%1: %2 of 5, %3")
                .replace("%1", self.accessibleName())
                .replace("%2", str(level))
                .replace("%3", str(words[level]))
            )
            set_role(b, "choice")
            self.group.addButton(b, level)
            self.buttons[level] = b
            row.addWidget(b)
        row.addStretch(1)
        self.group.idClicked.connect(self.changed)

    def value(self) -> int:
        return max(0, self.group.checkedId())

    def set_value(self, level: int) -> None:
        if level in self.buttons:
            self.buttons[level].setChecked(True)
        else:
            self.group.setExclusive(False)
            for b in self.buttons.values():
                b.setChecked(False)
            self.group.setExclusive(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()), 0)
        if step:
            level = min(5, max(1, (self.value() or 3) + step))
            self.buttons[level].setChecked(True)
            self.buttons[level].setFocus()
            self.changed.emit(level)
            return
        super().keyPressEvent(event)
